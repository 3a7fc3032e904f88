// The private match with each step's blinding in slices over N Node worker threads
// (`psiBlind` + `psiAssemble`, as the planner's worker pool does: www/src/worker/psi.ts), for
// bench/accounts/psi_wasm.mjs --workers N. Per step: wall clock, the process's CPU (all
// threads), the threads' busy time in `psiBlind` (wall), and the part left on the main thread
// (cutting the work, `psiAssemble`: keys, base64, JSON, tag index, shuffles, the message) as
// wall and CPU time (the threads are idle meanwhile, so the process's CPU is the main thread's).
import { Worker } from "node:worker_threads";

const SLICES_PER_WORKER = 4;

/** A pool of `n` threads, each loading the package at `entry` once. */
export function pool(entry, n) {
  const src = `
    const { parentPort } = require("node:worker_threads");
    import(${JSON.stringify(entry)}).then((dt) => parentPort.on("message", ({ id, req }) => {
      const t = performance.now();
      try { parentPort.postMessage({ id, points: dt.psiBlind(req).points, ms: performance.now() - t }); }
      catch (e) { parentPort.postMessage({ id, error: String(e.message ?? e) }); }
    }));`;
  const threads = Array.from({ length: n }, () => new Worker(src, { eval: true }));
  const run = (reqs) => new Promise((resolve, reject) => {
    const out = new Array(reqs.length);
    let next = 0, done = 0, busy = 0;
    const feed = (w) => { if (next < reqs.length) { const id = next++; w.postMessage({ id, req: reqs[id] }); } };
    for (const w of threads) {
      w.removeAllListeners("message");
      w.on("message", (m) => {
        if (m.error) return reject(new Error(m.error));
        out[m.id] = m.points; busy += m.ms;
        if (++done === reqs.length) resolve({ points: out, busyMs: busy }); else feed(w);
      });
      feed(w);
    }
  });
  return { run, size: n, close: () => Promise.all(threads.map((w) => w.terminate())) };
}

const cut = (n, k, unit = 1) => Array.from({ length: k }, (_, i) => [i, i + 1].map((j) => (j >= k ? n : Math.floor((n * j) / k / unit) * unit)));
const count = (b64) => Buffer.from(b64, "base64").length / 32;

function accountWork(accounts, key, k) {
  return cut(accounts.length, k).map(([a, b]) => ({ ...key, accounts: accounts.slice(a, b) }));
}

function pointWork(msg, key, k, inverse) {
  return msg.body.groups.flatMap((g, i) => {
    const n = count(g.points);
    return cut(n, Math.max(1, Math.round(k / msg.body.groups.length)), 3).map(([a, b]) => ({
      ...key, inverse, path: `message.body.groups[${i}].points`,
      points: b >= n ? g.points.slice((a / 3) * 128) : g.points.slice((a / 3) * 128, (b / 3) * 128),
    }));
  });
}

/** Runs `f` (async), timing wall, process CPU, and the main thread's own part `main()`. */
async function timed(f) {
  const t = performance.now(), c = process.cpuUsage();
  const r = await f();
  const d = process.cpuUsage(c);
  return { ...r, wallMs: performance.now() - t, cpuMs: (d.user + d.system) / 1000 };
}

/** The four steps; returns the results and the figures per step. */
export async function exchange(dt, p, a, b) {
  const k = p.size * SLICES_PER_WORKER;
  const fresh = () => ({ secret: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64") });
  const step = async (cutWork, assemble) => timed(async () => {
    let [t, c] = [performance.now(), process.cpuUsage()];
    const work = cutWork();
    let mainMs = performance.now() - t;
    let mainCpu = process.cpuUsage(c);
    const { points, busyMs } = await p.run(work);
    [t, c] = [performance.now(), process.cpuUsage()];
    const out = assemble(points);
    mainMs += performance.now() - t;
    const d = process.cpuUsage(c);
    const mainCpuMs = (mainCpu.user + mainCpu.system + d.user + d.system) / 1000;
    return { out, busyMs, mainMs, mainCpuMs };
  });
  // every thread loads and compiles the module before the clock starts (the planner keeps its pool)
  await p.run(Array.from({ length: p.size }, () => ({ seed: "warm-up", accounts: a.slice(0, 50), inverse: false })));
  const ka = fresh(), kb = fresh();
  const s1 = await step(() => accountWork(a, ka, k), (pts) => dt.psiAssemble({ start: { accounts: a }, secret: ka.secret, blinded: pts }));
  let own = 0;
  const s2 = await step(() => {
    const w = accountWork(b, kb, k);
    own = w.length;
    return [...w, ...pointWork(s1.out.message, kb, k, false)];
  }, (pts) => dt.psiAssemble({ reply: { accounts: b, message: s1.out.message }, secret: kb.secret, blinded: pts.slice(0, own), theirs: pts.slice(own) }));
  const secretA = JSON.parse(Buffer.from(s1.out.state, "base64").toString()).secret;
  const fa = await step(() => pointWork(s2.out.message, { secret: secretA }, k, true),
    (pts) => dt.psiAssemble({ finish: { state: s1.out.state, message: s2.out.message }, blinded: pts }));
  const fb = await timed(async () => ({ out: dt.psiFinish({ state: s2.out.state, message: fa.out.message }) }));
  Object.assign(fb, { mainMs: fb.wallMs, mainCpuMs: fb.cpuMs, busyMs: 0 });
  const fig = (s) => Object.fromEntries(["wallMs", "cpuMs", "busyMs", "mainMs", "mainCpuMs"].map((f) => [f, Math.round(s[f])]));
  return { fa: fa.out, fb: fb.out, steps: { start: fig(s1), reply: fig(s2), finishA: fig(fa), finishB: fig(fb) } };
}
