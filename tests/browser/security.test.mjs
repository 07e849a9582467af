// The page under its Content-Security-Policy (no inline script or style,
// scripts only from the site, wasm compiled by the page itself): served as
// scripts/serve.py serves it, every feature runs with no violation and no
// console error. And the grep-level rule: nothing from a URL or a story file
// is ever inserted as HTML or evaluated.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, state, frames } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const site = path.join(root, 'build/web/site');
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('the page, its text version and its downloads run under the strict CSP with no violation or console error', async () => {
  const response = await fetch(server.url);
  // The page's policy (its one source, shell/csp.txt), and what only a header can say.
  const policy = fs.readFileSync(new URL('../../shell/csp.txt', import.meta.url), 'utf8').trim();
  assert.equal(response.headers.get('content-security-policy'), policy + "; frame-ancestors 'self'");
  assert.match(policy, /object-src 'none'; base-uri 'self'; form-action 'none'/);   // 'self': a preview page's <base> names the site's own folder
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${server.url}#/twist-2/rouge`);
  await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  await page.evaluate(() => window.explainer.uncover());
  for (let i = 0; i < 5; ++i) { await page.evaluate(() => window.explainer.next()); await frames(page, 2); }
  await page.click('#text-toggle');
  await page.waitForSelector('#tv-body h2');
  await page.click('#tv-next');
  await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explainer.saveImage())]);
  await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explainer.saveTranscript())]);
  await page.goto(`${server.url}s/naomi/`);   // a preview page, and the explainer it opens
  await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  assert.equal((await state(page)).step, 'naomi');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('no page script or app source inserts HTML or evaluates code', () => {
  const files = [...['page.js', 'text.js', 'controls.js', 'link.js', 'index.html'].map((f) => path.join(root, 'shell', f)),
                 ...['web', 'src/ui', 'desktop'].flatMap((dir) => fs.readdirSync(path.join(root, dir))
                   .filter((f) => /\.(cpp|h)$/.test(f)).map((f) => path.join(root, dir, f)))];
  const banned = /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\s*\(|new Function|setTimeout\(\s*['"`]|emscripten_run_script|<script>(?!<)/;
  for (const file of files) {
    fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      assert.ok(!banned.test(line), `${path.relative(root, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  // The served page holds no inline script or style at all.
  const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
  assert.ok(!/<script>|<script [^>]*>[^<]/.test(html) && !/<style|style="/.test(html));
});
