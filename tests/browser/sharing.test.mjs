// Spoiler-safe sharing in a real browser: cold links past twists open
// covered and the keys lift the cover rather than skip it; old step ids keep
// working and the address bar learns the neutral one; timeline tooltips never
// name an unseen twist; the cover's buttons are reached by Tab; embeds leave
// the host page's wheel alone and share the canonical link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, tabRing, tabTo, emptySpot } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const indexOf = (id) => story.steps.findIndex((s) => s.id === id);
const twistsUpTo = (k) => story.steps.slice(0, k + 1).filter((s) => s.reveal).length;
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test('a cold link to a step past twists is covered, says how many, and a key lifts the cover', async () => {
  for (const [id, key] of [['roy-aim', 'ArrowRight'], ['epilogue', 'Space'], ['final-battle', 'Enter']]) {
    const { page, problems, context } = await open(browser, `${server.url}#/${id}`);
    let s = await state(page);
    assert.equal(s.step, id);
    assert.equal(s.covered, true, id);
    assert.equal(s.skipped, twistsUpTo(indexOf(id)), id);
    assert.equal(s.title, '');
    assert.ok(!s.entities.includes('roy'), `${id}: the map under the cover shows an unmasked Roy`);
    assert.match(await page.textContent('#mirror'), new RegExp(`skips ${s.skipped} twists`));
    await page.locator('#canvas').focus();
    await page.keyboard.press(key);
    await frames(page, 2);
    s = await state(page);
    assert.equal(s.covered, false, `${key} should lift the cover`);
    assert.equal(s.step, id, `${key} must not skip past the covered step`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('every old step id still opens its step, and the address bar shows the neutral id', async () => {
  const { page, problems, context } = await open(browser, server.url);
  for (const step of story.steps) {
    for (const alias of step.aliases || []) {
      await page.evaluate((f) => { location.hash = f; }, `#/${alias}`);
      await page.waitForFunction((id) => window.explainer.state().step === id, step.id);
      await page.waitForFunction((id) => location.hash === `#/${id}`, step.id);
      assert.equal((await state(page)).notice, '');
    }
  }
  assert.ok(story.steps.filter((s) => s.reveal).every((s) => /^twist-\d+$/.test(s.id)));
  assert.deepEqual(problems, []);
  await context.close();
});

test('timeline tooltips name no twist the reader has not seen', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/jean`);
  const s0 = await state(page);
  const t = s0.timeline;   // in CSS px of the canvas
  const canvas = await page.locator('#canvas').boundingBox();
  const xOf = (i) => canvas.x + t.x + 8 + (t.w - 16) * i / (story.steps.length - 1);
  const hints = [];
  for (let i = 0; i < story.steps.length; ++i) {
    await page.mouse.move(xOf(i), canvas.y + t.y + t.h / 2);
    await frames(page, 2);
    hints.push((await state(page)).hint);
  }
  const firstTwist = story.steps.findIndex((s) => s.reveal);
  for (let i = 0; i < story.steps.length; ++i) {
    assert.ok(hints[i].startsWith(`${i + 1}. `), `tooltip ${i + 1}: ${hints[i]}`);
    if (i < firstTwist) assert.ok(hints[i].includes(story.steps[i].title), hints[i]);
    else assert.ok(!hints[i].includes(story.steps[i].title), `tooltip ${i + 1} names "${story.steps[i].title}"`);
  }
  assert.ok(hints.some((h) => h.includes("A twist you haven't seen yet")));
  assert.deepEqual(problems, []);
  await context.close();
});

test("the cover's buttons, Copy link and Glossary are reached by Tab and pressed by Enter", async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/twist-4`);
  await page.locator('#canvas').focus();
  const reached = await tabRing(page, { max: 12, until: 'Show everything' });
  assert.ok(reached.includes('Copy link'), reached.join(', '));
  assert.equal(reached.at(-1), 'Show everything', reached.join(', '));
  await page.keyboard.press('Enter');
  await frames(page, 2);
  assert.equal((await state(page)).covered, false);
  await tabTo(page, 'Glossary');   // as far as the whole ring: the lifted cover's button goes, and focus may start over (seen once under load)
  assert.equal((await state(page)).keyboardFocus, 'Glossary');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in an embed: the wheel scrolls the host until the map is clicked; a click gives keys; Copy link is canonical', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  await page.goto(server.url + 'story.json');   // any page of the same origin will host it
  await page.evaluate((src) => {
    document.body.innerHTML = '';
    document.body.style.margin = '0';
    const top = document.createElement('div'); top.style.height = '200px';
    const frame = document.createElement('iframe');
    frame.src = src; frame.style.cssText = 'width:900px;height:500px;border:0;display:block';
    const bottom = document.createElement('div'); bottom.style.height = '2000px';
    document.body.append(top, frame, bottom);
  }, `${server.url}?embed=1#/venus`);
  const frame = page.frames().find((f) => f !== page.mainFrame()) || await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  // A spot on the embedded map, from where the page put the frame and where the app says its map is.
  const canvas = await (await frame.$('#canvas')).boundingBox();   // in the host page's pixels
  const inFrame = emptySpot(await frame.evaluate(() => window.explainer.state()));
  const onMap = { x: canvas.x + inFrame.x, y: canvas.y + inFrame.y };
  await page.mouse.move(onMap.x, onMap.y);
  await page.mouse.wheel(0, 300);
  await page.waitForTimeout(400);
  assert.ok(await page.evaluate(() => window.scrollY) > 0, 'the host page did not scroll');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.click(onMap.x, onMap.y);   // on the map inside the frame
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'canvas');
  await frame.evaluate(() => window.explainer.uncover());
  const before = (await frame.evaluate(() => window.explainer.state())).index;
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(200);
  assert.equal((await frame.evaluate(() => window.explainer.state())).index, before + 1);
  const copied = await frame.evaluate(() => new Promise((resolve) => {
    navigator.clipboard.writeText = (text) => { resolve(text); return Promise.resolve(); };
    window.explainerPage.copyLink(window.explainer.state().step, document.title);
  }));
  assert.ok(!copied.includes('embed'), copied);
  assert.ok(copied.startsWith(server.url + 's/'), copied);
  await context.close();
});
