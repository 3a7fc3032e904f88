// A browser page built by Vite that uses the packed package: init() fetches the .wasm
// (Vite copies it as an asset), then rank() runs in the page.
import init, { rank, DealteamError } from "dealteam";
import request from "../rank-small.json";

const out = document.getElementById("result");
init()
  .then(() => {
    const res = rank(request);
    let errorCode = "";
    try {
      rank({ ...request, profile: { ...request.profile, wieght: 1 } });
    } catch (e) {
      errorCode = e instanceof DealteamError ? `${e.code} at ${e.path}` : `not a DealteamError: ${e}`;
    }
    out.textContent = JSON.stringify({ results: res.results.map((r) => [r.partnerId, r.fit]), errorCode });
    out.dataset.done = "1";
  })
  .catch((e) => {
    out.textContent = `failed: ${e}`;
    out.dataset.done = "1";
  });
