// Where the wasm benches find the npm package: the file URL of its entry in `pkg` (a
// directory built by scripts/build-pkg.sh or a scratch wasm-pack build), to `import()` or to
// hand to workers. Exits with a message when there is none.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export function packageEntry(pkg) {
  const entry = ["node.js", "index.js", "dealteam.js"].map((f) => join(pkg, f)).find(existsSync);
  if (!entry) {
    console.error(`no package entry in ${pkg}; build the npm package first (scripts/build-pkg.sh)`);
    process.exit(1);
  }
  return pathToFileURL(entry).href;
}
