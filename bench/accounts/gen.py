"""Generate an `accountMap` request: P partners × A accounts drawn from a pool of
companies, each row written in one of several real-world spellings (legal suffixes,
case, punctuation, full-width letters, URLs with www/paths), with or without a domain,
in a population (customer / prospect / opportunity with a value / a custom one).
Seeded: the same arguments give the same file.

    python3 gen.py PARTNERS ACCOUNTS POOL SEED > request.json
"""
import json
import random
import sys

SUFFIXES = ["", " Inc.", " Ltd", " GmbH", " S.A.", " LLC", " Corp", ", Inc.", " plc", " Company"]
POPS = ["customer"] * 5 + ["prospect"] * 3 + ["opportunity"] * 3 + ["partner-sourced"]


def company(c, rng):
    """One spelling of company c: (name, domain or None)."""
    base = f"Company {c:07d}"
    style = rng.randrange(5)
    if style == 1:
        base = base.upper()
    elif style == 2:
        base = base.lower().replace(" ", "-")
    elif style == 3:
        base = base.replace("Company", "Ｃｏｍｐａｎｙ")  # full-width: NFKC folds it
    name = base + rng.choice(SUFFIXES)
    d = rng.random()
    if d < 0.35:
        domain = None
    else:
        host = f"c{c:07d}.{'com' if c % 7 else 'de'}"
        domain = rng.choice([host, host.upper(), "www." + host, f"https://www.{host}/about", f"http://{host}"])
    return name, domain


def main():
    partners, accounts, pool, seed = (int(x) for x in sys.argv[1:5])
    rng = random.Random(seed)
    out = []
    for p in range(partners):
        rows = []
        for k, c in enumerate(rng.sample(range(pool), accounts)):
            name, domain = company(c, rng)
            status = rng.choice(POPS)
            row = {"account": f"p{p}-{k}", "status": status, "name": name}
            if domain is not None:
                row["domain"] = domain
            if status == "opportunity":
                row["value"] = f"{rng.randrange(1000, 500000)}.{rng.randrange(100):02d}"
            rows.append(row)
        out.append({"id": f"p{p:05d}", "name": f"Partner {p}", "kind": "si", "accounts": rows})
    json.dump({"ecosystem": {"currency": "EUR", "partners": out}, "sharing": "counts"}, sys.stdout)


if __name__ == "__main__":
    main()
