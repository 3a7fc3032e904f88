// How much this machine charges for memory a process touches for the first time, against
// memory it already holds: a wasm memory grown by 1 GiB is filled twice. Wasm memory never
// shrinks, so a cold engine call pays the first kind for all it allocates and a warm one the
// second; on a virtual machine whose host backs guest memory lazily the first can be more
// than ten times the second, and then a cold call's time is mostly its memory footprint
// (docs/PERFORMANCE.md, "Stop 33"). Run it before comparing figures across machines.
// Usage: node bench/machine/first-touch.mjs [GiB (1)]
const gib = Number(process.argv[2] ?? 1);
const pages = Math.round(gib * 16384); // 64 KiB wasm pages
const memory = new WebAssembly.Memory({ initial: 1, maximum: pages + 1 });
let t = performance.now();
memory.grow(pages);
const grow = performance.now() - t;
const bytes = new Uint8Array(memory.buffer);
t = performance.now();
bytes.fill(1);
const first = performance.now() - t;
t = performance.now();
bytes.fill(2);
const again = performance.now() - t;
console.log(JSON.stringify({ gib, growMs: Math.round(grow), firstFillMs: Math.round(first), secondFillMs: Math.round(again), firstPerGibMs: Math.round(first / gib) }));
