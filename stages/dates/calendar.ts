// Calendar arithmetic and TIMEX3 value formatting. All dates are plain proleptic Gregorian
// calendar days (no time zones): the anchor is the publication day as the document states it.

/** A calendar day. */
export interface Ymd {
  readonly y: number
  readonly m: number
  readonly d: number
}

/** What is known of the publication date: a day, a month, a year, or nothing. */
export interface Anchor {
  readonly y: number | null
  readonly m: number | null
  readonly d: number | null
}

export const noAnchor: Anchor = { y: null, m: null, d: null }

export const pad2 = (n: number): string => String(n).padStart(2, "0")
export const pad4 = (n: number): string => String(n).padStart(4, "0")

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31

export const isValidYmd = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)

const toUtc = (p: Ymd): number => Date.UTC(p.y, p.m - 1, p.d)
const fromUtc = (t: number): Ymd => {
  const dt = new Date(t)
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() }
}

export const addDays = (p: Ymd, n: number): Ymd => fromUtc(toUtc(p) + n * 86_400_000)

/** Month arithmetic on a (year, month) pair. */
export const addMonths = (y: number, m: number, n: number): { y: number; m: number } => {
  const k = y * 12 + (m - 1) + n
  return { y: Math.floor(k / 12), m: (k % 12 + 12) % 12 + 1 }
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (p: Ymd): number => {
  const w = new Date(toUtc(p)).getUTCDay()
  return w === 0 ? 7 : w
}

/** ISO 8601 week-numbering year and week of a day. */
export const isoWeek = (p: Ymd): { y: number; w: number } => {
  const thursday = addDays(p, 4 - isoWeekday(p))
  const jan1 = { y: thursday.y, m: 1, d: 1 }
  const w = Math.floor((toUtc(thursday) - toUtc(jan1)) / 86_400_000 / 7) + 1
  return { y: thursday.y, w }
}

export const fmtDay = (p: Ymd): string => `${pad4(p.y)}-${pad2(p.m)}-${pad2(p.d)}`
export const fmtMonth = (y: number, m: number): string => `${pad4(y)}-${pad2(m)}`
export const fmtWeek = (p: Ymd): string => {
  const { y, w } = isoWeek(p)
  return `${pad4(y)}-W${pad2(w)}`
}
export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1

export const anchorDay = (a: Anchor): Ymd | null =>
  a.y !== null && a.m !== null && a.d !== null ? { y: a.y, m: a.m, d: a.d } : null

/** TIMEX3 season codes and the months each covers (winter is named by the year it starts in). */
export type Season = "SP" | "SU" | "FA" | "WI"
export const seasonOfMonth = (m: number): Season =>
  m >= 3 && m <= 5 ? "SP" : m >= 6 && m <= 8 ? "SU" : m >= 9 && m <= 11 ? "FA" : "WI"
/** Order of seasons inside a "season year" that starts in March. */
export const seasonIndex: Record<Season, number> = { SP: 0, SU: 1, FA: 2, WI: 3 }
/** The season year a month belongs to: January and February close the previous year's winter. */
export const seasonYear = (y: number, m: number): number => (m <= 2 ? y - 1 : y)
