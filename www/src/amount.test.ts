import { describe, expect, it } from 'vitest';
import { parseAmount, parseNumber } from './amount';

const v = (t: string, l = 'en-US') => { const r = parseAmount(t, l); return r.ok ? r.value : `error: ${r.message}`; };

describe('parseAmount', () => {
  it('reads the ways people write amounts', () => {
    expect(v('1200000')).toBe('1200000.00');
    expect(v('1,200,000')).toBe('1200000.00');
    expect(v('1.2M')).toBe('1200000.00');
    expect(v('1.2m')).toBe('1200000.00');
    expect(v('250k')).toBe('250000.00');
    expect(v('€ 1 200 000')).toBe('1200000.00');
    expect(v('€1200000')).toBe('1200000.00');
    expect(v('1.200.000,50')).toBe('1200000.50');
    expect(v('1,200,000.50')).toBe('1200000.50');
    expect(v("1'200'000 CHF")).toBe('1200000.00');
    expect(v('EUR 1,200,000.00')).toBe('1200000.00');
    expect(v('1 200 000,00 €', 'fr-FR')).toBe('1200000.00');
    expect(v('1.5bn')).toBe('1500000000.00');
    expect(v('-300.5')).toBe('-300.50');
    expect(v('0.125')).toBe('0.125');
    expect(v('12.345')).toContain('could mean');
  });
  it('uses the page locale for a lone separator before three digits', () => {
    expect(v('1,500')).toBe('1500.00');
    expect(v('1.500', 'de-DE')).toBe('1500.00');
    expect(v('1,500', 'de-DE')).toContain('could mean');
    expect(v('1.500')).toContain('could mean 1,500 or 1.500');
    expect(v('1,5', 'de-DE')).toBe('1.50');
    expect(v('1.25')).toBe('1.25');
  });
  it('refuses what is no amount, saying why', () => {
    expect(v('')).toContain('Enter an amount');
    expect(v('abc')).toContain('is not an amount');
    expect(v('1,20,000')).toContain('thousands separator');
    expect(v('1.200,000.5')).toContain('mixes');
    expect(v('12.')).toContain('is not an amount');
  });
});

describe('parseNumber', () => {
  it('reads decimal points and commas', () => {
    expect(parseNumber('0.8')).toBe(0.8);
    expect(parseNumber('0,8')).toBe(0.8);
    expect(parseNumber('1 234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('1,234', true)).toBe(1.234);
    expect(parseNumber('35%')).toBe(0.35);
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('-2')).toBe(-2);
    expect(parseNumber('x')).toBeNaN();
    expect(parseNumber('')).toBeNaN();
  });
});
