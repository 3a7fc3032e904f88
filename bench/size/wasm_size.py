#!/usr/bin/env python3
"""Size table of a .wasm module: sections, and code bytes per crate and per function.

    python3 bench/size/wasm_size.py MODULE.wasm [--top N]

Function names come from the module's `name` section (keep it: build with
`cargo build --profile wasm-release` and read target/wasm32-unknown-unknown/wasm-release/
dealteam.wasm, or run wasm-bindgen with --keep-debug); they are demangled with c++filt
(Rust's legacy mangling). "crate" is the first path segment of the function's path;
for `<A as B>::f` it is A's crate (the code is the impl of that type), so serde derive
code counts under dealteam. Generic instances are grouped by their name without the
hash, to show how often a function was monomorphised."""
import collections, gzip, re, subprocess, sys


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; n, j = leb(b, i + 1)
        yield sid, b[j:j + n], j + n - i
        i = j + n


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    b = open(path, "rb").read()
    names, bodies, imports, sec_sizes = {}, [], 0, collections.Counter()
    kinds = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
             7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "datacount"}
    for sid, body, total in sections(b):
        if sid == 0:
            ln, k = leb(body, 0); cname = body[k:k + ln].decode(); rest = body[k + ln:]
            sec_sizes["custom:" + cname] += total
            if cname == "name":
                i = 0
                while i < len(rest):
                    sub = rest[i]; n, j = leb(rest, i + 1)
                    if sub == 1:
                        cnt, p = leb(rest, j)
                        for _ in range(cnt):
                            idx, p = leb(rest, p); ln2, p = leb(rest, p)
                            names[idx] = rest[p:p + ln2].decode(errors="replace"); p += ln2
                    i = j + n
            continue
        sec_sizes[kinds.get(sid, str(sid))] += total
        if sid == 2:
            cnt, p = leb(body, 0)
            for _ in range(cnt):
                for _ in range(2):
                    ln, p = leb(body, p); p += ln
                kind = body[p]; p += 1
                if kind == 0:
                    _, p = leb(body, p); imports += 1
                elif kind == 1:
                    p += 1; fl, p = leb(body, p); _, p = leb(body, p)
                    if fl & 1: _, p = leb(body, p)
                elif kind == 2:
                    fl, p = leb(body, p); _, p = leb(body, p)
                    if fl & 1: _, p = leb(body, p)
                elif kind == 3:
                    p += 2
        if sid == 10:
            cnt, p = leb(body, 0)
            for _ in range(cnt):
                n, q = leb(body, p); bodies.append(q + n - p); p = q + n
    raw = [names.get(imports + i, f"func[{imports + i}]") for i in range(len(bodies))]
    dem = subprocess.run(["c++filt"], input="\n".join(raw), capture_output=True, text=True).stdout.split("\n")
    dem = [re.sub(r"::h[0-9a-f]{16}$", "", d) for d in dem[:len(raw)]]
    print(f"module {path}: {len(b):,} B raw, {len(gzip.compress(b, 9)):,} B gzip -9")
    print("\n| section | bytes |\n|---|---:|")
    for k, v in sec_sizes.most_common():
        print(f"| {k} | {v:,} |")
    per_crate, per_group = collections.Counter(), collections.Counter()
    group_n = collections.Counter()
    for d, s in zip(dem, bodies):
        m = re.match(r"<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)", d)
        per_crate[m.group(1) if m else "?"] += s
        per_group[d] += s; group_n[d] += 1
    total = sum(bodies)
    print(f"\n| crate (code) | bytes | share |\n|---|---:|---:|")
    for k, v in per_crate.most_common(25):
        print(f"| {k} | {v:,} | {100 * v / total:.1f}% |")
    print(f"\n| function (instances) | bytes |\n|---|---:|")
    for k, v in per_group.most_common(top):
        short = k if len(k) < 150 else k[:147] + "..."
        print(f"| `{short.replace('|', '/')}` ({group_n[k]}) | {v:,} |")


if __name__ == "__main__":
    main()
