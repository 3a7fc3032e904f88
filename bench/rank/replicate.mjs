// Write a large ecosystem by repeating the partners of a generated one (bench/rank's
// 100k file): copy k > 0 gets ids `p000123-k` and account ids `acct-004567-k`, so ids stay
// unique and the account pool grows with the copies as `sample::generate`'s does (2 × n).
// The output is written piece by piece; the large text never exists as one JS string.
// Usage: node bench/rank/replicate.mjs IN.json COPIES OUT.json
import { readFileSync, openSync, writeSync, closeSync } from "node:fs";

const [input, copies, output] = process.argv.slice(2);
if (!input || !copies || !output) {
  console.error("usage: node bench/rank/replicate.mjs IN.json COPIES OUT.json");
  process.exit(2);
}
const eco = JSON.parse(readFileSync(input, "utf8"));
const fd = openSync(output, "w");
const head = { ...eco };
delete head.partners;
delete head.relationships;
const open = JSON.stringify(head).slice(0, -1);
writeSync(fd, `${open}${open.length > 1 ? "," : ""}"partners":[`);
let first = true;
for (let k = 0; k < Number(copies); k++) {
  const parts = [];
  for (const p of eco.partners) {
    const q = k === 0 ? p : {
      ...p,
      id: `${p.id}-${k}`,
      accounts: (p.accounts ?? []).map((a) => (typeof a === "string" ? `${a}-${k}` : a)),
    };
    parts.push(JSON.stringify(q));
    if (parts.length === 5000) {
      writeSync(fd, (first ? "" : ",") + parts.join(","));
      first = false;
      parts.length = 0;
    }
  }
  if (parts.length) {
    writeSync(fd, (first ? "" : ",") + parts.join(","));
    first = false;
  }
}
writeSync(fd, `],"relationships":${JSON.stringify(eco.relationships ?? [])}}`);
closeSync(fd);
