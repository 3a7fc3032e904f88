// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip -9) next to every compressible
// file of a built site, so scripts/static-server.mjs — or nginx `gzip_static`/`brotli_static`,
// or any host that serves precompressed siblings — sends them without compressing per request.
// A sibling is kept only when it is smaller than the file. Prints the sizes.
// Usage: node scripts/precompress.mjs <dir>
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

const br = promisify(brotliCompress);
const gz = promisify(gzip);
const EXT = new Set([".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".map", ".txt", ".md"]);

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else if (EXT.has(extname(e.name))) out.push(p);
  }
  return out;
}

async function one(path) {
  const data = await readFile(path);
  const [b, g] = await Promise.all([
    br(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: extname(path) === ".wasm" ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
    gz(data, { level: 9 }),
  ]);
  for (const [suffix, z] of [[".br", b], [".gz", g]]) {
    if (z.length < data.length) await writeFile(path + suffix, z);
    else await rm(path + suffix, { force: true });
  }
  return { path, raw: data.length, br: b.length, gz: g.length };
}

const dir = process.argv[2];
if (!dir || !(await stat(dir).catch(() => null))?.isDirectory()) {
  console.error("usage: node scripts/precompress.mjs <dir>");
  process.exit(2);
}
const rows = await Promise.all((await files(dir)).map(one));
const kib = (n) => (n / 1024).toFixed(1);
for (const r of rows.sort((a, b) => b.raw - a.raw).slice(0, 6)) {
  console.log(`[precompress] ${relative(dir, r.path)}: ${kib(r.raw)} KiB raw, ${kib(r.gz)} KiB gzip, ${kib(r.br)} KiB brotli`);
}
