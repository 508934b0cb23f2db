// MinHash over word shingles, LSH banding, and the exact set similarities that verify candidates.
// Pure functions on typed arrays; no I/O.
import { foldText } from "./text/similarity.js"

/** FNV-1a over a string's UTF-16 code units, as an unsigned 32-bit integer. */
export const fnv1a = (s: string): number => {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Murmur3's finaliser: spreads every input bit over the output. */
export const fmix32 = (x: number): number => {
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/** The folded words of a body (case, punctuation and whitespace folded). */
export const bodyWords = (paragraphs: ReadonlyArray<string>): string[] => {
  const folded = foldText(paragraphs.join("\n"))
  return folded.length === 0 ? [] : folded.split(" ")
}

/** Sorted, distinct hashes of the k-word shingles of a body; a body shorter than k is one shingle. */
export const shingleHashes = (words: ReadonlyArray<string>, k: number): Uint32Array => {
  if (words.length === 0) return new Uint32Array(0)
  const n = Math.max(1, words.length - k + 1)
  const out = new Uint32Array(n)
  for (let i = 0; i < n; i++) out[i] = fnv1a(words.slice(i, i + k).join(" "))
  out.sort()
  let w = 0
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[w - 1]) out[w++] = out[i]!
  return out.slice(0, w)
}

/** Seeds of the hash family, fixed so signatures are comparable across runs. */
const seedsFor = (numPerm: number): Uint32Array => {
  const seeds = new Uint32Array(numPerm)
  let x = 0x9e3779b9
  for (let i = 0; i < numPerm; i++) {
    x = fmix32(x + 0x6d2b79f5)
    seeds[i] = x
  }
  return seeds
}
const seedCache = new Map<number, Uint32Array>()

/** MinHash signature: for each of numPerm hash functions, the least hash over the shingles. */
export const minhashSignature = (shingles: Uint32Array, numPerm: number): Uint32Array => {
  let seeds = seedCache.get(numPerm)
  if (!seeds) {
    seeds = seedsFor(numPerm)
    seedCache.set(numPerm, seeds)
  }
  const sig = new Uint32Array(numPerm).fill(0xffffffff)
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s]!
    for (let i = 0; i < numPerm; i++) {
      const h = fmix32(x ^ seeds[i]!)
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

/** One 32-bit key per band: the hash of the band's rows, with the band number mixed in. */
export const bandKeys = (signature: Uint32Array, bands: number, rows: number): Uint32Array => {
  const keys = new Uint32Array(bands)
  for (let b = 0; b < bands; b++) {
    let h = fmix32(b + 1)
    for (let r = 0; r < rows; r++) h = fmix32(Math.imul(h ^ signature[b * rows + r]!, 0x01000193) >>> 0)
    keys[b] = h
  }
  return keys
}

/** Size of the intersection of two sorted distinct arrays. */
export const intersectionSize = (a: Uint32Array, b: Uint32Array): number => {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

export interface SetSimilarity {
  readonly jaccard: number
  /** Share of the smaller set found in the larger. */
  readonly containment: number
  /** Smaller size over larger size. */
  readonly sizeRatio: number
}

export const setSimilarity = (a: Uint32Array, b: Uint32Array): SetSimilarity => {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0, sizeRatio: 0 }
  const inter = intersectionSize(a, b)
  const small = Math.min(a.length, b.length)
  const large = Math.max(a.length, b.length)
  return { jaccard: inter / (a.length + b.length - inter), containment: inter / small, sizeRatio: small / large }
}

/** Probability that LSH banding makes a pair with this Jaccard similarity a candidate. */
export const candidateProbability = (jaccard: number, bands: number, rows: number): number => 1 - Math.pow(1 - Math.pow(jaccard, rows), bands)
