// On a phone a screen is one long column: a line at its top takes the reader to each of its parts
// (buttons, not links: the page's address keeps the workspace, a link to #id would change it).
// Shown at phone widths only (styles.css, nav.jump).
import { h } from './dom';

/** Scrolls `el` to the top and puts the focus there: on it when it takes the focus, else on its first field or button. */
function goTo(el: HTMLElement) {
  el.scrollIntoView({ block: 'start' });
  const target = el.hasAttribute('tabindex') ? el : el.querySelector<HTMLElement>('input:not([hidden]), select:not([hidden]), textarea, button');
  target?.focus({ preventScroll: true });
}

/** "Go to: A · B · C", each a button to its part; `label` names the navigation ("Parts of the plan"). */
export function jumpNav(label: string, parts: [title: string, target: HTMLElement][]): HTMLElement {
  return h('nav', { class: 'jump', 'aria-label': label }, 'Go to: ',
    parts.flatMap(([title, el], i) => [i ? ' · ' : null, h('button', { type: 'button', class: 'link', onclick: () => goTo(el) }, title)]));
}

/** A heading the jump can take the focus to. */
export const partHeading = (title: string, attrs: Record<string, string> = {}) => h('h3', { tabindex: '-1', ...attrs }, title);
