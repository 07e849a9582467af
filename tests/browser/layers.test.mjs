// The explanation layers in a real browser, at both screens: what changed at
// a step (with what stopped being believed, crossed out on the map), search
// that gives no twist away, filters that fade the rest, and a legend a reader
// can see. Colours are read from screenshots, not from the app's word.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, settled, insideRect, openMapTools, emptySpot, LAPTOP, PHONE } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const artifacts = path.join(here, 'artifacts', 'layers');
fs.mkdirSync(artifacts, { recursive: true });
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const SCREENS = [['laptop', LAPTOP], ['phone', PHONE]];
const OVERTURNED = [255, 138, 92];   // theme::kOverturned

// The pixels of a rectangle in the canvas's CSS px (as state() reports them), from a screenshot.
async function pixels(page, r) {
  const c = await page.locator('#canvas').boundingBox();   // the canvas sits below the page's header
  const clip = { x: c.x + Math.max(0, r.x), y: c.y + Math.max(0, r.y), width: Math.max(1, r.w), height: Math.max(1, r.h) };
  const shot = await page.screenshot({ clip });
  return page.evaluate(async (b64) => {
    // From bytes, not a data: URL: the page's CSP lets it fetch only its own site.
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
    const g = c.getContext('2d'); g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data; const out = [];
    for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
    return out;
  }, shot.toString('base64'));
}
const near = (p, c, tol = 40) => Math.abs(p[0] - c[0]) + Math.abs(p[1] - c[1]) + Math.abs(p[2] - c[2]) < tol;
const brightness = (px) => px.reduce((sum, p) => sum + p[0] + p[1] + p[2], 0) / px.length;

async function at(page, step) {
  await page.evaluate((s) => { window.explainer.search(''); window.explainer.filter(''); window.explainer.go(s); }, step);
  await settled(page);
  await frames(page, 3);
  return state(page);
}

test('at "The Nine are not an army", what changed shows the overturned belief and the map crosses it out', async () => {
  for (const [name, screen] of SCREENS) {
    const { page, problems, context } = await open(browser, server.url, { ...screen, reducedMotion: 'reduce' });
    const s = await at(page, 'not-rebels');   // the old id still opens it
    assert.equal(s.step, 'twist-2');
    const gone = s.whatChanged.filter((c) => c.kind === 'no-longer-true').map((c) => c.text);
    assert.ok(gone.includes('The Immortal Nine are plotting to overthrow Humans'), `${name}: ${JSON.stringify(gone)}`);
    assert.equal(s.whatChanged[0].kind, 'reveal');
    const label = s.edgeLabels.find((l) => l.standing === 'overturned');
    assert.ok(label, `${name}: no overturned edge label drawn`);
    assert.equal(label.text, 'plotting to overthrow');
    assert.ok(insideRect(label, s.mapRect), `${name}: the crossed-out label is off the visible map`);
    const px = await pixels(page, label);
    assert.ok(px.filter((p) => near(p, OVERTURNED)).length > 20, `${name}: the label is not drawn in the overturned colour`);
    await page.screenshot({ path: path.join(artifacts, `${name}-not-rebels.png`) });
    // A step later it is only "was believed", and the legend's switch hides it.
    const later = await at(page, 'alter');
    assert.ok(!later.whatChanged.some((c) => c.kind === 'no-longer-true'));
    assert.equal(later.showWasBelieved, true);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('search finds nothing of Roy before his reveal, and finds him by his old name after it', async () => {
  for (const [name, screen] of SCREENS) {
    const { page, problems, context } = await open(browser, server.url, { ...screen, reducedMotion: 'reduce' });
    await at(page, 'venus');
    // The search field is a real input on the map, where the page placed it
    // (on a phone, once the map's tools are open).
    const field0 = page.locator('#search');
    if (name === 'phone') assert.equal(await field0.isVisible(), false, 'phone: the search field shows with the tools folded');
    await openMapTools(page);
    let s = await state(page);
    const field = page.locator('#search');
    assert.ok(await field.isVisible(), `${name}: no search field`);
    const box = await field.boundingBox(), canvas = await page.locator('#canvas').boundingBox();
    const f = s.searchField;
    assert.ok(Math.abs(box.x - canvas.x - f.x) < 1 && Math.abs(box.y - canvas.y - f.y) < 1, `${name}: field not where the app placed it`);
    assert.ok(f.x >= s.mapRect.x && f.x + f.w <= s.mapRect.x + s.mapRect.w && f.y + f.h <= s.controlsBottom, `${name}: field off the map's controls`);
    await field.fill('Roy');
    await frames(page, 2);
    s = await state(page);
    assert.deepEqual(s.search.found, [], `${name}: "Roy" found something before the reveal`);
    await field.fill('Yunghart');
    await frames(page, 2);
    assert.deepEqual((await state(page)).search.found, []);
    await page.evaluate(() => window.explainer.go('twist-4'));
    await settled(page);
    await field.fill('Puppet Master');
    await frames(page, 3);
    s = await state(page);
    assert.deepEqual(s.search.found, ['roy'], name);
    const roy = s.labels.find((l) => l.id === 'roy');
    assert.ok(roy && insideRect(roy, s.mapRect), `${name}: Roy's label is not on the visible map`);
    await page.screenshot({ path: path.join(artifacts, `${name}-search-puppet-master.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a long search of many-byte characters, or a lone surrogate, never stops the app', async () => {
  const { page, problems, context } = await open(browser, server.url, { ...LAPTOP, reducedMotion: 'reduce' });
  const field = page.locator('#search');
  for (const text of ['\u65e5'.repeat(27), 'a' + '\u{1F600}'.repeat(20), '\u65e5'.repeat(200)]) {
    await field.fill(text);
    await frames(page, 2);
    const s = await state(page);   // state() writes the query as JSON: it must not abort
    assert.ok(text.startsWith(s.search.query), `the query kept is not a prefix of what was typed (${s.search.query.length} units)`);
    assert.ok([...s.search.query].length <= 80);
  }
  await page.evaluate(() => window.explainer.search('Ro\uD800y'));
  await frames(page, 2);
  assert.equal((await state(page)).search.query, 'Ro\uFFFDy');
  assert.equal(await page.evaluate(() => document.body.classList.contains('failed')), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a filter keeps its members lit and fades the rest', async () => {
  for (const [name, screen] of SCREENS) {
    const { page, problems, context } = await open(browser, server.url, { ...screen, reducedMotion: 'reduce' });
    let s = await at(page, 'epilogue');
    const spot = (id) => { const [x, y] = s.onScreen[id]; return { x: x - 3, y: y - 3, w: 6, h: 6 }; };   // inside the node
    const inside = (id) => { const [x, y] = s.onScreen[id]; const r = s.mapRect; return x > r.x + 6 && x < r.x + r.w - 6 && y > r.y + 6 && y < r.y + r.h - 6; };
    const member = 'rouge';
    const other = ['jean', 'eva', 'cyan', 'opera', 'roy'].find(inside);
    assert.ok(inside(member) && other, `${name}: no nodes to compare on screen`);
    // Brightness above the map's background: a node drawn behind (older context) starts dimmer.
    const empty = emptySpot(s), ground = brightness(await pixels(page, { x: empty.x - 3, y: empty.y - 3, w: 6, h: 6 }));
    const before = brightness(await pixels(page, spot(other))) - ground;
    // Nature reveals count: Naomi is one of the Neans by now; a group with no members on the map is refused.
    assert.equal(await page.evaluate(() => window.explainer.filter('members:neans')), true);
    assert.equal(await page.evaluate(() => window.explainer.filter('members:venus')), false);
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.filter, 'members:neans');
    const after = brightness(await pixels(page, spot(other))) - ground;
    const lit = brightness(await pixels(page, spot(member))) - ground;
    assert.ok(after < before * 0.6, `${name}: ${other} did not fade (${before} -> ${after})`);
    assert.ok(lit > after * 1.5, `${name}: the member is not brighter than the rest (${lit} vs ${after})`);
    await page.screenshot({ path: path.join(artifacts, `${name}-filter-neans.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the legend can be seen on both screens: open on a laptop; on a phone a compact one at the map\'s foot, the full one in the map\'s tools', async () => {
  for (const [name, screen] of SCREENS) {
    const { page, problems, context } = await open(browser, server.url, { ...screen, reducedMotion: 'reduce' });
    let s = await at(page, 'not-rebels');
    if (!s.legend.open) {
      assert.equal(name, 'phone');
      // The compact legend is on screen from the start, below the map's nodes, and names each kind on the map.
      const r = s.mapRect, foot = { x: r.x, y: s.legendTop, w: r.w, h: r.y + r.h - s.legendTop };
      assert.ok(foot.h > 20 && foot.h < r.h / 3, `phone: compact legend ${foot.h} px tall`);
      for (const [id, [, y]] of Object.entries(s.onScreen))
        if (s.labels.some((l) => l.id === id)) assert.ok(y < s.legendTop, `phone: ${id} is named under the compact legend`);
      for (const l of s.labels) assert.ok(l.y + l.h <= s.legendTop + 1, `phone: label ${l.id} under the compact legend`);
      await page.screenshot({ path: path.join(artifacts, 'phone-compact-legend.png') });
      // The full legend: Map tools, then Legend.
      await openMapTools(page);
      s = await state(page);
      const b = s.legend.button;
      assert.ok(b.w > 0 && b.x + b.w <= s.mapRect.x + s.mapRect.w && b.y + b.h <= s.controlsBottom, `${name}: no Legend button on the map`);
      const c = await page.locator('#canvas').boundingBox();
      await page.touchscreen.tap(c.x + b.x + b.w / 2, c.y + b.y + b.h / 2);
      // The legend opens, the controls grow a frame later, the camera re-frames the next: allow a few frames.
      await page.waitForFunction(() => {
        const t = window.explainer.state();
        return t.legend.open && t.legend.rect.y + t.legend.rect.h <= t.controlsBottom + 1 &&
          t.labels.every((l) => l.y >= t.controlsBottom - 1);
      }, null, { timeout: 5000 }).catch(() => {});   // the assertions below say what is wrong
      s = await state(page);
    }
    assert.equal(s.legend.open, true, name);
    const r = s.legend.rect;
    assert.ok(r.w > 100 && r.h > 20, `${name}: legend too small`);
    assert.ok(r.x >= 0 && r.x + r.w <= s.mapRect.x + s.mapRect.w + 1, `${name}: legend runs off the map's width`);
    // It sits in the map's controls, not on the map: the camera frames below them, labels keep clear.
    assert.ok(r.y + r.h <= s.controlsBottom + 1, `${name}: legend runs below the map's controls`);
    for (const l of s.labels) assert.ok(l.y >= s.controlsBottom - 1, `${name}: label ${l.id} under the legend`);
    const px = await pixels(page, r);
    assert.ok(px.some((p) => near(p, OVERTURNED)), `${name}: the legend shows no overturned line`);
    await page.screenshot({ path: path.join(artifacts, `${name}-legend.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
