// `mapAccountColumns` called with an object (src/wasm/columns.rs): each side's accounts text
// is taken out as the JS string it is, so that it reaches wasm as UTF-8 in one native copy
// instead of being written into JSON (every tab and line break escaped) and read back. What
// is left — ids and options — goes through JSON as every request does.

/** Whether `side` is a plain object with a string `accounts`. */
function takeable(side) {
  return side !== null && typeof side === "object" && !Array.isArray(side) && typeof side.toJSON !== "function" &&
    typeof side.accounts === "string";
}

/** `[request without the texts, the partners' texts (undefined: left in), the vendor's,
 *  the UTF-16 units of them all, of the longest]`, or `undefined`: the request then goes
 *  through JSON whole, as any other. So it does when it is not an object with a `partners`
 *  list, or when the host cannot tell a lone surrogate (`isWellFormed`): JSON refuses a text
 *  with one (`JSON.stringify` writes the surrogate as an escape no UTF-8 text can hold), and
 *  the error must stay the one it was, at the same position. Whether a text has one is
 *  asked in wasm, and only of texts whose UTF-8 holds U+FFFD (what `encodeInto` writes for
 *  a lone surrogate): checking every text here scanned each two-byte string whole. */
export function columnTexts(req) {
  if (req === null || typeof req !== "object" || typeof req.toJSON === "function" || !Array.isArray(req.partners) ||
    typeof String.prototype.isWellFormed !== "function") {
    return undefined;
  }
  const texts = new Array(req.partners.length);
  const partners = new Array(req.partners.length);
  let units = 0;
  let longest = 0;
  const take = (side) => {
    units += side.accounts.length;
    longest = Math.max(longest, side.accounts.length);
    return side.accounts;
  };
  for (let i = 0; i < req.partners.length; i++) {
    const side = req.partners[i];
    if (!takeable(side)) {
      partners[i] = side;
      continue;
    }
    texts[i] = take(side);
    partners[i] = { ...side, accounts: "" };
  }
  const copy = { ...req, partners };
  let vendor;
  if (takeable(req.vendor)) {
    vendor = take(req.vendor);
    copy.vendor = { ...req.vendor, accounts: "" };
  }
  return [copy, texts, vendor, units, longest];
}
