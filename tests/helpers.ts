// Shared test helpers: temporary folders, the default config, and running the CLI as a user would.
import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Effect } from "effect"
import { decodeConfig, configHash, type LoadedConfig } from "../pipeline/config.js"

export const repoRoot = resolve(import.meta.dirname, "..")

export const tempDir = (prefix = "pipeline-test-"): { path: string; cleanup: () => void } => {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) }
}

/** A loaded config from a plain object, as if read from a file in `baseDir`. */
export const loadedConfig = (raw: unknown = {}, baseDir = repoRoot): LoadedConfig => {
  const config = Effect.runSync(decodeConfig(raw, "test config"))
  return { config, file: null, baseDir, hash: configHash(config) }
}

export interface CliResult {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

const tsx = join(repoRoot, "node_modules", ".bin", "tsx")

/** Runs `pipeline ARGS` in `cwd` (the repo by default), with no terminal attached, as cron would. */
export const runCli = (args: ReadonlyArray<string>, cwd = repoRoot): CliResult => {
  const r = spawnSync(tsx, [join(repoRoot, "pipeline", "cli.ts"), ...args], { cwd, encoding: "utf8", timeout: 60_000 })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}
