// Unit tests of how the private match's work is cut for the worker pool: every account and
// every point lands in exactly one slice, in order, and a group's points are cut only at
// multiples of three points (128 base64 characters), so each slice decodes on its own.
import { describe, expect, it } from 'vitest';
import type { PsiAccount, PsiMessage } from 'dealteam';
import { accountSlices, pointSlices } from './psi';

const bytes = (n: number, salt: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + salt) % 256);
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const unb64 = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));

function message(sizes: number[]): PsiMessage {
  const groups = sizes.map((n, i) => ({ population: `p${i}`, points: b64(bytes(32 * n, i)) }));
  return { protocol: 'dealteam-psi/1', exchangeId: 'x', step: 1, body: { groups } as PsiMessage['body'], mac: '' };
}

describe('pointSlices', () => {
  it('covers every group in order, cut at three points, each slice naming its group', () => {
    for (const sizes of [[0], [1], [2, 5], [100, 0, 7, 301], [3000, 1, 2]]) {
      const msg = message(sizes);
      const slices = pointSlices(msg, { seed: 's' }, true);
      sizes.forEach((n, i) => {
        const mine = slices.filter((s) => s.path === `message.body.groups[${i}].points`);
        expect(mine.length).toBeGreaterThan(0);
        const joined = mine.flatMap((s) => [...unb64(s.points!)]);
        expect(joined).toEqual([...bytes(32 * n, i)]);
        mine.slice(0, -1).forEach((s) => expect(unb64(s.points!).length % 96).toBe(0));
        mine.forEach((s) => { expect(s.inverse).toBe(true); expect(s.seed).toBe('s'); });
      });
      // group after group: the order psiAssemble reads them in
      const paths = slices.map((s) => Number(/\[(\d+)\]/.exec(s.path!)![1]));
      expect(paths).toEqual([...paths].sort((x, y) => x - y));
    }
  });
});

describe('accountSlices', () => {
  it('keeps every account once, in order', () => {
    for (const n of [0, 1, 255, 256, 257, 10000]) {
      const accounts: PsiAccount[] = Array.from({ length: n }, (_, i) => `Company ${i}`);
      const slices = accountSlices(accounts, { secret: 'k' });
      expect(slices.flatMap((s) => s.accounts)).toEqual(accounts);
      expect(slices.every((s) => s.secret === 'k' && (s.accounts?.length ?? 0) > 0)).toBe(true);
    }
  });
});
