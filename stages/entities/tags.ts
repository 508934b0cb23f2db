// The scraped tag list mapped to canonical names: `collective security treaty organization (csto)`
// and `csto` both become `Collective Security Treaty Organization`, once, in first-seen order.
import { type GazetteerIndex, lookupName, surnameOf } from "./gazetteer.js"
import { keyOf, titleCase } from "./text.js"

export interface TagResult {
  readonly tags: string[]
  /** Tags that name a person: document-level evidence for surnames in the text. */
  readonly people: Array<{ canonical: string; surname: string }>
}

const PERSON_TAG = /^[\p{L}\p{M}'’.-]+(?: [\p{L}\p{M}'’.-]+){1,2}$/u

/**
 * `body` is the document's text, used to tell a person tag (`viktor vasilyev`, whose surname the
 * text writes as `Vasilyev`) from a topic tag (`foreign policy`).
 */
export const canonicalTags = (index: GazetteerIndex, rawTags: ReadonlyArray<string>, body: string): TagResult => {
  const tags: string[] = []
  const people: Array<{ canonical: string; surname: string }> = []
  const push = (t: string) => {
    if (!tags.includes(t)) tags.push(t)
  }
  for (const raw of rawTags) {
    const tag = raw.replace(/\s+/g, " ").trim()
    if (tag === "") continue
    const def = tag.match(/^([^()]+?) ?\(([^()]+)\)$/)
    const id = def ? (lookupName(index, def[1]!) ?? lookupName(index, def[2]!)) : lookupName(index, tag)
    if (id !== undefined) {
      const e = index.entries[id]!
      push(e.canonical)
      const s = surnameOf(e)
      if (s !== null) people.push({ canonical: e.canonical, surname: s })
      continue
    }
    // A lone surname tag (`lavrov`) for the only gazetteer person of that name.
    const people1 = index.surnames.get(keyOf(tag))
    if (!def && people1?.length === 1) {
      const e = index.entries[people1[0]!]!
      push(e.canonical)
      people.push({ canonical: e.canonical, surname: surnameOf(e) ?? tag })
      continue
    }
    const name = def ? def[1]!.trim() : tag
    if (PERSON_TAG.test(name) && name === name.toLowerCase()) {
      const proper = titleCase(name)
      const surname = proper.split(" ").pop()!
      // The body writes the surname with a capital: a person, not a topic.
      if (new RegExp(`(^|[^\\p{L}])${escape(surname)}([^\\p{L}]|$)`, "u").test(body)) {
        push(proper)
        people.push({ canonical: proper, surname })
        continue
      }
    }
    push(tag)
  }
  return { tags, people }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
