// Unit tests of the workspace's share-link encoding and shape check.
import { describe, expect, it } from 'vitest';
import { emptyWorkspace, fromFragment, parseWorkspace, toFragment } from './state';

describe('share link', () => {
  it('round-trips a workspace through the URL fragment', () => {
    const ws = { ...emptyWorkspace(), profiles: [{ id: 'p', name: '<b>x</b> & ü', criteria: [{ kind: 'capability' as const, key: 'cloud', weight: 2 }] }] };
    const frag = toFragment(ws);
    expect(frag).toMatch(/^#w=[A-Za-z0-9+\-$]+$/);
    expect(fromFragment(frag)).toEqual(ws);
  });
  it('ignores other fragments and rejects damaged ones', () => {
    expect(fromFragment('#top')).toBeNull();
    expect(() => fromFragment('#w=%%%')).toThrow();
  });
  it('refuses what is not a workspace', () => {
    expect(() => parseWorkspace('{"partners": []}')).toThrow(/not a dealteam workspace/);
    expect(() => parseWorkspace('{"version":1,"source":{"kind":"data"},"profiles":[]}')).toThrow(/no ecosystem/);
  });
});
