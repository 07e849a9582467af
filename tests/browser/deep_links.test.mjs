// Deep links in a real browser: reveal links behind their cover, Back and
// Forward, pasted fragments, the copy-link button, hostile links, embedding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, clickButton } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('every reveal link opens covered, and after uncover() matches the state reached by stepping', async () => {
  const reveals = story.steps.filter((s) => s.reveal);
  assert.ok(reveals.length >= 3);
  const stepper = await open(browser, server.url);
  for (const step of reveals) {
    const { page, problems, context } = await open(browser, `${server.url}#/${step.id}`);
    let s = await state(page);
    assert.equal(s.step, step.id);
    assert.equal(s.covered, true, step.id);
    assert.equal(s.title, '');                                        // the twist's title stays hidden
    assert.match(await page.textContent('#mirror'), /This link skips \d+ twists? you haven't seen yet/);
    assert.ok(!(await page.textContent('#mirror')).includes(step.title));
    await page.evaluate(() => window.explainer.uncover());
    s = await state(page);
    assert.equal(s.covered, false);
    await stepper.page.evaluate((id) => window.explainer.go(id), step.id);
    const stepped = await state(stepper.page);
    assert.deepEqual(s.entities, stepped.entities, step.id);
    assert.deepEqual(s.positions, stepped.positions, step.id);
    assert.match(await page.textContent('#mirror'), new RegExp(step.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.deepEqual(problems, []);
    await context.close();
  }
  // Stepping onto a reveal from the step before never covers it.
  await stepper.page.evaluate(() => { window.explainer.go('venus'); window.explainer.next(); });
  assert.equal((await state(stepper.page)).covered, false);
  await stepper.context.close();
});

test('a link with an entity selects it and opens its card; the URL follows every change', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/naomi/rouge`);   // before any twist
  let s = await state(page);
  assert.equal(s.step, 'naomi');
  assert.equal(s.covered, false);
  assert.equal(s.selected, 'rouge');
  await page.evaluate(() => window.explainer.next());
  await frames(page, 2);
  assert.equal(await page.evaluate(() => location.hash), '#/jean/rouge');
  await page.evaluate(() => window.explainer.select(''));
  await frames(page, 2);
  assert.equal(await page.evaluate(() => location.hash), '#/jean');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Back and Forward walk the visited steps; a pasted fragment navigates without a reload', async () => {
  const { page, problems, context } = await open(browser, server.url);
  await page.evaluate(() => { window.notReloaded = true; });
  for (const id of ['rouge', 'the-mission', 'naomi']) {
    await page.evaluate((x) => window.explainer.go(x), id);
    await page.waitForTimeout(800);   // longer than the scrubbing coalescence
  }
  await page.goBack();
  await page.waitForFunction(() => window.explainer.state().step === 'the-mission');
  await page.goBack();
  await page.waitForFunction(() => window.explainer.state().step === 'rouge');
  await page.goForward();
  await page.waitForFunction(() => window.explainer.state().step === 'the-mission');
  await page.evaluate(() => { location.hash = '#/collecting-ids/ids'; });
  await page.waitForFunction(() => window.explainer.state().step === 'collecting-ids');
  assert.equal((await state(page)).selected, 'ids');
  await page.evaluate(() => { location.hash = '#/opera-is-a-usurper'; });   // a pasted reveal, by its old id, is covered
  await page.waitForFunction(() => window.explainer.state().step === 'twist-5');
  assert.equal((await state(page)).covered, true);
  assert.equal(await page.evaluate(() => window.notReloaded), true);
  assert.deepEqual(problems, []);
  await context.close();
});

test('rapid scrubbing does not flood the history', async () => {
  const { page, context } = await open(browser, server.url);
  const before = await page.evaluate(() => history.length);
  await page.evaluate(() => { for (let i = 0; i < 300; ++i) window.explainer.next(), window.explainer.prev(), window.explainer.next(); });
  await frames(page, 3);
  const added = (await page.evaluate(() => history.length)) - before;
  assert.ok(added <= 2, `${added} history entries for one burst of scrubbing`);
  await context.close();
});

test('the Copy link button copies the deep link and says so', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/venus`, { permissions: ['clipboard-read', 'clipboard-write'] });
  await frames(page, 3);
  await clickButton(page, 'Copy link');
  await page.waitForSelector('#toast.show');
  assert.equal(await page.textContent('#toast'), 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}s/venus/`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('where the clipboard is refused, the link is shown selected in a text field', async () => {
  const { page, context } = await open(browser, `${server.url}#/venus`);
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); });
  await clickButton(page, 'Copy link');
  await page.waitForSelector('#linkbox.show');
  assert.equal(await page.inputValue('#link'), `${server.url}s/venus/`);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'link');
  await context.close();
});

function hostileFragments(count) {
  const pieces = ['<img src=x onerror=alert(1)>', '%', '%zz', '%E0%A4%A', '/', '//', '"><script>alert(1)</script>',
                  'javascript:alert(1)', '%00', '\u202e', '🙂', '../', '?embed=1', '#', '%3Cb%3E', 'venus', 'roy',
                  'puppet-master-is-roy', ' ', '\\', '{{7*7}}', "' OR 1=1", '\u0000', '%2F%2F'];
  let seed = 99;
  const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const out = [];
  for (let i = 0; i < count; ++i) {
    let f = '#/';
    const parts = 1 + rnd(5);
    for (let p = 0; p < parts; ++p) f += pieces[rnd(pieces.length)] + (rnd(3) ? '/' : '');
    out.push(f);
  }
  return out;
}

test('200+ hostile fragments: no console error, no dialog, nothing added to the page', async () => {
  const { page, problems, context } = await open(browser, server.url);
  // The page's own elements; the text version (#tv-body) is redrawn for each
  // step, so it is checked apart: only the elements it makes, no links or ids.
  const shape = () => page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => !e.closest('#tv-body'))
    .map((e) => e.tagName + '#' + e.id).join(','));
  const textVersion = () => page.evaluate(() => [...document.querySelectorAll('#tv-body *')].map((e) => e.tagName + '#' + e.id));
  await page.waitForFunction(() => !document.getElementById('loading') && document.querySelector('#tv-body h2'));
  const before = await shape();
  const fragments = hostileFragments(220);
  let noticed = 0;
  for (const f of fragments) {
    await page.evaluate((x) => { location.hash = x; }, f);
    const s = await state(page);
    assert.ok(s.index >= 0 && s.index < 25);
    if (s.notice) ++noticed;
  }
  assert.ok(noticed > 150, `only ${noticed} of ${fragments.length} hostile links were noticed`);
  await frames(page, 3);
  assert.equal(await shape(), before);
  const made = new Set(['P#', 'H2#', 'H3#', 'UL#', 'LI#', 'BUTTON#', 'SPAN#', 'DIV#', 'DL#', 'DT#', 'DD#', 'SECTION#']);
  for (const e of await textVersion()) assert.ok(made.has(e), e);
  assert.equal(await page.$$eval('img', (x) => x.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad links open a sensible step with a notice', async () => {
  const cases = [
    [`#/no-such-step`, 'two-peoples'],
    [`#/venus/no-such-person`, 'venus'],
    [`#/${'x'.repeat(100 * 1024)}`, 'two-peoples'],
    [`#/%E0%A4%A/%%`, 'two-peoples'],
    [`#/<img src=x onerror=alert(1)>`, 'two-peoples'],
  ];
  for (const [fragment, step] of cases) {
    const { page, problems, context } = await open(browser, server.url + fragment);
    const s = await state(page);
    assert.equal(s.step, step, fragment.slice(0, 60));
    assert.ok(s.notice.length > 0, `no notice for ${fragment.slice(0, 60)}`);
    assert.ok(s.notice.length < 200);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('?embed=1 hides the page chrome and deep links still work', async () => {
  const { page, problems, context } = await open(browser, `${server.url}?embed=1#/final-battle/cyan`);
  assert.equal(await page.isVisible('header'), false);
  let s = await state(page);
  assert.equal(s.step, 'final-battle');
  assert.equal(s.covered, true);        // it lies past four twists
  await page.evaluate(() => window.explainer.uncover());
  s = await state(page);
  assert.equal(s.selected, 'cyan');
  await frames(page, 30);
  await page.screenshot({ path: path.join(here, 'artifacts', 'embed-final-battle-cyan.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
