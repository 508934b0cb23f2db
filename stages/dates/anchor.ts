// Resolving underspecified dates (a month, a month-day, a weekday, a season, a quarter) against
// the publication date. `lean` says which way the clause points; "unknown" takes the nearest.
import type { Anchor, Season, Ymd } from "./calendar.js"
import {
  addDays,
  addMonths,
  anchorDay,
  daysInMonth,
  fmtDay,
  fmtMonth,
  isoWeek as isoWeekOf,
  isoWeekday,
  pad2,
  pad4,
  quarterOf,
  seasonIndex,
  seasonOfMonth,
  seasonYear
} from "./calendar.js"
import type { Lean } from "./tense.js"

/** Modifiers that force a direction: "last June" is behind, "next June" ahead, "this June" in the year. */
export type Direction = Lean | "last" | "next" | "this"

/** A month name without a year: YYYY-MM, or XXXX-MM without an anchor year. */
export const resolveMonth = (m: number, a: Anchor, dir: Direction): string => {
  if (a.y === null) return `XXXX-${pad2(m)}`
  if (a.m === null || dir === "this") return fmtMonth(a.y, m)
  const here = a.y * 12 + a.m
  const same = a.y * 12 + m
  const before = same <= here ? same : same - 12 // latest on or before the anchor month
  const after = same >= here ? same : same + 12 // earliest on or after
  let k: number
  if (dir === "last") k = same < here ? same : same - 12
  else if (dir === "next") k = same > here ? same : same + 12
  else if (dir === "past") k = before
  else if (dir === "future") k = after
  else k = here - before <= after - here ? before : after
  return fmtMonth(Math.floor((k - 1) / 12), ((k - 1) % 12) + 1)
}

/** A month and day without a year. */
export const resolveMonthDay = (m: number, d: number, a: Anchor, dir: Direction): string | null => {
  if (d > daysInMonth(2000, m)) return null
  const day = anchorDay(a)
  if (a.y === null) return `XXXX-${pad2(m)}-${pad2(d)}`
  if (!day) return d <= daysInMonth(a.y, m) ? `${pad4(a.y)}-${pad2(m)}-${pad2(d)}` : null
  const key = (y: number) => y * 10_000 + m * 100 + d
  const here = day.y * 10_000 + day.m * 100 + day.d
  const fits = (y: number) => d <= daysInMonth(y, m)
  const candidates = [day.y - 1, day.y, day.y + 1].filter(fits)
  const before = candidates.filter((y) => key(y) <= here).pop()
  const after = candidates.find((y) => key(y) >= here)
  let y: number | undefined
  if (dir === "past" || dir === "last") y = before
  else if (dir === "future" || dir === "next") y = after
  else if (dir === "this") y = day.y
  else {
    const db = before === undefined ? Infinity : dayDistance(day, { y: before, m, d })
    const da = after === undefined ? Infinity : dayDistance(day, { y: after, m, d })
    y = db <= da ? before : after
  }
  return y === undefined ? null : fmtDay({ y, m, d })
}

const dayDistance = (a: Ymd, b: Ymd): number =>
  Math.abs(Date.UTC(a.y, a.m - 1, a.d) - Date.UTC(b.y, b.m - 1, b.d)) / 86_400_000

/**
 * A weekday (1 = Monday). Past and unknown give the latest such day on or before the anchor
 * (news reports what happened), future the earliest on or after; "last"/"next" skip the anchor day.
 */
export const resolveWeekday = (wd: number, a: Anchor, dir: Direction): string => {
  const day = anchorDay(a)
  if (!day) return `XXXX-WXX-${wd}`
  const today = isoWeekday(day)
  const back = (today - wd + 7) % 7
  const fwd = (wd - today + 7) % 7
  if (dir === "future") return fmtDay(addDays(day, fwd))
  if (dir === "next") return fmtDay(addDays(day, fwd === 0 ? 7 : fwd))
  if (dir === "last") return fmtDay(addDays(day, back === 0 ? -7 : -back))
  if (dir === "this") return fmtDay(addDays(day, wd - today))
  return fmtDay(addDays(day, -back))
}

/** A season without a year, as TIMEX3 YYYY-SS; winter takes the year it starts in. */
export const resolveSeason = (s: Season, a: Anchor, dir: Direction): string => {
  if (a.y === null) return `XXXX-${s}`
  if (a.m === null) return `${pad4(a.y)}-${s}`
  const sy = seasonYear(a.y, a.m)
  const cur = seasonIndex[seasonOfMonth(a.m)]
  const want = seasonIndex[s]
  let y = sy
  if (dir === "last") y = want < cur ? sy : sy - 1
  else if (dir === "next") y = want > cur ? sy : sy + 1
  else if (dir === "past") y = want <= cur ? sy : sy - 1
  else if (dir === "future") y = want >= cur ? sy : sy + 1
  return `${pad4(y)}-${s}`
}

/** A quarter without a year. */
export const resolveQuarter = (q: number, a: Anchor, dir: Direction): string => {
  if (a.y === null) return `XXXX-Q${q}`
  if (a.m === null) return `${pad4(a.y)}-Q${q}`
  const cur = quarterOf(a.m)
  let y = a.y
  if (dir === "last") y = q < cur ? a.y : a.y - 1
  else if (dir === "next") y = q > cur ? a.y : a.y + 1
  else if (dir === "past") y = q <= cur ? a.y : a.y - 1
  else if (dir === "future") y = q >= cur ? a.y : a.y + 1
  return `${pad4(y)}-Q${q}`
}

/** A year, a month, a week or a day shifted from the anchor by n units ("last year", "two weeks ago"). */
export const shiftFromAnchor = (unit: "day" | "week" | "weekend" | "month" | "quarter" | "year" | "decade" | "century", n: number, a: Anchor): string | null => {
  switch (unit) {
    case "year":
      return a.y === null ? "XXXX" : pad4(a.y + n)
    case "decade":
      return a.y === null ? null : `${String(Math.floor(a.y / 10) + n).padStart(3, "0")}X`
    case "century":
      return a.y === null ? null : pad2(Math.floor(a.y / 100) + n)
    case "month": {
      if (a.y === null || a.m === null) return a.y === null ? "XXXX-XX" : null
      const r = addMonths(a.y, a.m, n)
      return fmtMonth(r.y, r.m)
    }
    case "quarter": {
      if (a.y === null || a.m === null) return null
      const k = a.y * 4 + (quarterOf(a.m) - 1) + n
      return `${pad4(Math.floor(k / 4))}-Q${(k % 4) + 1}`
    }
    case "week":
    case "weekend": {
      const day = anchorDay(a)
      if (!day) return a.y === null ? "XXXX-WXX" : null
      const shifted = addDays(day, 7 * n)
      const { y, w } = isoWeekOf(shifted)
      return `${pad4(y)}-W${pad2(w)}${unit === "weekend" ? "-WE" : ""}`
    }
    case "day": {
      const day = anchorDay(a)
      if (!day) return "XXXX-XX-XX"
      return fmtDay(addDays(day, n))
    }
  }
}

