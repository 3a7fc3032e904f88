"""Requests at the limits of docs/limits.md, for bench/limits/run.sh.

Each file is the worst realistic request at one limit (or at two multiplying ones):
python3 bench/limits/gen.py OUTDIR
"""
import json
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, cmd, req):
    with open(os.path.join(out, f"{name}.{cmd}.json"), "w") as f:
        json.dump(req, f, separators=(",", ":"))


def reg(i, partner, account, product=None, day="2026-01-01"):
    r = {"id": f"r{i}", "partnerId": partner, "account": account, "registeredAt": day}
    if product:
        r["product"] = product
    return r


new = reg("new", "p-new", "acct-0", None, "2026-01-02")
# registrations: 100,000 of one account by 3 partners (each later one conflicts)
write("registrations-one-account", "register",
      {"registry": [reg(i, f"p{i % 3}", "acct-0", f"prod{i % 5}") for i in range(100_000)], "registration": new})
# registrations: 100,000 over 20,000 accounts
write("registrations-spread", "register",
      {"registry": [reg(i, f"p{i % 50}", f"acct-{i % 20_000}") for i in range(100_000)], "registration": new})


def deal(i, members, n_partners):
    return {"id": f"d{i}", "closedAt": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", "won": (i * 7) % 3 == 0,
            "value": f"{1000 + i % 997}.00", "cycleDays": 30 + i % 60, "coverage": (i % 10) / 10,
            "partners": [{"id": f"p{(i * 13 + k * 7) % n_partners}", "role": "r"} for k in range(members)]}


# history: 100,000 deals of 5 partners (1,000,000 member pairs: both limits)
hist = [deal(i, 5, 2000) for i in range(100_000)]
write("history-deals", "insights", {"history": hist})
write("history-deals", "train", {"history": hist})
# members per deal: 202 deals of 100 partners (999,900 pairs)
write("members-per-deal", "train", {"history": [deal(i, 100, 100) for i in range(202)]})

# journeys: 1,000,000 of 3 touches among 1,000 partners
write("journeys", "attribute",
      {"journeys": [{"path": [f"p{(i * k + 1) % 1000}" for k in range(1, 4)], "conversions": i % 3,
                     "nulls": 1} for i in range(1_000_000)]})
# path length: 1,000 journeys of 1,000 touches
write("path-length", "attribute",
      {"journeys": [{"path": [f"p{(i + k) % 1000}" for k in range(1000)], "conversions": 1, "nulls": 1}
                    for i in range(1000)]})


def partner(i, accounts):
    return {"id": f"p{i:05d}", "name": f"P{i}", "kind": "si", "accounts": accounts}


# overlap pairs: 2,000 partners sharing one account (1,999,000 pairs)
write("overlap-pairs", "overlap",
      {"ecosystem": {"partners": [partner(i, ["shared", f"own{i}"]) for i in range(2000)]}})
# accounts per partner: 20 partners of 100,000 accounts, each account held by 2 of them
# (1,000,000 pair incidences)
write("accounts-per-partner", "overlap",
      {"ecosystem": {"partners": [partner(i, [f"a{(i // 2) * 100_000 + k}" for k in range(100_000)])
                                  for i in range(20)]}})

model = {"features": ["size", "pastJointWinRate"], "intercept": 0.1, "coefficients": [0.3, 0.5],
         "means": [3.0, 0.5], "scales": [1.0, 0.1], "baseRate": 0.4, "skill": True,
         "pairs": [{"a": f"p{i}", "b": f"p{i + 1}", "deals": 3, "wins": 2} for i in range(99)]}
# predict: 100,000 teams of 5 (1,000,000 pairs); 202 teams of 100
write("predict-teams", "predict", {"model": model, "teams": [{"members": [f"p{(i + k) % 100}" for k in range(5)]} for i in range(100_000)]})
write("predict-members", "predict", {"model": model, "teams": [{"members": [f"p{k}" for k in range(100)]} for _ in range(202)]})


# plans: 100 partners (plan partners), 1,000 objectives, 600 months; 1,000 trials
# (a fixed split of 1 share each; every partner invests monthly)
plan = {"id": "limits", "currency": "EUR", "horizonMonths": 600,
        "partners": [{"id": f"p{i}", "name": f"P{i}", "investments": {"mdf": "1000.00", "monthlyCost": "100.00"}}
                     for i in range(100)],
        "offer": {"kind": "subscription", "termMonths": 12, "monthlyChurn": 0.02},
        "pipeline": {"opportunitiesPerMonth": 4, "winProbability": 0.25,
                     "dealSize": {"distribution": "lognormal", "median": "120000.00", "p90": "300000.00"},
                     "salesCycleDays": {"distribution": "triangular", "min": 30, "mode": 60, "max": 180}},
        "split": {"model": "fixed", "shares": {f"p{i}": 1 for i in range(100)}},
        "objectives": [{"metric": f"share:p{i % 100}", "target": "1000.00", "byMonth": 1 + i % 600}
                       for i in range(1000)]}
write("plan-limits-1000-trials", "simulate", {"plan": plan, "trials": 1000, "seed": 1})
write("plan-limits", "validate", {"plan": plan})
# agreement/audit: 45 trials, the most one call allows for this plan (simulated months per call)
write("plan-limits-45-trials", "agreement", {"plan": plan, "trials": 45, "seed": 1})
write("plan-limits-45-trials", "audit", {"plan": plan, "trials": 45, "seed": 1,
                                           "actuals": {"months": [{"month": m, "bookings": "1000.00"} for m in range(1, 601)]}})


# split: sampled values at the sampling-step limit (50,000,000 steps: samples × members ×
# (8 + requirements), plus Myerson's links and the synergy pairs), and the enumerated models at 20 members
def split_request(n, reqs, **extra):
    caps = [f"c{k}" for k in range(reqs)]
    partners = [{"id": f"p{i}", "name": f"P{i}", "kind": "si",
                 "capabilities": {c: ((i * 7 + k * 13) % 100) / 100 for k, c in enumerate(caps)}} for i in range(n)]
    deal = {"id": "d", "name": "D", "value": "1000000.00", "currency": "EUR",
            "requirements": [{"capability": c, "weight": 1 + k % 3} for k, c in enumerate(caps)],
            "slots": [{"role": "si", "min": 1, "max": 16}]}
    return {"amount": "1000000.00", "currency": "EUR", "members": [p["id"] for p in partners],
            "ecosystem": {"partners": partners}, "deal": deal, **extra}


STEPS = 50_000_000
write("sampled-2777-members-1-requirement", "split", split_request(2777, 1, model="shapley", samples=2000))
write("sampled-10000-members-64-requirements", "split",
      split_request(10_000, 64, model="shapley", samples=STEPS // (10_000 * 72) // 2 * 2))
star = [["p0", f"p{i}"] for i in range(1, 10_000)]
write("myerson-star-10000-members", "split",
      split_request(10_000, 1, model="myerson", graph=star, samples=STEPS // ((10_000 + 2 * 9_999) * 9) // 2 * 2))
write("compare-three-sampled-models", "split",
      split_request(2777, 1, model="compare", models=["shapley", "myerson", "owen"], samples=2000, graph=[],
                    unions=[[f"p{j}" for j in range(i, min(2777, i + 100))] for i in range(0, 2777, 100)]))
ids = [f"p{i}" for i in range(10_000)]
synergy = {"kind": "additiveSynergy", "standalone": {m: "10.00" for m in ids},
           "pairs": [{"a": ids[i], "b": ids[(i * 31 + k * 101 + 1) % 10_000], "bonus": "1.00"}
                     for i in range(10_000) for k in range(50) if (i * 31 + k * 101 + 1) % 10_000 != i]}
write("synergy-500000-pairs-contribution", "split",
      {"amount": "1000000.00", "currency": "EUR", "members": ids, "model": "contribution", "game": synergy})
write("synergy-500000-pairs-myerson-star", "split",
      {"amount": "1000000.00", "currency": "EUR", "members": ids, "model": "myerson", "game": synergy, "graph": star,
       "samples": STEPS // ((10_000 + 2 * 9_999) * 8 + 16 * len(synergy["pairs"])) // 2 * 2})
write("prenucleolus-20-members-64-requirements", "split", split_request(20, 64, model="prenucleolus"))
write("compare-20-members-64-requirements", "split", split_request(20, 64, model="compare"))
