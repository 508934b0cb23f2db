// The seeds through the stages before ours (parse-metadata, split-paragraphs) and strip-boilerplate:
// the clean body must equal tests/expected/*.json `paragraphs`, and every `removed` text must be gone
// from it and present in the audit events. (decode is left out: it only normalises characters. Seed
// 001 is left out: its only furniture is repeats, which dedupe-paragraphs removes; the golden test
// covers it through the whole pipeline.)
import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { makeDoc, type StageEvent } from "../pipeline/model.js"
import { defaultOptions, type DocumentStage } from "../pipeline/stage.js"
import { parseMetadataStage } from "../stages/parse-metadata.js"
import { splitParagraphsStage } from "../stages/split-paragraphs.js"
import { stripBoilerplate } from "../stages/strip-boilerplate.js"

const root = join(import.meta.dirname, "..")
const squash = (s: string) => s.replace(/\s+/g, " ").trim()

describe("seeds through strip-boilerplate", () => {
  for (const id of ["000_8d47757346265ea4", "002_ee2e01ba6cc81a54", "003_9efbe070475e7987", "004_174c7796183d4116"]) {
    it(id, () => {
      let doc = makeDoc({ id, sourceFile: `seeds/${id}.txt`, body: readFileSync(join(root, "seeds", `${id}.txt`), "utf8") })
      const events: StageEvent[] = []
      for (const stage of [parseMetadataStage, splitParagraphsStage, stripBoilerplate] as ReadonlyArray<DocumentStage<any>>) {
        const r = stage.run(doc, defaultOptions(stage))
        doc = r.doc
        events.push(...r.events)
      }
      const expected = JSON.parse(readFileSync(join(root, "tests", "expected", `${id}.json`), "utf8")) as {
        paragraphs: string[]
        removed: Array<{ text: string; kind: string }>
      }
      expect(doc.paragraphs).toEqual(expected.paragraphs)
      const kept = squash(doc.paragraphs.join("\n\n"))
      const trail = squash(events.map((e) => e.text).join(" "))
      for (const r of expected.removed) {
        for (const line of r.text.split("\n").filter((l) => l.trim())) {
          if (squash(line).length >= 12) expect(kept).not.toContain(squash(line))
          expect(trail).toContain(squash(line))
        }
      }
    })
  }
})
