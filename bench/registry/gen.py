"""`register` requests for the registration lifecycle (SPEC §14) at scale, for
docs/PERFORMANCE.md: N registrations with statuses and history, program rules, and one of
four operations: a new registration matched by domain, one matched by name, an `approve`
action, and the `expire` sweep over the whole registry.
Seeded: the same arguments give the same files.

    python3 bench/registry/gen.py N OUTDIR
"""
import json
import os
import random
import sys

STATUSES = ["submitted", "approved", "won", "lost", "expired", "withdrawn", "rejected"]


def registration(i, rng, accounts):
    a = rng.randrange(accounts)
    day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
    status = rng.choice(STATUSES)
    r = {"id": f"r{i}", "partnerId": f"p{i % 200}", "account": f"acct-{a}", "registeredAt": day,
         "domain": f"https://www.c{a:07d}.com/", "name": f"Company {a:07d}, Inc.", "status": status,
         "history": [{"status": "submitted", "at": f"{day}T09:00:00+02:00"}]}
    if status != "submitted":
        extra = {"status": status, "at": f"{day}T17:30:00Z"}
        if status == "rejected":
            extra["reason"] = "duplicate"
        r["history"].append(extra)
    if i % 3 == 0:
        r["value"] = f"{rng.randrange(1000, 500000)}.00"
    return r


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    rng = random.Random(12)
    accounts = max(1, n // 3)
    registry = [registration(i, rng, accounts) for i in range(n)]
    rules = {"protectionDays": 90, "maxActivePerPartner": 10_000, "acceptByDays": 30}
    new = {"id": "new", "partnerId": "p-new", "account": "acct-new", "registeredAt": "2026-12-01",
           "domain": "c0000007.com", "name": "COMPANY 0000007 GMBH"}
    pending = next(r["id"] for r in registry if r["status"] == "submitted")
    cases = {
        "new-by-domain": {"registry": registry, "registration": new, "rules": {**rules, "matchBy": "domain"}},
        "new-by-name": {"registry": registry, "registration": new, "rules": {**rules, "matchBy": "name"}},
        "approve": {"registry": registry, "rules": rules,
                    "action": {"kind": "approve", "id": pending, "at": "2026-12-01T10:00:00+01:00"}},
        "expire-sweep": {"registry": registry, "rules": rules,
                         "action": {"kind": "expire", "at": "2026-12-31T00:00:00Z"}},
    }
    for name, req in cases.items():
        with open(os.path.join(out, f"{name}.json"), "w") as f:
            json.dump(req, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
