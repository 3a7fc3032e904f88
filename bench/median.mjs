// The median wall time of `runs` calls of `f` (performance.now), shared by the wasm
// benches: `const [ms, last] = median(5, () => eco.rank(profile))`. `decimals` rounds
// the milliseconds for printing; `last` is the last call's result.
export function median(runs, f, { decimals } = {}) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = f();
    times.push(performance.now() - t);
  }
  const ms = middle(times);
  if (decimals === undefined) return [ms, last];
  const scale = 10 ** decimals;
  return [Math.round(ms * scale) / scale, last];
}

/** The middle of a list of numbers (the upper middle for an even count): the median of odd counts. */
export const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
