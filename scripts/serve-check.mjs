// `scripts/serve.sh --check`: serves the built page on a free port with
// scripts/static-server.mjs and checks what a browser would get — index.html and the engine's
// .wasm with their MIME types, compressed (brotli, else gzip), and every security header.
// Prints one line per check; exits 1 on the first failure.
// Usage: node scripts/serve-check.mjs <dir>
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SECURITY_HEADERS, serve } from "./static-server.mjs";

const dir = process.argv[2];
const wasm = readdirSync(join(dir, "assets")).find((f) => f.endsWith(".wasm"));
const { url, close } = await serve(dir);
let failed = false;
const check = (ok, what) => {
  console.log(`[serve --check] ${ok ? "ok" : "FAIL"}: ${what}`);
  failed ||= !ok;
};
for (const [path, type] of [["", "text/html"], ...(wasm ? [[`assets/${wasm}`, "application/wasm"]] : [])]) {
  for (const enc of ["br", "gzip"]) {
    const res = await fetch(url + path, { headers: { "accept-encoding": enc } });
    await res.arrayBuffer();
    check(res.status === 200, `GET /${path} (${enc}) → ${res.status}`);
    check(res.headers.get("content-type")?.startsWith(type), `/${path} content-type ${res.headers.get("content-type")}`);
    check(res.headers.get("content-encoding") === enc, `/${path} content-encoding ${res.headers.get("content-encoding")}`);
  }
}
check(!!wasm, `the engine module in assets/ (${wasm ?? "none"})`);
const res = await fetch(url);
for (const [name, value] of Object.entries(SECURITY_HEADERS)) check(res.headers.get(name) === value, `${name}: ${res.headers.get(name)}`);
check(/frame-ancestors 'none'/.test(res.headers.get("content-security-policy") ?? ""), "CSP forbids framing");
const outside = await fetch(url + "..%2f..%2fpackage.json");
check(outside.status === 403 || outside.status === 404, `a path outside the site → ${outside.status}`);
await close();
process.exit(failed ? 1 : 0);
