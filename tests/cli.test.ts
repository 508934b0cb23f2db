// The CLI as users and cron call it: each command, --help, --version and the exit codes.
import { describe, expect, it } from "@effect/vitest"
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { registry } from "../stages/index.js"
import { repoRoot, runCli, tempDir } from "./helpers.js"

describe("cli", () => {
  it("run cleans a folder into an output folder, with JSON log lines on stderr when not on a terminal", async () => {
    const t = tempDir()
    try {
      cpSync(join(repoRoot, "seeds"), join(t.path, "in"), { recursive: true })
      const r = await runCli(["run", "--input", join(t.path, "in"), "--output", join(t.path, "out"), "--no-history"])
      expect(r.status).toBe(0)
      for (const f of ["corpus.jsonl", "corpus.csv", "audit.jsonl", "run.json"]) expect(existsSync(join(t.path, "out", f))).toBe(true)
      const logs = r.stderr.trim().split("\n").map((l) => JSON.parse(l) as { message: string; logLevel: string })
      expect(logs.some((l) => /done: 5 kept/.test(String(l.message)))).toBe(true)
      const corpus = readFileSync(join(t.path, "out", "corpus.jsonl"), "utf8").trim().split("\n")
      expect(corpus).toHaveLength(5)

      // explain reads the trail back from that folder.
      const e = await runCli(["explain", "003_9efbe070475e7987", "--output", join(t.path, "out")])
      expect(e.status).toBe(0)
      expect(e.stdout).toMatch(/003_9efbe070475e7987: kept in corpus\.jsonl/)
      expect(e.stdout).toMatch(/\[parse-metadata\] remove source-credit/)
      const missing = await runCli(["explain", "no-such-doc", "--output", join(t.path, "out")])
      expect(missing.status).toBe(1)
      expect(missing.stderr).toMatch(/no document no-such-doc/)
    } finally {
      t.cleanup()
    }
  })

  it("--only runs just the named stages; an unknown one is bad usage (exit 2)", async () => {
    const t = tempDir()
    try {
      const r = await runCli(["run", "--input", join(repoRoot, "seeds/000_8d47757346265ea4.txt"), "--output", join(t.path, "out"), "--only", "split-paragraphs"])
      expect(r.status).toBe(0)
      const runJson = JSON.parse(readFileSync(join(t.path, "out", "run.json"), "utf8")) as { stages: Array<{ name: string }> }
      expect(runJson.stages.map((s) => s.name)).toEqual(["split-paragraphs"])
      const bad = await runCli(["run", "--output", join(t.path, "out2"), "--only", "decode,nope"])
      expect(bad.status).toBe(2)
      expect(bad.stderr).toMatch(/unknown stage: nope/)
    } finally {
      t.cleanup()
    }
  })

  it("--strict fails the run (exit 1) when an input was rejected; without it the run succeeds", async () => {
    const t = tempDir()
    try {
      writeFileSync(join(t.path, "empty.txt"), "")
      writeFileSync(join(t.path, "ok.txt"), "Some article text.")
      expect((await runCli(["run", "--input", t.path, "--output", join(t.path, "o1"), "--no-history"])).status).toBe(0)
      const strict = await runCli(["run", "--input", t.path, "--output", join(t.path, "o2"), "--strict", "--no-history"])
      expect(strict.status).toBe(1)
      expect(strict.stderr).toMatch(/--strict: 1 input\(s\) rejected/)
    } finally {
      t.cleanup()
    }
  })

  it("a bad config stops the run before it starts (exit 2) and names the path", async () => {
    const t = tempDir()
    try {
      const cfg = join(t.path, "bad.config.mjs")
      writeFileSync(cfg, "export default { input: 'seeds', concurency: 2 }\n")
      const r = await runCli(["run", "--config", cfg, "--output", join(t.path, "out")])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/at concurency: .*is unexpected/)
      expect(existsSync(join(t.path, "out"))).toBe(false)
    } finally {
      t.cleanup()
    }
  })

  it("stages lists every stage in order; stage shows a diff and the stage's audit events", async () => {
    const s = await runCli(["stages"])
    expect(s.status).toBe(0)
    const names = s.stdout.trim().split("\n").map((l) => l.trim().split(/\s+/)[1])
    expect(names).toEqual(registry.map((x) => x.name))

    const one = await runCli(["stage", "parse-metadata", join(repoRoot, "seeds/004_174c7796183d4116.txt")])
    expect(one.status).toBe(0)
    expect(one.stdout).toMatch(/== 004_174c7796183d4116: parse-metadata/)
    expect(one.stdout).toMatch(/^\+ title: CSTO reports monitoring of NATO actions$/m)
    expect(one.stdout).toMatch(/remove source-credit/)
    const bad = await runCli(["stage", "nope", join(repoRoot, "seeds/004_174c7796183d4116.txt")])
    expect(bad.status).toBe(2)
  })

  it("--help on every command, --version, and a wrong option is bad usage (exit 2)", async () => {
    const commands = [["--help"], ["run", "--help"], ["stages", "--help"], ["stage", "--help"], ["explain", "--help"]]
    const results = await Promise.all(commands.map((args) => runCli(args)))
    results.forEach((r, i) => {
      expect(r.status, commands[i]!.join(" ")).toBe(0)
      expect(r.stdout).toMatch(/USAGE/)
    })
    const v = await runCli(["--version"])
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    expect((await runCli(["run", "--no-such-flag"])).status).toBe(2)
  })
})
