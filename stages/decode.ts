// Text-level repairs every later rule relies on: one newline convention, one Unicode form,
// one kind of space. Bytes → string happens in the reader (pipeline/read.ts); this stage sees a string.
import { Schema } from "effect"
import type { StageEvent } from "../pipeline/model.js"
import { defineDocumentStage } from "../pipeline/stage.js"

export const DecodeOptions = Schema.Struct({
  /** Fold runs of spaces and tabs inside a line into one space. */
  foldSpaces: Schema.optionalWith(Schema.Boolean, { default: () => true }),
  /** Unicode normal form applied to the whole text. */
  normalForm: Schema.optionalWith(Schema.Literal("NFC", "NFKC", "none"), { default: () => "NFC" as const })
})
export type DecodeOptions = typeof DecodeOptions.Type

interface Fix {
  readonly rule: string
  readonly pattern: RegExp
  /** The replacement for a match; returning the match unchanged leaves it (and counts nothing). */
  readonly replacement: string | ((match: string, offset: number, text: string) => string)
  readonly reason: string
}

const NO_BREAK = new Set(["\u00A0", "\u2007", "\u202F"])
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c)

/**
 * A lone no-break space between two words is the author's typography (`10\u00A0km`) and stays;
 * one beside other spaces or at a line edge is scraper noise and becomes a plain space.
 */
const foldSpace = (m: string, offset: number, text: string): string =>
  NO_BREAK.has(m) && !isSpace(text[offset - 1]) && !isSpace(text[offset + 1]) ? m : " "

// Each fix is one audit rule; the event carries every distinct piece it changed and how often.
const fixes: ReadonlyArray<Fix> = [
  { rule: "byte-order-mark", pattern: /\uFEFF/g, replacement: "", reason: "A byte-order mark is an encoding marker, not text." },
  { rule: "line-endings", pattern: /\r\n?/g, replacement: "\n", reason: "Windows and old Mac line endings were turned into plain newlines." },
  {
    rule: "zero-width",
    pattern: /[\u200B\u200C\u200D\u2060\u00AD]/g,
    replacement: "",
    reason: "Zero-width characters and soft hyphens are invisible and break word matching."
  },
  {
    rule: "non-breaking-space",
    pattern: /[\u00A0\u2007\u202F\u2000-\u200A\u3000]/g,
    replacement: foldSpace,
    reason: "Typographic spaces, and no-break spaces beside other spaces or at a line edge, were turned into ordinary spaces."
  },
  { rule: "tab", pattern: /\t/g, replacement: " ", reason: "Tabs were turned into spaces." },
  {
    rule: "control-characters",
    pattern: /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g,
    replacement: "",
    reason: "Control characters carry no text."
  }
]

const describe = (s: string): string =>
  [...s].map((c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : c < " " || c > "~" ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : c)).join("")

export interface DecodeResult {
  readonly text: string
  readonly events: ReadonlyArray<StageEvent>
  readonly counts: Readonly<Record<string, number>>
}

export const decodeText = (input: string, options: DecodeOptions): DecodeResult => {
  const events: StageEvent[] = []
  const counts: Record<string, number> = {}
  let text = input
  const apply = (rule: string, pattern: RegExp, replacement: Fix["replacement"], reason: string) => {
    const seen = new Map<string, { times: number; to: string }>()
    let n = 0
    text = text.replace(pattern, (m: string, offset: number, whole: string) => {
      const to = typeof replacement === "string" ? replacement : replacement(m, offset, whole)
      if (to === m) return m
      n++
      const key = JSON.stringify([m, to])
      const prev = seen.get(key)
      seen.set(key, { times: (prev?.times ?? 0) + 1, to })
      return to
    })
    if (n === 0) return
    counts[rule] = n
    for (const [key, { times, to }] of seen) {
      const [piece] = JSON.parse(key) as [string, string]
      events.push({
        rule,
        action: piece.length > 0 && to === "" ? "remove" : "replace",
        text: piece,
        replacement: to,
        reason: `${reason} (${times} × ${describe(piece)})`
      })
    }
  }
  for (const f of fixes) apply(f.rule, f.pattern, f.replacement, f.reason)
  if (options.normalForm !== "none") {
    const normal = text.normalize(options.normalForm)
    if (normal !== text) {
      // Report only the changed runs, not the whole text.
      const changed = new Set<string>()
      for (const m of text.matchAll(/\S?[^\x00-\x7F]+/gu)) if (m[0].normalize(options.normalForm) !== m[0]) changed.add(m[0])
      counts["unicode-normal-form"] = changed.size
      for (const piece of changed)
        events.push({
          rule: "unicode-normal-form",
          action: "replace",
          text: piece,
          replacement: piece.normalize(options.normalForm),
          reason: `Characters were put into Unicode ${options.normalForm} form so that equal text compares equal.`
        })
      text = normal
    }
  }
  if (options.foldSpaces) {
    apply("space-runs", / {2,}/g, " ", "Runs of spaces were folded into one.")
    apply("line-edge-spaces", /^ +| +$/gm, "", "Spaces at the start or end of a line were removed.")
  }
  return { text, events, counts }
}

export const decode = defineDocumentStage({
  name: "decode",
  description: "Repairs the text: byte-order marks, CRLF/CR line endings, Unicode NFC, non-breaking and zero-width spaces, tabs, runs of spaces.",
  needs: "body",
  options: DecodeOptions,
  run: (doc, options) => {
    const { text, events } = decodeText(doc.body, options)
    // The reader chose the encoding; recording it here keeps it in the document's audit trail.
    const encoding: StageEvent[] =
      doc.encoding === "utf-8"
        ? []
        : [{ rule: "encoding", action: "annotate", text: "", replacement: doc.encoding, reason: `The file was decoded as ${doc.encoding}${doc.encoding.startsWith("utf") ? "" : " (detected: it is not UTF-8)"}.` }]
    return { doc: doc.with({ body: text }), events: [...encoding, ...events] }
  }
})
