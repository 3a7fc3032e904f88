// Charts that fit their box: drawn at the box's width and drawn again (debounced) whenever that
// width changes — a window narrowed to a phone, a column that wraps — so no chart stays at the
// width it had when it was first drawn. One helper for every chart of the page.
import { clear, type Child } from './dom';

/** The observer watching each box, so drawing a box again replaces it. */
const watching = new WeakMap<Element, ResizeObserver>();

/** Milliseconds a resize must rest before the charts are drawn again. */
const REST_MS = 120;

/**
 * Draws `render(width)` into `box` — `width` the box's width, at most `max`; `guess` while the
 * box is not laid out yet — and again after each change of that width, until the box leaves
 * the page. Calling it again for the same box (another series picked) replaces the drawing.
 */
export function fitChart(box: HTMLElement, render: (width: number) => Child | Child[], max = 900, guess = 720): void {
  watching.get(box)?.disconnect();
  let drawn = NaN;
  let shown = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const draw = () => {
    const w = Math.max(200, Math.min(max, box.clientWidth || guess));
    if (w === drawn) return;
    drawn = w;
    clear(box, render(w));
  };
  draw();
  if (typeof ResizeObserver === 'undefined') return;
  const ro = new ResizeObserver(() => {
    if (!box.isConnected) { if (shown) ro.disconnect(); return; }
    shown = true;
    clearTimeout(timer);
    timer = setTimeout(draw, REST_MS);
  });
  ro.observe(box);
  watching.set(box, ro);
}
