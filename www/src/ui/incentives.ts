// The Incentives panel of the Plan screen: how partners earn and are paid over time, in a
// partner manager's words — commission schedules by months since booking ("40% for the first
// 3 months, then 20%"), one-time bounties, revenue thresholds that add a bonus, the payout
// rules (hold, instalments, minimum payout, clawback window), adoption rewards for usage-based
// offers and the marketing fund (MDF) pool. Each field carries the plan path the engine names
// in its errors and warnings, so a problem shows next to the field it concerns.
import type { Incentives, Plan } from '../engine/types';
import { h } from './dom';
import { kindName, money, number } from './format';
import type { TermsKit } from './terms';

/** The plan screen's field builders, plus amounts and a way to record a change made by a button. */
export interface IncentivesKit extends TermsKit {
  money(path: string, label: string, get: () => string | null | undefined, set: (v: string) => void): HTMLElement;
  /** Records an edit made without a field (a row added or removed). */
  changed(): void;
}

type Rule = { partner?: string | null; role?: string | null };
type Bracket = Incentives['rates'][number]['schedule'][number];

const AT = 'plan.incentives';
/** Blank is "not set"; anything else a number. */
const num = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
const whole = (v: string) => { const x = num(v); return x === undefined ? undefined : Math.max(0, Math.round(x)); };
const pct = (x: number) => `${number(x, 2)}%`;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const months = (n: number) => `${number(n)} ${n === 1 ? 'month' : 'months'}`;

/** A schedule in words: "40% of each customer’s revenue for the first 3 months, then 20% from month 4 on". */
export function scheduleWords(s: Bracket[]): string {
  return s.map((b, i) => {
    const to = b.toMonth ?? null;
    const when = to === null ? (b.fromMonth <= 1 ? 'for as long as the customer stays' : `from month ${b.fromMonth} on`)
      : b.fromMonth <= 1 ? `for the first ${months(to)}`
      : to === b.fromMonth ? `in month ${to}` : `in months ${b.fromMonth}–${to}`;
    return `${i ? 'then ' : ''}${pct(b.percent)}${i ? '' : ' of each customer’s revenue'} ${when}`;
  }).join(', ');
}

/** A starting point: the second partner earns 40% for three months, then 20%, with a hold and a clawback. */
export function starterIncentives(p: Plan): Incentives {
  const who = p.partners[1] ?? p.partners[0];
  return {
    rates: who ? [{ partner: who.id, schedule: [{ fromMonth: 1, toMonth: 3, percent: 40 }, { fromMonth: 4, percent: 20 }] }] : [],
    thresholds: [], adoption: [], holdMonths: 1, clawbackMonths: 3, minimumPayout: '250.00',
  };
}

/** The Incentives panel for plan `p`: it redraws itself when a row is added or removed. */
export function incentivesForm(p: Plan, k: IncentivesKit): HTMLElement {
  const box = h('div', { class: 'incentives' });
  /** Applies a structural edit, redraws, records it and puts the focus on the field at `focus`. */
  const edit = (f: () => void, focus?: string) => () => {
    f();
    render();
    k.changed();
    const el = focus ? box.querySelector<HTMLElement>(`[data-path="${focus}"]`) : box.querySelector<HTMLElement>('button, input, select');
    el?.focus();
  };
  const button = (label: string, onclick: () => void, cls = 'link small') => h('button', { type: 'button', class: cls, onclick }, label);

  /** Who a rule is for: a partner by name, or every partner of a role. */
  function who(path: string, r: Rule) {
    const roles = [...new Set(p.partners.map((q) => q.role).filter((x): x is string => !!x))];
    const options: [string, string][] = [...p.partners.map((q): [string, string] => [`p:${q.id}`, q.name]),
      ...roles.map((x): [string, string] => [`r:${x}`, `every ${kindName(x)}`])];
    return k.choice(path, 'Who earns it', options, () => (r.role ? `r:${r.role}` : `p:${r.partner ?? ''}`), (v) => {
      if (v.startsWith('r:')) { r.role = v.slice(2); delete r.partner; } else { r.partner = v.slice(2); delete r.role; }
      // the headings name who earns it: drawn again once the edit is recorded
      queueMicrotask(() => { render(); box.querySelector<HTMLElement>(`[data-path="${path}"]`)?.focus(); });
    });
  }
  const forWhom = (r: Rule) => (r.role ? `every ${kindName(r.role)}` : p.partners.find((q) => q.id === r.partner)?.name ?? 'a partner');
  const firstFree = (r: Rule) => p.partners.find((q) => q.id === r.partner)?.id;

  function rates(inc: Incentives): HTMLElement[] {
    return [
      ...inc.rates.map((r, i) => {
        const at = `${AT}.rates[${i}]`;
        const words = h('p', { class: 'muted small schedule-words', 'aria-live': 'polite' });
        /** The schedule in words, again after each edit. */
        const say = () => { words.textContent = r.schedule.length ? `${cap(forWhom(r))} earns ${scheduleWords(r.schedule)}.` : `${cap(forWhom(r))} earns no commission, only the bounty.`; };
        say();
        return h('fieldset', { class: 'inline incentive-rule' }, h('legend', {}, `Commission for ${forWhom(r)}`),
          who(at, r),
          h('div', { class: 'brackets' }, r.schedule.map((b, j) => h('div', { class: 'bracket row' },
            k.input(`${at}.schedule[${j}].fromMonth`, 'From month', () => b.fromMonth, (v) => { b.fromMonth = whole(v) ?? 0; say(); }, 'number'),
            k.input(`${at}.schedule[${j}].toMonth`, 'To month (blank: no end)', () => b.toMonth, (v) => { b.toMonth = whole(v) ?? null; say(); }, 'number'),
            k.input(`${at}.schedule[${j}].percent`, 'Share of revenue (%)', () => b.percent, (v) => { b.percent = num(v) ?? 0; say(); }, 'number'),
            button('Remove this step', edit(() => { r.schedule.splice(j, 1); }))))),
          words,
          button('Add a step', edit(() => {
            const last = r.schedule[r.schedule.length - 1];
            if (last && (last.toMonth === null || last.toMonth === undefined)) last.toMonth = last.fromMonth + 2;
            const from = last ? (last.toMonth ?? last.fromMonth) + 1 : 1;
            r.schedule.push({ fromMonth: from, percent: last ? last.percent / 2 : 10 });
          }, `${at}.schedule[${r.schedule.length}].fromMonth`)),
          k.money(`${at}.bounty`, 'One-time bounty per won customer (blank: none)', () => r.bounty, (v) => { r.bounty = v; }),
          button('Remove this commission', edit(() => { inc.rates.splice(i, 1); })));
      }),
      button('Add a commission', edit(() => {
        const free = p.partners.find((q) => !inc.rates.some((r) => r.partner === q.id)) ?? p.partners[0];
        inc.rates.push({ partner: free?.id, schedule: [{ fromMonth: 1, percent: 10 }] });
      }, `${AT}.rates[${inc.rates.length}].partner`), 'small'),
    ];
  }

  function thresholds(inc: Incentives): HTMLElement[] {
    return [
      ...inc.thresholds.map((t, i) => {
        const at = `${AT}.thresholds[${i}]`;
        return h('fieldset', { class: 'inline incentive-rule' }, h('legend', {}, `Revenue bonus for ${forWhom(t)}`),
          who(at, t),
          k.choice(`${at}.period`, 'Revenue counted per', [['month', 'month'], ['quarter', 'quarter'], ['year', 'year']], () => t.period, (v) => { t.period = v as typeof t.period; }),
          k.choice(`${at}.mode`, 'Each period', [['reset', 'starts again from zero'], ['running', 'counts the last period’s revenue (running)']], () => t.mode, (v) => { t.mode = v as typeof t.mode; }),
          h('div', { class: 'brackets' }, t.tiers.map((x, j) => h('div', { class: 'bracket row' },
            k.money(`${at}.tiers[${j}].revenue`, `Tier ${j + 1}: revenue above`, () => x.revenue, (v) => { x.revenue = v; }),
            k.input(`${at}.tiers[${j}].bonusPercent`, 'Extra share (%)', () => x.bonusPercent, (v) => { x.bonusPercent = num(v) ?? 0; }, 'number'),
            button('Remove this tier', edit(() => { t.tiers.splice(j, 1); }))))),
          button('Add a tier', edit(() => {
            const last = t.tiers[t.tiers.length - 1];
            t.tiers.push({ revenue: last ? (Number(last.revenue) * 2).toFixed(2) : '100000.00', bonusPercent: last ? last.bonusPercent + 2 : 2 });
          }, `${at}.tiers[${t.tiers.length}].revenue`)),
          button('Remove this bonus', edit(() => { inc.thresholds.splice(i, 1); })));
      }),
      button('Add a revenue bonus', edit(() => {
        const r = inc.rates[0];
        inc.thresholds.push({ ...(r?.role ? { role: r.role } : { partner: firstFree(r ?? {}) ?? p.partners[0]?.id }), period: 'quarter', mode: 'reset', tiers: [{ revenue: '100000.00', bonusPercent: 2 }] });
      }, `${AT}.thresholds[${inc.thresholds.length}].partner`), 'small'),
    ];
  }

  function payoutRules(inc: Incentives): HTMLElement {
    const ins = () => (inc.instalments ??= { count: 1, everyMonths: 1 });
    return k.group('When rewards are paid',
      k.input(`${AT}.holdMonths`, 'Held before payment, e.g. for refunds (months)', () => inc.holdMonths ?? 0, (v) => { inc.holdMonths = whole(v) ?? null; }, 'number'),
      k.input(`${AT}.instalments.count`, 'Paid in how many instalments', () => inc.instalments?.count ?? 1, (v) => { ins().count = whole(v) ?? 1; }, 'number'),
      k.input(`${AT}.instalments.everyMonths`, 'Months between instalments', () => inc.instalments?.everyMonths ?? 1, (v) => { ins().everyMonths = whole(v) ?? 1; }, 'number'),
      k.money(`${AT}.minimumPayout`, 'Minimum payout (smaller balances wait for the next month)', () => inc.minimumPayout, (v) => { inc.minimumPayout = v; }),
      k.input(`${AT}.clawbackMonths`, 'Clawback: a customer who leaves within this many months takes back its rewards', () => inc.clawbackMonths ?? 0, (v) => { inc.clawbackMonths = whole(v) ?? null; }, 'number'));
  }

  function adoption(inc: Incentives): (HTMLElement | null)[] {
    const usage = (p.offer as { kind?: string }).kind === 'consumption';
    return [
      usage ? null : h('p', { class: 'muted small' }, 'Adoption rewards follow how much customers use the offer: they need a usage-based offer (“What is sold” above).'),
      ...inc.adoption.map((a, i) => {
        const at = `${AT}.adoption[${i}]`;
        return h('fieldset', { class: 'inline incentive-rule' }, h('legend', {}, `Adoption reward for ${forWhom(a)}`),
          who(at, a),
          k.input(`${at}.growthPercent`, 'Share of usage growth above the first month (%)', () => a.growthPercent, (v) => { a.growthPercent = num(v) ?? 0; }, 'number'),
          h('div', { class: 'brackets' }, a.milestones.map((m, j) => h('div', { class: 'bracket row' },
            k.money(`${at}.milestones[${j}].monthlyConsumption`, `Milestone ${j + 1}: a customer’s monthly usage reaches`, () => m.monthlyConsumption, (v) => { m.monthlyConsumption = v; }),
            k.money(`${at}.milestones[${j}].bonus`, 'Bonus', () => m.bonus, (v) => { m.bonus = v; }),
            button('Remove this milestone', edit(() => { a.milestones.splice(j, 1); }))))),
          button('Add a milestone', edit(() => {
            const last = a.milestones[a.milestones.length - 1];
            a.milestones.push({ monthlyConsumption: last ? (Number(last.monthlyConsumption) * 2).toFixed(2) : '10000.00', bonus: last?.bonus ?? '1000.00' });
          }, `${at}.milestones[${a.milestones.length}].monthlyConsumption`)),
          button('Remove this adoption reward', edit(() => { inc.adoption.splice(i, 1); })));
      }),
      button('Add an adoption reward', edit(() => {
        inc.adoption.push({ partner: (p.partners[1] ?? p.partners[0])?.id, growthPercent: 10, milestones: [] });
      }, `${AT}.adoption[${inc.adoption.length}].partner`), 'small'),
    ];
  }

  function mdf(inc: Incentives): HTMLElement {
    const m = inc.mdf;
    if (!m) {
      return k.group('Marketing fund (MDF) pool', h('p', { class: 'muted small' }, 'No shared pool: each partner’s marketing funds are its own investment.'),
        button('Add a shared pool', edit(() => {
          inc.mdf = { contributions: Object.fromEntries(p.partners.map((q) => [q.id, '10000.00'])), requests: [], claimRejectRate: 0.1, reimburseAfterMonths: 2 };
        }, `${AT}.mdf.contributions.${p.partners[0]?.id}`), 'small'));
    }
    const at = `${AT}.mdf`;
    const total = h('p', { class: 'muted small', 'aria-live': 'polite' });
    /** The pool's size, again after each contribution is edited. */
    const say = () => {
      const pool = Object.values(m.contributions).reduce((s, x) => s + (Number(x) || 0), 0);
      total.textContent = `The pool holds ${money(pool, p.currency)}; requests are approved in month order while it lasts.`;
    };
    say();
    return k.group('Marketing fund (MDF) pool',
      ...p.partners.map((q) => k.money(`${at}.contributions.${q.id}`, `${q.name} puts in`, () => m.contributions[q.id], (v) => { m.contributions[q.id] = v; say(); })),
      total,
      ...m.requests.map((r, j) => h('div', { class: 'bracket request row' },
        k.choice(`${at}.requests[${j}].partner`, `Request ${j + 1}: partner`, p.partners.map((q): [string, string] => [q.id, q.name]), () => r.partner, (v) => { r.partner = v; }),
        k.input(`${at}.requests[${j}].month`, 'In month', () => r.month, (v) => { r.month = whole(v) ?? 0; }, 'number'),
        k.money(`${at}.requests[${j}].amount`, 'Amount', () => r.amount, (v) => { r.amount = v; }),
        button('Remove this request', edit(() => { m.requests.splice(j, 1); })))),
      button('Add a request', edit(() => {
        m.requests.push({ partner: (p.partners[1] ?? p.partners[0])?.id ?? '', month: 1, amount: '5000.00' });
      }, `${at}.requests[${m.requests.length}].partner`)),
      k.input(`${at}.claimRejectRate`, 'Claims rejected (%)', () => Math.round(m.claimRejectRate * 1000) / 10, (v) => { m.claimRejectRate = (num(v) ?? 0) / 100; }, 'number'),
      k.input(`${at}.reimburseAfterMonths`, 'Reimbursed after (months)', () => m.reimburseAfterMonths, (v) => { m.reimburseAfterMonths = whole(v) ?? 0; }, 'number'),
      button('Remove the pool', edit(() => { delete inc.mdf; })));
  }

  function render() {
    const inc = p.incentives;
    if (!inc) {
      box.replaceChildren(h('p', { class: 'muted' }, 'No incentives: each partner receives its split share of the revenue as it comes in.'),
        button('Add incentives', edit(() => { p.incentives = starterIncentives(p); }, `${AT}.rates[0].schedule[0].percent`), 'small'));
      return;
    }
    box.replaceChildren(
      h('p', { class: 'muted small' }, 'A partner named below earns these rewards instead of its split share.'),
      h('h4', {}, 'Commissions and bounties'), ...rates(inc),
      h('h4', {}, 'Revenue bonuses'), ...thresholds(inc),
      payoutRules(inc),
      h('h4', {}, 'Adoption rewards'), ...adoption(inc).filter((x): x is HTMLElement => !!x),
      mdf(inc),
      button('Remove all incentives', edit(() => { delete p.incentives; })));
  }
  render();
  return box;
}
