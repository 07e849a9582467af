// soak.mjs — drives the built explainer in headless Chromium with random
// reader actions for a while, and watches for leaks and errors.
//
//   node tests/soak/soak.mjs [--minutes M] [--sample-seconds S] [--seed N]
//
// Actions: Next, Previous, go to a step, select an entity, uncover, Back,
// Forward, edit the fragment (good and hostile), resize (phone ↔ laptop),
// wheel and drag on the map, open and close the text version. Every S
// seconds (default 30) it samples the JS heap, the wasm memory, the DOM's
// element count and history.length, and prints a line. It fails (exit 1) on
// any console error or page error, or when the wasm memory or the JS heap
// grows past its bound between the first sample and the last (the first
// is taken after a warm-up pass over every step). The samples also land in
// tests/soak/out/soak-<minutes>min.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, state, frames } from '../browser/harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const arg = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const minutes = arg('minutes', 2), sampleSeconds = arg('sample-seconds', 30);
let seed = arg('seed', 1);
const rnd = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
// Bounds on growth from the first sample to the last.
const WASM_GROWTH_MAX = 8 * 1024 * 1024, HEAP_GROWTH_MAX = 16 * 1024 * 1024;

const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const hostile = ['#/', '#/%zz', '#/<b>x</b>', '#/venus/%E0%A4%A', `#/${'x'.repeat(600)}`, '#/twist-4/roy', '#/puppet-master-is-roy'];
const server = await serve(site);
const browser = await launch();
const problems = [];
const samples = [];
let exitCode = 0;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  const cdp = await context.newCDPSession(page);
  await page.goto(server.url);
  await page.waitForFunction(() => window.explainerFirstFrameMs && window.explainer.ready, null, { timeout: 30000 });

  const sample = async (elapsed) => {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    const page_ = await page.evaluate(() => ({
      wasm: window.explainer.frameStats(false).wasmBytes,
      dom: document.getElementsByTagName('*').length,
      history: history.length,
    }));
    const s = { minute: +(elapsed / 60000).toFixed(2), heapMB: +(heap / 1048576).toFixed(2), wasmMB: +(page_.wasm / 1048576).toFixed(2),
                dom: page_.dom, history: page_.history, actions };
    samples.push(s);
    console.log(`soak: ${s.minute.toFixed(1)} min  JS heap ${s.heapMB} MB  wasm ${s.wasmMB} MB  DOM ${s.dom} elements  ` +
                `history ${s.history}  ${actions} actions`);
  };
  const sizes = [{ width: 1280, height: 800 }, { width: 390, height: 844 }, { width: 1600, height: 1000 }, { width: 800, height: 600 }];
  let actions = 0;
  const act = async () => {
    const s = await state(page);
    switch (rnd(13)) {
      case 0: case 1: await page.evaluate(() => window.explainer.next()); break;
      case 2: await page.evaluate(() => window.explainer.prev()); break;
      case 3: await page.evaluate((id) => window.explainer.go(id), story.steps[rnd(story.steps.length)].id); break;
      case 4: if (s.entities.length) await page.evaluate((id) => window.explainer.select(id), s.entities[rnd(s.entities.length)]); break;
      case 5: await page.evaluate(() => window.explainer.uncover()); break;
      case 6: await page.evaluate(() => (Math.random() < 0.5 ? history.back() : history.forward())); break;
      case 7: await page.evaluate((h) => { location.hash = h; },
                                  rnd(3) ? `#/${story.steps[rnd(story.steps.length)].id}` : hostile[rnd(hostile.length)]); break;
      case 8: await page.setViewportSize(sizes[rnd(sizes.length)]); break;
      case 9: await page.mouse.move(200 + rnd(300), 200 + rnd(300)); await page.mouse.wheel(0, rnd(2) ? 240 : -240); break;
      case 10: {
        const x = 150 + rnd(300), y = 200 + rnd(300);
        await page.mouse.move(x, y); await page.mouse.down(); await page.mouse.move(x + 60, y + 40, { steps: 4 }); await page.mouse.up();
        break;
      }
      case 11: await page.evaluate(() => document.getElementById('text-toggle').click()); break;
      case 12: {   // the pointer rests on a name, and the step changes under it (hover reads last frame's names)
        const l = s.labels[rnd(Math.max(1, s.labels.length))];
        const box = await page.evaluate(() => { const r = document.getElementById('canvas').getBoundingClientRect(); return { x: r.x, y: r.y }; });
        if (l) await page.mouse.move(box.x + l.x + l.w / 2, box.y + l.y + l.h / 2);
        await page.evaluate((id) => window.explainer.go(id), story.steps[rnd(story.steps.length)].id);
        break;
      }
    }
    ++actions;
    await frames(page, 1 + rnd(3));
  };

  // Warm-up: every step once, so the first sample holds every layout and string the story needs.
  for (const step of story.steps) { await page.evaluate((id) => window.explainer.go(id), step.id); await frames(page, 2); }
  const start = Date.now();
  await sample(0);
  let next = start + sampleSeconds * 1000;
  while (Date.now() - start < minutes * 60000) {
    await act();
    if (Date.now() >= next) { await sample(Date.now() - start); next += sampleSeconds * 1000; }
  }
  if (Date.now() - start - samples[samples.length - 1].minute * 60000 > 5000) await sample(Date.now() - start);
  const first = samples[0], last = samples[samples.length - 1];
  const wasmGrowth = (last.wasmMB - first.wasmMB) * 1048576, heapGrowth = (last.heapMB - first.heapMB) * 1048576;
  if (wasmGrowth > WASM_GROWTH_MAX) problems.push(`wasm memory grew ${(wasmGrowth / 1048576).toFixed(1)} MB (bound ${WASM_GROWTH_MAX / 1048576})`);
  if (heapGrowth > HEAP_GROWTH_MAX) problems.push(`JS heap grew ${(heapGrowth / 1048576).toFixed(1)} MB (bound ${HEAP_GROWTH_MAX / 1048576})`);
  fs.mkdirSync(path.join(here, 'out'), { recursive: true });
  fs.writeFileSync(path.join(here, 'out', `soak-${minutes}min.json`), JSON.stringify({ minutes, samples, problems }, null, 1));
  if (problems.length) {
    console.error(`soak: FAILED after ${actions} actions:\n  ${[...new Set(problems)].slice(0, 20).join('\n  ')}`);
    exitCode = 1;
  } else {
    console.log(`soak: ${actions} actions in ${minutes} min, no error; wasm ${first.wasmMB} → ${last.wasmMB} MB, ` +
                `JS heap ${first.heapMB} → ${last.heapMB} MB`);
  }
  await context.close();
} catch (e) {
  console.error(`soak: ${e.stack || e}`);
  exitCode = 1;
} finally {
  await browser.close();
  server.stop();
}
process.exit(exitCode);
