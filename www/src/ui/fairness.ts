// The fairness of a team's splits in plain words: one summary of the team (what it is worth
// together and alone, in money, with the scale explained), then only what differs per rule,
// side by side — and a glossary of the rules' names.
import type { SplitResponse } from 'dealteam';
import type { App } from '../app';
import { h } from './dom';
import { money, percent, sentence, times } from './format';

export interface RuleResult { id: string; label: string; r?: SplitResponse; error?: string }

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

/** The chance-weighted value of a group in money (the game's units are already the deal's currency). */
const worth = (x: number, cur: string) => money(x, cur);

/** One paragraph about the team, from the first rule that reports the game: worth together, alone, and the multiplier. */
export function teamSummary(app: App, results: RuleResult[], amount: string, cur: string): HTMLElement {
  const f = results.find((x) => x.r?.fairness.game && typeof x.r.fairness.grandValue === 'number')?.r?.fairness;
  if (!f) return h('p', {}, 'The rules below divide the amount among the team.');
  const lines: string[] = [];
  const grand = f.grandValue ?? 0;
  lines.push(`Together the team is worth ${worth(grand, cur)} of this deal — the deal value times its chance to win. The rules divide the whole ${money(amount, cur)}; the checks below compare groups on that chance-weighted scale.`);
  if (f.multiplierUnbounded) lines.push('No partner can win this deal alone: the value exists only because they work together.');
  else if (typeof f.multiplier === 'number') {
    lines.push(f.multiplier >= 1
      ? `The partners are worth ${times(f.multiplier)} together what they are worth alone: they complement each other.`
      : `Together they are worth less than the sum of what each is worth alone (${times(f.multiplier)}): their capabilities overlap, so some partner could do much of the deal without the others.`);
  }
  if (f.coreEmpty && f.leastCore) {
    const total = Object.values(f.leastCore.nucleolus).reduce((a, b) => a + b, 0) || 1;
    const fair = Object.entries(f.leastCore.nucleolus).map(([id, x]) => `${app.name(id)} ${percent(x / total)}`).join(', ');
    lines.push(`No split can keep every group content: the least core needs ${worth(f.leastCore.epsilon, cur)} — whatever the split, some group would be that much better off alone. The ${f.leastCore.kind === 'prenucleolus' ? 'prenucleolus' : 'nucleolus'}, the split that keeps the worst complaint smallest, gives ${fair}.`);
  }
  return h('div', { class: 'team-fairness' }, lines.map((x) => h('p', {}, x)));
}

/** Per rule, only what differs: does it add up, is it in the core, who would rather leave. */
export function ruleTable(app: App, results: RuleResult[], cur: string): HTMLElement {
  const names = (ids: string[]) => ids.map((m) => app.name(m)).join(', ');
  const yes = (b: boolean | null | undefined, y: string, n: string) => (b === true ? y : b === false ? n : '—');
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Fairness per rule' }, h('table', { class: 'fairness-table' },
    h('caption', {}, 'Fairness per rule'),
    h('thead', {}, h('tr', {}, ['Rule', 'Adds up to the amount', 'No group better off alone', 'Who would rather leave'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, results.map((x) => {
      if (!x.r) return h('tr', {}, h('th', { scope: 'row' }, x.label), h('td', { colspan: 3, class: 'bad' }, sentence(x.error ?? 'Not computed.')));
      const f = x.r.fairness;
      const b = f.blocking;
      const leave = f.inCore === false && b
        ? `${names(b.members)}: worth ${worth(b.value, cur)} alone, given ${worth(b.payoff, cur)} of the team’s value here${b.tied > 1 ? ` (${b.tied} groups alike; the smallest shown)` : ''}`
        : f.individuallyRational === false && f.belowStandalone.length ? `${names(f.belowStandalone)} would earn more alone` : 'nobody';
      return h('tr', {}, h('th', { scope: 'row' }, x.label), h('td', { 'data-label': 'Adds up' }, yes(f.efficient, 'yes', 'no')), h('td', { 'data-label': 'No group better off alone' }, yes(f.inCore, 'yes (in the core)', 'no')), h('td', { 'data-label': 'Who would rather leave' }, leave));
    }))));
}

/** The glossary as a disclosure under the results. */
export function glossary(): HTMLElement {
  return h('details', { class: 'glossary' }, h('summary', {}, 'What the rules and words mean'),
    h('dl', {}, GLOSSARY.flatMap(([t, d]) => [h('dt', {}, t), h('dd', {}, d)])));
}
