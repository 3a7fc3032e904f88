"""CP-SAT peer of the teams benchmark: top-1 of the same SPEC §3 objective.

Input: bench/out/teams_<n>.model.json, written by examples/bench_teams.rs with the
crate's own eligibility / fit / level / pair-score functions (so both solvers see the
same numbers). Linearisation:
  - x[c,s] = candidate c sits in slot s (only where eligible); y[c] = sum_s x[c,s] <= 1;
    slot min/max on sum_c x[c,s]; include forces y = 1;
  - coverage: m[c,r] <= y[c], sum_c m[c,r] <= 1, level_r = sum_c level[c,r] m[c,r]
    (the max is reached by choosing one provider per requirement);
  - fit and synergy are means over a team-size-dependent count, which is nonlinear,
    so we FIX the number n of members and q of members in profiled slots per solve
    and loop over all (n, q): then fit = sum fit[c,s] x[c,s] / q and
    synergy = sum score[c,d] p[c,d] / C(n, 2), with p[c,d] the pair product
    (p <= y_c, p <= y_d, p >= y_c + y_d - 1) for pairs with a relationship
    (every other pair scores 0);
  - conflicts: forbid -> y_c + y_d <= 1; penalize -> -penalty * p[c,d].
Coefficients are scaled by 1e9 and rounded to integers (CP-SAT needs integers); the
chosen team is re-scored exactly in floating point (`exact_score`), which is what we
compare with dealteam's top-1.

Usage: python cpsat.py MODEL.json [--time-limit S]   -> one JSON line
"""
import json
import sys
import time
from math import comb

from ortools.sat.python import cp_model

SCALE = 10**9


def exact_score(m, team, assign):
    """SPEC §3 score of `team` with slot assignment `assign` (candidate -> slot)."""
    cands, reqw = m["candidates"], m["reqWeights"]
    wc, wf, ws = m["weights"]
    if reqw:
        cov = sum(w * max(cands[c]["levels"][r] for c in team) for r, w in enumerate(reqw)) / sum(reqw)
    else:
        cov = 1.0
    fits = []
    for c in team:
        for s, f in cands[c]["slots"]:
            if s == assign[c] and f is not None:
                fits.append(f)
    fit = sum(fits) / len(fits) if fits else 1.0
    pairs = {(min(a, b), max(a, b)): (sc, cf) for a, b, sc, cf in m["pairs"]}
    tot, conf = 0.0, 0
    ts = sorted(team)
    for i, a in enumerate(ts):
        for b in ts[i + 1:]:
            sc, cf = pairs.get((a, b), (0.0, False))
            tot += sc
            conf += cf
    n = len(team)
    syn = tot / (n * (n - 1) / 2) if n > 1 else 0.0
    pen = 0.0 if m["forbid"] else m["penalty"] * conf
    return (wc * cov + wf * fit + ws * (syn + 1) / 2) / (wc + wf + ws) - pen


def solve(m, n, q, time_limit):
    cands, slots, reqw = m["candidates"], m["slots"], m["reqWeights"]
    wc, wf, ws = m["weights"]
    W = wc + wf + ws
    model = cp_model.CpModel()
    x = {}
    for c, cd in enumerate(cands):
        for s, _ in cd["slots"]:
            x[c, s] = model.NewBoolVar("")
    y = [model.NewBoolVar("") for _ in cands]
    for c, cd in enumerate(cands):
        model.Add(sum(x[c, s] for s, _ in cd["slots"]) == y[c])
    for s, sl in enumerate(slots):
        vs = [x[c, t] for (c, t) in x if t == s]
        model.Add(sum(vs) >= sl["min"])
        model.Add(sum(vs) <= sl["max"])
    model.Add(sum(y) == n)
    prof = [x[c, s] for (c, s) in x if slots[s]["profiled"]]
    model.Add(sum(prof) == q)
    ids = {cd["id"]: c for c, cd in enumerate(cands)}
    for inc in m["include"]:
        model.Add(y[ids[inc]] == 1)
    obj = []
    sw = sum(reqw) or 1.0
    for r, w in enumerate(reqw):
        mv = []
        for c, cd in enumerate(cands):
            lv = cd["levels"][r]
            if lv <= 0:
                continue
            v = model.NewBoolVar("")
            model.AddImplication(v, y[c])
            mv.append(v)
            obj.append(round(SCALE * wc / W * w / sw * lv) * v)
        if mv:
            model.Add(sum(mv) <= 1)
    if q > 0:
        for (c, s), v in x.items():
            f = dict(cands[c]["slots"]).get(s)
            if f is not None:
                obj.append(round(SCALE * wf / W * f / q) * v)
    const = SCALE * ws / W / 2 + (SCALE * wf / W if q == 0 else 0)
    npairs = comb(n, 2)
    for a, b, sc, cf in m["pairs"]:
        if cf and m["forbid"]:
            model.Add(y[a] + y[b] <= 1)
            continue
        coef = (SCALE * ws / W / 2 * sc / npairs if npairs else 0) - (SCALE * m["penalty"] if cf else 0)
        coef = round(coef)
        if coef == 0:
            continue
        p = model.NewBoolVar("")
        model.AddImplication(p, y[a])
        model.AddImplication(p, y[b])
        model.Add(p >= y[a] + y[b] - 1)
        obj.append(coef * p)
    model.Maximize(sum(obj))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = time_limit
    st = solver.Solve(model)
    if st not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, st == cp_model.INFEASIBLE
    team = [c for c in range(len(cands)) if solver.Value(y[c])]
    assign = {c: s for (c, s), v in x.items() if solver.Value(v)}
    return (exact_score(m, team, assign), team, st == cp_model.OPTIMAL, (solver.ObjectiveValue() + const) / SCALE), True


def main():
    path = sys.argv[1]
    limit = float(sys.argv[sys.argv.index("--time-limit") + 1]) if "--time-limit" in sys.argv else 300.0
    m = json.load(open(path))
    t0 = time.perf_counter()
    maxn = min(m["maxTeamSize"], sum(s["max"] for s in m["slots"]), len(m["candidates"]))
    best, proven = None, True
    for n in range(1, maxn + 1):
        for q in range(0, n + 1):
            left = limit - (time.perf_counter() - t0)
            if left <= 0:
                proven = False
                break
            res, ok = solve(m, n, q, left)
            if res is None:
                proven = proven and ok
                continue
            score, team, optimal, _ = res
            proven = proven and optimal
            if best is None or score > best[0] + 1e-12:
                best = (score, team)
    ms = (time.perf_counter() - t0) * 1000
    out = {"ms": round(ms, 1), "proven": proven}
    if best:
        out["score"] = best[0]
        out["members"] = sorted(m["candidates"][c]["id"] for c in best[1])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
