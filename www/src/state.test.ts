// Unit tests of the workspace files and share links as the engine worker makes and opens them:
// round trip through the URL fragment, damaged and cut-off links, the size refusal, the shape check.
import { describe, expect, it } from 'vitest';
import { emptyWorkspace, parseWorkspace, type Workspace } from './state';
import { current } from './worker/ecosystem';
import { exportWorkspace, LINK_LIMIT, openBlob, openFragment, openText, shareFragment } from './worker/files';

const code = (f: () => unknown) => { try { f(); } catch (e) { return (e as { code?: string }).code; } return 'no error'; };

describe('share link', () => {
  const ws: Workspace = { ...emptyWorkspace(), profiles: [{ id: 'p', name: '<b>x</b> & ü', criteria: [{ kind: 'capability', key: 'cloud', weight: 2 }] }] };
  it('round-trips a workspace through the URL fragment', async () => {
    const frag = await shareFragment(ws, 40);
    expect(frag).toMatch(/^#w=[A-Za-z0-9+\-$]+$/);
    expect(openFragment(frag)).toEqual({ workspace: ws, meta: null });
  });
  it('ignores other fragments and says when a link is damaged or cut off', async () => {
    expect(openFragment('#top')).toBeNull();
    expect(code(() => openFragment('#w=%%%'))).toBe('damaged_link');
    const frag = await shareFragment(ws, 40);
    expect(code(() => openFragment(frag.slice(0, Math.floor(frag.length * 0.6))))).toBe('damaged_link');
  });
  it('carries imported partners, and refuses a link browsers would not open', async () => {
    const partners = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, name: `Partner ${i}`, kind: 'si' }));
    openText(JSON.stringify({ partners }));
    const data: Workspace = { ...ws, source: { kind: 'data', label: 'test' } };
    const back = openFragment(await shareFragment(data, 40));
    expect(back?.workspace).toEqual(data);
    expect(back?.meta?.count).toBe(300);
    // names that do not compress: about 7 MB of JSON, far above what a link holds
    let x = 7;
    const noise = () => Array.from({ length: 40 }, () => String.fromCharCode(97 + ((x = (x * 48271) % 2147483647) % 26))).join('');
    openText(JSON.stringify({ partners: Array.from({ length: 100000 }, (_, i) => ({ id: `q${i}`, name: noise(), kind: 'si' })) }));
    expect(current?.summary.partners).toBe(100000);
    let message = '';
    try { await shareFragment(data, 40); } catch (e) { message = (e as Error).message; expect((e as { code: string }).code).toBe('too_large'); }
    expect(message).toMatch(/too large for a link .*Export workspace. and send the file/);
    expect(LINK_LIMIT).toBe(2_000_000);
  }, 60000);
});

describe('workspace files', () => {
  it('refuses what is not a workspace', () => {
    expect(() => parseWorkspace('{"partners": []}')).toThrow(/^This is not a dealteam workspace: open a file that “Export workspace” wrote/);
    expect(() => parseWorkspace('{"version":1,"source":{"kind":"data"},"profiles":[]}')).toThrow(/^This workspace lost its partners/);
  });
  it('keeps the current ecosystem when the engine rejects a new one', () => {
    openText(JSON.stringify({ partners: [{ id: 'a', name: 'A', kind: 'si' }] }));
    expect(code(() => openText(JSON.stringify({ partners: [{ id: 'a', name: 'A', kind: 'si' }, { id: 'a', name: 'B', kind: 'si' }] })))).not.toBe('no error');
    expect(current?.handle.ids()).toEqual(['a']);
    expect(code(() => openText('{"partners": ['))).toBe('invalid_json');
    expect(code(() => openText('42'))).toBe('invalid_value');
    expect(current?.handle.ids()).toEqual(['a']);
  });
  it('opens a workspace, the CLI sample file and a list of partners, with the ecosystem parsed once by the engine', () => {
    const partners = [{ id: 'b', name: 'Beta', kind: 'si', tier: 'gold', regions: ['EMEA'] }, { id: 'a', name: 'Acme', kind: 'isv' }];
    const ecosystem = { currency: 'USD', tiers: ['silver', 'gold'], partners };
    const ws: Workspace = { ...emptyWorkspace(), source: { kind: 'data', label: 'crm.json' }, teamK: 7 };
    const opened = openText(JSON.stringify({ ...ws, ecosystem }, null, 2));
    expect(opened.workspace).toEqual(ws);
    expect(opened.meta).toMatchObject({ count: 2, relationships: 0, currency: 'USD', tiers: ['silver', 'gold'], facets: { kinds: ['isv', 'si'], tiers: ['gold'], regions: ['EMEA'] } });
    const sample = openText(JSON.stringify({ ecosystem, profiles: [{ id: 'p', name: 'P', criteria: [] }], deal: null }));
    expect(sample.workspace?.source).toEqual({ kind: 'data', label: 'a dealteam sample file' });
    expect(sample.workspace?.activeProfile).toBe('p');
    expect(openText(JSON.stringify([{ id: 'z', name: 'Z', kind: 'si' }])).meta?.count).toBe(1);
    expect(current?.handle.ids()).toEqual(['z']);
    // a workspace of the sample carries no ecosystem and leaves the current one
    expect(openText(JSON.stringify(emptyWorkspace())).meta).toBeNull();
    expect(current?.handle.ids()).toEqual(['z']);
    // errors within the ecosystem are named from the ecosystem
    let err: { code?: string; path?: string } = {};
    try { openText(JSON.stringify({ ...ws, ecosystem: { partners: [{ id: 'a', name: 'A', kind: 'si', tier: 'gold' }] } })); } catch (e) { err = e as typeof err; }
    expect([err.code, err.path]).toEqual(['invalid_value', 'partners[0].tier']);
    expect(current?.handle.ids()).toEqual(['z']);
  });
  it('exports a data workspace with its ecosystem, written in pieces, that opens back to the same', async () => {
    const partners = Array.from({ length: 15000 }, (_, i) => ({ id: `x${i}`, name: `Partner ${i} ${'é'.repeat(i % 7)}`, kind: 'si', regions: ['EMEA'], capabilities: { cloud: (i % 100) / 100 } }));
    openText(JSON.stringify({ partners }));
    const ws: Workspace = { ...emptyWorkspace(), source: { kind: 'data', label: 'big.json' }, teamK: 5 };
    const text = await exportWorkspace(ws).text();
    expect(text.length).toBeGreaterThan(2 ** 20);
    const back = JSON.parse(text) as Workspace & { ecosystem: { partners: typeof partners } };
    expect(back.ecosystem.partners).toEqual(partners);
    expect({ ...back, ecosystem: undefined }).toEqual({ ...ws, ecosystem: undefined });
    expect(JSON.parse(await exportWorkspace(emptyWorkspace()).text())).toEqual(emptyWorkspace());
  });
  it('opens a file from its bytes as from its text, and keeps the file itself to store', async () => {
    const ws: Workspace = { ...emptyWorkspace(), source: { kind: 'data', label: 'crm.json' }, teamK: 4 };
    const text = JSON.stringify({ ...ws, ecosystem: { partners: [{ id: 'c', name: 'Café', kind: 'si' }] } });
    const file = new Blob(['\ufeff', text], { type: 'application/json' });
    const timeless = ({ workspace, meta }: Awaited<ReturnType<typeof openBlob>>) => ({ workspace, meta: meta && { ...meta, ms: 0 } });
    const opened = await openBlob(file);
    expect(current?.file).toBe(file);
    expect(current?.handle.names()).toEqual(['Café']);
    expect(timeless(opened)).toEqual(timeless(openText(text)));
    // bytes that are not UTF-8 become U+FFFD, as `file.text()` has them
    await openBlob(new Blob([new Uint8Array([...new TextEncoder().encode('[{"id": "d", "name": "Caf'), 0xe9, ...new TextEncoder().encode('", "kind": "si"}]')])]));
    expect(current?.handle.names()).toEqual(['Caf\ufffd']);
    await expect(openBlob(new Blob(['{"partners": ['])).catch((e: { code?: string }) => e.code)).resolves.toBe('invalid_json');
  });
});
