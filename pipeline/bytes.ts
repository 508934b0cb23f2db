// Bytes → text: which encoding a file is in, and which files are not text at all.
import chardet from "chardet"
import iconv from "iconv-lite"

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: string }

const SIGNATURES: ReadonlyArray<readonly [string, ReadonlyArray<number>]> = [
  ["a PNG image", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["a JPEG image", [0xff, 0xd8, 0xff]],
  ["a GIF image", [0x47, 0x49, 0x46, 0x38]],
  ["a PDF document", [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ["a ZIP archive (or Office document)", [0x50, 0x4b, 0x03, 0x04]],
  ["a gzip archive", [0x1f, 0x8b]],
  ["a WebP/RIFF file", [0x52, 0x49, 0x46, 0x46]],
  ["an ELF executable", [0x7f, 0x45, 0x4c, 0x46]]
]

const startsWith = (buf: Uint8Array, sig: ReadonlyArray<number>): boolean =>
  buf.length >= sig.length && sig.every((b, i) => buf[i] === b)

/** Byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export const firstInvalidUtf8 = (buf: Uint8Array): number => {
  let i = 0
  while (i < buf.length) {
    const b = buf[i]!
    if (b < 0x80) {
      i++
      continue
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1
    if (need < 0 || i + need >= buf.length) return i
    for (let k = 1; k <= need; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i
    // Overlong and surrogate forms.
    const b1 = buf[i + 1]!
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i
    i += need + 1
  }
  return -1
}

/** How many well-formed multi-byte UTF-8 sequences a buffer holds (evidence it was meant as UTF-8). */
const utf8Sequences = (buf: Uint8Array, upTo: number): number => {
  let n = 0
  for (let i = 0; i < upTo; i++) {
    const b = buf[i]!
    if (b >= 0xc2 && b <= 0xf4 && i + 1 < upTo && (buf[i + 1]! & 0xc0) === 0x80) n++
  }
  return n
}

// Legacy single-byte encodings the corpus's sources use; anything else chardet proposes is not trusted.
const LEGACY = new Map<string, string>([
  ["windows-1251", "windows-1251"],
  ["windows-1252", "windows-1252"],
  ["iso-8859-1", "windows-1252"],
  ["iso-8859-15", "windows-1252"],
  ["iso-8859-5", "iso-8859-5"],
  ["koi8-r", "koi8-r"],
  ["windows-1250", "windows-1250"],
  ["iso-8859-2", "iso-8859-2"]
])

/** The legacy single-byte encoding chardet finds in bytes that are not UTF-8, if it is one we trust. */
export const legacyEncodingOf = (buf: Uint8Array): { readonly guess: string | null; readonly encoding: string | undefined } => {
  const guess = chardet.detect(buf)
  return { guess, encoding: guess ? LEGACY.get(guess.toLowerCase()) : undefined }
}

export const decodeBytes = (buf: Uint8Array): Decoded => {
  if (buf.length === 0) return { ok: false, reason: "empty file (0 bytes)" }
  for (const [what, sig] of SIGNATURES) if (startsWith(buf, sig)) return { ok: false, reason: `not text: the file is ${what}` }
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return checked(buf.subarray(3), "utf-8-bom")
  if (startsWith(buf, [0xff, 0xfe])) return textOrBinary(iconv.decode(Buffer.from(buf.subarray(2)), "utf-16le"), "utf-16le")
  if (startsWith(buf, [0xfe, 0xff])) return textOrBinary(iconv.decode(Buffer.from(buf.subarray(2)), "utf-16be"), "utf-16be")
  const nul = buf.indexOf(0)
  if (nul >= 0) return { ok: false, reason: `not text: NUL byte at offset ${nul} (a binary file, or UTF-16 without a byte-order mark)` }
  return checked(buf, "utf-8")
}

// Text has few control characters; a file full of them is binary whatever bytes it starts with.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g
const textOrBinary = (text: string, encoding: string): Decoded => {
  if (text.trim().length === 0) return { ok: false, reason: "empty file (only white space)" }
  const controls = text.length > 0 ? (text.match(CONTROL)?.length ?? 0) / text.length : 0
  if (controls > 0.01) return { ok: false, reason: `not text: ${(controls * 100).toFixed(1)}% of its characters are control characters (a binary file)` }
  return { ok: true, text, encoding }
}

const checked = (buf: Uint8Array, label: string): Decoded => {
  const bad = firstInvalidUtf8(buf)
  if (bad < 0) {
    return textOrBinary(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("utf8"), label)
  }
  // Valid multi-byte sequences before the first bad byte mean the file is UTF-8 with corruption,
  // which no single-byte encoding explains; text with none is a legacy encoding.
  if (label === "utf-8-bom" || utf8Sequences(buf, bad) > 0)
    return { ok: false, reason: `invalid UTF-8 at byte offset ${bad}: the file mixes UTF-8 with bytes no encoding explains` }
  const { guess, encoding } = legacyEncodingOf(buf)
  if (!encoding) return { ok: false, reason: `invalid UTF-8 at byte offset ${bad} and no known legacy encoding fits (detector said ${guess ?? "nothing"})` }
  return textOrBinary(iconv.decode(Buffer.from(buf), encoding), encoding)
}
