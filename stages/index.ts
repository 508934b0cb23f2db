// The one ordered list of stages: the runner, `pipeline stages`, `--only` and the config all read it.
import type { Stage } from "../pipeline/stage.js"
import { decode } from "./decode.js"
import { dedupeDocuments } from "./dedupe-documents.js"
import { dedupeParagraphs } from "./dedupe-paragraphs.js"
import { parseMetadataStage } from "./parse-metadata.js"
import { normaliseDates } from "./normalise-dates.js"
import { normaliseEntities } from "./normalise-entities.js"
import { splitParagraphsStage } from "./split-paragraphs.js"
import { stripBoilerplate } from "./strip-boilerplate.js"
import { stripSiteFurniture } from "./strip-site-furniture.js"

export const registry: ReadonlyArray<Stage> = [
  decode,
  parseMetadataStage,
  splitParagraphsStage,
  stripBoilerplate,
  stripSiteFurniture,
  dedupeParagraphs,
  normaliseDates,
  normaliseEntities,
  dedupeDocuments
]
