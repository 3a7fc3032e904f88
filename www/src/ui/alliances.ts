// Alliances for the Owen rule (SPEC §11: a priori unions, a partition of the team) and the
// working relationships the Myerson rule counts, in words on the Splits screen.
import type { App } from '../app';
import type { SplitSettings } from '../state';
import { field, h, nextId } from './dom';

/** The alliances as the engine takes them: members sharing a number together, the rest alone. */
export function unions(s: SplitSettings): string[][] {
  const groups = new Map<number, string[]>();
  const out: string[][] = [];
  for (const m of s.members) {
    const k = s.alliances?.[m] ?? 0;
    if (!k) { out.push([m]); continue; }
    const g = groups.get(k);
    if (g) g.push(m);
    else { const ng = [m]; groups.set(k, ng); out.push(ng); }
  }
  return out;
}

/** One choice per member: on its own (the default) or in alliance 1, 2, …. */
export function alliancePicker(app: App, s: SplitSettings, changed: () => void): HTMLElement {
  const count = Math.max(1, Math.floor(s.members.length / 2));
  const choices = [h('option', { value: '0' }, 'On its own'), ...Array.from({ length: count }, (_, i) => h('option', { value: String(i + 1) }, `Alliance ${i + 1}`))];
  const pickers = s.members.map((m) => {
    const el = h('select', { id: nextId('s'), 'data-path': `unions.${m}` }, choices.map((o) => o.cloneNode(true)));
    el.value = String(s.alliances?.[m] ?? 0);
    el.addEventListener('change', () => { s.alliances = { ...s.alliances, [m]: Number(el.value) }; changed(); });
    return field(app.name(m), el);
  });
  return h('fieldset', {}, h('legend', {}, 'Alliances (for the Owen rule)'), h('div', { class: 'grid' }, pickers),
    h('small', {}, 'Partners in one alliance act as one: the Owen rule first divides the deal among the alliances, then within each alliance. With every partner on its own it gives the same as Shapley — each partner’s average extra value over every order in which the team could have formed.'));
}

/** Which team members work together (relationships without a conflict), as the Myerson rule counts them. */
export function workTogether(app: App, s: SplitSettings): HTMLElement {
  const inTeam = new Set(s.members);
  const links = (app.eco?.relationships ?? []).filter((r) => !r.conflict && r.a !== r.b && inTeam.has(r.a) && inTeam.has(r.b));
  const pairs = links.map((r) => `${app.name(r.a)} with ${app.name(r.b)}`);
  const linked = new Set(links.flatMap((r) => [r.a, r.b]));
  const alone = s.members.filter((m) => !linked.has(m)).map((m) => app.name(m));
  const text = pairs.length
    ? `The Myerson rule rewards what each partner adds to groups that really work together, so it counts only groups linked by working relationships: ${pairs.join('; ')}.${alone.length ? ` ${alone.join(', ')} ${alone.length > 1 ? 'work' : 'works'} with nobody else in the team.` : ''}`
    : 'The Myerson rule rewards what each partner adds to groups that really work together, so it counts only groups linked by working relationships; no two members of this team have one, so each is counted alone.';
  return h('p', { class: 'note' }, text);
}
