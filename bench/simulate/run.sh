#!/usr/bin/env bash
# bench/simulate: 100,000 trials of a 24-month subscription plan with two partners
# (bench/simulate/plan.json), natively (release) and with the vectorised NumPy reference
# of the same model, in the same run; prints both and the ratio.
#   bench/simulate/run.sh [TRIALS] [SEED]
set -euo pipefail
cd "$(dirname "$0")/../.."
trials="${1:-100000}"
seed="${2:-1}"
py="$(bench/venv.sh)"
cargo build --quiet --release --example bench_simulate
native="$(./target/release/examples/bench_simulate bench/simulate/plan.json "$trials" "$seed")"
numpy="$("$py" bench/simulate/sim_numpy.py bench/simulate/plan.json "$trials" "$seed")"
echo "$native"
echo "$numpy"
"$py" - "$native" "$numpy" <<'PY'
import json, sys
n, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
for k, se in (("meanBookings", "seBookings"), ("meanRevenue", "seRevenue")):
    d = n[k] - p[k]
    # both means carry the same standard error; their difference has √2 of it
    z = d / (p[se] * 2 ** 0.5)
    print(f"{k}: native {n[k]:.2f} numpy {p[k]:.2f} diff {d:.2f} = {z:+.2f} SE of the difference")
print(f"wall: native {n['ms']:.0f} ms, numpy {p['ms']:.0f} ms: native is {p['ms'] / n['ms']:.2f}x faster")
print(f"cpu:  native {n['cpuMs']:.0f} ms, numpy {p['cpuMs']:.0f} ms: native is {p['cpuMs'] / n['cpuMs']:.2f}x faster")
PY
