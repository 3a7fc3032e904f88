import { describe, expect, it } from 'vitest';
import { money } from './format';

describe('money', () => {
  it('formats a decimal string digit for digit, beyond what a float holds', () => {
    expect(money('12345678901234567.89', 'EUR', true)).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format('12345678901234567.89' as unknown as number));
    expect(money('12345678901234567.89', 'EUR', true)).toContain('567.89');
    expect(money('0.10', 'USD', true)).toContain('0.10');
    expect(money('-1500', 'USD')).toContain('1,500');
  });
  it('rounds to whole units unless cents are asked for', () => {
    expect(money('1999.5', 'EUR')).toContain('2,000');
    expect(money('1999.5', 'EUR', true)).toContain('1,999.50');
  });
  it('a number is formatted as before; anything else is a dash', () => {
    expect(money(2500, 'EUR')).toContain('2,500');
    for (const bad of ['', 'abc', '1e3', ' 12', null, undefined, NaN, Infinity, {}]) expect(money(bad, 'EUR')).toBe('—');
  });
  it('without a currency code, a plain number', () => {
    expect(money('1234.5', 'not a code', true)).toBe('1,234.50');
  });
});
