"""Print the rank benchmark's sides side by side with ratios (other side / native).
Usage: python compare.py NATIVE_JSON NUMPY_JSON [WASM_JSON]"""
import json
import sys

sides = [json.loads(a) for a in sys.argv[1:] if a.strip()]
native = sides[0]
rows = ["parseMs", "fromJsonMs", "top100Ms", "fullOrderMs", "fullRowsMs"]
print("wall time (ms, median):")
print(f"{'metric':<14}" + "".join(f"{s['side']:>12}" for s in sides) + "".join(f"{s['side'] + '/native':>16}" for s in sides[1:]))
for r in rows:
    vals = [s.get(r) for s in sides]
    line = f"{r:<14}" + "".join(f"{v:>12.2f}" if isinstance(v, (int, float)) else f"{'-':>12}" for v in vals)
    for v in vals[1:]:
        ok = isinstance(v, (int, float)) and isinstance(vals[0], (int, float)) and vals[0] > 0
        line += f"{v / vals[0]:>15.2f}x" if ok else f"{'-':>16}"
    print(line)
print("CPU time (ms; closer to an idle machine's wall time when the machine is busy):")
for r in rows:
    vals = [s.get("cpu", {}).get(r) for s in sides]
    line = f"{r:<14}" + "".join(f"{v:>12.2f}" if isinstance(v, (int, float)) else f"{'-':>12}" for v in vals)
    for v in vals[1:]:
        ok = isinstance(v, (int, float)) and isinstance(vals[0], (int, float)) and vals[0] > 0
        line += f"{v / vals[0]:>15.2f}x" if ok else f"{'-':>16}"
    print(line)
numpy = next((s for s in sides if s["side"] == "numpy"), {})
print(f"partners {native['partners']}, JSON {native['jsonBytes'] / 1e6:.1f} MB, eligible {native['eligible']}; "
      f"NumPy max |fit diff| = {numpy.get('maxAbsFitDiff')}, order positions differing = {numpy.get('orderPositionsDiffering')}")
