// Room for partner names (no page here: widths estimated, 0.62 of 12 px a letter).
import { describe, expect, it } from 'vitest';
import { namesFitUnder, namesLeft, textWidth, wrapName } from './chart-names';

describe('chart names', () => {
  it('estimates a name’s width from its letters when there is no page to measure in', () => {
    expect(textWidth('Delta Digital 110')).toBeCloseTo(17 * 12 * 0.62);
  });

  it('keeps a margin as wide as the widest name, whole on one line, while it takes at most 40 % of the chart', () => {
    const left = namesLeft(['Acme', 'Delta Digital 110'], 900);
    expect(left.marginLeft).toBe(Math.ceil(textWidth('Delta Digital 110')) + 14);
    expect(left.tickFormat('Delta Digital 110')).toBe('Delta Digital 110');
  });

  it('wraps a long name between words on a phone, every word kept, each line within its room', () => {
    const name = 'Northwind Cloud Integration Partners 7';
    const left = namesLeft([name, 'Acme'], 374);
    const lines = left.tickFormat(name).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(name);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(374 * 0.4 - 14);
    expect(left.marginLeft).toBeLessThanOrEqual(374 * 0.4 + 1);
    expect(left.tickFormat('Acme')).toBe('Acme');
  });

  it('cuts short, with "…", only a single word wider than the room', () => {
    const lines = wrapName('Supercalifragilistic Ltd', 80);
    expect(lines).toEqual(['Supercali…', 'Ltd']);
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(80);
  });

  it('puts the names side by side only while each fits under its own group', () => {
    const names = ['Vertex Networks 34', 'Acme Networks 81', 'Delta Digital 110'];
    expect(namesFitUnder(names, 900)).toBe(true);
    expect(namesFitUnder(names, 374)).toBe(false);
  });
});
