// One run at a time per output folder: a lock file beside it names the holder's process id, and a
// lock whose process is gone (a crash, a kill -9) is recognised as stale and taken over.
import { Data, Effect } from "effect"
import { hostname } from "node:os"
import { openSync, readFileSync, rmSync, writeSync, closeSync, mkdirSync } from "node:fs"
import { basename, dirname, join, resolve } from "node:path"

export class LockError extends Data.TaggedError("LockError")<{ readonly message: string }> {}

export const lockPathFor = (outputDir: string): string => join(dirname(resolve(outputDir)), `.${basename(resolve(outputDir))}.lock`)

interface LockInfo {
  readonly pid: number
  readonly host: string
  readonly started: string
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as { code?: string }).code === "EPERM"
  }
}

const tryCreate = (path: string, info: LockInfo): boolean => {
  try {
    const fd = openSync(path, "wx")
    writeSync(fd, JSON.stringify(info))
    closeSync(fd)
    return true
  } catch (e) {
    if ((e as { code?: string }).code === "EEXIST") return false
    throw e
  }
}

const readLock = (path: string): LockInfo | null => {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo
  } catch {
    return null
  }
}

/** Takes the output folder's lock for the current scope; fails at once when a live run holds it. */
export const acquireLock = (outputDir: string) =>
  Effect.acquireRelease(
    Effect.try({
      try: () => {
        const path = lockPathFor(outputDir)
        mkdirSync(dirname(path), { recursive: true })
        const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() }
        for (let attempt = 0; attempt < 2; attempt++) {
          if (tryCreate(path, me)) return path
          const holder = readLock(path)
          const stale = holder === null || (holder.host === me.host && !alive(holder.pid))
          if (!stale)
            throw new LockError({
              message: `another run (process ${holder.pid} on ${holder.host}, started ${holder.started}) is writing ${outputDir}; wait for it to finish, or remove ${path} if that process is gone`
            })
          rmSync(path, { force: true })
        }
        throw new LockError({ message: `could not take the lock ${path}` })
      },
      catch: (e) => (e instanceof LockError ? e : new LockError({ message: `could not take the output lock: ${e instanceof Error ? e.message : String(e)}` }))
    }),
    (path) => Effect.sync(() => rmSync(path, { force: true }))
  )
