"""Vectorised NumPy reference of the SPEC §6 plan simulation (the measuring stick
for bench/simulate). Same model and same outputs as `dealteam simulate`: per month
and in total mean/p5/p50/p95 of bookings, revenue, each partner's share (§4 split of
each month's revenue, largest remainder) and cumulative ROPI, the payback month and
the objective's probability. Random numbers differ (NumPy PCG64 vs ChaCha12), so the
results agree statistically, not bit for bit.

usage: python sim_numpy.py plan.json TRIALS SEED  -> one JSON line on stdout
"""
import json
import sys
import time
from decimal import Decimal

import numpy as np

D = 365.25 / 12.0
Z90 = 1.2815515655446004


def cents(s):
    return int(Decimal(s) * 100)


def simulate(plan, n, seed):
    rng = np.random.default_rng(seed)
    h = plan["horizonMonths"]
    pl = plan["pipeline"]
    lam = pl["opportunitiesPerMonth"]
    lam = np.full(h, float(lam)) if not isinstance(lam, list) else np.array((lam + [lam[-1]] * h)[:h], float)
    win = pl["winProbability"]
    med, p90 = cents(pl["dealSize"]["median"]) / 100, cents(pl["dealSize"]["p90"]) / 100
    mu, sigma = np.log(med), np.log(p90 / med) / Z90
    c = pl["salesCycleDays"]
    offer = plan["offer"]
    term, churn, renew = offer["termMonths"], offer.get("monthlyChurn", 0.0), offer.get("renewalRate", 0.0)

    # opportunities: Poisson per (trial, month), uniform time in the month
    counts = rng.poisson(lam, size=(n, h))
    cell = np.repeat(np.arange(n * h), counts.ravel())
    opened = (cell % h + rng.random(cell.size)) * D
    won = rng.random(cell.size) < win
    cell, opened = cell[won], opened[won]
    closed = opened + rng.triangular(c["min"], c["mode"], c["max"], cell.size)
    month = (closed / D).astype(np.int64)
    keep = month < h
    trial, month = cell[keep] // h, month[keep]
    size = np.rint(rng.lognormal(mu, sigma, trial.size) * 100).astype(np.int64)
    bookings = np.bincount(trial * h + month, weights=size, minlength=n * h).reshape(n, h)

    # subscription revenue: geometric lifetime, geometric number of terms
    life = rng.geometric(churn, trial.size) if churn > 0 else np.full(trial.size, h + 1)
    terms = rng.geometric(1.0 - renew, trial.size) if renew < 1 else np.full(trial.size, h + 1)
    active = np.minimum(np.minimum(life, terms * term), h - month)
    q, r = size // term, size % term
    revenue = np.zeros(n * h)
    base = trial * h + month
    for k in range(h):
        m = active > k
        if not m.any():
            break
        amt = q[m] + ((k % term) < r[m])
        revenue += np.bincount(base[m] + k, weights=amt, minlength=n * h)
    revenue = revenue.reshape(n, h).astype(np.int64)

    # §4 split of every month's revenue: floor, then leftover cents by largest remainder
    ids = [p["id"] for p in plan["partners"]]
    w = np.array([plan["split"]["shares"][i] for i in ids], np.int64)
    exact = revenue[:, :, None] * w[None, None, :]
    floor, rem = exact // w.sum(), exact % w.sum()
    left = revenue - floor.sum(axis=2)
    order = np.argsort(-rem, axis=2, kind="stable")
    rank = np.argsort(order, axis=2, kind="stable")
    shares = floor + (rank < left[:, :, None])
    assert (shares.sum(axis=2) == revenue).all()

    # investments, ROPI, payback
    inv = []
    for p in plan["partners"]:
        i = p.get("investments", {})
        up = sum(cents(i.get(k, "0")) for k in ("mdf", "enablement", "branding"))
        inv.append(up + cents(i.get("monthlyCost", "0")) * np.arange(1, h + 1))
    inv = np.array(inv).T  # (h, P)
    cum = shares.cumsum(axis=1)
    ropi = (cum - inv[None]) / inv[None]
    paid = cum >= inv[None]
    payback = np.where(paid.any(axis=1), paid.argmax(axis=1) + 1, 0)

    def stats(a, axis=0):
        return a.mean(axis=axis), np.percentile(a, [5, 50, 95], axis=axis, method="inverted_cdf")

    out = {
        "bookingsMonth": stats(bookings), "revenueMonth": stats(revenue),
        "sharesMonth": stats(shares), "ropiMonth": stats(ropi),
        "bookings": stats(bookings.sum(axis=1)), "revenue": stats(revenue.sum(axis=1)),
        "payback": stats(payback),
    }
    for o in plan.get("objectives", []):
        if o["metric"] == "bookings":
            out["objective"] = float((bookings[:, : o["byMonth"]].sum(axis=1) >= cents(o["target"])).mean())
    tb, tr = bookings.sum(axis=1), revenue.sum(axis=1)
    return out, tb, tr


def main():
    plan = json.load(open(sys.argv[1]))
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    t0, c0 = time.perf_counter(), time.process_time()
    out, tb, tr = simulate(plan, n, seed)
    ms = (time.perf_counter() - t0) * 1000
    cpu = (time.process_time() - c0) * 1000
    print(json.dumps({
        "engine": "numpy", "trials": n, "ms": round(ms, 1), "cpuMs": round(cpu),
        "meanBookings": tb.mean() / 100, "seBookings": tb.std(ddof=1) / np.sqrt(n) / 100,
        "meanRevenue": tr.mean() / 100, "seRevenue": tr.std(ddof=1) / np.sqrt(n) / 100,
        "objective": out.get("objective"),
    }))


if __name__ == "__main__":
    main()
