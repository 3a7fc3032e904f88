import { describe, expect, it } from 'vitest';
import { keyLabel, money } from './format';

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

describe('keyLabel', () => {
  it('says a capability or certification key as a label', () => {
    expect(keyLabel('ai')).toBe('AI');
    expect(keyLabel('cloud')).toBe('Cloud');
    expect(keyLabel('iso27001')).toBe('ISO 27001');
    expect(keyLabel('soc2')).toBe('SOC 2');
    expect(keyLabel('hipaa')).toBe('HIPAA');
    expect(keyLabel('aws-advanced')).toBe('AWS advanced');
    expect(keyLabel('salesforce-consulting')).toBe('Salesforce consulting');
  });
  it('splits snake, kebab and camel case into words, the first one capitalised', () => {
    expect(keyLabel('data_analytics')).toBe('Data analytics');
    expect(keyLabel('dataAnalytics')).toBe('Data analytics');
    expect(keyLabel('data-analytics')).toBe('Data analytics');
    expect(keyLabel('winRate')).toBe('Win rate');
    expect(keyLabel('aiPlatform')).toBe('AI platform');
    expect(keyLabel('cap_ai_ml')).toBe('Cap AI ML');
  });
  it('names figures known by initials or shortened in full, and a count of days by its unit', () => {
    expect(keyLabel('psat')).toBe('Partner satisfaction');
    expect(keyLabel('cltv')).toBe('Customer lifetime value');
    expect(keyLabel('cac')).toBe('Customer acquisition cost');
    expect(keyLabel('avgDealSize')).toBe('Average deal size');
    expect(keyLabel('salesCycleDays')).toBe('Sales cycle (days)');
    expect(keyLabel('days')).toBe('Days');
  });
  it('keeps a name already written for people, and says nothing of nothing', () => {
    for (const name of ['Healthcare', 'North America', 'UK & Ireland', 'Public sector', 'EMEA', 'Gold']) expect(keyLabel(name)).toBe(name);
    expect(keyLabel('')).toBe('');
    expect(keyLabel(undefined)).toBe('');
    expect(keyLabel(null)).toBe('');
    expect(keyLabel('  cloud ')).toBe('Cloud');
  });
});
