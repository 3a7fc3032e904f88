import { describe, expect, it } from 'vitest';
import { digest } from './digest';

describe('digest', () => {
  it('is the same for the same text and differs for a one-letter change', () => {
    const a = JSON.stringify({ deal: { value: '1200000.00', name: 'Hospital cloud platform' } });
    expect(digest(a)).toBe(digest(`${a}`));
    expect(digest(a)).not.toBe(digest(a.replace('1200000', '1300000')));
    expect(digest('')).not.toBe(digest(' '));
  });
  it('is short, whatever the length of the text', () => {
    expect(digest('x'.repeat(100000)).length).toBeLessThanOrEqual(11);
  });
});
