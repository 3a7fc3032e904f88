// The planner's words in one place: what each rule, fairness check and planning term means, in
// a partner manager's words. Screens show a word with its meaning as a tooltip (`tip`: the
// title on hover; on keyboard focus, a tap or a click, the same text in a box kept inside the window,
// as a table that scrolls would cut off a box drawn inside it) and list them under their results.
import { h } from './dom';

/** Plain explanations of the words the splits screen uses. */
export const GLOSSARY: [string, string][] = [
  ['Fixed shares', 'Each partner gets the percentage agreed up front, whatever it brought.'],
  ['Tiered commission', 'The influence partner earns a commission — a rate up to a threshold and another rate above it; the rest is divided among the others by their fixed shares.'],
  ['Marginal contribution', 'Each partner gets in proportion to what the team would lose without it.'],
  ['Shapley', 'Each partner gets its average contribution over every order in which the team could have come together — the classic fair split.'],
  ['Banzhaf', 'Like Shapley, but counting how often a partner turns a losing group into a winning one, every group weighted alike.'],
  ['Nucleolus', 'The split that makes the most unhappy group as little unhappy as possible.'],
  ['Myerson', 'Shapley, counting only groups of partners who actually work together.'],
  ['Owen', 'Shapley with alliances: the deal is first divided among the alliances as if each were one partner, then each alliance’s part among its members.'],
  ['Least core', 'When no split keeps every group content, the smallest amount by which some group must be short of what it could earn alone; the nucleolus is the split that keeps that worst complaint — and then the next worst — as small as possible.'],
  ['Core', 'A split is in the core when no group of partners could earn more by leaving and doing the deal on its own.'],
  ['Chance-weighted value', 'What a group is worth for this deal: the deal value times the chance that this group wins it (low when it covers too little of what the customer needs).'],
  ['Multiplier', 'What the team is worth together divided by what its members are worth alone; above 1× they are better together.'],
];

/** The words of the profile editor. */
export const PROFILE_WORDS: [string, string][] = [
  ['Weight', 'How much the criterion counts in the fit, compared with the others.'],
  ['Level needed', 'The capability level that earns full marks: a partner at 80% where 80% is needed scores 100%, at 40% it scores 50%. Empty: 100%.'],
  ['Good at / Bad at', 'For figures: at “good” full marks, at “bad” none, in between partly — also when less is better (a sales cycle good at 45 days, bad at 180).'],
  ['Fit', 'The weighted average of the criteria’s scores: 100% is the ideal partner.'],
];

/** The words of the plan's results. */
export const PLAN_WORDS: [string, string][] = [
  ['Return on investment', 'ROPI, the return on partner investment: what the partner earns from the plan (its revenue share) less what it puts in (marketing funds, enablement, monthly costs), divided by what it puts in. 100% means it earns its investment back twice.'],
];

const ALL = [...GLOSSARY, ...PROFILE_WORDS, ...PLAN_WORDS];

/** The meaning of `word` (or of the longest term it starts with: "Shapley (coverage)" → Shapley), if the glossary has it. */
export function meaning(word: string): string | undefined {
  const w = word.toLowerCase();
  let best: [string, string] | undefined;
  for (const e of ALL) if (w.startsWith(e[0].toLowerCase()) && (!best || e[0].length > best[0].length)) best = e;
  return best?.[1];
}

/** The box that shows the focused word's meaning (one for the page, made on first use). */
let box: HTMLElement | null = null;
/** The word whose meaning the box shows. */
let at: HTMLElement | null = null;

function showTip(el: HTMLElement) {
  at = el;
  box ??= document.body.appendChild(h('div', { class: 'tip-box', 'aria-hidden': 'true' }));
  box.textContent = el.title;
  box.hidden = false;
  const r = el.getBoundingClientRect();
  box.style.left = `${Math.max(8, Math.min(r.left, innerWidth - box.offsetWidth - 8))}px`;
  box.style.top = `${r.bottom + 4}px`;
}

let listening = false;
function listen() {
  listening = true;
  const hide = () => { if (box) box.hidden = true; };
  document.addEventListener('focusin', (e) => { const t = e.target as HTMLElement; if (t.matches?.('abbr.tip')) showTip(t); else hide(); });
  document.addEventListener('focusout', hide);
  // a tap shows the meaning even where a tap does not focus the word (Safari on a phone); a tap elsewhere or Escape hides it
  document.addEventListener('click', (e) => { const t = (e.target as HTMLElement).closest?.('abbr.tip'); if (t) showTip(t as HTMLElement); else hide(); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  // the word moved (the page or its table scrolled): the box follows it
  addEventListener('scroll', () => { if (box && !box.hidden && at?.isConnected) showTip(at); }, { capture: true, passive: true });
}

/** `text` with its meaning as a tooltip (the meaning of `term`, else of `text`); plain text when the glossary lacks it. */
export function tip(text: string, term = text): HTMLElement | string {
  const m = meaning(term);
  if (!m) return text;
  if (!listening) listen();
  return h('abbr', { class: 'tip', title: m, tabindex: 0 }, text);
}

/** Words and their meanings as a disclosure under the results. */
export function glossaryList(summary: string, entries: [string, string][]): HTMLElement {
  return h('details', { class: 'glossary' }, h('summary', {}, summary), h('dl', {}, entries.flatMap(([t, d]) => [h('dt', {}, t), h('dd', {}, d)])));
}
