"""The account map of a request computed independently with pandas (SPEC §14), timed,
and compared with dealteam's answer: exit 1 on any difference.

    python check.py REQUEST.json RESPONSE.json

Independent of the Rust code: names are normalised with Python's unicodedata (NFKC),
str.casefold and the Unicode general categories; domains with urllib.parse and the
`idna` codec; the matches are two pandas self-merges (on domain where both rows have
one, on name where at least one has none), counted with groupby.
"""
import json
import sys
import time
import unicodedata
from decimal import Decimal
from urllib.parse import urlsplit

import pandas as pd

SUFFIXES = {"inc", "ltd", "llc", "gmbh", "ag", "sa", "sas", "bv", "nv", "oy", "ab", "spa", "srl", "plc", "co",
            "corp", "corporation", "limited", "company"}


def name_key(s):
    s = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", s).casefold())
    out = []
    for ch in s:
        cat = unicodedata.category(ch)
        if cat in ("Pd", "Pc"):
            out.append(" ")
        elif not cat.startswith("P"):
            out.append(ch)
    words = "".join(out).split()
    while len(words) > 1 and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words) or None


def domain_key(s):
    s = s.strip()
    host = urlsplit(s if "://" in s else "http://" + s).hostname or ""
    host = host.encode("idna").decode("ascii").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if "." in host else None


def rows(req):
    out = []
    for p in req["ecosystem"]["partners"]:
        for a in p.get("accounts", []):
            if isinstance(a, str):
                a = {"account": a, "status": "customer"}
            d = a.get("domain")
            out.append((p["id"], a["status"], Decimal(a.get("value", "0")), domain_key(d) if d else None,
                        name_key(a.get("name", a["account"]))))
    return pd.DataFrame(out, columns=["side", "status", "value", "dkey", "nkey"])


def matrix(df):
    df = df.reset_index(names="row")
    by_d = df[df.dkey.notna()].merge(df[df.dkey.notna()], on="dkey")
    by_n = df.merge(df, on="nkey")
    by_n = by_n[by_n.dkey_x.isna() | by_n.dkey_y.isna()]
    m = pd.concat([by_d[["side_x", "side_y", "row_x", "row_y", "status_x", "status_y"]],
                   by_n[["side_x", "side_y", "row_x", "row_y", "status_x", "status_y"]]])
    m = m[m.side_x < m.side_y]
    counts = m.groupby(["side_x", "side_y", "status_x", "status_y"]).size()
    # each shared row once per pair, opportunities only
    ends = pd.concat([m[["side_x", "side_y", "row_x"]].rename(columns={"row_x": "row"}),
                      m[["side_x", "side_y", "row_y"]].rename(columns={"row_y": "row"})]).drop_duplicates()
    ends = ends.join(df.set_index("row")[["status", "value"]], on="row")
    ends = ends[ends.status == "opportunity"]
    revenue = ends.groupby(["side_x", "side_y"]).value.agg(lambda v: sum(v, Decimal(0))).to_dict()
    return counts, revenue


def main():
    req = json.load(open(sys.argv[1]))
    got = json.load(open(sys.argv[2]))
    t = time.perf_counter()
    df = rows(req)
    t_norm = time.perf_counter() - t
    t = time.perf_counter()
    counts, revenue = matrix(df)
    secs = time.perf_counter() - t
    want = {}
    for (a, b, sa, sb), n in counts.items():
        want.setdefault((a, b), {}).setdefault(sa, {})[sb] = int(n)
    have = {(p["a"], p["b"]): p["matrix"] for p in got["pairs"]}
    have_rev = {(p["a"], p["b"]): Decimal(p["potentialRevenue"]) for p in got["pairs"]}
    bad = [k for k in set(want) | set(have) if want.get(k) != have.get(k)]
    bad_rev = [k for k in set(revenue) | {k for k, v in have_rev.items() if v}
               if revenue.get(k, Decimal(0)) != have_rev.get(k, Decimal(0))]
    matches = int(counts.sum())
    print(f"pandas: {len(df)} rows normalised in {t_norm:.3f} s; {len(want)} pairs, {matches} matches "
          f"merged and counted in {secs:.3f} s")
    if bad or bad_rev:
        for k in sorted(bad)[:5]:
            print(f"MISMATCH {k}: pandas {want.get(k)} dealteam {have.get(k)}")
        for k in sorted(bad_rev)[:5]:
            print(f"REVENUE MISMATCH {k}: pandas {revenue.get(k)} dealteam {have_rev.get(k)}")
        sys.exit(1)
    print(f"equal: every pair's matrix and potential revenue ({len(want)} pairs)")
    print(f"PANDAS_SECONDS {secs:.3f} {t_norm + secs:.3f}")


if __name__ == "__main__":
    main()
