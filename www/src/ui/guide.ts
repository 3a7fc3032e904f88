// A guided first visit: the whole job step by step, each a button to its screen, shown until
// the user closes it (remembered in this browser); closing it leaves the focus on the open
// screen's tab.
import { h } from './dom';

const KEY = 'dealteam.guide.closed';
/** The steps in the order of the screens' tabs, each said as the job it does. */
const STEPS: [string, string, string][] = [
  ['partners', 'Find partners', 'browse or import your partners'],
  ['profiles', 'Describe the ideal partner', 'weigh what matters; the ranking follows'],
  ['teams', 'Build a team', 'set the deal and find the teams that cover it'],
  ['splits', 'Split the revenue', 'compare fair ways to divide the deal'],
  ['plan', 'Plan and agree', 'simulate the joint plan, draft the agreement and audit it against actuals'],
  ['insights', 'Learn from past deals', 'import your closed deals: what partners changed, and a team’s chance to win'],
  ['accounts', 'Map accounts', 'find the customers and prospects you share with a partner'],
  ['registration', 'Register deals', 'see channel conflicts while a partner registers a customer'],
];

/** Where the guide takes the reader: `go(tabId)` opens a screen, `tab(tabId)` is its tab's name. */
export interface GuideWays { go: (tab: string) => void; tab: (tab: string) => string }

/** The guide, or null when the user closed it before (`again`: shown all the same). */
export function guide({ go, tab: tabName }: GuideWays, again = false): HTMLElement | null {
  try { if (again) localStorage.removeItem(KEY); else if (localStorage.getItem(KEY)) return null; } catch { /* storage refused: show it */ }
  const el = h('aside', { class: 'guide', 'aria-label': 'Getting started' },
    h('p', { class: 'guide-title' }, 'New here? The whole job, step by step — this sample is ready to try:'),
    h('ol', {}, STEPS.map(([tab, title, what]) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => go(tab) }, title), ` (${tabName(tab)}) — ${what}`))),
    h('button', { type: 'button', class: 'small', onclick: () => { try { localStorage.setItem(KEY, '1'); } catch { /* ignore */ } el.remove();
      document.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
    } }, 'Got it, hide this'));
  return el;
}

/** A button that shows the guide again before `before` (once closed it had no way back). */
export function guideButton(ways: GuideWays, before: () => Element): HTMLElement {
  return h('button', { type: 'button', onclick: () => {
    const shown = document.querySelector<HTMLElement>('.guide');
    if (shown) { shown.querySelector('button')?.focus(); return; }
    const el = guide(ways, true);
    if (el) { before().before(el); el.querySelector('button')?.focus(); }
  } }, 'Getting started');
}
