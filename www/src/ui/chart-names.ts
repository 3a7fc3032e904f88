// Room for partner names in a chart: how wide a name is written in the charts' 12 px text,
// the left margin that holds the widest name (wrapped between words when it would take more
// than its share of the chart), and whether every name fits under its own group of bars.
// One place for the splits' share chart, the attribution chart and the plan's return chart,
// so no name is cut off by the margin or runs into its neighbour on a phone.
import { CHART } from './fan-chart';

/** The charts' text: Plot's font at the page's chart size (CHART). */
const PX = parseFloat(CHART.style.fontSize);
const FONT = `${PX}px system-ui, sans-serif`;
/** Between a name and the chart: Plot's tick (6 px) and its padding (3 px), and a little to spare for rounding. */
const GAP = 14;

let ctx: CanvasRenderingContext2D | null | undefined;
/** How many px `text` takes in the charts' text: measured where there is a page, else estimated (0.62 of the size a letter, generous for a sans-serif). */
export function textWidth(text: string): number {
  if (ctx === undefined) ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * PX * 0.62;
  ctx.font = FONT;
  return ctx.measureText(text).width;
}

/** `name` on lines of at most `room` px, broken between words; a single word wider than that is cut short with "…". */
export function wrapName(name: string, room: number): string[] {
  const lines: string[] = [];
  for (const word of name.trim().split(/\s+/)) {
    const last = lines.length ? `${lines[lines.length - 1]} ${word}` : '';
    if (last && textWidth(last) <= room) lines[lines.length - 1] = last;
    else lines.push(shorten(word, room));
  }
  return lines;
}

function shorten(word: string, room: number): string {
  if (textWidth(word) <= room) return word;
  let n = word.length - 1;
  while (n > 1 && textWidth(`${word.slice(0, n)}…`) > room) n--;
  return `${word.slice(0, n)}…`;
}

/**
 * Names written left of a chart `width` px wide: the margin that holds the widest of them, and
 * how each is written — whole on one line while the widest takes at most `share` of the width,
 * else wrapped between words to that ("Vertex\nNetworks 34": Plot writes each line under the last).
 */
export function namesLeft(names: string[], width: number, share = 0.4): { marginLeft: number; tickFormat: (name: string) => string } {
  const room = Math.max(60, width * share - GAP);
  const lines = new Map(names.map((x) => [x, textWidth(x) <= room ? [x] : wrapName(x, room)]));
  const widest = Math.max(0, ...[...lines.values()].flat().map(textWidth));
  return { marginLeft: Math.ceil(widest) + GAP, tickFormat: (x: string) => (lines.get(x) ?? [x]).join('\n') };
}

/** Whether each name fits on one line under its own group of a chart `width` px wide (`chrome` px of it for the axis on the left), with 8 px between neighbours. */
export function namesFitUnder(names: string[], width: number, chrome = 60): boolean {
  return (width - chrome) / Math.max(1, names.length) >= Math.max(0, ...names.map(textWidth)) + 8;
}
