// Words that name calendar units in English news text, and the numbers they stand for.

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12
}

/** A capitalised month name or its usual abbreviation (with or without the full stop). */
export const MONTH_RE =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)"

export const monthNumber = (word: string): number | null => MONTHS[word.replace(/\.$/, "").toLowerCase()] ?? null

export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7
}
export const WEEKDAY_RE = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

/** TIMEX3 codes for parts of the day. */
export const PART_OF_DAY: Readonly<Record<string, string>> = {
  morning: "MO", afternoon: "AF", evening: "EV", night: "NI"
}

export const SEASONS: Readonly<Record<string, "SP" | "SU" | "FA" | "WI">> = {
  spring: "SP", summer: "SU", autumn: "FA", fall: "FA", winter: "WI"
}

const SMALL: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50
}
export const NUMBER_WORD_RE =
  "(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|\\d{1,3})"

/** The value of a small cardinal written in figures or words, or null. */
export const numberValue = (word: string): number | null => {
  const w = word.toLowerCase()
  if (/^\d+$/.test(w)) return Number(w)
  return SMALL[w] ?? null
}

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, "twenty-first": 21, "twenty first": 21, final: 4, last: 4
}
export const ORDINAL_WORD_RE =
  "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ]first)"

/** The value of an ordinal ("third", "3rd"), or null. */
export const ordinalValue = (word: string): number | null => {
  const w = word.toLowerCase()
  const m = /^(\d+)(?:st|nd|rd|th)$/.exec(w)
  if (m) return Number(m[1])
  return ORDINALS[w] ?? null
}

/** Decade words: "the sixties" → 6. */
export const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9
}
