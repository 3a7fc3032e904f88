"""The same accounts as an `accountMap` request (gen.py's output), written as an
`accountMapColumns` request: each partner's accounts as one tab-separated text with a
header line (src/accounts/columns.rs). Options (sharing, limit, …) are kept; more can
be set as KEY=JSON arguments.

    python3 to_columns.py REQUEST.json [limit=500 summary=true …] > columns.json
"""
import json
import sys

COLUMNS = ["account", "status", "name", "domain", "value"]


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        req = json.load(f)
    eco = req.pop("ecosystem")
    out = {"currency": eco.get("currency", "EUR"), "partners": []}
    for p in eco["partners"]:
        lines = ["\t".join(COLUMNS)]
        for a in p.get("accounts", []):
            if isinstance(a, str):
                a = {"account": a, "status": "customer"}
            lines.append("\t".join(str(a.get(c) or "") for c in COLUMNS))
        out["partners"].append({"id": p["id"], "accounts": "\n".join(lines)})
    out.update(req)
    for arg in sys.argv[2:]:
        key, value = arg.split("=", 1)
        out[key] = json.loads(value)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
