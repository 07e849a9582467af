// run.mjs — the browser half of bench/run.sh: serves bench/out/www, drives
// Debian's headless Chromium (same flags as the browser tests) and prints the
// four tables, with the native layout figures read from bench/out/native.json.
// Also writes them to bench/out/results.md for the README. Every browser call
// has a time limit and says which one ran out; SIGTERM or Ctrl-C stops the
// server and the browsers and exits.
//
//     node bench/run.mjs [--loads N] [--only payload,first,frames,layout]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parts as wasmParts } from './wasm_parts.mjs';
import { serve, launch as launchChromium } from '../tools/browser/site_browser.mjs';   // the same Chromium flags and server as the build and the tests

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
const www = path.join(out, 'www');
const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 7;
// --only payload,first,tasks,frames,layout: a subset of the tables (when iterating on one).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['payload', 'first', 'frames', 'layout'];
const lines = [];
const say = (s = '') => { console.log(s); lines.push(s); };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
const kb = (b) => (b / 1024).toFixed(1);
function table(head, rows) {
  say(`| ${head.join(' | ')} |`);
  say(`|${head.map(() => '---').join('|')}|`);
  for (const r of rows) say(`| ${r.join(' | ')} |`);
  say();
}

// Every browser call runs under a limit, so a stuck page ends the run with
// a message that names the call, not a hang.
async function limit(what, ms, promise) {
  let timer;
  const expired = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms); });
  try { return await Promise.race([promise, expired]); } finally { clearTimeout(timer); }
}
// A page's first frame, awaited without touching the page. Playwright's
// waitForFunction evaluates its test in the page at every animation frame, and
// its first evaluation compiles Playwright's own injected script inside the
// very start being measured (on the mobile profile a 48 ms task, and the
// explainer's first frame about 250 ms later). Instead, an init script turns
// the page's own flag (window[flag] = performance.now()) into a console
// message, which Playwright hears without running anything in the page.
async function newPage(browser, options, flag, setUp = async () => {}) {
  const context = await browser.newContext(options);
  await setUp(context);
  await context.addInitScript((name) => {
    let value;
    Object.defineProperty(window, name, { configurable: true, enumerable: true, get: () => value,
      set: (v) => { value = v; console.debug(`bench: first frame at ${v}`); } });
  }, flag);
  const page = await context.newPage();
  page.firstFrame = page.waitForEvent('console', { predicate: (m) => m.text().startsWith('bench: first frame at '), timeout: 0 })
    .then((m) => Number(m.text().slice('bench: first frame at '.length)));
  page.firstFrame.catch(() => {});   // a page closed before its first frame: the limit below says so
  return page;
}

const browsers = new Set();
let server = null;
async function cleanUp(code) {
  for (const b of browsers) await b.close().catch(() => {});
  server?.stop();
  process.exit(code);
}
process.on('SIGTERM', () => { console.error('bench: stopped (SIGTERM)'); cleanUp(143); });
process.on('SIGINT', () => { console.error('bench: stopped (SIGINT)'); cleanUp(130); });

// BENCH_CHROMIUM_ARGS: extra Chromium flags, space-separated, for an A/B of
// an engine setting (e.g. --js-flags=--no-wasm-lazy-compilation); the
// results' heading names them.
const extraArgs = (process.env.BENCH_CHROMIUM_ARGS || '').split(' ').filter(Boolean);
async function launch() {
  const b = await limit('starting Chromium', 60000, launchChromium(extraArgs));
  browsers.add(b);
  const close = b.close.bind(b);
  b.close = async () => { browsers.delete(b); await close(); };
  return b;
}

// 1. Payload: what each page fetches before its first frame, as Chromium
// requests it (so a file the page adds is counted without a list to keep),
// sized from the served folders; and what it asks for from its first frame
// on (by the page's own resource timings: a request sent in the first
// frame's own task is after it). The document and the icon have no resource
// timing: they count as before.
async function fetchedFiles(server, dir, ready) {
  const browser = await launch();
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 } }, ready);
  const requested = [];
  const prefix = `${server.url}${dir}/`;
  const file = (href) => decodeURIComponent(new URL(href).pathname.slice(`/${dir}/`.length)) || 'index.html';
  page.on('request', (r) => { if (r.url().startsWith(prefix) && !requested.includes(file(r.url()))) requested.push(file(r.url())); });
  await limit(`${dir}: loading`, 60000, page.goto(`${prefix}index.html`));
  await limit(`${dir}: first frame`, 120000, page.firstFrame);
  await page.waitForTimeout(2000);
  const late = (await page.evaluate((name) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime >= window[name]).map((e) => e.name), ready)).filter((u) => u.startsWith(prefix)).map(file);
  await browser.close();
  const served = requested.filter((f) => fs.existsSync(path.join(www, dir, f)));   // a 404 fetched nothing
  return { before: served.filter((f) => !late.includes(f)), after: served.filter((f) => late.includes(f)) };
}

async function payload(server) {
  const sizes = (dir, files) => files.map((f) => {
    const b = fs.readFileSync(path.join(www, dir, f));
    return { f, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length,
             br: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
  const app = await fetchedFiles(server, 'app', 'explainerFirstFrameMs');
  const ours = sizes('app', app.before);
  const peer = sizes('cytoscape', (await fetchedFiles(server, 'cytoscape', 'peerFirstFrameMs')).before);
  const minimal = sizes('minimal', ['minimal_imgui.js', 'minimal_imgui.wasm']);
  const total = (xs) => xs.reduce((a, x) => ({ raw: a.raw + x.raw, gz: a.gz + x.gz, br: a.br + x.br }), { raw: 0, gz: 0, br: 0 });
  const to = total(ours), tp = total(peer), tm = total(minimal);
  say('## 1. Payload (KiB; gzip -9, brotli -q 11)');
  say();
  table(['page', 'file', 'raw', 'gzip', 'brotli'], [
    ...ours.map((x) => ['explainer', x.f, kb(x.raw), kb(x.gz), kb(x.br)]),
    ['explainer', '**total**', `**${kb(to.raw)}**`, `**${kb(to.gz)}**`, `**${kb(to.br)}**`],
    ...peer.map((x) => ['Cytoscape.js', x.f, kb(x.raw), kb(x.gz), kb(x.br)]),
    ['Cytoscape.js', '**total**', `**${kb(tp.raw)}**`, `**${kb(tp.gz)}**`, `**${kb(tp.br)}**`],
    ...minimal.map((x) => ['minimal ImGui', x.f, kb(x.raw), kb(x.gz), kb(x.br)]),
  ]);
  const ratio = to.gz / tp.gz;
  say(`Explainer / Cytoscape.js page, gzip: ${ratio.toFixed(2)}× (${ours.length} files against ${peer.length}). Target ≤ 1.00×: ${ratio <= 1 ? 'met' : `missed by ${kb(to.gz - tp.gz)} KiB`}.`);
  const later = sizes('app', app.after);
  say(`After the first frame the page fetches (nothing waits for it): ${later.map((x) => `${x.f} ` +
      `${kb(x.gz)}`).join(' + ')} KiB gzip; for the synthetic 10k story, text.json is ` +
      `${kb(sizes('app-10k', ['text.json'])[0].gz)} KiB gzip.`);
  const wasm = ours.find((x) => x.f === 'explainer.wasm'), mwasm = minimal.find((x) => x.f === 'minimal_imgui.wasm');
  say(`The explainer's wasm is ${kb(wasm.gz - mwasm.gz)} KiB gzip (${(wasm.gz / mwasm.gz).toFixed(2)}×) above a minimal ImGui + WebGL2 ` +
      'program built with the same flags and renderer (one window, one line of text, ImGui\'s built-in font).');
  say();
  const prof = path.join(out, 'explainer-names.wasm');
  if (fs.existsSync(prof)) {
    const p = wasmParts(fs.readFileSync(prof));
    const all = Object.values(p.functions).reduce((a, b) => a + b, 0) + p.data + p.other;
    say('Where the wasm goes (function bodies by the name they ended up in, from a build with a name section; inlining');
    say('moves code across these lines, a function of up to 20 (wasm-opt\'s measure) into its one caller, and small ones');
    say('anywhere, so each share is approximate):');
    say();
    table(['component', 'KiB raw', 'share'], [
      ...Object.entries(p.functions).map(([k, v]) => [k, kb(v), `${(100 * v / all).toFixed(1)} %`]),
      ['data (strings, tables)', kb(p.data), `${(100 * p.data / all).toFixed(1)} %`],
      ['other sections', kb(p.other), `${(100 * p.other / all).toFixed(1)} %`],
    ]);
  }
  return { ours: to, peer: tp };
}

// 2. Time to first frame: cold loads, each in a new browser (no cache of any kind).
async function firstFrame(server) {
  const pages = [
    { name: 'explainer', url: `${server.url}app/index.html`, ready: 'explainerFirstFrameMs' },
    { name: 'explainer, 10k story', url: `${server.url}app-10k/index.html`, ready: 'explainerFirstFrameMs' },
    // A shared link opens the step's preview page, which is the explainer itself (no second load).
    { name: 'explainer at #/naomi', url: `${server.url}app/#/naomi`, ready: 'explainerFirstFrameMs' },
    { name: 'its preview link, s/naomi/', url: `${server.url}app/s/naomi/`, ready: 'explainerFirstFrameMs' },
    { name: 'Cytoscape.js', url: `${server.url}cytoscape/index.html`, ready: 'peerFirstFrameMs' },
    { name: 'empty WebGL2 page (floor)', url: `${server.url}floor/index.html`, ready: 'explainerFirstFrameMs' },
  ];
  const times = Object.fromEntries(pages.map((p) => [p.name, []])), gl = [], stages = [];
  for (let i = 0; i < loads; ++i) {
    for (const p of (i % 2 ? [...pages].reverse() : pages)) {   // alternate who goes first
      const browser = await launch();
      const page = await newPage(browser, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, p.ready);
      await limit(`${p.name}: loading`, 60000, page.goto(p.url));
      times[p.name].push(await limit(`${p.name}: first frame`, 120000, page.firstFrame));
      if (p.name === 'explainer') {
        gl.push(await page.evaluate('window.explainerGlInitMs'));
        stages.push(await page.evaluate('window.explainerStartup'));
      }
      await browser.close();
    }
  }
  say(`## 2. Time to first frame (ms from navigation start, ${loads} cold loads each, 1280×800)`);
  say();
  const row = (n) => [n, fmt(median(times[n])), fmt(Math.min(...times[n])), fmt(Math.max(...times[n]))];
  table(['page', 'median', 'min', 'max'], pages.map((p) => row(p.name)));
  const floor = median(times['empty WebGL2 page (floor)']), ours = median(times.explainer), big = median(times['explainer, 10k story']);
  say(`Explainer / empty WebGL2 page, medians: ${(ours / floor).toFixed(2)}×. Target ≤ 1.3×: ${ours / floor <= 1.3 ? 'met' : 'missed'}.`);
  say(`10k story: ${fmt(big, 0)} ms. Target ≤ 1500 ms: ${big <= 1500 ? 'met' : `missed by ${fmt(big - 1500, 0)} ms`}.`);
  const viaPreview = median(times['its preview link, s/naomi/']) - median(times['explainer at #/naomi']);
  say(`Preview link / the explainer at the same step, medians: ${viaPreview >= 0 ? '+' : ''}${fmt(viaPreview, 0)} ms. Target ≤ +50 ms: ${viaPreview <= 50 ? 'met' : 'missed'}.`);
  say(`Cytoscape.js / explainer, medians: ${(median(times['Cytoscape.js']) / ours).toFixed(2)}× (above 1: the explainer is first).`);
  say();
  // Where the explainer's time goes: stage ends (window.explainerStartup), medians.
  const order = ['files', 'main', 'context', 'fonts', 'parsed', 'read', 'story', 'map', 'renderer', 'layout', 'frame'];
  const what = { files: 'files downloaded (the page made the WebGL2 context meanwhile)', main: 'wasm compiled, main() starts',
                 context: 'context adopted', fonts: 'fonts rasterised', parsed: 'story parsed', read: 'story read and checked',
                 story: 'story shown (labels measured, steps indexed)',
                 map: "the map's layout (in parts, ~20 ms a task)",
                 renderer: 'shader program linked', layout: 'opened step laid out', frame: 'first frame drawn' };
  const at = (k) => median(stages.map((x) => x[k]));
  const rows = [['(making the WebGL2 context, while the files download)', '', fmt(median(gl), 0)]];
  let before = 0;
  for (const k of order) { rows.push([what[k], fmt(at(k), 0), fmt(at(k) - before, 0)]); before = at(k); }
  say('Where the explainer\'s first frame goes (medians, ms from navigation start; the context is made while the files download):');
  say();
  table(['stage ends', 'at', 'took'], rows);
  return times;
}

// 2b. The longest task on the start path (Long Tasks API, from navigation to a
// second after the first frame), at 1280×800 and on Lighthouse's mobile
// profile (412×823 at 2.625, the CPU slowed 4× through the DevTools protocol).
async function longestTask(server) {
  const profiles = [
    { name: 'laptop, 1280×800', viewport: { width: 1280, height: 800 }, scale: 1, slowdown: 1 },
    { name: 'mobile profile (4× slower CPU, 412×823 at 2.625)', viewport: { width: 412, height: 823 }, scale: 2.625, slowdown: 4 },
  ];
  const rows = [], byStage = [];
  // Each silence by the start's stage it ended in (the stage's mark is set at
  // the end of its last task, so a silence that ends just after a mark was
  // that stage's; the map's layout may take several), or after the first frame.
  const stageOrder = ['main', 'context', 'fonts', 'parsed', 'read', 'story', 'map', 'renderer', 'layout', 'frame'];
  const buckets = [...stageOrder, 'after the first frame'];
  for (const prof of profiles) {
    for (const [story, dir] of [['story', 'app'], ['10k story', 'app-10k']]) {
      const longest = [], count = [], blocked = [], program = [], stageLongest = Object.fromEntries(buckets.map((b) => [b, []]));
      for (let i = 0; i < Math.min(loads, 3); ++i) {
        const browser = await launch();
        const options = { viewport: prof.viewport, deviceScaleFactor: prof.scale, isMobile: prof.slowdown > 1, hasTouch: prof.slowdown > 1 };
        const page = await newPage(browser, options, 'explainerFirstFrameMs', (context) => context.addInitScript(() => {
          window.__tasks = [];
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); })
            .observe({ type: 'longtask', buffered: true });
          // A heartbeat as well: the longest the page went without answering
          // a message to itself. The Long Tasks API missed the start's own
          // task (the program's main() runs where it reports none).
          window.__gaps = [];   // [start, ms] of each silence over 50 ms
          const channel = new MessageChannel();
          let last = performance.now();
          channel.port1.onmessage = () => {
            const now = performance.now();
            if (now - last > 50) window.__gaps.push([last, now - last]);
            last = now;
            if (!window.explainerFirstFrameMs || now - window.explainerFirstFrameMs < 1000) channel.port2.postMessage(0);
          };
          channel.port2.postMessage(0);
        }));
        if (prof.slowdown > 1) await (await page.context().newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: prof.slowdown });
        await limit(`${story} (${prof.name}): loading`, 120000, page.goto(`${server.url}${dir}/index.html`));
        await limit(`${story} (${prof.name}): first frame`, 240000, page.firstFrame);
        await page.waitForTimeout(1000);
        const tasks = await page.evaluate('window.__tasks');
        longest.push(Math.max(0, ...tasks));
        count.push(tasks.length);
        // The whole load, and the program's own start: from the files'
        // arrival (while they download, the page makes the WebGL2 context,
        // one task whatever the program does: ~0.5-1.3 s on SwiftShader).
        const { gaps, marks } = await page.evaluate(() => ({ gaps: window.__gaps, marks: { ...window.explainerStartup } }));
        const files = marks.files;
        blocked.push(Math.max(0, ...gaps.map((g) => g[1])));
        program.push(Math.max(0, ...gaps.filter((g) => g[0] + g[1] > files).map((g) => Math.min(g[1], g[0] + g[1] - files))));
        const most = Object.fromEntries(buckets.map((b) => [b, 0]));
        for (const [start, ms] of gaps) {
          const end = start + ms;
          if (end <= files) continue;
          const stage = stageOrder.find((s) => marks[s] !== undefined && end <= marks[s] + 15) ?? 'after the first frame';
          most[stage] = Math.max(most[stage], Math.min(ms, end - files));
        }
        for (const b of buckets) stageLongest[b].push(most[b]);
        await browser.close();
      }
      rows.push([prof.name, story, String(longest.length), fmt(median(longest), 0), fmt(Math.max(...longest), 0), fmt(median(count), 0),
                 fmt(median(blocked), 0), fmt(Math.max(...blocked), 0), fmt(median(program), 0), fmt(Math.max(...program), 0)]);
      byStage.push([prof.name, story, ...buckets.map((b) => fmt(median(stageLongest[b]), 0))]);
    }
  }
  say('## 2b. The longest task on the start path (ms; Long Tasks API, navigation to 1 s after the first frame)');
  say();
  table(['profile', 'story', 'loads', 'longest, median', 'longest, max', 'tasks over 50 ms, median',
         'longest unanswered (heartbeat), median', 'unanswered, max',
         'after the files arrived (the program\'s start), median', 'after the files, max'], rows);
  const mobile = rows.find((r) => r[0].startsWith('mobile') && r[1] === 'story');
  const worst = Math.max(Number(mobile[3]), Number(mobile[6]));
  say(`Target ≤ 50 ms on the mobile profile (the story), by the worse of the two measures: ${worst <= 50 ? 'met' : 'missed'} (${fmt(worst, 0)} ms).`);
  say();
  say('The longest silence after the files arrived, by the stage it ended in (median of the loads; 0: none over 50 ms):');
  say();
  table(['profile', 'story', ...buckets], byStage);
  say();
}

// 3. Frame CPU time inside the app while stepping through with transitions.
async function frameTime(server) {
  const stories = [['story (24 entities)', 'app'], ['synthetic 1k', 'app-1k'], ['synthetic 10k', 'app-10k']];
  const rows = [], results = {};
  const browser = await launch();
  for (const [name, dir] of stories) {
    const page = await newPage(browser, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 }, 'explainerFirstFrameMs');
    const t0 = Date.now();
    await limit(`${name}: loading`, 60000, page.goto(`${server.url}${dir}/index.html`));
    const first = await limit(`${name}: first frame`, 120000, page.firstFrame);
    const count = (await page.evaluate(() => window.explainer.state())).count;
    await page.evaluate(() => window.explainer.frameStats(true));
    for (let k = 1; k < count; ++k) {   // every step, each with its 480 ms transition, and a little rest
      await limit(`${name}: step ${k + 1}`, 60000, page.evaluate(() => window.explainer.next()));
      await page.waitForTimeout(650);
    }
    const s = await page.evaluate(() => window.explainer.frameStats(true));
    // Then the map left still at the last step: what a reader reading costs.
    await page.waitForTimeout(2000);
    await page.evaluate(() => window.explainer.frameStats(true));
    await page.waitForTimeout(3000);
    const still = await page.evaluate(() => window.explainer.frameStats(true));
    rows.push([name, String(count), String(s.count), fmt(s.median, 2), fmt(s.p95, 2), fmt(s.max, 2),
               fmt(s.ui.median, 2), fmt(s.ui.p95, 2), `${s.idle.count} / ${fmt(s.idle.max, 0)}`, fmt(first, 0),
               `${still.count} / ${fmt(still.median, 2)} / ${fmt(still.p95, 2)}`]);
    results[name] = s;
    await page.context().close();
    if (Date.now() - t0 > 600000) break;
  }
  await browser.close();
  say('## 3. Frame CPU time while stepping (ms per frame, inside the app, 1280×800)');
  say();
  table(['story', 'steps', 'frames', 'median', 'p95', 'max', 'UI median', 'UI p95', 'layouts ahead (count / max ms)', 'first frame (ms)',
         'still, 3 s (frames / median / p95)'], rows);
  say('Whole frame = UI (app logic and ImGui draw lists) + handing them to WebGL. Headless Chromium draws with');
  say('SwiftShader, a software GL sharing the same 2 cores. "Layouts ahead": the next step laid out between frames');
  say('while the map is still (not counted in any frame). "Still": the last step left alone for 3 s (a still frame');
  say('keeps the map\'s layer, and one that changed nothing is not drawn again).');
  const p95 = (n) => results[n]?.p95;
  const story = p95('story (24 entities)'), big = p95('synthetic 10k');
  say(`Targets: p95 ≤ 3 ms for the story (${story <= 3 ? 'met' : 'missed'}: ${fmt(story, 2)}), ≤ 12 ms at 10k (${big <= 12 ? 'met' : 'missed'}: ${fmt(big, 2)}).`);
  say();
}

// 4. Layout: native (Google Benchmark) and in the browser, ours against d3-force.
async function layout(server) {
  const native = JSON.parse(fs.readFileSync(path.join(out, 'native.json'), 'utf8'));
  const nat = Object.fromEntries(native.benchmarks.filter((b) => b.run_type !== 'aggregate' || b.aggregate_name === 'median')
    .map((b) => [b.run_name || b.name, b]));
  const graphs = [['story', 'story.json', 'metallic-rouge.json', 9], ['synthetic 1k', 'synthetic-1k.json', 'synthetic-1k.json', 5],
                  ['synthetic 10k', 'synthetic-10k.json', 'synthetic-10k.json', 1]];   // d3-force takes minutes a run at 10k
  const browser = await launch();
  const page = await browser.newPage();
  await limit('the layout page', 60000, page.goto(`${server.url}layout/layout.html`));
  const rows = [], ratios = [];
  for (const [name, file, nativeFile, reps] of graphs) {
    const ours = await limit(`layout of ${name} (ours)`, 300000, page.evaluate(([f, r]) => window.layoutBench.run(f, 'ours', r), [file, reps]));
    const d3 = await limit(`layout of ${name} (d3-force)`, 600000, page.evaluate(([f, r]) => window.layoutBench.run(f, 'd3', r), [file, reps]));
    const n = nat[`layout/${nativeFile}`];
    const mo = median(ours.runs.map((r) => r.ms)), md = median(d3.runs.map((r) => r.ms));
    const q = (r) => `${r.runs[0].overlaps} / ${r.runs[0].spread.toFixed(3)}`;
    rows.push([name, `${ours.nodes} / ${ours.edges}`, n ? fmt(n.real_time, 1) : '—',
               fmt(mo), String(ours.runs[0].iterations), q(ours), fmt(md), String(d3.runs[0].iterations), q(d3), `${(md / mo).toFixed(1)}×`]);
    ratios.push([name, md / mo]);
  }
  await browser.close();
  say('## 4. Layout to convergence (ms; median of repeated runs)');
  say();
  say('Same graph (the last step), boxes, spiral start and stopping rule for both: stop when no node moves more than 2% of the');
  say('link length, or after 300 iterations. Quality, by the same measure for both: overlapping node boxes / edge-length spread');
  say('(coefficient of variation; lower is better).');
  say();
  table(['graph', 'nodes / links', 'native', 'wasm', 'wasm it.', 'wasm quality', 'd3-force', 'd3 it.', 'd3 quality', 'd3 / wasm'],
        rows);
  const named = (prefix) => Object.values(nat).filter((b) => (b.run_name || b.name).startsWith(prefix));
  const list = (bs, cut) => bs.map((b) => `${(b.run_name || b.name).slice(cut)} ${fmt(b.real_time, 1)} ms`).join(', ');
  if (named('steps/').length) {
    say(`Every step laid out in turn, natively (a reader stepping to the end): ${list(named('steps/'), 6)}.`);
    say(`The opened step alone (what the page does before its first frame; later steps are laid out ahead or on demand): ${list(named('first/'), 6)}.`);
    say();
  }
  say(`Target ≥ 3× faster than d3-force at 1k and 10k: ${ratios.slice(1).every(([, r]) => r >= 3) ? 'met' : 'missed'}.`);
  say();
}

server = await serve(www, { csp: false });
try {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const chromeVersion = await (async () => { const b = await launch(); const v = b.version(); await b.close(); return v; })();
  say(`# Benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${chromeVersion} (headless, SwiftShader WebGL)${extraArgs.length ? ', with ' + extraArgs.join(' ') : ''}`);
  say();
  if (only.includes('payload')) await payload(server);
  if (only.includes('first')) await firstFrame(server);
  if (only.includes('first') || only.includes('tasks')) await longestTask(server);
  if (only.includes('frames')) await frameTime(server);
  if (only.includes('layout')) await layout(server);
} catch (e) {
  console.error(`bench: ${e.message}`);
  fs.writeFileSync(path.join(out, 'results.md'), lines.join('\n') + '\n');
  await cleanUp(1);
} finally {
  server.stop();
}
fs.writeFileSync(path.join(out, 'results.md'), lines.join('\n') + '\n');
