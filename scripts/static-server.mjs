// A tiny static file server for scripts/serve.sh: serves one folder on localhost with
// the right MIME types (application/wasm for .wasm, so streaming compilation works).
// Usage: node scripts/static-server.mjs <dir> [port]
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";

const dir = resolve(process.argv[2] || ".");
const port = Number(process.argv[3] || process.env.PORT || 8080);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
};

createServer((req, res) => {
  let path;
  try {
    path = join(dir, decodeURIComponent(new URL(req.url, "http://localhost").pathname));
  } catch {
    res.writeHead(400).end("bad request");
    return;
  }
  if (path !== dir && !path.startsWith(dir + sep)) {
    res.writeHead(403).end("forbidden");
    return;
  }
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
  if (!existsSync(path)) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": types[extname(path)] || "application/octet-stream", "cache-control": "no-cache" });
  createReadStream(path).pipe(res);
}).listen(port, "localhost", () => {
  console.log(`[serve] serving ${dir} on http://localhost:${port}/  (Ctrl-C stops)`);
});
