// The agreement terms of the Plan screen, in a partner manager's words: who owns what is built
// together and who is liable, the term and how to end it, the customer data shared, the kind of
// collaboration and its rules of engagement, who faces the customer and who runs delivery,
// pre-sales training, the use of each brand, and how often results are audited (with the chances
// that count as on track and off track). Each field carries the plan path the agreement check
// names, so a finding shows next to the field it concerns.
import type { Plan } from '../engine/types';

/** The plan screen's field builders (they record the edit and keep the undo history). */
export interface TermsKit {
  input(path: string, label: string, get: () => unknown, set: (v: string) => void, type?: string): HTMLElement;
  /** A multi-line text kept as one string. */
  text(path: string, label: string, get: () => string | null | undefined, set: (v: string) => void, hint?: string): HTMLElement;
  choice(path: string, label: string, options: [string, string][], get: () => unknown, set: (v: string) => void): HTMLElement;
  group(legend: string, ...fields: HTMLElement[]): HTMLElement;
}

/** Blank text is no answer (the check then asks for it). */
const opt = (v: string) => (v.trim() === '' ? undefined : v);
/** A percentage typed as 70 is the chance 0.7; blank keeps the default. */
const chance = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v) / 100);
const pct = (x: number | null | undefined) => (typeof x === 'number' ? Math.round(x * 1000) / 10 : undefined);

export const KINDS: [string, string][] = [
  ['', 'not decided yet'],
  ['pilot', 'pilot (a first try)'],
  ['opportunistic', 'opportunistic (deal by deal)'],
  ['strategic', 'strategic (long-term)'],
];

/** The fieldsets of the agreement terms for plan `p`. */
export function termsForm(p: Plan, k: TermsKit): HTMLElement[] {
  const legal = () => (p.legal ??= {});
  const term = () => (legal().term ??= {});
  const data = () => (p.dataSharing ??= {});
  const eng = () => (p.engagement ??= {});
  const audit = () => (p.audit ??= {});
  return [
    k.group('Ownership and liability',
      k.text('plan.legal.ip', 'Who owns what the partners build together', () => p.legal?.ip, (v) => { legal().ip = opt(v); },
        'e.g. each partner keeps what it owned before; joint work is owned jointly'),
      k.text('plan.legal.liability', 'What each partner is liable for, and any limit', () => p.legal?.liability, (v) => { legal().liability = opt(v); })),
    k.group('Term',
      k.input('plan.legal.term.start', 'Starts on', () => p.legal?.term?.start, (v) => { term().start = opt(v); }, 'date'),
      k.input('plan.legal.term.end', 'Ends on (or say how it renews)', () => p.legal?.term?.end, (v) => { term().end = opt(v); }, 'date'),
      k.text('plan.legal.term.renewal', 'How it renews', () => p.legal?.term?.renewal, (v) => { term().renewal = opt(v); }),
      k.input('plan.legal.term.terminationNoticeDays', 'Notice to end it (days)', () => p.legal?.term?.terminationNoticeDays, (v) => {
        term().terminationNoticeDays = v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Math.round(Number(v)));
      }, 'number')),
    k.group('Customer data',
      k.text('plan.dataSharing.what', 'What customer data the partners share', () => p.dataSharing?.what, (v) => { data().what = opt(v); }),
      k.text('plan.dataSharing.how', 'How it is shared and protected', () => p.dataSharing?.how, (v) => { data().how = opt(v); }),
      k.text('plan.dataSharing.access', 'Who may see it', () => p.dataSharing?.access, (v) => { data().access = opt(v); })),
    k.group('Working together',
      k.choice('plan.engagement.kind', 'Kind of collaboration', KINDS, () => p.engagement?.kind ?? '', (v) => {
        eng().kind = v === '' ? undefined : (v as NonNullable<NonNullable<Plan['engagement']>['kind']>);
      }),
      k.text('plan.engagement.rules', 'How deals are registered and conflicts between partners settled', () => p.engagement?.rules, (v) => { eng().rules = opt(v); }),
      k.input('plan.customerContact', 'The customer’s one point of contact', () => p.customerContact, (v) => { p.customerContact = opt(v); }),
      k.input('plan.projectManager', 'Runs delivery (project manager)', () => p.projectManager, (v) => { p.projectManager = opt(v); }),
      k.text('plan.enablement.presales', 'Pre-sales training and support each partner commits', () => p.enablement?.presales, (v) => { (p.enablement ??= {}).presales = opt(v); }),
      k.text('plan.branding.usage', 'How each partner’s name and logo may be used', () => p.branding?.usage, (v) => { (p.branding ??= {}).usage = opt(v); })),
    k.group('Audits',
      k.input('plan.audit.cadence', 'How often results are compared with the plan', () => p.audit?.cadence, (v) => { audit().cadence = opt(v); }),
      k.input('plan.audit.onTrackAbove', 'On track from (% chance of reaching an objective)', () => pct(p.audit?.onTrackAbove ?? 0.7), (v) => { audit().onTrackAbove = chance(v); }, 'number'),
      k.input('plan.audit.offTrackBelow', 'Off track below (% chance)', () => pct(p.audit?.offTrackBelow ?? 0.3), (v) => { audit().offTrackBelow = chance(v); }, 'number')),
  ];
}
