// Unit tests of how the worker turns what it catches into the error the page shows.
import { describe, expect, it } from 'vitest';
import { errorData, Missing, TOO_OLD } from './engine';

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
