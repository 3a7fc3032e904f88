"""Peer side of bench/splits: reads the inputs and our results written by
`examples/bench_splits.rs`, runs vectorised NumPy versions of the same computations
(and ChannelAttribution's Markov model as a measuring stick) on the SAME inputs,
checks the answers agree and prints time ratios.

    python bench/splits/compare.py bench/out/splits
"""
import json
import sys
import time
from math import comb

import numpy as np


def best_ms(f, reps):
    best, out = float("inf"), None
    for _ in range(reps):
        t = time.perf_counter()
        out = f()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best, out


def popcounts(n):
    pc = np.zeros(1 << n, dtype=np.int64)
    for i in range(n):
        pc[1 << i : 2 << i] = pc[: 1 << i] + 1
    return pc


def table_np(L, w, value, k=None, m=None):
    """v(S) for every mask: per requirement the best level by doubling, then the curve."""
    n, R = L.shape
    size = 1 << n
    v = np.zeros(size)
    best = np.empty(size)
    for r in range(R):
        best[0] = 0.0
        for i in range(n):
            np.maximum(best[: 1 << i], L[i, r], out=best[1 << i : 2 << i])
        v += w[r] * best
    if k is None:
        v *= value
    else:
        sig = lambda x: 1.0 / (1.0 + np.exp(-x))
        lo = sig(-k * m)
        v = value * (sig(k * (v - m)) - lo) / (sig(k * (1 - m)) - lo)
        v[0] = 0.0
    return v


def shapley_np(v, n):
    pc = popcounts(n)
    wt = np.array([1.0 / (n * comb(n - 1, s)) for s in range(n)] + [0.0])
    below = np.concatenate([[0.0], wt[:-1]])
    a = (below[pc] + wt[pc]) * v
    c = float((wt[pc] * v).sum())
    return np.array([a.reshape(-1, 2, 1 << i)[:, 1, :].sum() for i in range(n)]) - c


def core_np(v, x):
    n = len(x)
    xs = np.zeros(1 << n)
    for i in range(n):
        xs[1 << i : 2 << i] = xs[: 1 << i] + x[i]
    e = v - xs
    e[0] = e[-1] = -np.inf
    j = int(np.argmax(e))
    return e[j], j


def markov_np(frm, to, wts, conv_state, conv_w, flow_end, s):
    """Exact absorbing-chain removal effects (same formula as ours)."""
    q = np.zeros((s, s))
    np.add.at(q, (frm, to), wts)
    conv = np.zeros(s)
    np.add.at(conv, conv_state, conv_w)
    total = q.sum(axis=1)
    np.add.at(total, conv_state, flow_end)
    safe = np.where(total > 0, total, 1.0)
    A = np.eye(s) - q / safe[:, None]
    rhs = np.concatenate([(conv / safe)[:, None], np.eye(s)], axis=1)
    X = np.linalg.solve(A, rhs)
    p = X[0, 0]
    reach = X[0, 2:] / np.diag(X[1:, 2:])
    return p, 1.0 - (p - reach * X[1:, 0]) / p


def main(d):
    games = json.load(open(f"{d}/games.json"))
    rows = []
    print("| n | computation | dealteam native ms | NumPy ms | NumPy / native | max |Δ| |")
    print("|---|---|---|---|---|---|")
    for g in games:
        n = g["n"]
        L = np.array(g["levels"]).reshape(n, -1)
        w = np.array(g["weights"])
        reps = 3 if n == 20 else 20
        t_cov, phi_cov = best_ms(lambda: shapley_np(table_np(L, w, g["value"]), n), reps)
        t_win, phi_win = best_ms(lambda: shapley_np(table_np(L, w, g["value"], g["k"], g["m"]), n), reps)
        ms = g["ms"]
        d_cov = np.abs(phi_cov - np.array(g["coverageShapley"])).max()
        d_win = np.abs(phi_win - np.array(g["winShapley"])).max()
        rows.append((n, "coverage Shapley, closed form (ours) vs NumPy enumeration", ms["coverageClosedForm"], t_cov, d_cov))
        rows.append((n, "coverage Shapley, enumeration", ms["coverageEnumeration"], t_cov, d_cov))
        rows.append((n, "winProbability Shapley, enumeration", ms["winEnumeration"], t_win, d_win))
        rows.append((n, "whole `split` request (winProbability Shapley + §4 + fairness report) vs NumPy Shapley alone", ms["winSplitRequest"], t_win, d_win))
        if "core" in ms:
            v = table_np(L, w, g["value"], g["k"], g["m"])
            t_core, (exc, mask) = best_ms(lambda: core_np(v, np.array(g["winShapley"])), reps)
            assert mask == g["coreMask"], (mask, g["coreMask"])
            rows.append((n, "core check (2^n coalitions, Shapley payoffs)", ms["core"], t_core, abs(exc - g["coreExcess"])))
        print(f"closed form vs our enumeration, n={n}: max |Δ| = {g['closedVsEnumeration']:.3g}", file=sys.stderr)
    for n, what, ours, peer, diff in rows:
        print(f"| {n} | {what} | {ours:.4f} | {peer:.3f} | {peer / ours:.1f}× | {diff:.2g} |")

    att = json.load(open(f"{d}/attribution.json"))
    print()
    print("| paths | computation | dealteam native ms | peer ms | peer / native | max |Δ removal effect| |")
    print("|---|---|---|---|---|---|")
    for a in att:
        paths = [p.split(">") for p in a["paths"]]
        names = sorted({c for p in paths for c in p})
        ix = {c: i + 1 for i, c in enumerate(names)}
        conv = np.array(a["conversions"])
        nulls = np.array(a["nulls"])
        frm, to, wts, ends = [], [], [], []
        for p, c, nl in zip(paths, conv, nulls):
            prev = 0
            for ch in p:
                frm.append(prev)
                to.append(ix[ch])
                wts.append(c + nl)
                prev = ix[ch]
            ends.append(prev)
        frm, to, wts, ends = map(np.array, (frm, to, wts, ends))
        s = len(names) + 1
        t_np, (p, re_np) = best_ms(lambda: markov_np(frm, to, wts, ends, conv, conv + nulls, s), 5)
        ours = np.array([a["removalEffects"][c] for c in names])
        rows2 = [
            (len(paths), "Markov removal effects, exact, from integer paths: NumPy solve", a["ms"]["markovSolve"], t_np, np.abs(re_np - ours).max()),
            (len(paths), "Markov, whole `attribute` request (ids, checks) vs NumPy solve", a["ms"]["markov"], t_np, np.abs(re_np - ours).max()),
        ]
        try:
            import pandas as pd
            from ChannelAttribution import markov_model

            df = pd.DataFrame({"path": [" > ".join(p) for p in paths], "conv": conv, "null": nulls})
            t_ca, res = best_ms(lambda: markov_model(df, "path", "conv", var_null="null", out_more=True, verbose=False, flg_pro=False), 1)
            re_ca = res["removal_effects"].set_index("channel_name")["removal_effect"]
            theirs = np.array([re_ca.get(c, np.nan) for c in names])
            rows2.append((len(paths), "Markov, whole request vs ChannelAttribution (simulated, defaults)", a["ms"]["markov"], t_ca, np.nanmax(np.abs(theirs - ours))))
            rel = np.nanmax(np.abs(theirs - ours) / ours)
            print(f"ChannelAttribution {len(paths)} paths: removal effects ours {ours.min():.4f}..{ours.max():.4f}, "
                  f"theirs {np.nanmin(theirs):.4f}..{np.nanmax(theirs):.4f}, max relative difference {rel:.1%}", file=sys.stderr)
        except Exception as e:  # a measuring stick only
            print(f"ChannelAttribution skipped: {e!r}", file=sys.stderr)
        rows2.append((len(paths), "all six models (ours) vs NumPy Markov solve", a["ms"]["allModels"], t_np, float("nan")))
        for k, what, ours_ms, peer, diff in rows2:
            print(f"| {k} | {what} | {ours_ms:.2f} | {peer:.2f} | {peer / ours_ms:.1f}× | {diff:.2g} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/splits")
