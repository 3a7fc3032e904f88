// The .d.ts rules of the npm package (issue 16 item 5), used by scripts/pkg-postprocess.mjs
// (fix, then check at build time) and tests/npm/run.mjs (check the packed package):
// - `any` is replaced by `unknown` only inside wasm-bindgen's raw export table
//   (`export interface InitOutput { ... }`); doc comments and the public signatures are
//   left as written (public signatures are typed exactly in the Rust facade with
//   `unchecked_param_type` / `unchecked_return_type`, never by a regex here);
// - optional parameters stay optional (`opts?: RankOptions`).

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The `export interface InitOutput { ... }` block: [start, end) offsets, or null. */
export function initOutputBlock(dts) {
  const start = dts.search(/^export interface InitOutput \{$/m);
  if (start < 0) return null;
  const close = dts.indexOf("\n}", start);
  if (close < 0) return null;
  return [start, close + 2];
}

/** `any` → `unknown` inside the InitOutput block only; throws when the block is missing. */
export function typeRawExports(dts) {
  const block = initOutputBlock(dts);
  if (!block) throw new Error("pkg-dts: `export interface InitOutput {` not found in dealteam.d.ts");
  const [s, e] = block;
  return dts.slice(0, s) + dts.slice(s, e).replace(/\bany\b/g, "unknown") + dts.slice(e);
}

/**
 * The problems of a built dealteam.d.ts (empty when it is fine). `docSource` is the text
 * of the Rust sources (src/, examples/): every doc-comment line that says `unknown` must
 * be found there, so an "if any" turned into "if unknown" is caught.
 */
export function dtsProblems(dts, docSource) {
  const problems = [];
  const block = initOutputBlock(dts);
  if (!block) return ["no `export interface InitOutput {` block"];
  const [s, e] = block;
  if (/\bany\b/.test(dts.slice(s, e))) problems.push("`any` left in the InitOutput block");
  const lines = dts.slice(0, s).concat(dts.slice(e)).split("\n");
  let inComment = false;
  for (const line of lines) {
    const t = line.trim();
    const comment = inComment || t.startsWith("/**") || t.startsWith("*") || t.startsWith("//");
    if (t.startsWith("/**")) inComment = !t.includes("*/");
    else if (inComment && t.includes("*/")) inComment = false;
    if (comment) {
      const text = t.replace(/^\/\*\*\s?|^\*\/?\s?|^\/\/\s?/, "").replace(/\s*\*\/$/, "");
      if (/\bunknown\b/.test(text) && !docSource.includes(text)) {
        problems.push(`doc comment says \`unknown\` but the Rust sources do not: ${t}`);
      }
    } else if (/\bany\b/.test(t)) {
      problems.push(`\`any\` in a public declaration: ${t}`);
    }
  }
  // Option<JsValue> parameters of the facade (`unchecked_optional_param_type`).
  const optional = [
    ["Ecosystem.rank's `opts`", /^\s*rank\(profile: [^)]*, opts\?: RankOptions\): RankResponse;$/m],
    ["Ecosystem.overlap's `request`", /^\s*overlap\(request\?: [^)]*\): OverlapResponse;$/m],
  ];
  for (const [what, re] of optional) if (!re.test(dts)) problems.push(`${what} is not optional (\`?:\`)`);
  return problems;
}

// The text of every .rs file under src/ and examples/ (the doc comments the .d.ts copies).
export function rustDocs(root) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith(".rs")) out.push(readFileSync(p, "utf8"));
    }
  };
  for (const d of ["src", "examples"]) walk(join(root, d));
  return out.join("\n");
}
