// Phrase and shape rules: each names one kind of page furniture that is furniture wherever it stands.
// A rule looks at the whole line's shape (a prompt that IS the line, an opening phrase followed by a
// colon, a credit tail), never at a furniture word inside a sentence, so body text that merely uses
// such words ("People should read more about the treaty," he said.) is left alone.
import {
  coreOf,
  endsSentence,
  escapeRe,
  hasLetter,
  hasQuote,
  isDateStamp,
  keyList,
  keyOf,
  keySet,
  openingPhrase,
  TRAILING_STAMP,
  wordCount
} from "./text-shape.js"
import { labelPattern, PHOTO_LABELS, SOURCE_LABELS } from "../credits.js"

export interface Verdict {
  readonly rule: string
  readonly reason: string
}

export interface RuleLists {
  readonly promptLines: ReadonlyArray<string>
  readonly sharePrefixes: ReadonlyArray<string>
  readonly teaserPrefixes: ReadonlyArray<string>
  readonly bylineOpeners: ReadonlyArray<string>
  readonly stampOpeners: ReadonlyArray<string>
  readonly gluedLinkVerbs: ReadonlyArray<string>
  /** Longest line (in words) a prefix rule (share, teaser, byline) may take out. */
  readonly maxFurnitureWords: number
}

export interface CompiledRules {
  readonly prompts: ReadonlySet<string>
  readonly lists: RuleLists
  readonly shareKeys: ReadonlyArray<string>
  readonly teaserKeys: ReadonlyArray<string>
  readonly bylineKeys: ReadonlyArray<string>
  readonly stampKeys: ReadonlyArray<string>
  readonly gluedVerb: RegExp
  readonly spacedVerb: RegExp
}

// Capitalised function words that open a pasted headline right after a reporting verb.
const HEADLINE_OPENERS = "The|That|This|These|Those|A|An|How|Why|What|When|Where|Who|In|On|At|About|For|With|From|After|Over|Under|It|There"

export const compileRules = (lists: RuleLists): CompiledRules => {
  const verbs = lists.gluedLinkVerbs.map(escapeRe).join("|") || "(?!)"
  return {
    prompts: keySet(lists.promptLines),
    lists,
    shareKeys: keyList(lists.sharePrefixes),
    teaserKeys: keyList(lists.teaserPrefixes),
    bylineKeys: keyList(lists.bylineOpeners),
    stampKeys: keyList(lists.stampOpeners),
    gluedVerb: new RegExp(`\\b(?:${verbs})\\p{Lu}\\p{Ll}`, "u"),
    spacedVerb: new RegExp(`\\p{Ll} (?:${verbs}) (?:${HEADLINE_OPENERS}) \\p{Ll}`, "u")
  }
}

/** Labels of credit lines: `source: …`, `Photo: …`, `Image credit: …`. */
const CREDIT = labelPattern([...SOURCE_LABELS, ...PHOTO_LABELS])

/** A credit line (`source: commonspace.eu`, `Photo: Gene J. Puskar`): its label and value, or null. */
export const isCreditLine = (line: string): { readonly label: string; readonly value: string } | null => {
  const core = coreOf(line)
  if (core.length > 300) return null
  const m = CREDIT.exec(core)
  if (!m) return null
  const value = m[1]!.trim()
  if (wordCount(value) > 20) return null
  return { label: core.slice(0, core.indexOf(":")).trim().toLowerCase().replace(/\s+/g, " "), value }
}

// A photo credit closing a caption: `(AP Photo/Gene J. Puskar)`, `Photograph by Robyn Beck/AFP/Getty Images`.
const CAPTION_TAIL_PAREN = /\((?:[\p{Lu}][\p{L}.]{0,12} )?(?:photo|photograph|image|picture|foto)s?(?:\s*[/:|]| by | courtesy )\s*[^()]{1,120}\)\s*$/iu
const CAPTION_CREDIT_INSIDE = /(?:^|[.!?)]\s)(?:photo|photograph|image|picture|credit)s?\s*(?:by\s|:)\s*\p{Lu}/u
// Agency caption dateline: `WASHINGTON, DC - NOVEMBER 19: …`.
const CAPTION_DATELINE = /^[\p{Lu} .,'-]{3,40} - \p{Lu}+ \d{1,2}(?:, \d{4})?:\s/u
const CAPTION_TAIL_BY = /(?:^|[\s.)])(?:photo|photograph|image|picture|illustration)s? (?:by|courtesy(?: of)?|credit:?) \p{Lu}[^.!?]{0,80}$/u
const CAPTION_TAIL_AGENCY = /(?:getty images|shutterstock|istock(?:photo)?|afp\/|reuters\/|epa\/|ap photo\/|ap images)[^.!?]{0,40}\)?$/iu
const CAPTION_HEAD = /^(?:file photo|photo|pictured|in this photo|above|top|left|right|main image|inset)\s*:\s/iu
const TRUNCATED_MORE = /(?:\.\.\.|…)\s*(?:more|read more|continue reading)$/iu
// `… and if you had to thank one company for that, it would probably be […]`: the bracketed form too.
const TRUNCATED = /[\p{L}\p{N},;]\s*(?:\.\.\.|…|\[(?:\.\.\.|…)\])$/u
// A credit in brackets that names an agency path (`(picture-alliance/dpa/L. Schwedes)`, `(Getty/Jane Doe)`)
// closing a line without sentence punctuation: a picture's caption or alt text.
const CAPTION_SLASH_CREDIT = /\([^()/]{1,50}\/[^()]{1,60}\)\s*$/u
// An image file name printed as alt text (`Barbourxiloveponys2`, `rewilding-redonda-2`): one token,
// joined by hyphens or underscores or ending in digits, with no space.
const IMAGE_FILENAME = /^(?=\S{10,60}$)(?:[\p{L}\p{N}]+(?:[-_][\p{L}\p{N}]+)+|\p{L}+\d+)$/u
// The site speaking about itself: terms, privacy, cookies, affiliate programmes, licences, house rules.
const SITE_NOTICE =
  /\b(?:this (?:web)?site|our (?:web)?site|our (?:terms|privacy|cookie|forum rules|community guidelines|polic(?:y|ies)|affiliate)|you agree|(?:uses|use of) cookies|affiliate (?:advertising|links?|program(?:me)?|commissions?)|associates program|community guidelines|personal,? non-commercial use|presentation-ready copies|(?:published|licensed|available) under (?:a|the) [\p{L} .-]{0,40}licen[cs]e)\b/iu
// A plug written as a sentence: `Sign up for the newsletter here.`, `Subscribe to our weekly newsletter`.
const NEWSLETTER_PLUG = /\b(?:sign(?:ing)? up|subscribe|register)\b[^.!?]{0,40}\bnewsletters?\b|\bnewsletter here\b|\bclick (?:here )?to subscribe\b/iu
const COPYRIGHT = /^(?:©|\(c\)\s|copyright\b)|\bcopyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all rights reserved/iu
const EMAIL = /[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}/
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/iu
const BRACKETS = /\[[^\]\n]{0,300}\]/g
const AGENCY_BYLINE = /,\s*(?:the\s+)?(?:associated press|ap|reuters|afp|bloomberg|upi|staff|staff writer|sports writer|ap sports writer|writer|correspondent|editor|reporter|contributor|columnist|[\p{L} -]{0,30} (?:editor|writer|correspondent|reporter)(?:-at-large)?)$/iu

const COMMENT_WORDS = /comment|think|discussion|your say|helpful|rate this/
const SHARE_WORDS = /share|tweet|facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|instagram|youtube|tiktok|flipboard|messenger|email|e-mail|print|copy link|\bvk\b|^x$|rss|pin|save|bookmark/
const SUBSCRIBE_WORDS = /subscri|newsletter|sign up|sign in|log in|login|log out|register|account|member|alert|notification|app\b/
const PRIVACY_WORDS = /cookie|privacy|terms|do not sell|rights reserved|preferences/

const AD_WORDS = /^(?:advertisement|advertising|sponsored|sponsored content|ad|ads|story continues below advertisement|article continues below|continue reading below)$/

const promptRule = (key: string): string =>
  AD_WORDS.test(key) ? "ad-slot"
  : COMMENT_WORDS.test(key) ? "comment-prompt" : SHARE_WORDS.test(key) ? "share-prompt" : SUBSCRIBE_WORDS.test(key) ? "subscribe-prompt" : PRIVACY_WORDS.test(key) ? "cookie-privacy" : "page-widget"

/** A clock time opening a line, then words: `14:44 Accusations …`, `9:05 pm Storm warning lifted`. */
const LEADING_CLOCK = /^\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s+\p{L}/iu

/** Only handles and hashtags: `@artnet`, `#Rafale #Qatar`. */
const SOCIAL_HANDLES = /^(?:[@#][\p{L}\p{N}_]+\s*){1,6}$/u

const META_SEPARATOR = /\s+[|•·]\s+/u

/** A name or source in a byline strip: up to four words, each capitalised or a short joining word. */
const isShortName = (segment: string): boolean => {
  const ws = segment.split(/\s+/).filter((w) => w.length > 0)
  return ws.length > 0 && ws.length <= 4 && !endsSentence(segment) && ws.every((w) => /^[\p{Lu}(]/u.test(w) || /^(?:de|da|di|du|le|la|van|von|der|the|of|y|e|et|and)$/iu.test(w))
}

/**
 * `Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 | Par Jane Doe`: a strip of at least two
 * parts joined by `|`, `•` or `·` where every part is a date stamp, a stamp (`Updated 5 May`), a byline
 * (`By Jane Doe`) or a short name, and one of them is a date or a byline.
 */
const isMetaLine = (core: string, rules: CompiledRules): boolean => {
  if (!META_SEPARATOR.test(core)) return false
  const parts = core.split(META_SEPARATOR).map((p) => p.trim()).filter((p) => p.length > 0)
  if (parts.length < 2) return false
  let anchored = false
  for (const part of parts) {
    const key = keyOf(part)
    const stamp = /\d/.test(part) && (isDateStamp(part) || openingPhrase(key, rules.stampKeys) !== null)
    const by = openingPhrase(key, rules.bylineKeys)
    const byline = by !== null && /^[:|]?\s*\p{Lu}/u.test(part.slice(by.length).trim())
    if (stamp || byline) anchored = true
    else if (!isShortName(part)) return false
  }
  return anchored
}

/** The furniture rule a line falls under on its own, or null when no rule claims it. */
export const furnitureRule = (line: string, rules: CompiledRules): Verdict | null => {
  const core = coreOf(line)
  const { lists } = rules
  const withoutMarkup = core.replace(BRACKETS, " ").trim()
  if (!hasLetter(withoutMarkup)) {
    return { rule: "markup-residue", reason: "The line holds no words: list bullets, separators, numbers or form and image placeholders left by the page dump." }
  }
  if (URL_ONLY.test(withoutMarkup)) {
    return { rule: "markup-residue", reason: "The line is a bare web address, with at most a placeholder beside it: a print header or link, not text." }
  }
  // Every rule below is about short lines; a huge line is never one of them (and must stay linear).
  if (core.length > 3000) return null
  const words = wordCount(core)
  const key = keyOf(core)
  if (words <= 6 && /\[[\s_]{0,40}\]/.test(core)) {
    return { rule: "form-field", reason: "A form field (a label beside an empty input box) of the page: search, e-mail or comment form." }
  }
  if (rules.prompts.has(key)) {
    return { rule: promptRule(key), reason: `The whole line is the page widget or prompt "${key}", not article text.` }
  }
  const credit = isCreditLine(core)
  if (credit) {
    return { rule: SOURCE_LABELS.includes(credit.label) ? "source-credit" : "photo-credit", reason: `A "${credit.label}:" credit line names where the text or picture came from; it is not article text.` }
  }
  if (words <= 40 && !hasQuote(core) && COPYRIGHT.test(core)) {
    return { rule: "copyright", reason: "A copyright or rights notice of the site, not article text." }
  }
  if (words <= 45 && !hasQuote(core) && SITE_NOTICE.test(core)) {
    return { rule: "site-notice", reason: "The site speaking about itself (terms of service, privacy, cookies, affiliate links, licence or house rules), not article text." }
  }
  if (words <= 45 && !hasQuote(core) && NEWSLETTER_PLUG.test(core)) {
    return { rule: "subscribe-prompt", reason: "A plug for the site's newsletter or channel written as a sentence, not article text." }
  }
  if (IMAGE_FILENAME.test(core)) {
    return { rule: "markup-residue", reason: "An image file name printed in place of a caption (one token of joined words or a name with a number), not text." }
  }
  if (words <= lists.maxFurnitureWords) {
    const share = openingPhrase(key, rules.shareKeys)
    if (share !== null) {
      return { rule: promptRule(share), reason: `The line opens with "${share}": a share, subscribe, newsletter, cookie or privacy line of the page.` }
    }
  }
  // `Read more: Kremlin: …` — a link teaser: an opening phrase, a colon or dash, then a headline.
  if (words <= lists.maxFurnitureWords) {
    const teaser = openingPhrase(key, rules.teaserKeys)
    if (teaser !== null) {
      const low = core.toLowerCase().replace(/[’‘`´]/g, "'").replace(/\s+/g, " ")
      const after = low.startsWith(teaser) ? low.slice(teaser.length) : ""
      if (/^\s*[:|»›–—-]\s*\S/u.test(after) && !hasQuote(core)) {
        return { rule: "related-link", reason: `An inline link teaser ("${teaser}:" followed by another article's headline), not part of this article.` }
      }
    }
  }
  if (words <= 30 && !hasQuote(core) && (rules.gluedVerb.test(core) || rules.spacedVerb.test(core))) {
    return { rule: "related-link", reason: "A link glued into a lead-in by the scraper: a reporting verb runs straight into another article's capitalised headline." }
  }
  if (words <= 30 && !hasQuote(core) && /(?:^|\s)\p{Ll}{3,}\p{Lu}\p{Ll}{2,}/u.test(core)) {
    return { rule: "related-link", reason: "A short line with a lower-case word glued to a capitalised one (`reportedThat`): a link pasted into the text by the scraper." }
  }
  if (words <= 30 && !endsSentence(core) && CAPTION_SLASH_CREDIT.test(core)) {
    return { rule: "photo-caption", reason: "A picture caption: a line without sentence punctuation closed by a bracketed agency credit (`(Getty/Jane Doe)`)." }
  }
  if (words <= 60 && (CAPTION_TAIL_PAREN.test(core) || CAPTION_TAIL_BY.test(core) || CAPTION_TAIL_AGENCY.test(core) || CAPTION_HEAD.test(core) || CAPTION_DATELINE.test(core) || (CAPTION_CREDIT_INSIDE.test(core) && !hasQuote(core)))) {
    return { rule: "photo-caption", reason: "A picture caption: the line ends with (or opens with) a photo credit." }
  }
  if (TRUNCATED_MORE.test(core)) {
    return { rule: "teaser-paragraph", reason: "A text cut off and followed by a \"more\" link: a caption or teaser preview, not the article." }
  }
  if (words <= 80 && TRUNCATED.test(core) && !hasQuote(core.slice(-12))) {
    return { rule: "teaser-paragraph", reason: "The paragraph breaks off mid-sentence with \"...\": a teaser for another article." }
  }
  if (words <= 25 && !endsSentence(core) && LEADING_CLOCK.test(core)) {
    return { rule: "teaser-headline", reason: "A headline after a clock time (`14:44 …`): an item of a live ticker or news list, not article text." }
  }
  if (SOCIAL_HANDLES.test(core)) {
    return { rule: "social-embed", reason: "The line holds only social-media handles or hashtags: the header of an embedded post, not article text." }
  }
  if (words <= 25 && !endsSentence(core) && TRAILING_STAMP.test(core) && hasLetter(core.replace(TRAILING_STAMP, ""))) {
    return { rule: "teaser-headline", reason: "A headline followed by its time stamp: a teaser in a list of other articles." }
  }
  if (isDateStamp(core)) {
    return { rule: "timestamp", reason: "The line is only a date or time stamp of the page." }
  }
  if (words <= 16) {
    const stamp = openingPhrase(key, rules.stampKeys)
    if (stamp !== null && /\d/.test(core)) {
      return { rule: "timestamp", reason: `A "${stamp} …" publication stamp of the page, not article text.` }
    }
  }
  if (words <= 30 && !hasQuote(core) && isMetaLine(core, rules)) {
    return { rule: "byline", reason: "A byline and dateline strip (source, date, update time, author) joined by separators, not article text." }
  }
  if (words <= 16 && !hasQuote(core)) {
    const by = openingPhrase(key, rules.bylineKeys)
    const afterBy = by === null ? "" : core.slice(core.toLowerCase().indexOf(by) + by.length).trim()
    if (by !== null && (afterBy === "" || /^[:|]?\s*\p{Lu}/u.test(afterBy)) && (!endsSentence(core) || words <= 6)) {
      return { rule: "byline", reason: "A byline naming the author, not article text." }
    }
    if (words <= 10 && !endsSentence(core) && AGENCY_BYLINE.test(core)) {
      return { rule: "byline", reason: "A byline: a name followed by the writer's role or agency." }
    }
  }
  if (words <= 12 && EMAIL.test(core) && !hasQuote(core)) {
    return { rule: "author-contact", reason: "A short contact line with an e-mail address, not article text." }
  }
  return null
}
