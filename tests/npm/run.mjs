// npm consumer tests: pack pkg/ with `npm pack`, install the tarball into a fresh
// temporary project, then use it as a user would:
//   1. the tarball holds the files the entries need;
//   2. Node ESM without a bundler (`node --test` over consumer/node.test.mjs);
//   3. the README's JavaScript example, extracted from README.md and run as is;
//   4. the .d.ts rules of scripts/pkg-dts.mjs (raw `any` typed only in InitOutput, doc
//      comments as written, optional parameters optional); TypeScript, strict: `tsc --noEmit` over consumer/typed.ts and the package's .d.ts;
//   5. a page built with Vite (consumer/web), served on localhost and loaded in headless
//      Chromium (playwright-core + Debian's /usr/bin/chromium): the ranking must appear.
// Tools (typescript, vite, playwright-core) come from this folder's node_modules
// (npm ci from the committed lockfile); the consumer project only installs the tarball.
// Usage: node tests/npm/run.mjs   (after scripts/build-pkg.sh)
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const bin = (name) => join(here, "node_modules", ".bin", name);
const results = [];

function step(name, fn) {
  return Promise.resolve()
    .then(fn)
    .then(
      () => {
        results.push([name, true]);
        console.log(`ok   - ${name}`);
      },
      (err) => {
        results.push([name, false]);
        console.log(`FAIL - ${name}\n${String(err && err.stack ? err.stack : err).replace(/^/gm, "       ")}`);
      },
    );
}

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const output = `${r.stdout || ""}${r.stderr || ""}`;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}\n${output}`);
  return output;
}

/** The README's JavaScript example: the first ```js block after "<!-- npm-example -->". */
function readmeExample() {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const m = readme.match(/<!-- npm-example -->[\s\S]*?```js\n([\s\S]*?)```/);
  if (!m) throw new Error("README.md has no ```js block after <!-- npm-example -->");
  return m[1];
}

const tmp = mkdtempSync(join(tmpdir(), "dealteam-consumer-"));
let tarball = "";

await step("npm pack pkg/ and install the tarball into a fresh project", () => {
  if (!existsSync(join(root, "pkg", "package.json"))) throw new Error("pkg/ is not built: run scripts/build-pkg.sh");
  const packed = JSON.parse(
    execFileSync("npm", ["pack", join(root, "pkg"), "--pack-destination", tmp, "--json", "--silent"], {
      encoding: "utf8",
    }),
  );
  tarball = join(tmp, packed[0].filename);
  const files = packed[0].files.map((f) => f.path);
  for (const need of ["package.json", "node.js", "browser.js", "dealteam.js", "dealteam_bg.wasm", "dealteam.d.ts"]) {
    if (!files.includes(need)) throw new Error(`the tarball lacks ${need}: ${files.join(", ")}`);
  }
  if (!files.some((f) => f.startsWith("snippets/") && f.endsWith("error.js"))) {
    throw new Error("the tarball lacks the DealteamError snippet");
  }
  cpSync(join(here, "consumer"), tmp, { recursive: true });
  for (const f of ["rank-small.json", "rank-small.expected.json"]) cpSync(join(root, "tests", "wasm", f), join(tmp, f));
  for (const f of ["teams.json", "plan-simulate.json", "account-map.json"]) cpSync(join(root, "examples", f), join(tmp, f));
  writeFileSync(
    join(tmp, "package.json"),
    JSON.stringify({ name: "dealteam-consumer", private: true, type: "module", dependencies: { dealteam: `file:${tarball}` } }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--silent"], tmp);
});

await step("Node ESM, no bundler: node --test", () => {
  const out = run(process.execPath, ["--test", "node.test.mjs"], tmp);
  const summary = out.split("\n").filter((l) => /^(ℹ|#) (tests|pass|fail) /.test(l));
  console.log(summary.map((l) => `       ${l}`).join("\n"));
});

await step("README JavaScript example runs as written", () => {
  writeFileSync(join(tmp, "readme-example.mjs"), readmeExample());
  const out = run(process.execPath, ["readme-example.mjs"], tmp);
  if (!out.trim()) throw new Error("the README example printed nothing");
});

await step("the .d.ts: `any` typed only in InitOutput, doc comments as written, `opts?` optional", async () => {
  const { dtsProblems, rustDocs } = await import(join(root, "scripts", "pkg-dts.mjs"));
  const dts = readFileSync(join(tmp, "node_modules", "dealteam", "dealteam.d.ts"), "utf8");
  const problems = dtsProblems(dts, rustDocs(root));
  if (problems.length) throw new Error(problems.join("\n"));
  // The check itself must catch the old rewrite (every `any` → `unknown`, doc comments too).
  const broken = dts.replace("export class DealteamError", "/** Its cause, if any. */\nexport class DealteamError");
  if (!dtsProblems(broken.replace(/\bany\b/g, "unknown"), rustDocs(root)).length) {
    throw new Error("dtsProblems did not notice a doc comment's `any` turned into `unknown`");
  }
});

await step("TypeScript strict: tsc --noEmit over a typed consumer", () => {
  run(bin("tsc"), ["-p", join(tmp, "tsconfig.json")], tmp);
});

await step("Vite build of a page using the package", () => {
  run(bin("vite"), ["build", "--config", join(tmp, "web", "vite.config.mjs")], join(tmp, "web"));
  if (!existsSync(join(tmp, "web", "dist", "index.html"))) throw new Error("vite produced no dist/index.html");
});

await step("the Vite page ranks in headless Chromium", async () => {
  const { chromium } = await import("playwright-core");
  const dist = join(tmp, "web", "dist");
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };
  const server = createServer((req, res) => {
    const path = join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/\/$/, "/index.html"));
    if (!path.startsWith(dist) || !existsSync(path)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream" });
    res.end(readFileSync(path));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector("#result[data-done]", { timeout: 20000 });
    const text = await page.textContent("#result");
    const got = JSON.parse(text.startsWith("{") ? text : "{}");
    const want = [["a", 0.933333333333], ["c", 0.733333333333], ["b", 0.266666666667]];
    if (JSON.stringify(got.results) !== JSON.stringify(want)) throw new Error(`unexpected page result: ${text}`);
    if (got.errorCode !== "unknown_field at profile.wieght") throw new Error(`unexpected error: ${got.errorCode}`);
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
  } finally {
    await browser.close();
    server.close();
  }
});

const failed = results.filter(([, ok]) => !ok).length;
if (!failed && !process.env.KEEP_CONSUMER) rmSync(tmp, { recursive: true, force: true });
else console.log(`consumer project kept in ${tmp}`);
console.log(`npm consumer tests: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
