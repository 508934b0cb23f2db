// Scores the normalise-dates stage on annotated sentences, TempEval style.
//
//   npx tsx bench/score-dates.ts FILE.jsonl [--errors] [--only-rule RULE]
//
// Each line: {"text": "...", "published": "2024-07-13", "expected": [{"text": "June", "value": "2024-06"}]}
// (`published` raw, as a reader would give it). The sentence runs through the stage exactly as the
// pipeline would run it; expected expressions are located in the text by their first unused occurrence.
// Printed: span F1 (relaxed: any overlap), value F1 (overlap and same value: the end-to-end figure),
// and strict F1 (same extent and same value).
import { readFileSync } from "node:fs"
import { makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { normaliseDates } from "../stages/normalise-dates.js"

export interface GoldRow {
  readonly text: string
  readonly published: string | null
  readonly expected: ReadonlyArray<{ readonly text: string; readonly value: string }>
}

interface Span {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: string
}

export interface Score {
  readonly gold: number
  readonly predicted: number
  readonly spanF1: number
  readonly valueF1: number
  readonly strictF1: number
  readonly valueP: number
  readonly valueR: number
  readonly errors: string[]
}

/** Finds each expected expression in the text, left to right, without reusing a place. */
export const locate = (text: string, expected: GoldRow["expected"]): Span[] => {
  const spans: Span[] = []
  let from = 0
  for (const e of expected) {
    let at = text.indexOf(e.text, from)
    if (at < 0) at = text.indexOf(e.text)
    if (at < 0) throw new Error(`expected text ${JSON.stringify(e.text)} not found in ${JSON.stringify(text.slice(0, 80))}`)
    spans.push({ start: at, end: at + e.text.length, text: e.text, value: e.value })
    from = at + e.text.length
  }
  return spans
}

/** Runs the stage on one sentence given as a one-paragraph document. */
export const predict = (row: GoldRow): Span[] => {
  const doc = makeDoc({ id: "s", sourceFile: "s.jsonl", published: row.published, paragraphs: [row.text], given: row.published ? ["published"] : [] })
  const out = normaliseDates.run(doc, defaultOptions(normaliseDates)).doc
  return out.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value }))
}

const f1 = (tp: number, pred: number, gold: number): { p: number; r: number; f: number } => {
  const p = pred === 0 ? 0 : tp / pred
  const r = gold === 0 ? 0 : tp / gold
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) }
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end

export const scoreRows = (rows: ReadonlyArray<GoldRow>): Score => {
  let gold = 0
  let predicted = 0
  let spanTp = 0
  let valueTp = 0
  let strictTp = 0
  const errors: string[] = []
  for (const row of rows) {
    const g = locate(row.text, row.expected)
    const p = predict(row)
    gold += g.length
    predicted += p.length
    const used = new Set<number>()
    for (const gs of g) {
      const i = p.findIndex((ps, k) => !used.has(k) && overlaps(ps, gs))
      if (i < 0) {
        errors.push(`MISS  ${JSON.stringify(gs.text)} ${gs.value}  | ${row.published} | ${row.text.slice(Math.max(0, gs.start - 60), gs.end + 40)}`)
        continue
      }
      used.add(i)
      const ps = p[i]!
      spanTp++
      if (ps.value === gs.value) {
        valueTp++
        if (ps.start === gs.start && ps.end === gs.end) strictTp++
        else errors.push(`EXTENT ${JSON.stringify(ps.text)} vs gold ${JSON.stringify(gs.text)} (${gs.value})`)
      } else errors.push(`VALUE ${JSON.stringify(ps.text)} ${ps.value} vs gold ${JSON.stringify(gs.text)} ${gs.value} | ${row.published} | ${row.text.slice(Math.max(0, gs.start - 80), gs.end + 60)}`)
    }
    p.forEach((ps, k) => {
      if (!used.has(k)) errors.push(`EXTRA ${JSON.stringify(ps.text)} ${ps.value} | ${row.text.slice(Math.max(0, ps.start - 60), ps.end + 40)}`)
    })
  }
  const v = f1(valueTp, predicted, gold)
  return {
    gold,
    predicted,
    spanF1: f1(spanTp, predicted, gold).f,
    valueF1: v.f,
    strictF1: f1(strictTp, predicted, gold).f,
    valueP: v.p,
    valueR: v.r,
    errors
  }
}

export const readRows = (path: string): GoldRow[] =>
  readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as GoldRow)

const main = (): void => {
  const args = process.argv.slice(2)
  const file = args.find((a) => !a.startsWith("--"))
  if (!file) {
    console.error("usage: tsx bench/score-dates.ts FILE.jsonl [--errors]")
    process.exit(2)
  }
  const s = scoreRows(readRows(file))
  const pct = (x: number) => (100 * x).toFixed(1)
  console.log(`gold ${s.gold}  predicted ${s.predicted}`)
  console.log(`span F1 (relaxed)   ${pct(s.spanF1)}`)
  console.log(`value F1 (relaxed)  ${pct(s.valueF1)}   P ${pct(s.valueP)}  R ${pct(s.valueR)}`)
  console.log(`strict F1           ${pct(s.strictF1)}`)
  if (args.includes("--errors")) for (const e of s.errors) console.log(e)
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ""))) main()
