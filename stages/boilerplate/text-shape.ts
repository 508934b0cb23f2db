// Small measurements of a line's shape shared by the rules and the classifier. All linear-time.

/** List bullets and box markers that page dumps (w3m) put before menu entries and list items. */
const BULLETS = /^[\s•☆★□■▪▫◦●○‣∙·*>◆◇►▶→–—-]+/u

/** The line without leading bullets and surrounding space: what the rules look at. */
export const coreOf = (line: string): string => line.replace(BULLETS, "").trim()

/**
 * A comparison key: lower case, curly apostrophes made straight, runs of spaces folded, and
 * closing punctuation (`Related articles:`, `Comments »`) stripped from both ends.
 */
export const keyOf = (line: string): string =>
  trimTrailing(
    coreOf(line)
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/\s+/g, " ")
      .replace(/^[\s:|»›>.!?…()[\]-]+/, "")
  ).trim()

// An end-anchored `[…]+$` retries from every position of a long run that does not reach the end
// (quadratic on `1 1 1 … x`); scanning back from the end is linear.
const TRAILING = /[\s:|»›<>.!?…()[\]\d/-]/
const trimTrailing = (s: string): string => {
  let end = s.length
  while (end > 0 && TRAILING.test(s[end - 1]!)) end--
  return s.slice(0, end)
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu

/** Words of a line (letters or digits, with inner apostrophes and hyphens). */
export const wordsOf = (line: string): string[] => line.match(WORD) ?? []

export const wordCount = (line: string): number => {
  let n = 0
  WORD.lastIndex = 0
  while (WORD.exec(line) !== null) n++
  return n
}

export const hasLetter = (s: string): boolean => /\p{L}/u.test(s)

/** Ends like a sentence: `.`, `!`, `?` possibly followed by closing quotes or brackets. */
export const endsSentence = (s: string): boolean => /[.!?…]["'”’»)\]]*$/u.test(s)

/** Has quotation marks: quoted speech is body text even when it looks like a prompt. */
export const hasQuote = (s: string): boolean => /["“”«»„]/u.test(s)

/** Escapes a phrase for use inside a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/** A phrase list as a set of comparison keys. */
export const keySet = (phrases: ReadonlyArray<string>): ReadonlySet<string> => new Set(phrases.map((p) => keyOf(p)))

/** A phrase list as comparison keys, in order, without empties. */
export const keyList = (phrases: ReadonlyArray<string>): ReadonlyArray<string> => phrases.map((p) => keyOf(p)).filter((k) => k.length > 0)

/**
 * The phrase of `phrases` that opens `key` at a word boundary, longest first; null when none.
 * `key` and `phrases` are comparison keys (see keyOf, keyList): keyed once, not on every line.
 */
export const openingPhrase = (key: string, phrases: ReadonlyArray<string>): string | null => {
  let best: string | null = null
  for (const k of phrases) {
    if (k.length === 0 || !key.startsWith(k)) continue
    const next = key.charAt(k.length)
    if (next !== "" && /[\p{L}\p{N}]/u.test(next)) continue
    if (best === null || k.length > best.length) best = k
  }
  return best
}

const MONTHS =
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec"
const DAYS = "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
const TIME_WORDS =
  "am pm a.m p.m est edt cst cdt mst mdt pst pdt gmt bst cet cest utc msk hst akst et ct pt mt ist jst hkt aest at on of the updated published posted modified last first originally h hrs ago min mins minute minutes hour hours day days week weeks month months year years yesterday today"
// Calendar words and connectors of French, Spanish, Portuguese, Italian and German stamps (`04.05.2015 à 13h36`).
const OTHER_DATE_WORDS =
  "janvier février mars avril mai juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche à le h " +
  "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo de del el a las hs " +
  "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro às em " +
  "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre alle ore " +
  "januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag um uhr am"
const DATE_WORDS = new Set(`${MONTHS} ${DAYS} ${TIME_WORDS} ${OTHER_DATE_WORDS}`.split(" "))

/**
 * A line that holds only a date or a time stamp (`13.11.2019, 23:06`, `Tuesday, November 19, 2019 6:30 AM`,
 * `Updated 1909 GMT (0309 HKT) November 18, 2019`): every word is a number or a calendar word.
 */
export const isDateStamp = (line: string): boolean => {
  const ws = wordsOf(coreOf(line).toLowerCase())
  if (ws.length === 0 || ws.length > 16) return false
  if (!/\d/.test(line)) return false
  return ws.every((w) => /^\d/.test(w) || DATE_WORDS.has(w.replace(/[.'’]/g, "")))
}

/** A clock time or date at the end of a teaser headline: `… election 02:24`, `… 23.07.2024, 19:01`. */
export const TRAILING_STAMP = /(?:\s|^)(?:\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s*)?\d{1,2}:\d{2}$/
