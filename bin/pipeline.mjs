#!/usr/bin/env node
// The `pipeline` bin: runs the TypeScript CLI through tsx's loader.
import { register } from "tsx/esm/api"
register()
await import("../pipeline/cli.ts")
