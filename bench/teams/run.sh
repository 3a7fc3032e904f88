#!/usr/bin/env bash
# Teams benchmark: dealteam's exact top-1/top-10 (native, release) vs OR-Tools CP-SAT
# (one worker) solving top-1 of the same objective, on the foundation's sample
# ecosystems. Usage (from the repository root):
#   bash bench/teams/run.sh [sizes…]        default: 120 500 1000 10000
# Env: CPSAT_LIMIT (s per size, default 300), TEAMS_LIMIT (ms, default 5000).
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(120 500 1000 10000)
py="$(bash bench/venv.sh)"
mkdir -p bench/out
cargo run -q --release --example bench_teams -- "${sizes[@]}" --limit "${TEAMS_LIMIT:-5000}" | tee bench/out/teams_native.jsonl
for n in "${sizes[@]}"; do
  cp="$("$py" bench/teams/cpsat.py "bench/out/teams_${n}.model.json" --time-limit "${CPSAT_LIMIT:-300}")"
  echo "$cp" > "bench/out/teams_cpsat_${n}.json"
  "$py" - "$n" "$cp" <<'PY'
import json, sys
n = int(sys.argv[1]); cp = json.loads(sys.argv[2])
rows = [json.loads(l) for l in open("bench/out/teams_native.jsonl") if l.strip()]
ours = {r["k"]: r for r in rows if r["partners"] == n}
t1, t10 = ours[1], ours[10]
same = "score" in cp and abs(cp["score"] - t1["score"]) < 1e-9
print(f"n={n:>6}  dealteam top-1 {t1['ms']:9.1f} ms (cpu {t1['cpuMs']} ms, exact={t1['exact']})  "
      f"top-10 {t10['ms']:9.1f} ms (cpu {t10['cpuMs']} ms, "
      f"exact={t10['exact']}, gap={t10['gap']})  CP-SAT top-1 {cp['ms']:10.1f} ms (proven={cp['proven']})  "
      f"ratio CP-SAT/dealteam(top-1) {cp['ms'] / max(t1['ms'], 1e-3):8.1f}x  top-1 score equal: {same} "
      f"({t1['score']:.12f} vs {cp.get('score', float('nan')):.12f})")
PY
done
