// Placeholder page for scripts/serve.sh until the planner (www/) exists: loads the npm
// package from ./pkg (copied there by serve.sh), builds the sample ecosystem, indexes it
// once and ranks it against the sample's first profile.
import init, { sample, Ecosystem, DealteamError, version } from "./pkg/browser.js";

const status = document.getElementById("status");
const table = document.getElementById("ranking");

try {
  await init();
  const t0 = performance.now();
  const s = sample(2000, 1);
  const eco = new Ecosystem(s.ecosystem);
  const profile = s.profiles[0];
  const t1 = performance.now();
  const { results } = eco.rank(profile, { limit: 25 });
  const t2 = performance.now();
  const byId = new Map(s.ecosystem.partners.map((p) => [p.id, p]));
  const body = table.querySelector("tbody");
  results.forEach((r, i) => {
    const p = byId.get(r.partnerId);
    const tr = document.createElement("tr");
    if (!r.eligible) tr.className = "no";
    for (const [text, cls] of [
      [String(i + 1), "num"], [`${p.name} (${r.partnerId})`], [p.kind], [p.tier ?? "—"],
      [r.fit.toFixed(4), "num"], [r.eligible ? "yes" : "no"], [r.failed.join(", ")],
    ]) {
      const td = document.createElement("td");
      td.textContent = text;
      if (cls) td.className = cls;
      tr.append(td);
    }
    body.append(tr);
  });
  table.hidden = false;
  status.textContent = `dealteam ${version()}: ${eco.size} partners generated and indexed in ${(t1 - t0).toFixed(1)} ms, ` +
    `ranked against “${profile.name}” in ${(t2 - t1).toFixed(1)} ms. Top ${results.length}:`;
  status.dataset.done = "1";
} catch (e) {
  status.textContent = "Failed.";
  document.getElementById("error").textContent =
    e instanceof DealteamError ? `${e.code} at ${e.path || "(input)"}: ${e.message}` : String(e);
}
