import { describe, expect, it } from "@effect/vitest"
import { Effect, Either } from "effect"
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { decodeConfig, loadConfig } from "../pipeline/config.js"
import { registry } from "../stages/index.js"
import { repoRoot, tempDir } from "./helpers.js"

const errorOf = (raw: unknown): string => {
  const r = decodeConfig(raw, "cfg.ts")
  if (Either.isRight(r)) throw new Error("expected a config error")
  return r.left.message
}

describe("config", () => {
  it("an empty config gives every default", () => {
    const r = decodeConfig({}, "cfg.ts")
    expect(Either.isRight(r)).toBe(true)
    if (Either.isRight(r)) {
      expect(r.right).toMatchObject({ input: "seeds", output: "output", concurrency: 4 })
      expect(r.right.stages).toEqual(registry.map((s) => s.name))
    }
  })

  it("a wrong top-level key is reported with its path", () => {
    expect(errorOf({ ouput: "x" })).toMatch(/at ouput: .*is unexpected/)
  })

  it("a wrong type is reported with its path", () => {
    expect(errorOf({ concurrency: "four" })).toMatch(/at concurrency: Expected/)
    expect(errorOf({ csv: { bom: "yes" } })).toMatch(/at csv\.bom: Expected boolean/)
  })

  it("a stage option is checked against that stage's own schema", () => {
    expect(errorOf({ options: { "split-paragraphs": { splitGlued: 1 } } })).toMatch(/at options\.split-paragraphs\.splitGlued/)
    expect(errorOf({ options: { "split-paragraphs": { nope: true } } })).toMatch(/at options\.split-paragraphs\.nope: .*is unexpected/)
    expect(errorOf({ options: { "no-such-stage": {} } })).toMatch(/at options\.no-such-stage/)
    expect(errorOf({ stages: ["decode", "no-such-stage"] })).toMatch(/at stages\.1/)
  })

  it("all errors are listed at once", () => {
    const m = errorOf({ ouput: "x", concurrency: 0 })
    expect(m).toMatch(/ouput/)
    expect(m).toMatch(/concurrency/)
  })

  it.effect("the repo's pipeline.config.ts loads", () =>
    Effect.gen(function* () {
      const loaded = yield* loadConfig(join(repoRoot, "pipeline.config.ts"))
      expect(loaded.config.input).toBe("seeds")
      expect(loaded.hash).toMatch(/^[0-9a-f]{16}$/)
    })
  )

  it.effect("a config file with no default export, or a missing file, is a config error", () =>
    Effect.gen(function* () {
      const t = tempDir()
      try {
        const f = join(t.path, "c.mjs")
        writeFileSync(f, "export const x = 1\n")
        expect((yield* Effect.flip(loadConfig(f))).message).toMatch(/no default export/)
        expect((yield* Effect.flip(loadConfig(join(t.path, "missing.ts")))).message).toMatch(/config file not found/)
      } finally {
        t.cleanup()
      }
    })
  )
})
