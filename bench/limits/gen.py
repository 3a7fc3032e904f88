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
