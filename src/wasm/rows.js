// Builds the rows of `eco.rank(profile, {explain: false})` in JS from columns that the
// facade (src/wasm/ecosystem.rs) passes as views of wasm memory: one object per row, in
// the order and with the properties the JSON response has ({partnerId, fit, eligible,
// failed}). For 100,000 rows this is several times cheaper than writing JSON text in
// wasm and parsing it here (docs/performance/boundary.md).
//
// The rows that failed the same clauses share one `failed` array, frozen (a change throws
// in a module, which is strict): a few distinct lists, where an array per row was 100,000
// more objects for V8's young generation to copy, 15–20 ms of a call in Node
// (docs/PERFORMANCE.md, "Stop 36").

/** Called by the wasm facade; the typed arrays are only read during the call. */
export function rankRows(ids, partners, fit, eligible, failed, lists) {
  for (const list of lists) Object.freeze(list);
  const results = [];
  for (let r = 0; r < partners.length; r++) {
    results.push({
      partnerId: ids[partners[r]],
      fit: fit[r],
      eligible: eligible[r] === 1,
      failed: lists[failed[r]],
    });
  }
  return { results };
}
