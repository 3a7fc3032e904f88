// The reasons a workspace file does not open, in words: by the engine error's code, keeping
// the line and column but not the JSON parser's phrases.
import { describe, expect, it } from 'vitest';
import { openError } from './workspace';

describe('openError', () => {
  it('says a file that ends too early is not a complete workspace file, with its line and column', () => {
    const e = { code: 'invalid_json', path: '', message: 'The file is not valid JSON (the input is not valid JSON: EOF while parsing a list at line 1 column 14).' };
    expect(openError('broken.json', e)).toBe('broken.json is not a complete workspace file (it ends too early at line 1, column 14). Open the file that “Export workspace” wrote, or export it again.');
  });
  it('says where other JSON errors are, without the parser’s words', () => {
    const e = { code: 'invalid_json', path: '', message: 'The file is not valid JSON (the input is not valid JSON: expected value at line 3 column 5).' };
    const text = openError('x.json', e);
    expect(text).toBe('x.json is not a workspace file: it cannot be read at line 3, column 5. Open the file that “Export workspace” wrote, or export it again.');
  });
  it('says an empty file is empty', () => {
    expect(openError('e.json', { code: 'invalid_json', path: '', message: 'The file is not valid JSON (EOF while parsing a value at line 1 column 0).' })).toMatch(/^e\.json is empty\./);
  });
  it('says a JSON file of something else is not a workspace', () => {
    expect(openError('x.json', { code: 'invalid_value', path: '', message: 'Expected a workspace, an ecosystem {"partners": […]} or a list of partners.' }))
      .toBe('x.json is not a workspace file or a partner list. Open the file that “Export workspace” wrote, or export it again.');
  });
  it('explains an engine error about one value, with where it is', () => {
    const text = openError('x.json', { code: 'invalid_value', path: 'partners[2].capabilities', message: 'invalid type: string "high", expected f64' });
    expect(text).toBe('Could not open x.json: “high” is not a number. (partners 3 › capabilities)');
  });
});

describe('openError when importing', () => {
  it('says what the user was doing', () => {
    const text = openError('x.json', { code: 'invalid_value', path: 'partners[2].capabilities', message: 'invalid type: string "high", expected f64' }, 'JSON file', 'Choose a partner list.', 'import');
    expect(text).toMatch(/^Could not import x\.json: /);
  });
});
