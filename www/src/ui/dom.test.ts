// A share typed as a percentage and back (dom.ts percentInput): no float noise either way.
import { describe, expect, it } from 'vitest';
import { fromPercent, toPercent } from './dom';

describe('toPercent / fromPercent', () => {
  it('shows a stored share as the percentage typed, without float noise', () => {
    expect(toPercent(0.07)).toBe(7);
    expect(toPercent(0.57)).toBe(57);
    expect(toPercent(0.333)).toBe(33.3);
    expect(toPercent(0.25)).toBe(25);
    expect(toPercent(1)).toBe(100);
    expect(toPercent(0)).toBe(0);
    expect(toPercent(0.123456789)).toBe(12.3457);
  });
  it('stores the share a typed percentage means, exactly', () => {
    expect(fromPercent(7)).toBe(0.07);
    expect(fromPercent(57)).toBe(0.57);
    expect(fromPercent(33.3)).toBe(0.333);
    expect(fromPercent(12.5)).toBe(0.125);
    expect(fromPercent(100)).toBe(1);
    expect(fromPercent(0)).toBe(0);
    expect(fromPercent(150)).toBe(1.5);
    expect(fromPercent(1e21)).toBe(1e19);
  });
  it('round-trips every whole and one-decimal percentage', () => {
    for (let i = 0; i <= 1000; i++) {
      const p = i / 10;
      const typed = Number(p.toFixed(1));
      expect(toPercent(fromPercent(typed))).toBe(typed);
      // the share as a decimal literal: 7.5 → 0.075
      expect(fromPercent(typed)).toBe(Number(`${Math.floor(i / 1000)}.${String(i % 1000).padStart(3, '0')}`));
    }
  });
});
