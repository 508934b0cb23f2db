// Text similarity for repeat detection: a folded form for exact repeats, and an index that finds
// near repeats by edit distance after a cheap prefilter (length ratio, shared character n-grams).
import levenshtein from "fast-levenshtein"

/** Case, punctuation and whitespace folded: two texts that differ only in those compare equal. */
export const foldText = (s: string): string =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()

/** The numbers in a text, in order: a near repeat that changes a figure is a different statement. */
export const numbersOf = (folded: string): string => (folded.match(/\d+/g) ?? []).join(" ")

export const wordCount = (folded: string): number => (folded.length === 0 ? 0 : folded.split(" ").length)

/** Edit-distance similarity in [0,1]: 1 − distance / longer length. */
export const similarityRatio = (a: string, b: string): number => {
  const longer = Math.max(a.length, b.length)
  if (longer === 0) return 1
  return 1 - levenshtein.get(a, b) / longer
}

const gramsOf = (s: string, n: number): Set<string> => {
  const grams = new Set<string>()
  if (s.length <= n) {
    grams.add(s)
    return grams
  }
  for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n))
  return grams
}

export interface SimilarityOptions {
  /** Edit-distance similarity at or above which two texts are repeats. */
  readonly threshold: number
  /** Character n-gram size of the prefilter. */
  readonly ngram: number
  /** Minimum Dice overlap of n-gram sets before an edit distance is computed. */
  readonly prefilter: number
  /** Texts longer than this are compared by n-gram Dice instead: edit distance is quadratic in length. */
  readonly maxEditLength: number
}

export interface Match<R> {
  readonly ref: R
  /** 1 for an exact (folded) repeat. */
  readonly similarity: number
}

/**
 * Folded texts seen so far. `find` returns the earliest exact repeat, else the most similar near repeat.
 * Candidates come from an inverted n-gram index; only those passing the length-ratio and n-gram
 * prefilters pay for an edit distance, so n texts cost far fewer than n² distances.
 */
export class SimilarityIndex<R> {
  private readonly exact = new Map<string, R>()
  private readonly items: Array<{ folded: string; ref: R; grams: number; numbers: string }> = []
  private readonly postings = new Map<string, number[]>()
  private counts = new Int32Array(64)
  /** Edit distances computed so far (for measurement). */
  distances = 0

  constructor(private readonly options: SimilarityOptions) {}

  add(folded: string, ref: R): void {
    if (!this.exact.has(folded)) this.exact.set(folded, ref)
    const id = this.items.length
    const grams = gramsOf(folded, this.options.ngram)
    this.items.push({ folded, ref, grams: grams.size, numbers: numbersOf(folded) })
    for (const g of grams) {
      const list = this.postings.get(g)
      if (list) list.push(id)
      else this.postings.set(g, [id])
    }
  }

  find(folded: string): Match<R> | null {
    const hit = this.exact.get(folded)
    if (hit !== undefined) return { ref: hit, similarity: 1 }
    const grams = gramsOf(folded, this.options.ngram)
    // Shared n-gram counts per earlier text, in a reused typed array (a Map here dominates the cost).
    if (this.counts.length < this.items.length) this.counts = new Int32Array(Math.max(this.items.length, this.counts.length * 2))
    const counts = this.counts
    const touched: number[] = []
    for (const g of grams) {
      const list = this.postings.get(g)
      if (list)
        for (const id of list) {
          if (counts[id] === 0) touched.push(id)
          counts[id]!++
        }
    }
    const shared: Array<[number, number]> = touched.map((id) => [id, counts[id]!])
    for (const id of touched) counts[id] = 0
    const numbers = numbersOf(folded)
    let best: Match<R> | null = null
    let bestId = -1
    for (const [id, count] of shared) {
      const item = this.items[id]!
      const lengthRatio = Math.min(item.folded.length, folded.length) / Math.max(item.folded.length, folded.length)
      // Edit similarity can never exceed the length ratio.
      if (lengthRatio < this.options.threshold) continue
      if ((2 * count) / (item.grams + grams.size) < this.options.prefilter) continue
      if (item.numbers !== numbers) continue
      const dice = (2 * count) / (item.grams + grams.size)
      let similarity = dice
      if (Math.max(item.folded.length, folded.length) <= this.options.maxEditLength) {
        this.distances++
        similarity = similarityRatio(item.folded, folded)
      }
      if (similarity >= this.options.threshold && (best === null || similarity > best.similarity || (similarity === best.similarity && id < bestId))) {
        best = { ref: item.ref, similarity }
        bestId = id
      }
    }
    return best
  }
}
