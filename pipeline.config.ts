// The pipeline's configuration. Every key is optional; leave one out for its default.
// A wrong key or type stops the run before it starts (exit 2) and names the path at fault.
import { defineConfig } from "./pipeline/config.js"

export default defineConfig({
  input: "seeds",
  output: "output",
  // Indexes kept across runs (the cross-run document dedupe history).
  stateDir: ".state",
  // Files read at once.
  concurrency: 4,
  // Inputs over this size are rejected instead of read.
  maxFileBytes: 20 * 1024 * 1024,
  csv: {
    // Columns of CSV exports given as input.
    columns: { id: "id", text: "text", title: "title", url: "url", published: "published", source: "source" },
    delimiter: ",",
    // A UTF-8 byte-order mark in corpus.csv, for Excel on Windows.
    bom: false
  },
  options: {
    "split-paragraphs": { splitGlued: true, joinWrapped: true }
  }
})
