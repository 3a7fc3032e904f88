// The fairness of a team's splits in plain words: one summary of the team (what it is worth
// together and alone, in money, with the scale explained), then only what differs per rule,
// side by side — each rule and fairness word with its meaning as a tooltip, and the glossary.
import type { SplitResponse } from 'dealteam';
import type { App } from '../app';
import { h } from './dom';
import { money, percent, sentence, times } from './format';
import { GLOSSARY, glossaryList, tip } from './glossary';
import { scrollBox } from './cards';

export interface RuleResult { id: string; label: string; r?: SplitResponse; error?: string }

/** The chance-weighted value of a group in money (the game's units are already the deal's currency). */
const worth = (x: number, cur: string) => money(x, cur);

/** One paragraph about the team, from the first rule that reports the game: worth together, alone, and the multiplier. */
export function teamSummary(app: App, results: RuleResult[], amount: string, cur: string): HTMLElement {
  const f = results.find((x) => x.r?.fairness.game && typeof x.r.fairness.grandValue === 'number')?.r?.fairness;
  if (!f) return h('p', {}, 'The rules below divide the amount among the team.');
  const lines: (string | HTMLElement)[][] = [];
  const grand = f.grandValue ?? 0;
  lines.push([`Together the team is worth ${worth(grand, cur)} of this deal — the deal value times its chance to win, judged by how much of the deal’s needs it covers. The rules divide the whole ${money(amount, cur)}; the checks below compare groups on that `, tip('chance-weighted scale', 'Chance-weighted value'), '.']);
  if (f.multiplierUnbounded) lines.push(['No partner can win this deal alone: the value exists only because they work together.']);
  else if (typeof f.multiplier === 'number') {
    const x = tip(times(f.multiplier), 'Multiplier');
    lines.push(f.multiplier >= 1
      ? ['The partners are worth ', x, ' together what they are worth alone: they complement each other.']
      : ['Together they are worth less than the sum of what each is worth alone (', x, '): their capabilities overlap, so some partner could do much of the deal without the others.']);
  }
  if (f.coreEmpty && f.leastCore) {
    const total = Object.values(f.leastCore.nucleolus).reduce((a, b) => a + b, 0) || 1;
    const fair = Object.entries(f.leastCore.nucleolus).map(([id, x]) => `${app.name(id)} ${percent(x / total)}`).join(', ');
    lines.push([`No split can keep every group content: whatever the split, some group would be at least ${worth(f.leastCore.epsilon, cur)} better off alone (that smallest possible shortfall is the `, tip('least core', 'Least core'), '). The ',
      tip(f.leastCore.kind === 'prenucleolus' ? 'prenucleolus' : 'nucleolus', 'Nucleolus'), `, the split that leaves the most short-changed group as little short as possible, gives ${fair}.`]);
  }
  return h('div', { class: 'team-fairness' }, lines.map((x) => h('p', {}, x)));
}

/** Per rule, only what differs: does it add up, is it in the core, who would rather leave. */
export function ruleTable(app: App, results: RuleResult[], cur: string): HTMLElement {
  const names = (ids: string[]) => ids.map((m) => app.name(m)).join(', ');
  const yes = (b: boolean | null | undefined, y: string, n: string) => (b === true ? y : b === false ? n : '—');
  return scrollBox('Fairness per rule', h('table', { class: 'fairness-table cards' },
    h('caption', {}, 'Fairness per rule'),
    h('thead', {}, h('tr', {}, ['Rule', 'Adds up to the amount', tip('Keeps every group content', 'Core'), 'Who would rather leave'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, results.map((x) => {
      if (!x.r) return h('tr', {}, h('th', { scope: 'row' }, tip(x.label)), h('td', { colspan: 3, class: 'bad' }, sentence(x.error ?? 'Not computed.')));
      const f = x.r.fairness;
      const b = f.blocking;
      const leave = f.inCore === false && b
        ? `${names(b.members)}: worth ${worth(b.value, cur)} alone, given ${worth(b.payoff, cur)} of the team’s value here${b.tied > 1 ? ` (${b.tied} groups alike; the smallest shown)` : ''}`
        : f.individuallyRational === false && f.belowStandalone.length ? `${names(f.belowStandalone)} would earn more alone` : 'nobody';
      return h('tr', {}, h('th', { scope: 'row' }, tip(x.label)), h('td', { 'data-label': 'Adds up' }, yes(f.efficient, 'yes', 'no')), h('td', { 'data-label': 'Keeps every group content' }, yes(f.inCore, 'yes (in the core)', 'no')), h('td', { 'data-label': 'Who would rather leave' }, leave));
    }))));
}

/** The glossary as a disclosure under the results. */
export const glossary = () => glossaryList('What the rules and words mean', GLOSSARY);
