// Private match benchmark, wasm side (docs/PERFORMANCE.md, docs/psi.md): N × N accounts
// (half shared, three populations) through the npm package in Node — the same V8 wasm
// engine as Chromium. Prints one JSON line (milliseconds); the native peer is
// examples/bench_psi.rs on the same data.
// Usage: node bench/accounts/psi_wasm.mjs [N (100000)] [--workers W]   (needs the built package in pkg/, or
// DEALTEAM_PKG=dir). Each step is timed twice: wall clock and this process's CPU time (the
// figure to read on a loaded machine, where wall time includes waiting for a core). With
// `--workers W` each step's blinding runs in slices over W worker threads (psi_pool.mjs).
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { packageEntry } from "../package.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = process.env.DEALTEAM_PKG ?? join(here, "..", "..", "pkg");
const entry = packageEntry(pkg);
const dt = await import(entry);
const args = process.argv.slice(2);
const w = args.indexOf("--workers");
const workers = w >= 0 ? Number(args.splice(w, 2)[1]) : 0;
const n = Number(args[0] ?? 100000);
const POPS = ["customer", "prospect", "opportunity"];
const side = (offset) =>
  Array.from({ length: n }, (_, i) => {
    const k = i + offset;
    const acc = { account: `Company ${k} Inc`, status: POPS[k % 3] };
    if (k % 2 === 0) acc.domain = `company${k}.example`;
    return acc;
  });
const [a, b] = [side(0), side(Math.floor(n / 2))];
if (workers > 0) {
  const { pool, exchange } = await import("./psi_pool.mjs");
  const p = pool(entry, workers);
  const { fa, fb, steps } = await exchange(dt, p, a, b);
  await p.close();
  if (fa.result.shared !== n - Math.floor(n / 2) || fb.result.shared !== fa.result.shared) {
    console.error("wrong count", fa.result.shared, fb.result.shared);
    process.exit(1);
  }
  const sum = (x, y, f) => steps[x][f] + steps[y][f];
  console.log(JSON.stringify({
    side: "wasm", accounts: n, workers, shared: fa.result.shared, steps,
    sideAWallMs: sum("start", "finishA", "wallMs"), sideBWallMs: sum("reply", "finishB", "wallMs"),
    sideAMainMs: sum("start", "finishA", "mainMs"), sideBMainMs: sum("reply", "finishB", "mainMs"),
    sideABusyMs: sum("start", "finishA", "busyMs"), sideBBusyMs: sum("reply", "finishB", "busyMs"),
    sideACpuMs: sum("start", "finishA", "cpuMs"), sideBCpuMs: sum("reply", "finishB", "cpuMs"),
    sideAMainCpuMs: sum("start", "finishA", "mainCpuMs"), sideBMainCpuMs: sum("reply", "finishB", "mainCpuMs"),
  }));
  process.exit(0);
}
const cpu = {};
const time = (f, name) => {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = f();
  const d = process.cpuUsage(c);
  cpu[name] = (d.user + d.system) / 1000;
  return [performance.now() - t, r];
};
const [startMs, s1] = time(() => dt.psiStart({ accounts: a }), "start");
const [replyMs, s2] = time(() => dt.psiReply({ accounts: b, message: s1.message }), "reply");
const [finishAMs, fa] = time(() => dt.psiFinish({ state: s1.state, message: s2.message }), "finishA");
const [finishBMs, fb] = time(() => dt.psiFinish({ state: s2.state, message: fa.message }), "finishB");
if (fa.result.shared !== n - Math.floor(n / 2) || fb.result.shared !== fa.result.shared) {
  console.error("wrong count", fa.result.shared, fb.result.shared);
  process.exit(1);
}
console.log(JSON.stringify({
  side: "wasm", accounts: n, shared: fa.result.shared, startMs, replyMs, finishAMs, finishBMs,
  sideAMs: startMs + finishAMs, sideBMs: replyMs + finishBMs,
  cpuMs: cpu, sideACpuMs: cpu.start + cpu.finishA, sideBCpuMs: cpu.reply + cpu.finishB,
}));
