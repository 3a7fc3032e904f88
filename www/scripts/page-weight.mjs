// Prints the page weight of www/dist: each JS, wasm and CSS file raw and gzip (level 9),
// split into what the first render loads and what loads on first use.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(join(dist, 'assets')).filter((f) => /\.(js|wasm|css)$/.test(f));
const entry = new Set([...html.matchAll(/assets\/([^"']+)/g)].map((m) => m[1]));
// the entry chunk's static imports and the worker (+ wasm) also load at start
for (const f of [...entry]) {
  if (!f.endsWith('.js')) continue;
  const src = readFileSync(join(dist, 'assets', f), 'utf8');
  for (const m of src.matchAll(/from"\.\/([^"]+\.js)"|import"\.\/([^"]+\.js)"/g)) entry.add(m[1] ?? m[2]);
}
for (const f of files) if (/^worker-/.test(f) || f.endsWith('.wasm')) entry.add(f);
const rows = files.map((f) => {
  const buf = readFileSync(join(dist, 'assets', f));
  return { file: f, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, start: entry.has(f) };
}).sort((a, b) => Number(b.start) - Number(a.start) || b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1);
console.log('| file | loads | raw KiB | gzip KiB |\n|---|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file.replace(/-[\w-]{8}\./, '.')} | ${r.start ? 'at start' : 'on first use'} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
const sum = (xs) => xs.reduce((a, r) => a + r.gzip, 0);
const jsw = rows.filter((r) => !r.file.endsWith('.css'));
console.log(`\nJS + wasm gzip: ${kb(sum(jsw))} KiB in all; ${kb(sum(jsw.filter((r) => r.start)))} KiB at start (wasm ${kb(sum(rows.filter((r) => r.file.endsWith('.wasm'))))} KiB).`);
