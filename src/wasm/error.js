// The error class every dealteam function throws (SPEC §0). Defined in JS so that
// `err instanceof DealteamError` and `err instanceof Error` both hold and stack
// traces work; constructed from Rust by `src/wasm/error.rs`.

/** A dealteam error: branch on `code`, show `message`, highlight `path`. */
export class DealteamError extends Error {
  constructor(code, path, message, others) {
    super(message);
    this.name = "DealteamError";
    /** Stable snake_case code such as "unknown_field". */
    this.code = code;
    /** JSONPath-like location of the field to fix; "" for the whole input. */
    this.path = path;
    /** Further problems found in the same pass: [{code, path, message}]. */
    this.others = others || [];
  }
}

/** Called by the wasm facade. */
export function makeDealteamError(code, path, message, others) {
  return new DealteamError(code, path, message, others);
}
