// run.mjs — the browser half of bench/run.sh: serves bench/out/www, drives
// Debian's headless Chromium (same flags as the browser tests) and prints the
// four tables, with the native layout figures read from bench/out/native.json.
// Also writes them to bench/out/results.md for the README.
//
//     node bench/run.mjs [--loads N] [--quick]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, 'out');
const www = path.join(out, 'www');
const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 7;
// --only payload,first,frames,layout: a subset of the tables (when iterating on one).
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['payload', 'first', 'frames', 'layout'];
// Same flags as tests/browser/harness.mjs (kept in step by hand: the
// benchmarks must not import test code).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

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

async function serve(dir) {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
  for (let i = 0; i < 100; ++i) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `http://127.0.0.1:${port}/`, stop: () => proc.kill() };
}
const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

// 1. Payload: what each page downloads, read from the served folders.
function payload() {
  const sizes = (dir, files) => files.map((f) => {
    const b = fs.readFileSync(path.join(www, dir, f));
    return { f, raw: b.length, gz: zlib.gzipSync(b, { level: 9 }).length,
             br: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
  const ours = sizes('app', ['index.html', 'explainer.js', 'explainer.wasm', 'story.json', 'font.ttf']);
  const peer = sizes('cytoscape', ['index.html', 'cytoscape.min.js', 'story.json']);
  const total = (xs) => xs.reduce((a, x) => ({ raw: a.raw + x.raw, gz: a.gz + x.gz, br: a.br + x.br }), { raw: 0, gz: 0, br: 0 });
  const to = total(ours), tp = total(peer);
  say('## 1. Payload (KiB; gzip -9, brotli -q 11)');
  say();
  table(['page', 'file', 'raw', 'gzip', 'brotli'], [
    ...ours.map((x) => ['explainer', x.f, kb(x.raw), kb(x.gz), kb(x.br)]),
    ['explainer', '**total**', `**${kb(to.raw)}**`, `**${kb(to.gz)}**`, `**${kb(to.br)}**`],
    ...peer.map((x) => ['Cytoscape.js', x.f, kb(x.raw), kb(x.gz), kb(x.br)]),
    ['Cytoscape.js', '**total**', `**${kb(tp.raw)}**`, `**${kb(tp.gz)}**`, `**${kb(tp.br)}**`],
  ]);
  say(`Explainer / Cytoscape.js page, gzip: ${(to.gz / tp.gz).toFixed(2)}×. Target ≤ 150 KiB gzip: ${to.gz <= 150 * 1024 ? 'met' : `missed by ${kb(to.gz - 150 * 1024)} KiB`}.`);
  say();
  return { ours: to, peer: tp };
}

// 2. Time to first frame: cold loads, each in a new browser (no cache of any kind).
async function firstFrame(server) {
  const pages = [
    { name: 'explainer', url: `${server.url}app/index.html`, ready: 'window.explainerFirstFrameMs' },
    { name: 'Cytoscape.js', url: `${server.url}cytoscape/index.html`, ready: 'window.peerFirstFrameMs' },
  ];
  const times = { explainer: [], 'Cytoscape.js': [] }, gl = [];
  for (let i = 0; i < loads; ++i) {
    for (const p of (i % 2 ? [...pages].reverse() : pages)) {   // alternate who goes first
      const browser = await launch();
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
      await page.goto(p.url);
      await page.waitForFunction(p.ready, null, { timeout: 60000 });
      times[p.name].push(await page.evaluate(p.ready));
      if (p.name === 'explainer') gl.push(await page.evaluate('window.explainerGlInitMs'));
      await browser.close();
    }
  }
  say(`## 2. Time to first frame (ms from navigation start, ${loads} cold loads each, 1280×800)`);
  say();
  const row = (n) => [n, fmt(median(times[n])), fmt(Math.min(...times[n])), fmt(Math.max(...times[n]))];
  table(['page', 'median', 'min', 'max'], [row('explainer'), row('Cytoscape.js')]);
  say(`Of the explainer's time, creating its WebGL2 context took ${fmt(median(gl))} ms (median; min ${fmt(Math.min(...gl))}, ` +
      `max ${fmt(Math.max(...gl))}); the rest, ${fmt(median(times.explainer.map((t, i) => t - gl[i])))} ms. Cytoscape.js draws on a 2-D canvas.`);
  const ratio = median(times['Cytoscape.js']) / median(times.explainer);
  say(`Cytoscape.js / explainer, medians: ${ratio.toFixed(2)}× (above 1: the explainer is first). Target ≤ Cytoscape.js: ${ratio >= 1 ? 'met' : 'missed'}.`);
  say();
  return times;
}

// 3. Frame CPU time inside the app while stepping through with transitions.
async function frameTime(server) {
  const stories = [['story (24 entities)', 'app'], ['synthetic 1k', 'app-1k'], ['synthetic 10k', 'app-10k']];
  const rows = [];
  const browser = await launch();
  for (const [name, dir] of stories) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}${dir}/index.html`);
    await page.waitForFunction('window.explainerFirstFrameMs', null, { timeout: 120000 });
    const first = await page.evaluate('window.explainerFirstFrameMs');
    const count = (await page.evaluate(() => window.explainer.state())).count;
    await page.evaluate(() => window.explainer.frameStats(true));
    for (let k = 1; k < count; ++k) {   // every step, each with its 480 ms transition, and a little rest
      await page.evaluate(() => window.explainer.next());
      await page.waitForTimeout(650);
    }
    const s = await page.evaluate(() => window.explainer.frameStats(true));
    rows.push([name, String(count), String(s.count), fmt(s.median, 2), fmt(s.p95, 2), fmt(s.max, 2),
               fmt(s.ui.median, 2), fmt(s.ui.p95, 2), fmt(s.ui.max, 2), fmt(first, 0)]);
    await page.context().close();
    if (Date.now() - t0 > 600000) break;
  }
  await browser.close();
  say('## 3. Frame CPU time while stepping (ms per frame, inside the app, 1280×800)');
  say();
  table(['story', 'steps', 'frames', 'median', 'p95', 'max', 'UI median', 'UI p95', 'UI max', 'first frame (ms)'], rows);
  say('Whole frame = UI (app logic and ImGui draw lists) + handing them to WebGL. Headless Chromium draws with');
  say('SwiftShader, a software GL sharing the same 2 cores, so the WebGL part here is far above what a GPU costs.');
  say('Targets: p95 ≤ 2 ms for the story, ≤ 8 ms at 10k.');
  say();
}

// 4. Layout: native (Google Benchmark) and in the browser, ours against d3-force.
async function layout(server) {
  const native = JSON.parse(fs.readFileSync(path.join(out, 'native.json'), 'utf8'));
  const nat = Object.fromEntries(native.benchmarks.filter((b) => b.run_type !== 'aggregate' || b.aggregate_name === 'median')
    .map((b) => [b.run_name || b.name, b]));
  const graphs = [['story', 'story.json', 'metallic-rouge.json', 9], ['synthetic 1k', 'synthetic-1k.json', 'synthetic-1k.json', 5],
                  ['synthetic 10k', 'synthetic-10k.json', 'synthetic-10k.json', 3]];
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${server.url}layout/layout.html`);
  const rows = [], ratios = [];
  for (const [name, file, nativeFile, reps] of graphs) {
    const ours = await page.evaluate(([f, r]) => window.layoutBench.run(f, 'ours', r), [file, reps]);
    const d3 = await page.evaluate(([f, r]) => window.layoutBench.run(f, 'd3', r), [file, reps]);
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
  const steps = Object.values(nat).filter((b) => (b.run_name || b.name).startsWith('steps/'));
  if (steps.length) {
    say('What the app does on load, natively (one incremental layout per step): ' +
        steps.map((b) => `${(b.run_name || b.name).slice(6)} ${fmt(b.real_time, 1)} ms`).join(', ') + '.');
    say();
  }
  say(`Target ≥ 3× faster than d3-force at 1k and 10k: ${ratios.slice(1).every(([, r]) => r >= 3) ? 'met' : 'missed'}.`);
  say();
}

const server = await serve(www);
try {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const chromeVersion = await (async () => { const b = await launch(); const v = b.version(); await b.close(); return v; })();
  say(`# Benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${chromeVersion} (headless, SwiftShader WebGL)`);
  say();
  if (only.includes('payload')) payload();
  if (only.includes('first')) await firstFrame(server);
  if (only.includes('frames')) await frameTime(server);
  if (only.includes('layout')) await layout(server);
} finally {
  server.stop();
}
fs.writeFileSync(path.join(out, 'results.md'), lines.join('\n') + '\n');
