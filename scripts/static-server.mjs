// The static file server of scripts/serve.sh (and of the page's e2e tests): serves one folder
// with the right MIME types (application/wasm, so streaming compilation works), the security
// headers of docs/planner.md § "Serving", and compression — the precompressed `.br`/`.gz`
// files written by scripts/precompress.mjs when the browser accepts them, else gzip on the
// fly (cached in memory). Hashed files under assets/ are cached for a year; the rest revalidate.
// Usage: node scripts/static-server.mjs <dir> [port] [host]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

export const TYPES = {
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
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".map", ".txt", ".md"]);

/** The headers every response carries (docs/planner.md lists them for any static host). */
export const SECURITY_HEADERS = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

const isFile = async (p) => (await stat(p).catch(() => null))?.isFile() ?? false;

/** Picks the encoding to send: a precompressed sibling when accepted, else gzip on the fly. */
async function body(path, ext, accept, cache, compress) {
  if (!compress) return { data: await readFile(path), encoding: null };
  const acc = (name) => new RegExp(`(^|[,\\s])${name}(;q=(?!0(\\.0+)?\\b)[\\d.]+)?($|[,\\s;])`).test(accept);
  if (COMPRESSIBLE.has(ext)) {
    for (const [enc, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
      if (acc(enc) && (await isFile(path + suffix))) return { data: await readFile(path + suffix), encoding: enc };
    }
  }
  const st = await stat(path);
  if (!COMPRESSIBLE.has(ext) || !acc("gzip") || st.size < 1024) return { data: await readFile(path), encoding: null };
  const key = `${path}\u0000${st.mtimeMs}\u0000${st.size}`;
  if (!cache.has(key)) cache.set(key, gzipSync(await readFile(path), { level: 6 }));
  return { data: cache.get(key), encoding: "gzip" };
}

/**
 * A request handler serving `dir` (never a file outside it). `compress: false` sends every
 * file as it is: on localhost compression only costs CPU (the e2e tests time the first render).
 */
export function staticHandler(dir, { compress = true } = {}) {
  const root = resolve(dir);
  const cache = new Map();
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", ...SECURITY_HEADERS }).end();
      return;
    }
    let path;
    try {
      path = resolve(join(root, decodeURIComponent(new URL(req.url, "http://localhost").pathname)));
    } catch {
      res.writeHead(400, SECURITY_HEADERS).end("bad request");
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403, SECURITY_HEADERS).end("forbidden");
      return;
    }
    if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, "index.html");
    if (!(await isFile(path))) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8", ...SECURITY_HEADERS }).end("not found");
      return;
    }
    const ext = extname(path);
    const { data, encoding } = await body(path, ext, String(req.headers["accept-encoding"] ?? ""), cache, compress);
    const hashed = path.startsWith(join(root, "assets") + sep);
    res.writeHead(200, {
      "content-type": TYPES[ext] || "application/octet-stream",
      "content-length": data.length,
      "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
      ...(COMPRESSIBLE.has(ext) ? { vary: "Accept-Encoding" } : {}),
      ...(encoding ? { "content-encoding": encoding } : {}),
      ...SECURITY_HEADERS,
    });
    res.end(req.method === "HEAD" ? undefined : data);
  };
}

/** Starts a server; resolves to {url, close}. Port 0 picks a free one. */
export async function serve(dir, port = 0, host = "127.0.0.1", options = {}) {
  const handler = staticHandler(dir, options);
  const server = createServer((req, res) => {
    handler(req, res).catch((e) => {
      if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
      res.end(String(e));
    });
  });
  await new Promise((ok, fail) => server.once("error", fail).listen(port, host, ok));
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] || ".");
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  const { url } = await serve(dir, port, process.argv[4] || "localhost");
  console.log(`[serve] serving ${dir} on ${url}  (Ctrl-C stops)`);
}
