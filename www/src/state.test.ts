// Unit tests of the workspace files and share links as the engine worker makes and opens them:
// round trip through the URL fragment, damaged and cut-off links, the size refusal, the shape check.
import { describe, expect, it } from 'vitest';
import { emptyWorkspace, parseWorkspace, type Workspace } from './state';
import { current } from './worker/ecosystem';
import { LINK_LIMIT, openFragment, openText, shareFragment } from './worker/files';

const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as { code?: string }).code; } return 'no error'; };

describe('share link', () => {
  const ws: Workspace = { ...emptyWorkspace(), profiles: [{ id: 'p', name: '<b>x</b> & ü', criteria: [{ kind: 'capability', key: 'cloud', weight: 2 }] }] };
  it('round-trips a workspace through the URL fragment', () => {
    const frag = shareFragment(ws, 40);
    expect(frag).toMatch(/^#w=[A-Za-z0-9+\-$]+$/);
    expect(openFragment(frag)).toEqual({ workspace: ws, meta: null });
  });
  it('ignores other fragments and says when a link is damaged or cut off', () => {
    expect(openFragment('#top')).toBeNull();
    expect(code(() => openFragment('#w=%%%'))).toBe('damaged_link');
    const frag = shareFragment(ws, 40);
    expect(code(() => openFragment(frag.slice(0, Math.floor(frag.length * 0.6))))).toBe('damaged_link');
  });
  it('carries imported partners, and refuses a link browsers would not open', () => {
    const partners = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, name: `Partner ${i}`, kind: 'si' }));
    openText(JSON.stringify({ partners }));
    const data: Workspace = { ...ws, source: { kind: 'data', label: 'test' } };
    const back = openFragment(shareFragment(data, 40));
    expect(back?.workspace).toEqual(data);
    expect(back?.meta?.count).toBe(300);
    // names that do not compress: about 7 MB of JSON, far above what a link holds
    let x = 7;
    const noise = () => Array.from({ length: 40 }, () => String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))).join('');
    openText(JSON.stringify({ partners: Array.from({ length: 100000 }, (_, i) => ({ id: `q${i}`, name: noise(), kind: 'si' })) }));
    expect(current?.data.partners.length).toBe(100000);
    let message = '';
    try { shareFragment(data, 40); } catch (e) { message = (e as Error).message; expect((e as { code: string }).code).toBe('too_large'); }
    expect(message).toMatch(/too large for a link .*Export workspace. and send the file/);
    expect(LINK_LIMIT).toBe(2_000_000);
  }, 60000);
});

describe('workspace files', () => {
  it('refuses what is not a workspace', () => {
    expect(() => parseWorkspace('{"partners": []}')).toThrow(/not a dealteam workspace/);
    expect(() => parseWorkspace('{"version":1,"source":{"kind":"data"},"profiles":[]}')).toThrow(/no ecosystem/);
  });
  it('keeps the current ecosystem when the engine rejects a new one', () => {
    openText(JSON.stringify({ partners: [{ id: 'a', name: 'A', kind: 'si' }] }));
    expect(code(() => openText(JSON.stringify({ partners: [{ id: 'a', name: 'A', kind: 'si' }, { id: 'a', name: 'B', kind: 'si' }] })))).not.toBe('no error');
    expect(current?.data.partners.map((p) => p.id)).toEqual(['a']);
    expect(code(() => openText('{"partners": ['))).toBe('invalid_json');
  });
});
