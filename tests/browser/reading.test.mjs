// Sharing and reading without the canvas, in a real browser: the build's
// spoiler-safe preview pages and images, the tab title, Save image and
// Transcript, the text version (with the map, and alone where WebGL is off),
// and what the accessibility tree holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const artifacts = path.join(here, 'artifacts');
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const text = JSON.parse(fs.readFileSync(path.join(site, 'text.json'), 'utf8'));
// The names on the map at each step, from text.json as src/cli/site.h
// describes it (what joined and left the map since the step before).
const mapNames = (() => {
  const names = {}, out = [], onMap = new Set();
  for (const step of text.steps) {
    for (const [id, card] of Object.entries(step.cards)) if ('name' in card) names[id] = card.name;   // a card's text, where it changed
    for (const id of step.entitiesAdded) onMap.add(id);
    for (const id of step.entitiesGone || []) onMap.delete(id);
    out.push(text.order.filter((id) => onMap.has(id)).map((id) => names[id]));
  }
  return out;
})();
const indexOf = (id) => story.steps.findIndex((s) => s.id === id);
const firstTwist = story.steps.findIndex((s) => s.reveal);
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); fs.mkdirSync(artifacts, { recursive: true }); });
after(async () => { await browser?.close(); server?.stop(); });

// What the twists from step k on give away: their titles, narrations and
// summaries, and (names: true) the names they reveal, which a preview never
// needs and a transcript may hold from before (a species, say).
function secretsFrom(k, { names = true } = {}) {
  const out = new Set();
  story.steps.forEach((s, i) => { if (s.reveal && i >= k) [s.title, s.narration, s.summary].forEach((x) => x && out.add(x)); });
  const entity = (id) => story.entities.find((e) => e.id === id);
  for (const r of story.reveals || []) {
    if (indexOf(r.step) < k) continue;
    out.add(r.summary);
    if (names) out.add(entity(r.target).name);
  }
  return [...out];
}
const unescape = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test('every step has a preview page whose title fits a link card, tells the truth and names no twist its reader has not seen', () => {
  assert.ok(firstTwist > 0);
  for (const [k, step] of story.steps.entries()) {
    const html = fs.readFileSync(path.join(site, 's', step.id, 'index.html'), 'utf8');
    const metas = [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1], unescape(m[2])]);
    const meta = Object.fromEntries(metas);
    const title = unescape(html.match(/<title>([^<]*)<\/title>/)[1]);
    for (const key of ['og:title', 'og:description', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt',
                       'og:site_name', 'twitter:card', 'twitter:title', 'description'])
      assert.ok(meta[key], `${step.id}: no ${key}`);
    assert.equal(meta['og:image'], 'preview.png');   // relative: this build was given no site address
    assert.deepEqual([meta['og:image:width'], meta['og:image:height']], ['1200', '630']);
    assert.equal(meta['og:site_name'], story.title);
    // The explainer's own page, one folder down.
    assert.match(html, new RegExp(`<html lang="en" data-step="${step.id}">`));
    assert.match(html, /<base href="\.\.\/\.\.\/">/);
    assert.match(html, /<script src="page\.js"><\/script>/);
    assert.match(html, /<link rel="icon" href="icon\.svg"/);
    assert.ok([...title].length <= 70, `${step.id}: ${[...title].length} characters: ${title}`);
    assert.equal(meta['og:title'], title);
    assert.ok(title.startsWith(`Step ${k + 1} of ${story.steps.length}`), title);
    if (k < firstTwist) {
      assert.ok(title.includes(step.title) || title.endsWith('\u2026'), `${step.id}: ${title}`);
      continue;
    }
    // What the title says of the step is true of it: a twist, or a step past some.
    const hidden = story.steps.slice(firstTwist, k + 1).filter((s) => s.reveal).length;
    const twists = (n) => n + (n === 1 ? ' twist' : ' twists');
    assert.equal(title, `Step ${k + 1} of ${story.steps.length}` + (step.reveal
      ? (hidden === 1 ? ': a twist (hidden)' : `: a twist, past ${hidden - 1} more (hidden)`)
      : `, past ${twists(hidden)} (hidden)`));
    // The twists a cold reader of this link has not seen: all from the first on.
    const shown = [title, ...metas.map(([, v]) => v)].join('\n');
    for (const secret of secretsFrom(firstTwist)) assert.ok(!shown.includes(secret), `${step.id} gives away "${secret}"`);
  }
});

test('the preview images exist for every step, are 1200×630 and not blank', async () => {
  const { page, context } = await open(browser, server.url);
  for (const step of story.steps) {
    const stats = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      for (let i = 0; i < px.length; i += 4 * 97) colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      return { w: img.width, h: img.height, colours: colours.size };
    }, `${server.url}s/${step.id}/preview.png`);
    assert.equal(stats.w, 1200, step.id);
    assert.equal(stats.h, 630, step.id);
    assert.ok(stats.colours > 20, `${step.id}: ${stats.colours} colours`);
  }
  await context.close();
});

test('a preview page is the explainer: it opens its step in place, covered where the cover rule says, with no second page load', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + 'story.json');
  for (const [id, covered] of [['naomi', false], ['twist-4', true]]) {
    const documents = [];
    const listen = (r) => { if (r.resourceType() === 'document') documents.push(new URL(r.url()).pathname); };
    page.on('request', listen);
    await page.goto(`${server.url}s/${id}/`);
    await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
    page.off('request', listen);
    assert.deepEqual(documents, [`/s/${id}/`]);   // one document, this one
    // Its address is now the explainer's own.
    assert.equal(new URL(page.url()).pathname, '/');
    assert.equal(new URL(page.url()).hash, `#/${id}`);
    const s = await state(page);
    assert.equal(s.index, indexOf(id));
    assert.equal(s.covered, covered, id);
  }
  // With an entity of its own, as Copy link makes it.
  await page.goto(`${server.url}s/naomi/#/naomi/rouge`);
  await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  assert.equal((await state(page)).selected, 'rouge');
  await page.goBack();
  await page.waitForURL(/s\/twist-4|#\/twist-4/);
  assert.equal(new URL(page.url()).hash, '#/twist-4');   // the explainer itself, not its preview page
  await context.close();
});

test('the tab title follows the step and never names a hidden twist', async () => {
  const { page, context } = await open(browser, `${server.url}#/twist-4`);
  const hidden = await page.title();
  assert.match(hidden, /^Step 18 of 25: a twist, past 3 more \(hidden\) · /);
  for (const secret of secretsFrom(firstTwist)) assert.ok(!hidden.includes(secret), secret);
  await page.evaluate(() => window.explainer.uncover());
  assert.equal(await page.title(), `Step 18 of 25: ${story.steps[17].title} · ${story.title}`);
  await page.evaluate(() => window.explainer.go('naomi'));
  assert.equal(await page.title(), `Step 5 of 25: Naomi, the minder · ${story.title}`);
  await context.close();
});

test('Copy link gives the preview page of the step, with the entity where one is selected', async () => {
  const { page, context } = await open(browser, `${server.url}#/venus`, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(() => window.explainer.uncover());
  const copy = () => page.evaluate(() => new Promise((resolve) => {
    navigator.clipboard.writeText = (t) => { resolve(t); return Promise.resolve(); };
    window.explainerPage.copyLink(window.explainer.state().step, document.title);
  }));
  assert.equal(await copy(), `${server.url}s/venus/`);
  await page.evaluate(() => window.explainer.select('rouge'));
  await frames(page, 2);
  assert.equal(await copy(), `${server.url}s/venus/#/venus/rouge`);
  await context.close();
});

test('Save image downloads a PNG of the canvas at device resolution', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/naomi`, { scale: 2 });
  await frames(page, 3);
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explainer.saveImage())]);
  assert.equal(download.suggestedFilename(), 'metallic-rouge-ending-step-5.png');
  const file = path.join(artifacts, 'saved-image.png');
  await download.saveAs(file);
  const png = fs.readFileSync(file);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const size = await page.evaluate(() => [document.getElementById('canvas').width, document.getElementById('canvas').height]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], size);
  assert.deepEqual(size, [2560, 1600 - 2 * (await page.evaluate(() => document.querySelector('header').offsetHeight))]);
  assert.deepEqual(problems, []);
  await context.close();
});

async function transcriptAt(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(() => window.explainer.saveTranscript())]);
  return { name: download.suggestedFilename(), text: fs.readFileSync(await download.path(), 'utf8') };
}

test('the transcript at a step holds that step and the ones before, and nothing after', async () => {
  const { page, context } = await open(browser, `${server.url}#/usurpers`);
  const k = indexOf('usurpers');
  const t = await transcriptAt(page);
  assert.equal(t.name, `metallic-rouge-ending-to-step-${k + 1}.md`);
  for (const [i, s] of story.steps.entries()) assert.equal(t.text.includes(s.narration), i <= k, `step ${i + 1}`);
  // Under a cover: up to what the map shows, before the first skipped twist.
  await page.goto(`${server.url}#/twist-4`);
  await page.reload();
  await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  assert.equal((await state(page)).covered, true);
  const covered = await transcriptAt(page);
  for (const [i, s] of story.steps.entries()) assert.equal(covered.text.includes(s.narration), i < firstTwist, `covered, step ${i + 1}`);
  for (const secret of secretsFrom(firstTwist, { names: false })) assert.ok(!covered.text.includes(secret), secret);
  await context.close();
});

const tvEntities = (page) => page.$$eval('#tv-body .tv-entities > li > button', (b) => b.map((x) => x.textContent));

test('the text version lists what is on the map, follows the app, and selects in it', async () => {
  const { page, problems, context } = await open(browser, `${server.url}#/naomi`);
  await page.waitForSelector('#tv-body h2', { state: 'attached', timeout: 20000 });
  assert.equal(await page.textContent('#tv-body h2'), 'Naomi, the minder');
  const k = indexOf('naomi');
  assert.deepEqual(await tvEntities(page), mapNames[k]);
  assert.ok((await tvEntities(page)).includes('Naomi Orthmann'));
  assert.match(await page.textContent('#tv-body'), /Naomi Orthmann — looks after → Rouge Redstar/);
  // Selecting on the map shows the card in the text version...
  await page.evaluate(() => window.explainer.select('rouge'));
  await page.waitForSelector('#tv-body .tv-selected');
  assert.match(await page.textContent('#tv-body .tv-selected h3'), /Selected: Rouge Redstar/);
  // ...and a name pressed in the text version selects it on the map.
  await page.click('#text-toggle');
  await page.click('#tv-body .tv-entities button:text-is("Naomi Orthmann")');
  assert.equal((await state(page)).selected, 'naomi');
  assert.equal(await page.getAttribute('#tv-body .tv-entities button:text-is("Naomi Orthmann")', 'aria-pressed'), 'true');
  await page.click('#tv-next');
  assert.equal((await state(page)).index, k + 1);
  assert.equal(await page.textContent('#tv-progress'), `Step ${k + 2} of 25`);
  await page.screenshot({ path: path.join(artifacts, 'text-version-laptop.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the accessibility tree holds the step, the entities, and no stale loading status', async () => {
  const { page, context } = await open(browser, `${server.url}#/naomi`);
  await page.waitForSelector('#tv-body h2', { state: 'attached', timeout: 20000 });
  await page.waitForTimeout(500);
  const tree = await page.locator('body').ariaSnapshot();
  assert.match(tree, /heading "Naomi, the minder"/);
  assert.match(tree, /button "Naomi Orthmann"/);
  assert.match(tree, /Step 5 of 25/);
  assert.ok(!/Loading the explainer/.test(tree), tree);
  assert.equal(await page.$('[role=status] #progress'), null);
  await context.close();
});

test('a covered link in the text version says so, and lifting it there lifts it on the map', async () => {
  const { page, context } = await open(browser, `${server.url}#/twist-4`);
  await page.waitForSelector('#tv-body h2', { state: 'attached', timeout: 20000 });
  assert.equal(await page.textContent('#tv-body h2'), 'This link skips 4 twists');
  assert.deepEqual(await tvEntities(page), mapNames[firstTwist - 1]);
  await page.keyboard.press('Tab');   // the first stop: the skip link
  assert.equal(await page.evaluate(() => document.activeElement.id), 'skip');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'text-version');
  assert.equal(await page.evaluate(() => document.body.classList.contains('text-view')), true);
  await page.click('#tv-body button:text-is("Show everything")');
  assert.equal((await state(page)).covered, false);
  await page.waitForFunction((t) => document.querySelector('#tv-body h2').textContent === t, story.steps[17].title);
  await context.close();
});

for (const [name, viewport, scale] of [['laptop', { width: 1280, height: 800 }, 1], ['phone', { width: 390, height: 844 }, 3]]) {
  test(`with WebGL off, the text version steps through the whole story (${name})`, async () => {
    const noGl = await launch(['--disable-webgl']);
    try {
      const context = await noGl.newContext({ viewport, deviceScaleFactor: scale });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
      await page.goto(`${server.url}#/twist-2`);
      await page.waitForSelector('#tv-body h2', { timeout: 30000 });
      assert.match(await page.textContent('#tv-note'), /no WebGL2/);
      assert.match(await page.textContent('#tv-body h2'), /This link skips 2 twists/);
      assert.match(await page.title(), /^Step 10 of 25: a twist \(hidden\) · /);
      await page.screenshot({ path: path.join(artifacts, `text-only-cover-${name}.png`) });
      await page.click('#tv-body button:text-is("Start from the beginning")');
      assert.equal(await page.textContent('#tv-body h2'), story.steps[0].title);
      assert.equal(new URL(page.url()).hash, `#/${story.steps[0].id}`);
      for (let k = 1; k < story.steps.length; ++k) {
        // Rapid stepping is one history entry, as on the map: the last step, after a pause, is its own.
        if (k === story.steps.length - 1) await page.waitForTimeout(800);
        await page.click('#tv-next');
        assert.equal(await page.textContent('#tv-body h2'), story.steps[k].title);
        assert.equal(await page.textContent('#tv-progress'), `Step ${k + 1} of ${story.steps.length}`);
        assert.deepEqual(await tvEntities(page), mapNames[k], `step ${k + 1}`);
      }
      assert.equal(await page.isDisabled('#tv-next'), true);
      assert.equal(await page.title(), `Step 25 of 25: ${story.steps[24].title} · ${story.title}`);
      await page.screenshot({ path: path.join(artifacts, `text-only-last-${name}.png`), fullPage: false });
      await page.goBack();
      assert.equal(await page.textContent('#tv-body h2'), story.steps[23].title);   // Back, never covered
      await page.click('#tv-body .tv-entities button >> nth=0');
      assert.match(new URL(page.url()).hash, /^#\/[a-z0-9-]+\/[a-z0-9-]+$/);
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await noGl.close();
    }
  });
}

// The keyboard's whole walk (every control, the filter, the step list) is in access.test.mjs.
