// Unit tests of how the worker turns what it catches into the error the page shows.
import { describe, expect, it } from 'vitest';
import { errorData, Missing, textOf, TOO_OLD } from './engine';

describe('errorData', () => {
  it('says in plain words that a browser which cannot compile the engine is too old', () => {
    const e = errorData(new WebAssembly.CompileError('WebAssembly.instantiate(): Compiling function #7 failed: invalid opcode 0xfd'));
    expect(e).toEqual({ code: 'engine_error', path: '', message: TOO_OLD });
    expect(e.message).not.toMatch(/WebAssembly|opcode|instantiate/);
  });
  it('keeps an engine error as it is, and names a function this build lacks', () => {
    expect(errorData({ code: 'invalid_value', path: 'partners[2].tier', message: 'unknown tier' }))
      .toEqual({ code: 'invalid_value', path: 'partners[2].tier', message: 'unknown tier' });
    expect(errorData(new Missing('"psiStart" is not available in this build of the engine.')).code).toBe('not_available');
  });
});

describe('textOf', () => {
  it('reads a file, and refuses one a JS string cannot hold instead of reading it as empty', async () => {
    expect(await textOf(new Blob(['a,b\n1,2']))).toBe('a,b\n1,2');
    expect(await textOf('given')).toBe('given');
    expect(await textOf(new Blob(['']))).toBe('');
    // what Chromium gives for a 600 MB file, and what Node does
    const code = (f: Blob) => textOf(f).then(() => 'read', (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`);
    expect(await code({ size: 600e6, text: async () => '' } as unknown as Blob)).toMatch(/^too_large: This file \(600 MB\) is larger than a browser can read as text/);
    expect(await code({ size: 600e6, text: async () => { throw new RangeError('Invalid string length'); } } as unknown as Blob)).toMatch(/^too_large:/);
  });
});
