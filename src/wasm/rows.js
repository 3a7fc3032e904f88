// Builds the rows of `eco.rank(profile, {explain: false})` in JS from columns that the
// facade (src/wasm/ecosystem.rs) passes as views of wasm memory: one object per row, in
// the order and with the properties the JSON response has ({partnerId, fit, eligible,
// failed}), each row with its own `failed` array. For 100,000 rows this is several times
// cheaper than writing JSON text in wasm and parsing it here (docs/performance/boundary.md).

/** Called by the wasm facade; the typed arrays are only read during the call. */
export function rankRows(ids, partners, fit, eligible, failed, lists) {
  const results = [];
  for (let r = 0; r < partners.length; r++) {
    results.push({
      partnerId: ids[partners[r]],
      fit: fit[r],
      eligible: eligible[r] === 1,
      failed: lists[failed[r]].slice(),
    });
  }
  return { results };
}
