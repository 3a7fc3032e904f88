"""Rank benchmark, NumPy side: the same SPEC §2 formulas, vectorised.

Reads bench/out/rank_ecosystem.json (written by examples/bench_rank.rs) with orjson,
turns the partners into columns, scores and fully orders them, and checks the fits
against the native ones (bench/out/rank_native_fits.f64). Prints one JSON line of
timings in milliseconds. Usage: python rank_numpy.py [OUT_DIR]
"""
import json
import statistics
import sys
import time

import numpy as np
import orjson

out = sys.argv[1] if len(sys.argv) > 1 else "bench/out"


CPU = {}


def ms(f, runs, name=None):
    """Median wall time (ms) of `runs` calls; the mean thread CPU time goes to CPU[name]."""
    times, last, cpu = [], None, 0.0
    for _ in range(runs):
        c, t = time.thread_time(), time.perf_counter()
        v = f()
        times.append((time.perf_counter() - t) * 1000.0)
        cpu += time.thread_time() - c
        last = v
    if name:
        CPU[name] = cpu * 1000.0 / runs
    return statistics.median(times), last


raw = open(f"{out}/rank_ecosystem.json", "rb").read()
profile = json.load(open(f"{out}/rank_profile.json"))
parse_ms, eco = ms(lambda: orjson.loads(raw), 3, "parseMs")


def columns(eco):
    partners = eco["partners"]
    n = len(partners)
    tiers = eco.get("tiers", [])
    tier_index = {t: i for i, t in enumerate(tiers)}
    cap_keys, met_keys, lists = {}, {}, {"industries": {}, "regions": {}, "certifications": {}, "kind": {}}
    for p in partners:
        for k in p.get("capabilities", ()):
            cap_keys.setdefault(k, len(cap_keys))
        for k in p.get("metrics", ()):
            met_keys.setdefault(k, len(met_keys))
    caps = np.zeros((len(cap_keys), n))
    mets = np.full((len(met_keys), n), np.nan)
    tier_rank = np.full(n, -1, dtype=np.int64)
    reach = np.zeros(n)
    member = {name: {} for name in lists}  # name -> key -> list of partner indices
    ids = []
    for i, p in enumerate(partners):
        ids.append(p["id"])
        for k, v in p.get("capabilities", {}).items():
            caps[cap_keys[k], i] = v
        for k, v in p.get("metrics", {}).items():
            mets[met_keys[k], i] = v
        t = p.get("tier")
        if t is not None:
            tier_rank[i] = tier_index[t]
        reach[i] = len(p.get("accounts", ()))
        for name in ("industries", "regions", "certifications"):
            for k in p.get(name, ()):
                member[name].setdefault(k, []).append(i)
        member["kind"].setdefault(p["kind"], []).append(i)
    masks = {name: {k: np.isin(np.arange(n), v) for k, v in d.items()} for name, d in member.items()}
    id_rank = np.empty(n, dtype=np.int64)
    id_rank[np.argsort(np.array(ids))] = np.arange(n)
    return dict(n=n, ntiers=len(tiers), tier_index=tier_index, cap_keys=cap_keys, met_keys=met_keys, caps=caps,
                mets=mets, tier_rank=tier_rank, reach=reach, masks=masks, id_rank=id_rank, ids=ids)


columns_ms, C = ms(lambda: columns(eco), 1, "columnsMs")
KIND = {"industry": "industries", "region": "regions", "certification": "certifications"}


def score(C, prof):
    n = C["n"]
    acc = np.zeros(n)
    den = 0.0
    for c in prof["criteria"]:
        w, kind, key = c["weight"], c["kind"], c.get("key")
        den += w
        if kind == "capability":
            r = C["cap_keys"].get(key)
            v = C["caps"][r] if r is not None else np.zeros(n)
            s = np.minimum(v / c.get("target", 1.0), 1.0)
        elif kind in KIND:
            m = C["masks"][KIND[kind]].get(key)
            s = m.astype(float) if m is not None else np.zeros(n)
        elif kind == "tier":
            tr = C["tier_rank"]
            s = np.where(tr < 0, 0.0, 1.0 if C["ntiers"] <= 1 else tr / (C["ntiers"] - 1))
        elif kind == "metric":
            r = C["met_keys"].get(key)
            v = C["mets"][r] if r is not None else np.full(n, np.nan)
            good, bad = c.get("good", 1.0), c.get("bad", 0.0)
            s = np.where(np.isnan(v), 0.0, np.clip((v - bad) / (good - bad), 0.0, 1.0))
        else:  # reach
            s = np.clip(C["reach"] / c.get("good", 1.0), 0.0, 1.0)
        acc += w * s
    fit = acc / den if den > 0 else acc
    ok = np.ones(n, dtype=bool)
    req = prof.get("require") or {}
    def any_of(name, keys):
        m = np.zeros(n, dtype=bool)
        for k in keys:
            if k in C["masks"][name]:
                m |= C["masks"][name][k]
        return m
    if "kinds" in req:
        ok &= any_of("kind", req["kinds"])
    if "regionsAny" in req:
        ok &= any_of("regions", req["regionsAny"])
    if "industriesAny" in req:
        ok &= any_of("industries", req["industriesAny"])
    for k in req.get("certificationsAll", []):
        ok &= any_of("certifications", [k])
    if "minTier" in req:
        ok &= C["tier_rank"] >= C["tier_index"][req["minTier"]]
    for k, v in req.get("capabilitiesMin", {}).items():
        r = C["cap_keys"].get(k)
        ok &= (C["caps"][r] if r is not None else np.zeros(n)) >= v
    for k, v in req.get("metricsMin", {}).items():
        r = C["met_keys"].get(k)
        ok &= (C["mets"][r] >= v) if r is not None else False
    for k, v in req.get("metricsMax", {}).items():
        r = C["met_keys"].get(k)
        ok &= (C["mets"][r] <= v) if r is not None else False
    return fit, ok


def full_order(C, prof):
    fit, ok = score(C, prof)
    # eligible first, fit descending, id ascending (exact ties only; no 1e-9 chaining)
    return np.lexsort((C["id_rank"], -fit, ~ok)), fit, ok


def top100(C, prof):
    fit, ok = score(C, prof)
    key = np.where(ok, fit, fit - 2.0)
    part = np.argpartition(-key, 100)[:100]
    return part[np.lexsort((C["id_rank"][part], -key[part]))]


full_ms, (order, fit, ok) = ms(lambda: full_order(C, profile), 101, "fullOrderMs")
top_ms, top = ms(lambda: top100(C, profile), 101, "top100Ms")
CPU["fromJsonMs"] = CPU["parseMs"] + CPU["columnsMs"]

def regroup(order, fit, ok, id_rank):
    """SPEC §2 near-ties: chains of neighbours within 1e-9 (same eligibility) by id."""
    order = list(order)
    out, group = [], [order[0]] if order else []
    for j in order[1:]:
        i = group[-1]
        if ok[i] == ok[j] and abs(fit[i] - fit[j]) < 1e-9:
            group.append(j)
        else:
            out.extend(sorted(group, key=lambda g: id_rank[g]))
            group = [j]
    out.extend(sorted(group, key=lambda g: id_rank[g]))
    return np.array(out)


spec_order = regroup(order, fit, ok, C["id_rank"])
native_fit = np.fromfile(f"{out}/rank_native_fits.f64", dtype="<f8")
native_order = np.fromfile(f"{out}/rank_native_order.u32", dtype="<u4")
print(json.dumps({
    "side": "numpy", "partners": C["n"], "parseMs": parse_ms, "columnsMs": columns_ms,
    "fromJsonMs": parse_ms + columns_ms, "top100Ms": top_ms, "fullOrderMs": full_ms,
    "cpu": CPU, "eligible": int(ok.sum()), "best": C["ids"][int(order[0])],
    "maxAbsFitDiff": float(np.max(np.abs(native_fit - fit))) if len(native_fit) == len(fit) else None,
    "orderPositionsDiffering": int(np.sum(native_order != spec_order)) if len(native_order) == len(order) else None,
    "nearTiePositionsReordered": int(np.sum(spec_order != order)),
    "top100SameAsFull": bool(np.array_equal(top, order[:100])),
}))
