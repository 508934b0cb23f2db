// Credit lines (`Source: Reuters`, `Photo: Jane Doe/AP`): one set of labels and one matcher for the
// stages that read them (parse-metadata takes them out and fills `source`; strip-boilerplate
// removes any that reach it when parse-metadata did not run).

/** Labels that open a credit line naming the article's source. */
export const SOURCE_LABELS: ReadonlyArray<string> = ["source", "sources", "via", "originally published by", "courtesy of"]

/** Labels that open a picture credit or caption line, in the corpus's languages. */
export const PHOTO_LABELS: ReadonlyArray<string> = [
  "photo", "photos", "photograph", "photography", "image", "images", "picture", "pictures", "pictured", "illustration",
  "video", "photo credit", "image credit", "credit", "credits", "cover photo", "featured image",
  "foto", "fotos", "bild", "bilder", "crédit", "crédits", "crédito", "créditos"
]

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** `LABEL: value` for any of the labels, longest label first, case-insensitive; group 1 is the value. */
export const labelPattern = (labels: ReadonlyArray<string>): RegExp =>
  new RegExp(
    `^(?:${[...labels].sort((a, b) => b.length - a.length).map((l) => escape(l).replace(/ /g, "\\s+")).join("|")})\\s*:\\s*(\\S.*)$`,
    "iu"
  )
