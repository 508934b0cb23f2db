// `npm run bench [name] [args…]`: a small dispatcher; each bench lives in its own file.
// With no name every bench runs with its defaults.
const benches: Record<string, () => Promise<{ main: (args: ReadonlyArray<string>) => Promise<void> }>> = {
  dedupe: () => import("./dedupe.js"),
  adversarial: () => import("./adversarial.js"),
  pipeline: () => import("./pipeline.js")
}

const [name, ...args] = process.argv.slice(2)
if (name !== undefined && !(name in benches)) {
  console.error(`unknown bench ${name}; known: ${Object.keys(benches).join(", ")}`)
  process.exit(2)
}
for (const [bench, load] of Object.entries(benches)) {
  if (name !== undefined && bench !== name) continue
  console.log(`== bench ${bench}`)
  await (await load()).main(name === undefined ? [] : args)
}
