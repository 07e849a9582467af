// The explainer in a real browser: loading, the map, stepping by buttons and
// keys, the text mirror, selection, layout stability, the error page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, emptySpot, onPage } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const artifacts = path.join(here, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

// The Next and Previous buttons of the panel at 1280 × 800.
const NEXT = { x: 1087, y: 129 }, PREV = { x: 968, y: 129 };

// Whether the canvas shows a drawn map: a blank canvas compresses to almost
// nothing, and ours carries shapes and text in many colours. WebGL canvases
// cannot be read back, so the colours are counted in a screenshot.
async function mapDrawn(page, name) {
  const shot = await page.locator('#canvas').screenshot(name ? { path: path.join(artifacts, name) } : {});
  assert.ok(shot.length > 20000, `canvas screenshot only ${shot.length} bytes`);
  const colours = await page.evaluate(async (b64) => {
    // From bytes, not a data: URL: the page's CSP lets it fetch only its own site.
    const img = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const c = document.createElement('canvas'); c.width = 128; c.height = 80;
    const g = c.getContext('2d'); g.drawImage(img, 0, 0, 128, 80);
    const d = g.getImageData(0, 0, 128, 80).data; const seen = new Set();
    for (let i = 0; i < d.length; i += 4) seen.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
    return seen.size;
  }, shot.toString('base64'));
  assert.ok(colours > 8, `only ${colours} distinct colours on the canvas`);
  return true;
}

test('loads with no console errors, draws a non-blank map, and fills the mirror', async () => {
  const { page, problems, context } = await open(browser, server.url);
  await frames(page, 5);
  const s = await state(page);
  assert.equal(s.step, 'two-peoples');
  assert.equal(s.index, 0);
  assert.equal(s.count, 25);
  assert.deepEqual([...s.entities].sort(), ['asimov-laws', 'humans', 'neans']);
  assert.ok(await mapDrawn(page, 'first-step.png'));
  assert.match(await page.textContent('#mirror'), /Step 1 of 25: Humans and Neans\. The series takes place/);
  // The loading status goes, and leaves the page (and the accessibility tree) soon after.
  await page.waitForFunction(() => !document.getElementById('loading'), null, { timeout: 2000 });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the start runs a stage a task: fonts, the story\'s parse, read and show, the map\'s layout, program, link and first frame never share one', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Each start mark (window.explainerStartup[stage] = time) queues a
  // microtask; microtasks run only once the task's script has returned to the
  // browser, so a mark that finds the one before it answered came in a task
  // of its own.
  await context.addInitScript(() => {
    const answered = new Set(), order = [];
    window.__startTasks = { order, apart: {} };
    window.explainerStartup = new Proxy({}, {
      set(target, stage, value) {
        if (order.length) window.__startTasks.apart[stage] = answered.has(order[order.length - 1]);
        order.push(stage);
        queueMicrotask(() => answered.add(stage));
        target[stage] = value;
        return true;
      },
    });
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
  const { order, apart } = await page.evaluate(() => window.__startTasks);
  const stages = ['fonts', 'parsed', 'read', 'story', 'map', 'renderer', 'layout', 'frame'];
  assert.deepEqual(order.filter((s) => stages.includes(s)), stages, order.join(' '));
  for (const stage of stages) assert.equal(apart[stage], true, `${stage} ran in the task before it: ${JSON.stringify(apart)}`);
  await context.close();
});

test('every step by the Next button, back by Previous, changing state and mirror', async () => {
  const { page, problems, context } = await open(browser, server.url);
  const mirrors = new Set();
  for (let i = 1; i < 25; ++i) {
    await page.mouse.click(NEXT.x, NEXT.y);
    await frames(page, 2);
    const s = await state(page);
    assert.equal(s.index, i, `after ${i} clicks`);
    mirrors.add(await page.textContent('#mirror'));
    if (s.step === 'twist-4') {
      assert.ok(s.entities.includes('roy') && !s.entities.includes('puppet-master'));
      await frames(page, 40);
      await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'reveal-puppet-master-is-roy.png') });
    }
  }
  assert.equal(mirrors.size, 24);
  assert.equal((await state(page)).step, 'epilogue');
  await frames(page, 40);
  await page.locator('#canvas').screenshot({ path: path.join(artifacts, 'last-step.png') });
  await page.mouse.click(PREV.x, PREV.y);
  await frames(page, 2);
  assert.equal((await state(page)).step, 'opera-escapes');
  assert.deepEqual(problems, []);
  await context.close();
});

test('keys: Right, Space, Left, End, Home', async () => {
  const { page, problems, context } = await open(browser, server.url);
  await page.locator('#canvas').focus();
  const press = async (key) => { await page.keyboard.press(key); await frames(page, 2); return (await state(page)).index; };
  assert.equal(await press('ArrowRight'), 1);
  assert.equal(await press('Space'), 2);
  assert.equal(await press('ArrowLeft'), 1);
  assert.equal(await press('End'), 24);
  assert.match(await page.textContent('#mirror'), /Step 25 of 25: Epilogue/);
  assert.equal(await press('Home'), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('selecting an entity: by API and by clicking its node; nothing from later steps', async () => {
  const { page, problems, context } = await open(browser, server.url);
  await page.evaluate(() => window.explainer.go('carnival'));
  await frames(page, 2);
  assert.equal(await page.evaluate(() => window.explainer.select('puppet-master')), true);
  assert.equal((await state(page)).selected, 'puppet-master');
  assert.equal(await page.evaluate(() => window.explainer.select('roy')), false);   // not met yet
  assert.equal((await state(page)).selected, 'puppet-master');
  await page.evaluate(() => window.explainer.go('puppet-master-is-roy'));
  await frames(page, 2);
  assert.equal((await state(page)).selected, 'roy');   // the selection follows the unmasked node
  // Click on the map: an empty spot clears the selection.
  const spot = await onPage(page, emptySpot(await state(page)));
  await page.mouse.click(spot.x, spot.y);
  await frames(page, 2);
  assert.equal((await state(page)).selected, null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('nodes already on the map move little from one step to the next', async () => {
  const { page, context } = await open(browser, server.url);
  let prev = await state(page), worst = 0;
  for (let i = 1; i < 25; ++i) {
    await page.evaluate(() => window.explainer.next());
    const s = await state(page);
    for (const id of prev.entities) {
      if (!s.positions[id]) continue;
      const [x0, y0] = prev.positions[id], [x1, y1] = s.positions[id];
      worst = Math.max(worst, Math.hypot(x1 - x0, y1 - y0));
    }
    prev = s;
  }
  assert.ok(worst < 150, `a node moved ${worst.toFixed(1)} px between steps`);
  await context.close();
});

test('a broken story file shows the validator errors, not a blank page', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-site-'));
  fs.cpSync(site, dir, { recursive: true });
  const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
  story.steps[4].focus[1] = 'roy<script>';
  delete story.title;
  fs.writeFileSync(path.join(dir, 'story.json'), JSON.stringify(story));
  const broken = await serve(dir);
  try {
    const { page, context } = await open(browser, broken.url);
    await page.waitForSelector('#message', { state: 'visible' });
    assert.equal(await page.textContent('#message-title'), 'The story file has problems');
    const items = await page.$$eval('#message-list li', (li) => li.map((x) => x.textContent));
    assert.ok(items.includes('title: is missing'), items.join('\n'));
    assert.ok(items.includes('steps[4].focus[1]: unknown entity "roy<script>"'), items.join('\n'));
    assert.equal(await page.$$eval('#message script', (s) => s.length), 0);
    await page.screenshot({ path: path.join(artifacts, 'broken-story.png') });
    await context.close();
  } finally {
    broken.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Counts the context's shader compiles and links, and when each happened (ms since navigation).
function countShaderWork({ failFirstSource = false } = {}) {
  window.__glWork = [];
  const proto = WebGL2RenderingContext.prototype;
  let failing = failFirstSource;
  for (const name of ['compileShader', 'linkProgram', 'shaderSource']) {
    const real = proto[name];
    proto[name] = function (...args) {
      if (name === 'shaderSource' && failing) { failing = false; throw new Error('refused, for the test'); }
      window.__glWork.push([name, performance.now()]);
      return real.apply(this, args);
    };
  }
}

test('the drawing program is compiled and linked once, by the page while the files download, and the program adopts it', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(countShaderWork);
  const page = await context.newPage();
  await page.goto(server.url + '#/naomi');
  await page.waitForFunction(() => window.explainerFirstFrameMs && window.explainer.ready, null, { timeout: 60000 });
  const { work, files } = await page.evaluate(() => ({ work: window.__glWork, files: window.explainerStartup.files }));
  assert.deepEqual(work.map(([name]) => name), ['shaderSource', 'compileShader', 'shaderSource', 'compileShader', 'linkProgram']);
  for (const [name, at] of work) assert.ok(at < files, `${name} at ${at.toFixed(0)} ms, after the files (${files.toFixed(0)} ms)`);
  assert.equal((await page.evaluate(() => window.explainer.state())).step, 'naomi');
  assert.ok(await mapDrawn(page), 'the map is drawn with the adopted program');
  await context.close();
});

test('where the page could not prepare the drawing program, the program compiles its own and draws', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(countShaderWork, { failFirstSource: true });
  const page = await context.newPage();
  await page.goto(server.url + '#/naomi');
  await page.waitForFunction(() => window.explainerFirstFrameMs && window.explainer.ready, null, { timeout: 60000 });
  const { work, files } = await page.evaluate(() => ({ work: window.__glWork, files: window.explainerStartup.files }));
  assert.deepEqual(work.map(([name]) => name), ['shaderSource', 'compileShader', 'shaderSource', 'compileShader', 'linkProgram']);
  for (const [name, at] of work) assert.ok(at > files, `${name} at ${at.toFixed(0)} ms, before the program ran`);
  assert.ok(await mapDrawn(page), 'the map is drawn with the program\'s own');
  await context.close();
});

test('a browser that refuses WebGL2 gets the text version, not a blank page or a stuck loader', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // As a browser without WebGL2 (or with it blocked) answers: no context.
  await context.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      return kind === 'webgl2' ? null : real.call(this, kind, ...rest);
    };
  });
  const page = await context.newPage();
  await page.goto(server.url + '#/naomi');
  await page.waitForSelector('#tv-body h2', { state: 'visible', timeout: 30000 });
  assert.match(await page.textContent('#tv-note'), /no WebGL2/);
  assert.equal(await page.textContent('#tv-body h2'), 'Naomi, the minder');
  assert.equal(await page.isVisible('#stage'), false);   // the loader is gone with the stage
  assert.equal(await page.isVisible('#message'), false);
  await context.close();
});

test('a fault inside the program (a WebAssembly trap) leaves the reader in the text version at their step, not a frozen map', async () => {
  const { page, context } = await open(browser, server.url + '#/naomi');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.explainer.state().index === 5);
  const step = await page.evaluate(() => window.explainer.state().title);
  await frames(page, 3);
  // A bogus pointer handed to the program's own free() reads outside its memory: the trap a bug
  // would raise, here from a task of its own as a frame's would be.
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.evaluate(() => setTimeout(() => window.Module._free(-16)));
  await page.waitForSelector('#tv-body h2', { state: 'visible', timeout: 20000 });
  assert.deepEqual(pageErrors, ['memory access out of bounds']);   // the trap itself, as the browser reports it
  assert.match(await page.textContent('#tv-note'), /^The map stopped on an error \(memory access out of bounds\)\. Reloading/);
  assert.equal(await page.textContent('#tv-body h2'), step);
  assert.equal(await page.isVisible('#stage'), false);
  assert.equal(await page.isVisible('#message'), false);
  await page.screenshot({ path: path.join(artifacts, 'fault-text-version.png') });
  // The text version steps on its own.
  await page.click('#tv-next');
  await page.waitForFunction((t) => document.querySelector('#tv-body h2').textContent !== t, step);
  await context.close();
});

test('a phone-sized window puts the panel below the map', async () => {
  const { page, problems, context } = await open(browser, server.url + '#/venus', { viewport: { width: 360, height: 740 } });
  await frames(page, 30);
  await page.screenshot({ path: path.join(artifacts, 'phone.png') });
  assert.equal((await state(page)).step, 'venus');
  assert.deepEqual(problems, []);
  await context.close();
});
