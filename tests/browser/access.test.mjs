// access.test.mjs — every reader: the canvas's semantic layer (a named,
// focusable DOM twin for each control the app draws, shell/controls.js), a
// keyboard-only walk through the whole ending, focus that never changes the
// view, the step lists, overlays that give focus back, axe-core on five
// views, valid HTML, and every file fetched once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { serve, launch, open, state, frames, settled, PHONE } from './harness.mjs';

const site = new URL('../../build/web/site/', import.meta.url).pathname;
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); fs.mkdirSync(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); server?.stop(); });

// The twins as the page holds them, in DOM order.
const twins = (page) => page.evaluate(() => [...document.querySelectorAll('.twin')].map((t) => ({
  name: t.getAttribute('aria-label') || t.textContent,
  area: t.closest('#map-controls') ? 'map' : 'panel',
  tag: t.tagName.toLowerCase(),
  expanded: t.getAttribute('aria-expanded'),
  disabled: t.getAttribute('aria-disabled') === 'true',
  value: t.tagName === 'SELECT' ? t.options[t.selectedIndex].textContent : null,
  current: t.querySelector('[aria-current=step]')?.textContent ?? null,
  steps: t.getAttribute('role') === 'group' ? [...t.children].map((b) => b.textContent) : null,
})));
// What has the page's focus, as a name a reader would hear.
const focused = (page) => page.evaluate(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return 'body';
  if (e.classList.contains('twin-step')) return 'step:' + e.textContent;
  return e.id ? '#' + e.id : e.getAttribute('aria-label') || e.textContent;
});
// Focus as Tab would give it: the step list's one stop is its roving button.
const focusTwin = (page, name) => page.evaluate((n) => {
  const twin = [...document.querySelectorAll('.twin')].find((t) => (t.getAttribute('aria-label') || t.textContent) === n);
  (twin.querySelector('[tabindex="0"]') || twin).focus();
}, name);
const until = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 10000 });

for (const [name, screen] of [['laptop', {}], ['phone', PHONE]]) {
  test(`every control the canvas draws has a DOM twin with its name, role and state, in the order seen (${name})`, async () => {
    const { page, problems, context } = await open(browser, `${server.url}#/naomi`, screen);
    await settled(page);
    await frames(page, 3);
    const s = await state(page);
    const t = await twins(page);
    // The ring's items, the map's first: the order the twins are in.
    const ring = [...s.buttons.filter((b) => b.area === 'map'), ...s.buttons.filter((b) => b.area === 'panel')];
    assert.deepEqual(t.map((x) => x.name), ring.map((b) => b.label));
    assert.ok(t.length >= (name === 'phone' ? 8 : 14), t.map((x) => x.name).join(', '));
    const by = Object.fromEntries(t.map((x) => [x.name, x]));
    assert.equal(by.Steps.tag, 'div');
    assert.equal(by.Steps.steps.length, story.steps.length);
    assert.equal(by.Steps.current, `5. ${story.steps[4].title}`);
    assert.equal(by['< Previous'].disabled, false);
    assert.equal(by.Glossary.expanded, 'false');
    if (name === 'laptop') {
      assert.equal(by.Filter.tag, 'select');
      assert.equal(by.Filter.value, 'No filter');
      assert.equal(by['Hide legend'].expanded, 'true');
    } else {
      assert.equal(by['Map tools'].expanded, 'false');
      assert.equal(by['Hide text'].expanded, 'true');
    }
    // Each sits over its control, inside the map's box.
    const boxes = await page.evaluate(() => [...document.querySelectorAll('.twin')].map((e) => {
      const r = e.getBoundingClientRect(), c = document.getElementById('canvas').getBoundingClientRect();
      return { x: r.x - c.x, y: r.y - c.y, w: r.width, h: r.height };
    }));
    ring.forEach((b, i) => {
      if (b.y + b.h > s.mapRect.y + 2000) return;
      assert.ok(Math.abs(boxes[i].x - Math.max(0, b.x)) <= 1.5 && boxes[i].w >= 1, `${b.label}: ${JSON.stringify([boxes[i], b])}`);
    });
    // The first step is never disabled but at the start, and the DOM order is search, map controls, map, panel.
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#search, #map-controls, #canvas, #panel-controls')].map((e) => e.id)),
                     ['search', 'map-controls', 'canvas', 'panel-controls']);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('keyboard only: Tab follows the layout, focus never changes the view, and every control works from the keyboard', async () => {
  const { page, problems, context } = await open(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, -1) });
  await settled(page);
  await frames(page, 3);
  // One whole Tab cycle from a fresh load: what each stop is, and what the ring shows.
  const stops = [];
  for (let i = 0; i < 60; ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
    const f = await focused(page);
    if (stops.length && f === stops[0]) break;
    stops.push(f);
    const ring = (await state(page)).keyboardFocus;
    const isTwin = await page.evaluate(() => !!document.activeElement.closest('.twin'));
    if (isTwin) assert.equal(ring, f.startsWith('step:') ? 'Steps' : f, `the ring shows ${ring} while ${f} has focus`);
    else assert.equal(ring, '', `the ring shows ${ring} while ${f} has focus`);
    assert.equal(await page.evaluate(() => document.body.classList.contains('text-view')), false, `focus on ${f} changed the view`);
  }
  const at = (name) => stops.findIndex((s) => s === name || s.startsWith(name));
  // The map shows its focus when Tab reaches it, and not when a press focuses it.
  const outline = () => page.evaluate(() => getComputedStyle(document.getElementById('canvas')).outlineStyle);
  await page.focus('#search');
  await page.keyboard.press('Shift+Tab');
  while (await page.evaluate(() => document.activeElement.id !== 'canvas')) await page.keyboard.press('Tab');
  assert.equal(await outline(), 'solid');
  await page.mouse.click(640, 780);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas');
  assert.equal(await outline(), 'none');
  for (const name of ['#skip', '#open-story', '#text-toggle', '#search', 'See the whole map', 'Frame the step', 'This step only',
                      'Filter', 'Hide legend', '#canvas', 'step:1. ', '< Previous', 'Next >', 'Copy link', 'Glossary',
                      'About this explainer', 'Save image', 'Transcript'])
    assert.ok(at(name) >= 0, `${name} not reached: ${stops.join(' | ')}`);
  // The layout's order: header, the map's controls (search first), the map, the panel.
  const order = ['#skip', '#text-toggle', '#search', 'See the whole map', 'Hide legend', '#canvas', 'step:1. ', 'Next >', 'Transcript'];
  assert.deepEqual(order.map(at), [...order.map(at)].sort((a, b) => a - b), stops.join(' | '));
  assert.ok(!stops.some((s) => /^(Previous|Next|Download transcript|Back to the map)$/.test(s)), 'Tab reached the hidden text version');

  // Step through the whole ending with Next alone.
  await focusTwin(page, 'Next >');
  for (let k = 1; k < story.steps.length; ++k) {
    await page.keyboard.press('Enter');
    await until(page, (want) => window.explainer.state().index === want || window.explainer.state().covered, k);
    assert.equal((await state(page)).index, k);
  }
  assert.equal(await focused(page), 'Next >');
  // Choose a step from the list: one tab stop, the arrows move along it, Enter goes.
  await focusTwin(page, 'Steps');
  await page.keyboard.press('Home');
  for (let i = 0; i < 4; ++i) await page.keyboard.press('ArrowRight');
  assert.equal(await focused(page), `step:5. ${story.steps[4].title}`);
  await frames(page, 2);
  assert.equal((await state(page)).hint, `5. ${story.steps[4].title}`);   // the map names the step the keys are on
  await page.screenshot({ path: path.join(artifacts, 'keyboard-step-list.png') });
  await page.keyboard.press('Enter');
  await until(page, () => window.explainer.state().index === 4);
  // The filter is a real <select>.
  await focusTwin(page, 'Filter');
  await page.keyboard.press('ArrowDown');
  await until(page, () => window.explainer.state().filter === 'kind:character');
  // The legend, a disclosure.
  await focusTwin(page, 'Hide legend');
  await page.keyboard.press('Enter');
  await until(page, () => !window.explainer.state().legend.open);
  await until(page, () => [...document.querySelectorAll('.twin')].some((t) => t.textContent === 'Legend' && t.getAttribute('aria-expanded') === 'false'));
  assert.equal(await focused(page), 'Legend');   // the same control, renamed, keeps the focus
  // The arrows still step while a twin has focus.
  await page.keyboard.press('ArrowRight');
  await until(page, () => window.explainer.state().index === 5);
  // Copy link copies in the key press itself; the toast leaves the page once faded.
  await focusTwin(page, 'Copy link');
  await page.keyboard.press('Enter');
  await until(page, () => document.getElementById('toast').textContent === 'Link copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}s/${story.steps[5].id}/`);
  await until(page, () => document.getElementById('toast').textContent === '');
  // Save image and the transcript download. (The pointer rests on the map since the click above:
  // a name it was over at a later step once stopped the page here, see test_app.cpp.)
  await focusTwin(page, 'Save image');
  const [picture] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(picture.suggestedFilename(), /-step-6\.png$/);
  await focusTwin(page, 'Transcript');
  const [transcript] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(transcript.suggestedFilename(), 'metallic-rouge-ending-to-step-6.md');
  // Search: the page's own field.
  await page.focus('#search');
  await page.keyboard.type('Naomi');
  await until(page, () => window.explainer.state().search.found.includes('naomi'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text version is inert while the map shows, and the map while it shows; it lists the steps seen, to jump to', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/naomi`);
  await settled(page);
  assert.equal(await page.evaluate(() => document.getElementById('text-version').inert), true);
  await page.focus('#text-toggle');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#tv-steps li', { state: 'attached', timeout: 20000 });
  assert.equal(await page.evaluate(() => document.getElementById('stage').inert), true);
  assert.equal(await page.evaluate(() => document.querySelectorAll('main').length), 1);
  // Steps seen so far: 1 to 5, the fifth marked as the one on screen.
  const listed = await page.$$eval('#tv-steps button', (bs) => bs.map((b) => [b.textContent, b.getAttribute('aria-current')]));
  assert.deepEqual(listed, story.steps.slice(0, 5).map((s, i) => [s.title, i === 4 ? 'step' : null]));
  // A whole Tab cycle stays out of the map.
  for (let i = 0; i < 20; ++i) {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement.closest('#stage')), false);
  }
  await page.click('#tv-steps-box summary');
  await page.click('#tv-steps button:text-is("Rouge Redstar, a proto-Nean")');
  await until(page, () => window.explainer.state().index === 1);
  // Under a cover, nothing past what was seen is listed.
  await page.evaluate(() => { location.hash = '#/twist-4'; });
  await until(page, () => window.explainer.state().covered);
  await page.evaluate(() => window.explainer.go('rouge'));
  const secrets = story.steps.filter((s) => s.reveal).map((s) => s.title);
  const text = await page.textContent('#tv-steps');
  for (const secret of secrets) assert.ok(!text.includes(secret), secret);
  assert.deepEqual(problems, []);
  await context.close();
});

test('Escape closes the link box and gives focus back to Copy link, where the arrows work again', async () => {
  // No clipboard permission: the link box stands in.
  const { page, context } = await open(browser, `${server.url}#/naomi`);
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  await settled(page);
  await focusTwin(page, 'Copy link');
  await page.keyboard.press('Enter');
  await until(page, () => document.getElementById('linkbox').classList.contains('show'));
  assert.equal(await focused(page), '#link');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.getElementById('linkbox').classList.contains('show')), false);
  assert.equal(await focused(page), 'Copy link');
  await page.keyboard.press('ArrowRight');
  await until(page, () => window.explainer.state().index === 5);
  await context.close();
});

// axe-core in five views; any violation fails.
async function axe(page, label) {
  const result = await new AxeBuilder({ page }).analyze();
  const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')}`);
  assert.deepEqual(found, [], `${label}: ${found.join('\n')}`);
}
test('axe-core finds no violation on the map, the text version, a covered link, a preview page and a phone', async () => {
  {
    const { page, context } = await open(browser, `${server.url}#/naomi`);
    await settled(page);
    await axe(page, 'map view');
    await page.click('#text-toggle');
    await page.waitForSelector('#tv-body h2', { timeout: 20000 });
    await axe(page, 'text version');
    await context.close();
  }
  {
    const { page, context } = await open(browser, `${server.url}#/twist-4`);
    await settled(page);
    await axe(page, 'covered link');
    await context.close();
  }
  {
    const { page, context } = await open(browser, `${server.url}#/jean`, PHONE);
    await settled(page);
    await axe(page, 'phone');
    await context.close();
  }
  {
    // A preview page, which is the explainer with its step's card.
    const { page, context } = await open(browser, `${server.url}s/twist-4/`);
    await settled(page);
    assert.equal(await page.getAttribute('meta[property="og:title"]', 'content'), 'Step 18 of 25: a twist, past 3 more (hidden)');
    await axe(page, 'preview page');
    await context.close();
  }
});

test('the page and every preview page are valid HTML (html-validate)', async () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const pages = ['index.html', ...story.steps.map((s) => `s/${s.id}/index.html`)];
  for (const file of pages) {
    const report = await validator.validateString(fs.readFileSync(path.join(site, file), 'utf8'), file);
    const messages = report.results.flatMap((r) => r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
    assert.deepEqual(messages, [], messages.join('\n'));
  }
});

test('every file the page needs is fetched once (Resource Timing)', async () => {
  const { page, context } = await open(browser, `${server.url}#/naomi`);
  await page.waitForFunction(() => window.explainerText, null, { timeout: 20000 });
  await frames(page, 10);
  const names = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, [], names.join(', '));
  for (const file of ['/explainer.wasm', '/font.ttf', '/story.json', '/explainer.js']) assert.ok(names.includes(file), `${file} not fetched: ${names}`);
  await context.close();
});
