import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import fc from "fast-check"
import { readdirSync, readFileSync } from "node:fs"
import { DateAnnotation, makeDoc } from "../pipeline/model.js"
import { defaultOptions } from "../pipeline/stage.js"
import { buildIndex, effectiveEntries, GazetteerOptions } from "../stages/entities/gazetteer.js"
import { findDefinitions } from "../stages/entities/schwartz-hearst.js"
import { typoDistance, typoTarget } from "../stages/entities/typos.js"
import {
  entityNames,
  linkEntities,
  normaliseEntities,
  NormaliseEntitiesOptions,
  quotationSpans
} from "../stages/normalise-entities.js"

const opts = defaultOptions(normaliseEntities)
const link = (text: string | string[], tags: string[] = [], o = opts) =>
  linkEntities(Array.isArray(text) ? text : [text], tags, o)
/** canonical name linked to the exact surface text, or undefined. */
const linked = (r: ReturnType<typeof link>, surface: string) => r.entities.find((e) => e.text === surface)?.canonical
const withOpts = (o: Partial<typeof NormaliseEntitiesOptions.Encoded>) => Schema.decodeSync(NormaliseEntitiesOptions)(o)

describe("seeds", () => {
  const rawTags: Record<string, string[]> = {
    "000_8d47757346265ea4": ["russia", "collective security treaty organization (csto)", "csto", "viktor vasilyev", "nato", "russia"]
  }
  const accepted = (form: string) => {
    const m = form.match(/^(.+) \((\w[\w-]*)\)$/)
    return m ? [form, m[1]!] : [form]
  }
  for (const f of readdirSync(new URL("./expected/", import.meta.url)).filter((f) => f.endsWith(".json"))) {
    const exp = JSON.parse(readFileSync(new URL(`./expected/${f}`, import.meta.url), "utf8")) as {
      id: string
      paragraphs: string[]
      tags: string[]
      entities: Record<string, string[]>
    }
    it(`${exp.id}: every expected entity form is linked, tags are canonical, offsets exact`, () => {
      const r = link(exp.paragraphs, rawTags[exp.id] ?? [])
      for (const [canonical, forms] of Object.entries(exp.entities))
        for (const form of forms)
          expect(
            r.entities.some((e) => accepted(form).includes(e.text) && e.canonical === canonical),
            `${form} → ${canonical}`
          ).toBe(true)
      expect(r.tags).toEqual(exp.tags)
      for (const e of r.entities) expect(exp.paragraphs[e.paragraph]!.slice(e.start, e.end)).toBe(e.text)
    })
  }
})

describe("gazetteer variants", () => {
  it.each([
    ["The Organisation for Security and Cooperation in Europe met.", "Organisation for Security and Cooperation in Europe", "Organization for Security and Co-operation in Europe"],
    ["The Shanghai Cooperation Organization met.", "Shanghai Cooperation Organization", "Shanghai Cooperation Organisation"],
    ["ITAR-TASS reported the news.", "ITAR-TASS", "TASS"],
    ["Itar-Tass reported the news.", "Itar-Tass", "TASS"],
    ["Sergei Lavrov spoke.", "Sergei Lavrov", "Sergey Lavrov"],
    ["The North Atlantic Alliance expanded.", "North Atlantic Alliance", "NATO"],
    ["Elections in România were held.", "România", "Romania"],
    ["Talks with Côte d’Ivoire resumed.", "Côte d’Ivoire", "Ivory Coast"],
    ["Talks with Cote d'Ivoire resumed.", "Cote d'Ivoire", "Ivory Coast"],
    ["The Democratic People's Republic of Korea fired a missile.", "Democratic People's Republic of Korea", "North Korea"],
    ["Reports from Iran (Islamic Republic of) arrived.", "Iran (Islamic Republic of)", "Iran"],
    ["Korea, Democratic People's Republic of is listed.", "Korea, Democratic People's Republic of", "North Korea"],
    ["Macedonia joined the alliance.", "Macedonia", "North Macedonia"],
    ["The Russian Federation objected.", "Russian Federation", "Russia"],
    ["ROMANIA AND NATO HOLD TALKS", "ROMANIA", "Romania"],
    ["President Zelensky spoke.", "Zelensky", "Volodymyr Zelenskyy"],
    ["The U.S. and the UK agreed.", "U.S.", "United States"]
  ])("%s", (text, surface, canonical) => {
    expect(linked(link(text), surface)).toBe(canonical)
  })

  it("never links demonyms, lower-case common words or names inside longer place names", () => {
    const r = link([
      "Russian and Chinese officials ate turkey off china plates.",
      "Chad Smith and Jordan Henderson were in Rhode Island, New Jersey and Northern Ireland.",
      "Guinea pigs were used. Officials in Atlanta, Georgia, agreed.",
      "The Georgian, Iranian and Nigerian envoys met."
    ])
    expect(r.entities.filter((e) => e.type === "country")).toEqual([])
  })

  it("links the ambiguous country names where the context allows", () => {
    const r = link("Chad, Jordan and Georgia signed; Russia, Georgia and Armenia did not.")
    expect(r.entities.filter((e) => e.type === "country").map((e) => e.canonical)).toEqual([
      "Chad", "Jordan", "Georgia", "Russia", "Georgia", "Armenia"
    ])
  })

  it("takes the longest name: Papua New Guinea, Equatorial Guinea and Guinea-Bissau are not Guinea", () => {
    const r = link("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea voted.")
    expect(r.entities.map((e) => e.canonical)).toEqual(["Papua New Guinea", "Equatorial Guinea", "Guinea-Bissau", "Guinea"])
  })

  it("names that are English words without their diacritics need them (Malé, not Male)", () => {
    expect(linked(link("Flights to Malé resumed."), "Malé")).toBe("Malé")
    expect(link("Male voters and Rhode Island.").entities.filter((e) => e.canonical === "Malé" || e.canonical === "Iceland")).toEqual([])
  })

  it("matches abbreviations in capitals only", () => {
    expect(linked(link("The NATO summit opened."), "NATO")).toBe("NATO")
    expect(link("The Nato summit opened.").entities).toEqual([])
    expect(link("who said that?").entities).toEqual([])
  })

  it("users add, replace and remove entries through the options", () => {
    const o = withOpts({
      gazetteer: {
        entries: [
          { canonical: "Viktor Vasilyev", type: "person", aliases: ["Victor Vasiliev"] },
          { canonical: "North Atlantic Treaty Organization", type: "organisation", abbreviations: ["NATO"] }
        ],
        remove: ["NATO", "Russia"]
      }
    })
    const r = link("Victor Vasiliev said NATO and Russia disagreed.", [], o)
    expect(linked(r, "Victor Vasiliev")).toBe("Viktor Vasilyev")
    expect(linked(r, "NATO")).toBe("North Atlantic Treaty Organization")
    expect(linked(r, "Russia")).toBeUndefined()
    expect(effectiveEntries(o.gazetteer).some((e) => e.canonical === "NATO")).toBe(false)
  })

  it("countries take Wikidata's English labels by default, common names as aliases; countryNames: common switches", () => {
    const r = link("China, Czechia, Türkiye and Timor-Leste met.")
    expect(r.entities.map((e) => e.canonical)).toEqual(["China", "Czech Republic", "Turkey", "East Timor"])
    const o = withOpts({ gazetteer: { countryNames: "common" } })
    expect(link("China, Czech Republic, Turkey and East Timor met.", [], o).entities.map((e) => e.canonical)).toEqual(["China", "Czechia", "Türkiye", "Timor-Leste"])
  })

  it("the built-in gazetteer has no name that points at two entities", () => {
    const entries = effectiveEntries(Schema.decodeSync(GazetteerOptions)({}))
    const seen = new Map<string, string>()
    const clashes: string[] = []
    for (const e of entries)
      for (const n of [e.canonical, ...e.aliases]) {
        const k = n.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
        const prev = seen.get(k)
        if (prev !== undefined && prev !== e.canonical) clashes.push(`${n}: ${prev} / ${e.canonical}`)
        seen.set(k, e.canonical)
      }
    expect(clashes).toEqual([])
    expect(entries.filter((e) => e.type === "country").length).toBeGreaterThanOrEqual(240)
  })
})

describe("abbreviation definitions", () => {
  it("finds `Long Name (ABBR)` and links later mentions in the document", () => {
    const r = link([
      "The Eurasian Development Bank (EDB) opened an office.",
      "EDB officials said the EDB would lend more."
    ])
    expect(linked(r, "Eurasian Development Bank (EDB)")).toBe("Eurasian Development Bank")
    expect(r.entities.filter((e) => e.text === "EDB" && e.canonical === "Eurasian Development Bank")).toHaveLength(2)
    expect(r.events).toContainEqual(
      expect.objectContaining({ rule: "abbreviation-definition", action: "annotate", text: "Eurasian Development Bank (EDB)", replacement: "EDB = Eurasian Development Bank" })
    )
  })

  it("finds `ABBR (Long Name)` and canonicalises a long name the gazetteer knows", () => {
    const r = link("The OSCE (Organisation for Security and Cooperation in Europe) sent observers; the OSCE said so.")
    expect(linked(r, "OSCE (Organisation for Security and Cooperation in Europe)")).toBe("Organization for Security and Co-operation in Europe")
    expect(linked(r, "OSCE")).toBe("Organization for Security and Co-operation in Europe")
    expect(r.events[0]).toMatchObject({ replacement: "OSCE = Organisation for Security and Cooperation in Europe" })
  })

  it("a definition in the document overrides the gazetteer's reading of the abbreviation", () => {
    const r = link("The International Chamber of Commerce (ICC) met. The ICC issued rules.")
    expect(r.entities.filter((e) => e.text === "ICC").map((e) => e.canonical)).toEqual(["International Chamber of Commerce"])
  })

  it("rejects years, document symbols, enumerations and bracketed remarks", () => {
    for (const t of [
      "The budget for 2024 (US$ 3.59 billion) was approved.",
      "The report (A/78/123) and annex (II) were noted.",
      "Moscow (Russia) said so.",
      "paragraph 5 (b) of the resolution",
      "The Fifth Committee (Administrative and Budgetary) concluded."
    ])
      expect(findDefinitions(t), t).toEqual([])
  })

  it("handles plurals, digits and function-word starts", () => {
    const pairs = (t: string) => findDefinitions(t).map((d) => [d.short, d.long])
    expect(pairs("the least developed countries (LDCs) and")).toEqual([["LDCs", "least developed countries"]])
    expect(pairs("at the Conference of the Parties (COP28) in")).toEqual([["COP28", "Conference of the Parties"]])
    expect(pairs("the Office of the United Nations High Commissioner for Human Rights (OHCHR) said")).toEqual([
      ["OHCHR", "Office of the United Nations High Commissioner for Human Rights"]
    ])
    expect(pairs("recalled the Treaty on the Non-Proliferation of Nuclear Weapons (NPT)")).toEqual([
      ["NPT", "Treaty on the Non-Proliferation of Nuclear Weapons"]
    ])
  })

  it("stays linear on a megabyte of brackets", () => {
    const t0 = Date.now()
    findDefinitions("(".repeat(500_000) + "a (B) ".repeat(50_000) + ")")
    expect(Date.now() - t0).toBeLessThan(3000)
  })
})

describe("surnames", () => {
  it("links a surname to the full name mentioned earlier in the document", () => {
    const r = link(["Foreign Minister Sergey Lavrov arrived.", "Lavrov said the talks went well.", "Lavrov's aide agreed."])
    expect(r.entities.filter((e) => e.text === "Lavrov").map((e) => e.canonical)).toEqual(["Sergey Lavrov", "Sergey Lavrov"])
  })

  it("links a surname to a person tag (document-level evidence)", () => {
    const r = link("“We are ready,” Vasilyev said.", ["viktor vasilyev", "nato"])
    expect(linked(r, "Vasilyev")).toBe("Viktor Vasilyev")
    expect(r.tags).toEqual(["Viktor Vasilyev", "NATO"])
  })

  it("falls back to the only gazetteer person with that surname", () => {
    expect(linked(link("Bordyuzha told the assembly."), "Bordyuzha")).toBe("Nikolai Bordyuzha")
    expect(linked(link("Belarusian Defence Minister Khrenin said the drills would go ahead."), "Khrenin")).toBe("Viktor Khrenin")
  })

  it("learns a person from a title and links the surname later", () => {
    const r = link(["CSTO Deputy Secretary General Valery Semerikov said.", "Semerikov added that talks would go on."])
    expect(linked(r, "Valery Semerikov")).toBe("Valery Semerikov")
    expect(linked(r, "Semerikov")).toBe("Valery Semerikov")
  })

  it("does not link a surname that belongs to another full name", () => {
    const r = link("Andrei Lavrov, a local councillor, spoke.")
    expect(r.entities.find((e) => e.text === "Lavrov")).toBeUndefined()
  })

  it("two people of one surname: the nearest named before wins", () => {
    const o = withOpts({
      gazetteer: {
        entries: [
          { canonical: "Anna Petrova", type: "person" },
          { canonical: "Olga Petrova", type: "person" }
        ]
      }
    })
    const r = link(["Anna Petrova spoke.", "Petrova said yes.", "Then Olga Petrova spoke.", "Petrova said no."], [], o)
    expect(r.entities.filter((e) => e.text === "Petrova").map((e) => e.canonical)).toEqual(["Anna Petrova", "Olga Petrova"])
    expect(link("Petrova said no.", [], o).entities).toEqual([])
  })
})

describe("guarded typos", () => {
  it("links a misspelt name of six or more letters and audits it", () => {
    const r = link("Officials in Kazakstan and Tajikstan agreed.")
    expect(linked(r, "Kazakstan")).toBe("Kazakhstan")
    expect(linked(r, "Tajikstan")).toBe("Tajikistan")
    expect(r.events).toContainEqual(expect.objectContaining({ rule: "typo", action: "annotate", text: "Kazakstan", replacement: "Kazakhstan" }))
  })

  it.each([
    ["Afganistan", "Afghanistan"], ["Azerbaidjan", "Azerbaijan"], ["Phillipines", "Philippines"], ["Kyrgystan", "Kyrgyzstan"]
  ])("fixes the common misspelling %s", (word, canonical) => {
    expect(linked(link(`Delegates from ${word} arrived.`), word)).toBe(canonical)
  })

  it("leaves a word between two names alone", () => {
    expect(link("Delegates from Austrila arrived.").entities).toEqual([])
  })

  it("corrects a transposition in a surname and in a multi-word name", () => {
    expect(linked(link("Tasmagambetvo said."), "Tasmagambetvo")).toBe("Imangali Tasmagambetov")
    expect(linked(link("The Collective Securty Treaty Organization met."), "Collective Securty Treaty Organization")).toBe(
      "Collective Security Treaty Organization"
    )
    expect(typoDistance("lavorv", "lavrov")).toBe(1)
  })

  it.each([
    ["Austria", "Austria"], ["Australia", "Australia"], ["Iran", "Iran"], ["Iraq", "Iraq"], ["Niger", "Niger"], ["Nigeria", "Nigeria"],
    ["Slovenia", "Slovenia"], ["Slovakia", "Slovakia"], ["Gambia", "The Gambia"], ["Zambia", "Zambia"]
  ])("never merges the real name %s into another", (word, canonical) => {
    const r = link(`Officials from ${word} arrived.`)
    expect(linked(r, word)).toBe(canonical)
    expect(r.events.filter((e) => e.rule === "typo")).toEqual([])
  })

  it("leaves short words, demonyms, derived forms, given names and ambiguous words alone", () => {
    for (const w of ["Chnia", "Nigerian", "Georgian", "Lavrova", "Georgina", "Swedes", "Victoria"]) {
      expect(typoTarget(buildIndex(effectiveEntries(Schema.decodeSync(GazetteerOptions)({}))), w), w).toBeNull()
      expect(link(`Then ${w} spoke.`).events.filter((e) => e.rule === "typo"), w).toEqual([])
    }
  })
})

describe("tags", () => {
  it("maps the scraped tags to canonical names, de-duplicated in first-seen order", () => {
    const r = link("Vasilyev spoke.", ["russia", "collective security treaty organization (csto)", "csto", "viktor vasilyev", "nato", "russia"])
    expect(r.tags).toEqual(["Russia", "Collective Security Treaty Organization", "Viktor Vasilyev", "NATO"])
  })

  it("maps a lone surname tag to the only gazetteer person of that name", () => {
    expect(link("Talks went on.", ["lavrov", "putin"]).tags).toEqual(["Sergey Lavrov", "Vladimir Putin"])
  })

  it("keeps a tag that is no entry and no person as written", () => {
    expect(link("Security was discussed.", ["foreign policy", "Eurasian security", "itar-tass"]).tags).toEqual([
      "foreign policy", "Eurasian security", "TASS"
    ])
  })
})

describe("output and rewriting", () => {
  it("the stage fills entities and tags and leaves the text alone by default", () => {
    const doc = makeDoc({ id: "t", sourceFile: "t.txt", paragraphs: ["Sergei Lavrov visited Kazakstan."], rawTags: ["nato"] })
    const out = normaliseEntities.run(doc, opts)
    expect(out.doc.paragraphs).toEqual(doc.paragraphs)
    expect(out.doc.tags).toEqual(["NATO"])
    expect(entityNames(out.doc)).toEqual(["Sergey Lavrov", "Kazakhstan"])
  })

  it("the rewrite option rewrites variants and typos outside quotations only, with replace events", () => {
    const doc = makeDoc({
      id: "t",
      sourceFile: "t.txt",
      paragraphs: ["Sergei Lavrov met “Sergei Lavrov’s friends from Kazakstan” in Kazakstan, Earlier in June."],
      dates: []
    })
    const out = normaliseEntities.run(doc, withOpts({ rewrite: true }))
    expect(out.doc.paragraphs[0]).toBe("Sergey Lavrov met “Sergei Lavrov’s friends from Kazakstan” in Kazakhstan, Earlier in June.")
    expect(out.events.filter((e) => e.rule === "typo").map((e) => e.action).sort()).toEqual(["annotate", "replace"])
    expect(out.events.filter((e) => e.action === "replace").map((e) => [e.rule, e.text, e.replacement])).toEqual([
      ["canonical-name", "Sergei Lavrov", "Sergey Lavrov"],
      ["typo", "Kazakstan", "Kazakhstan"]
    ])
    for (const e of out.doc.entities) expect(out.doc.paragraphs[e.paragraph]!.slice(e.start, e.end)).toBe(e.text)
  })

  it("the rewrite moves date annotations with the text", () => {
    const p = "Sergei Lavrov arrived on 13 July 2024 in Kazakstan."
    const doc = makeDoc({
      id: "t",
      sourceFile: "t.txt",
      paragraphs: [p],
      dates: [new DateAnnotation({ paragraph: 0, start: p.indexOf("13 July 2024"), end: p.indexOf("13 July 2024") + 12, text: "13 July 2024", value: "2024-07-13" })]
    })
    const out = normaliseEntities.run(doc, withOpts({ rewrite: true }))
    const d = out.doc.dates[0]!
    expect(out.doc.paragraphs[0]!.slice(d.start, d.end)).toBe("13 July 2024")
  })

  it("finds quotation spans, apostrophes inside them included", () => {
    const p = "He said “we won’t go” and ‘maybe’ and \"yes\"."
    expect(quotationSpans(p).map(([s, e]) => p.slice(s, e))).toEqual(["“we won’t go”", "‘maybe’", "\"yes\""])
  })

  it("offsets always point at the annotated text (property)", () => {
    const words = fc.constantFrom("Russia", "NATO", "the", "Lavrov", "Sergei Lavrov", "(CSTO)", "Collective Security Treaty Organization", "Kazakstan", "Côte d'Ivoire", "“", "”", ",", ".", "of", "Chad", "U.S.")
    fc.assert(
      fc.property(fc.array(fc.array(words, { maxLength: 30 }).map((ws) => ws.join(" ")), { minLength: 1, maxLength: 4 }), (paras) => {
        for (const rewrite of [false, true]) {
          const r = linkEntities(paras, [], withOpts({ rewrite }))
          for (const e of r.entities) expect(r.paragraphs[e.paragraph]!.slice(e.start, e.end)).toBe(e.text)
        }
      }),
      { numRuns: 200 }
    )
  })

  it("a megabyte on one line finishes quickly", () => {
    const line = "Russia and the Collective Security Treaty Organization (CSTO) met NATO in Kazakstan; Lavrov said ".repeat(10_000)
    const t0 = Date.now()
    const r = link(line)
    expect(r.entities.length).toBeGreaterThan(30_000)
    expect(Date.now() - t0).toBeLessThan(20_000)
  })
})
