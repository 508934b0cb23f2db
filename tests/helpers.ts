// Shared test helpers: temporary folders, the default config, and running the CLI as a user would.
import { spawn } from "node:child_process"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { pathToFileURL } from "node:url"
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

/** tsx's loader by absolute URL, so the CLI starts from any working folder, in one process (signals reach it directly). */
export const tsxLoader = pathToFileURL(join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs")).href

/**
 * Runs `pipeline ARGS` in `cwd` (the repo by default), with no terminal attached, as cron would.
 * Asynchronous, so the test worker's event loop stays free while the child runs.
 */
export const runCli = (args: ReadonlyArray<string>, cwd = repoRoot): Promise<CliResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, join(repoRoot, "pipeline", "cli.ts"), ...args], { cwd, stdio: ["ignore", "pipe", "pipe"] })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (d) => (stdout += String(d)))
    child.stderr.on("data", (d) => (stderr += String(d)))
    const timer = setTimeout(() => child.kill("SIGKILL"), 170_000)
    child.on("error", reject)
    child.on("close", (status) => {
      clearTimeout(timer)
      resolve({ status, stdout, stderr })
    })
  })
