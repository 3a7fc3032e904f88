// A browser whose WebAssembly cannot compile the engine (here: the module replaced by bytes
// that are not one) gets one plain alert saying so, in the colour of errors, and no guide
// promising a sample that cannot open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, shots } from './browser.mjs';

let server, page, errors, close;

before(async () => { ({ server, page, errors, close } = await openPage()); });

after(async () => { await close?.(); });

test('an engine that cannot start is an alert in plain words, without the guide', async () => {
  // the worker fetches the module: route it at the context, which sees workers' requests
  await page.context().route('**/*.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm') }));
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="error"]', { timeout: 30000 });
  const alert = page.getByRole('alert');
  const text = await alert.textContent();
  assert.match(text, /^The engine could not start: this browser is too old to run it\./);
  assert.doesNotMatch(text, /CompileError|WebAssembly/, 'the raw error reaches the screen');
  assert.ok(await alert.evaluate((el) => el.classList.contains('bad')), 'the alert is not in the colour of errors');
  assert.equal(await page.locator('.guide').count(), 0, 'the guide still offers the sample');
  await page.screenshot({ path: join(shots, 'engine-start-1280.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(shots, 'engine-start-390.png') });
  // the failed compile is the one console error a page may log here
  assert.ok(errors.every((e) => /wasm|WebAssembly|engine/i.test(e)), errors.join('\n'));
});
