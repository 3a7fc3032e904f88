#!/usr/bin/env bash
# Fail when the npm package's module is above its size budget (gzip -9), issue 10:
#   scripts/check-wasm-size.sh [MODULE.wasm]        (default pkg/dealteam_bg.wasm)
# The budget (KiB of gzip -9 output) is WASM_GZIP_BUDGET_KIB, default below (873). The goal is 300 KiB;
# docs/performance/wasm-size.md says what the module is made of and what it takes. The budget's history,
# oldest first (each line: the change, the new budget, the module's gzip size after it):
# 953 KiB (2026-12-02, third round): branch `size` took the module from 931.2 to 886.2 KiB, and the round's
#   new features (calibrate, registration lifecycle, Markov order k, audit ledger) put 65.8 KiB back.
# +12 KiB (965): curve25519-dalek at opt-level 3 for the private match (issue 12).
# −49 KiB (916): the nucleolus without microlp/sprs (−23 KiB) and one stable sort instance (src/sort.rs, −28 KiB): 937,633 B.
# +9 KiB (925): psiBlind and psiAssemble, the private match's steps in slices over workers (issue 12): 946,572 B.
# +15 KiB (940): ecosystem JSON read straight into the ranking index's columns (issue 10 item 1): +14,998 B.
# +1 KiB (941): the simulation's ChaCha12 on plain u32 words (src/rng.rs, issue 10 item 4): +1,107 B.
# +7 KiB (948): the account map's columns entry, its summary and its key interner (issue 12 item 8): +7,672 B.
# +1 KiB (949): the lead's path fixes of the fifth round (unknown fields in tagged enums, names with backticks): 971,111 B.
# +6 KiB (955): checked/saturating arithmetic under the crate-wide deny (issue 17 item 1), JS strings read with
#   TextEncoder and inlined interner getters (issue 10), the account map's full-width fast path (issue 12): 977,205 B.
# +3 KiB (958): split bounded at its limits (issue 17 items 2–3: Myerson's incremental components, sampling
#   steps weighed by their work, requirement and bonus-pair limits, compare's models once): 980,214 B.
# +2 KiB (960): wasm hot paths of issue 10 item 4 (the simulation's months divided in u64 by a prepared
#   divider, round12 in integers, the team search's matching without allocations): 982,854 B.
# +2 KiB (962): `rank` without breakdowns as columns whose row objects JS builds (issue 10 item 2): 984,293 B.
# +1 KiB (963): round12's f64 path before its u128 one, and the failed clauses of rank's columns as bits: 986,046 B.
# −10 KiB (953): the wasm build with SIMD128 (.cargo/config.toml; the simulation's ChaCha12 four blocks a
#   time), JS strings read with encodeInto, the team search's compare-and-select: 975,166 B.
# −18 KiB (935): nine more sorts off the hot paths through src/sort.rs's one instance (reports, near
#   misses, conflicts, bootstrap intervals, the win model's history, the teams' final order): 956,840 B.
# −6 KiB (929): the request reader's and the response writer's code that does not depend on the type,
#   once instead of once per request type (json::an_object, json::failed, wasm::parsed): 950,576 B.
# −6 KiB (923): the strict reader's list check without a String per list read, its error relabelling in
#   one copy per error type (json/strict.rs): 945,116 B.
# −1 KiB (922): the strict reader's tagged-enum check skipped for a list's own visitor, the ecosystem's text
#   checked by simdutf8, the team search's bound with its fit and synergy terms inlined: 943,307 B.
# −2 KiB (920): the nucleolus's full pass in one loop, its first-violated list without a sort (one sort
#   instance less), the team-search frame's buffers reused: 942,077 B.
# −10 KiB (910): the plan fingerprint's canonical JSON rewritten from serde_json's text instead of built
#   through serde_json::to_value (the plan's Serialize no longer instantiated for the Value serializer): 930,598 B.
# −28 KiB (882): curve25519-dalek without "precomputed-tables" (its 30 KB basepoint table served only the
#   private match's public key, once per exchange; same bytes out): 902,291 B.
# −15 KiB (867): maps and sets of responses built by insertion (sort::map_of, sort::set_of) instead of
#   collect(), which sorted first with one stable-sort instance per item and iterator type (13 left): 887,240 B.
# −4 KiB (863): std's SipHash maps and sets on rustc-hash's Fx hasher like the others (key types had been
#   instantiated with both hashers): 882,965 B.
# −1 KiB (862): the account map's pairs ordered as plain u128 keys (the u128 sort is ranking's) instead of by a
#   key closure (a sort instance of its own), with mapAccountColumns' JS-object path added: 882,075 B.
# +2 KiB (864): stop 33's account map speed in wasm (an object's lone surrogates looked for in wasm, by the
#   U+FFFD encodeInto writes, with simdutf8's check; each hash bucket's key texts copied together): 884,095 B.
# −1 KiB (863): stop 34's account map (a summary's records deduplicated as u128s, whose sort the module has;
#   a sort of u64s was an instance of 2 KB): 883,044 B.
# +3 KiB (866): stop 36's Ecosystem.fromChunks read a partner at a time from a window over the stream (its
#   windows read as text, so the visitors are the text reader's instances; as bytes they were +8.7 KB): 886,098 B.
# −7 KiB (859): stop 37's Myerson edge pairs, overlap's triples and ranking's tie groups sorted as u128 keys (three
#   sort instances of their own): 879,354 B.
# +19 KiB (878): stop 38's one copy of the ecosystem in the planner's worker (issue 10 item 3): the handle's
#   open (a workspace file's ecosystem indexed from its part of the text: serde_json's raw_value, 7.7 KB),
#   partners (whole or brief), filter, summary, names, toJson (a partner at a time) and calibrate: 898,957 B.
# −6 KiB (872): stop 39's Ecosystem.open reads a workspace's ecosystem in the pass over its fields, and the
#   other fields as JSON values (no raw_value): 892,243 B. +1 KiB (873): open of a file's bytes, and toJsonChunks
#   (an export beyond a JS string's ~512 MiB, written in pieces by the one writer toJson uses too): 893,250 B.
#   +0.5 KB: stop 40's partnerList (what a list shows of each partner, in columns of text) replaces the brief
#   partners: 893,924 B. +1 KiB (874): the ingest remembers which key sorts before which (a partner's levels
#   checked in key order without reading the key texts; 3-4 % off new Ecosystem in wasm and natively): 894,109 B.
#   +0.5 KB, within it: stop 41's synergy-bound terms made once per frame (teams −3 % in wasm), and partnerList
#   without the text (the page lists every partner so, and asks for the text of the rows it shows): 894,619 B.
# What the module is made of: python3 bench/size/wasm_size.py MODULE.wasm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM="${1:-$ROOT/pkg/dealteam_bg.wasm}"
BUDGET_KIB="${WASM_GZIP_BUDGET_KIB:-874}"
test -f "$WASM" || { echo "[wasm-size] no module at $WASM (run scripts/build-pkg.sh)"; exit 1; }
# A module that is not one (a failed or truncated build) must fail here, not pass as "small".
if ! node -e '
  const bytes = require("fs").readFileSync(process.argv[1]);
  const names = WebAssembly.Module.exports(new WebAssembly.Module(bytes)).map((e) => e.name);
  const missing = ["memory", "__wbindgen_malloc"].filter((n) => !names.includes(n));
  if (missing.length) throw new Error("no export " + missing.join(", "));
' "$WASM"; then
  echo "[wasm-size] FAIL: $WASM is not a complete wasm-bindgen module (rebuild: scripts/build-pkg.sh --force)"
  exit 1
fi
gz=$(gzip -9 -c "$WASM" | wc -c)
limit=$((BUDGET_KIB * 1024))
if ((gz > limit)); then
  echo "[wasm-size] FAIL: $WASM is $gz bytes gzip -9 ($((gz / 1024)) KiB), budget $BUDGET_KIB KiB"
  exit 1
fi
echo "[wasm-size] ok: $gz bytes gzip -9 ($((gz / 1024)) KiB) ≤ budget $BUDGET_KIB KiB"
