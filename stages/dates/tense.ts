// Verb-tense cues around a date expression. A month or weekday without a year is resolved
// towards the past or the future depending on the verbs of its clause: news mostly reports
// what happened ("met on Tuesday"), but announces what will ("will meet on Tuesday").
import { matches } from "./scan.js"

export type Lean = "past" | "future" | "unknown"

// Future markers: modal and periphrastic futures, and plans or schedules.
const FUTURE =
  /\b(?:will|won't|shall|would|going to|gonna|plans? to|planned to|planning to|scheduled|schedules|expected to|expects to|due to|set to|intends? to|aims? to|hopes? to|to be held|upcoming|coming|next|later|forthcoming|until|till)\b|'ll\b/gi
// Commitments look ahead of their own time: "agreed to buy it in February" is a later February.
const COMMITMENT =
  /\b(?:agree[sd]?|decided|decides|pledged|pledges|promised|promises|vowed|vows|threatened|threatens|intended|prepared|prepares|sought|seeks|wanted|wants|hoped|asked)\s+to\b/gi
// Past markers: auxiliaries of the past and adverbs that point back.
const PAST =
  /\b(?:was|were|had|did|didn't|wasn't|weren't|ago|last|earlier|previously|since|yesterday|fell|rose|went|came|began|saw|took|gave|made|met|held|won|lost|left|sold|bought|hit|became|grew|spent|paid|ran|brought|fought|sank|shot|struck|stood|built|sent|kept|found|thought|broke|chose|drove|flew|spoke|wrote|drew|led|fled|slid|sought|swept|threw|wore|woke|withdrew|overtook|underwent|began|beat|bore|dealt|felt|forgot|froze|got|hung|heard|knew|laid|lent|meant|quit|rang|rode|shook|shut|sang|slept|stole|stuck|swore|taught|tore|understood|won|forbade|arose|became|awoke)\b/gi
// Regular past forms: a lowercase word ending in -ed (long enough not to be "bed", "red", "need").
const ED = /\b[a-z]{2,}ed\b/g
const NOT_PAST_ED = new Set([
  "need", "indeed", "speed", "proceed", "exceed", "succeed", "feed", "seed", "breed", "bleed", "weed", "deed", "greed",
  "hundred", "kindred", "sacred", "naked", "wicked", "aged", "beloved", "red", "shed", "wed", "bed", "led", "fled",
  "based", "related", "united", "limited", "advanced", "detailed", "armed", "concerned", "interested", "expected",
  "supposed", "scheduled", "planned", "proposed", "elected", "unprecedented", "alleged", "so-called", "embed"
])

const WINDOW = 300

/** . ! ? ; and newline end a clause. */
const isClauseEnd = (code: number): boolean => code === 46 || code === 33 || code === 63 || code === 59 || code === 10

interface Cue {
  readonly at: number
  readonly lean: "past" | "future"
  /** Added to the distance: auxiliaries and modals weigh more than bare -ed forms. */
  readonly penalty: number
}

const clauseBounds = (text: string, start: number, end: number): { from: number; to: number } => {
  // Both scans stop after WINDOW characters so a huge unpunctuated line stays linear.
  let from = start
  const floor = Math.max(0, start - WINDOW)
  while (from > floor && !isClauseEnd(text.charCodeAt(from - 1))) from--
  let to = end
  const ceiling = Math.min(text.length, end + WINDOW)
  while (to < ceiling && !isClauseEnd(text.charCodeAt(to))) to++
  return { from, to }
}

// An -ed form after "be", "been", "to be", "has" is a passive or a perfect, not a simple past.
const NOT_SIMPLE_PAST_BEFORE = /\b(?:be|been|being|is|are|am|has|have|'ve|'s|to)\s+(?:\w+ly\s+)?$/i

const collect = (text: string, from: number, to: number): Cue[] => {
  const part = text.slice(from, to)
  const out: Cue[] = []
  for (const m of matches(FUTURE, part)) out.push({ at: from + m.index, lean: "future", penalty: 0 })
  for (const m of matches(PAST, part)) out.push({ at: from + m.index, lean: "past", penalty: 0 })
  for (const m of matches(COMMITMENT, part)) out.push({ at: from + m.index + m[0].length, lean: "future", penalty: 10 })
  for (const m of matches(ED, part)) {
    const w = m[0]
    if (NOT_PAST_ED.has(w) || REPORTING_WORDS.has(w)) continue
    if (NOT_SIMPLE_PAST_BEFORE.test(part.slice(Math.max(0, m.index - 30), m.index))) continue
    out.push({ at: from + m.index, lean: "past", penalty: 30 })
  }
  return out
}

const REPORTED_ON = /\b(?:said|told|announced|reported|added|stated|declared|confirmed|revealed)\s+(?:on\s+)?$/i

// Reporting verbs date the report, not the event reported ("said it will open in June"): no cue.
const REPORTING_WORDS = new Set(["said", "told", "announced", "reported", "added", "stated", "noted", "declared", "explained", "claimed", "insisted", "confirmed", "revealed"])

/**
 * Which way the clause around text[start, end) leans: the cue nearest to the expression wins,
 * weighted so that auxiliaries and modals beat bare -ed forms and a cue before the expression (the
 * verb it modifies, in English order) beats one after it.
 */
export const leanAround = (text: string, start: number, end: number): Lean => {
  // "said on Tuesday that …": right after a reporting verb the date is the report's, which is past.
  if (REPORTED_ON.test(text.slice(Math.max(0, start - 20), start))) return "past"
  const { from, to } = clauseBounds(text, start, end)
  let best: Cue | null = null
  let bestScore = Infinity
  for (const c of collect(text, from, to)) {
    if (c.at >= start && c.at < end) continue
    const score = c.at < start ? start - c.at + c.penalty : c.at - end + c.penalty + 25
    if (score < bestScore) {
      best = c
      bestScore = score
    }
  }
  return best ? best.lean : "unknown"
}
