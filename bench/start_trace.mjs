// start_trace.mjs — the start's tasks on the mobile profile, from Chromium's
// own trace: each main-thread task after the files arrived, named by the
// start's marks (window.explainerStartup) that fall inside it, so a stage's
// task is timed whole, not by a heartbeat that may span two tasks. With
// --functions it also lists what V8 compiled, lazily, in each stage's task of
// the last load, by name where the site's wasm has a name section (a build
// linked with --profiling-funcs, as bench/run.sh makes in build/web-names).
//
//     node bench/start_trace.mjs [--loads N] [--functions] SITE_DIR [SITE_DIR...]
//
// Several folders are loaded in turn (an A/B, interleaved load by load). Not
// part of the test command; the tracing itself slows the page a little.
import { serve, launch } from '../tools/browser/site_browser.mjs';
import path from 'node:path';
import { functionNames } from './wasm_parts.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args.splice(args.indexOf(name), 2)[1] : fallback);
const loads = Number(option('--loads', 5));
const functions = args.includes('--functions') ? Boolean(args.splice(args.indexOf('--functions'), 1)) : false;
const dirs = args;
if (!dirs.length) { console.error('usage: node bench/start_trace.mjs [--loads N] [--functions] SITE_DIR...'); process.exit(2); }

const STAGES = ['main', 'context', 'fonts', 'parsed', 'read', 'story', 'map', 'renderer', 'layout', 'frame'];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : 0; };

async function load(url) {
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true });
    // A user-timing mark ties the trace's clock to performance.now().
    await context.addInitScript(() => { window.__zero = performance.mark('start-trace-zero').startTime; });
    const page = await context.newPage();
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const categories = ['toplevel', 'blink.user_timing', ...(functions ? ['v8.wasm', 'disabled-by-default-v8.wasm.detailed'] : [])];
    await browser.startTracing(page, { categories });
    await page.goto(url);
    await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 120000, polling: 500 });
    await page.waitForTimeout(1000);
    const marks = await page.evaluate(() => ({ ...window.explainerStartup, zero: window.__zero }));
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    return { marks, events };
  } finally {
    await browser.close();
  }
}

// Each task after the files: [name, ms, start, end]; a task holding a stage's
// mark is that stage's (a stage sets its mark as it ends, in its own task).
function tasksOf({ marks, events }) {
  const zero = events.filter((e) => e.name === 'start-trace-zero').pop();
  const t0 = zero.ts - marks.zero * 1000;
  const main = (e) => e.pid === zero.pid && e.tid === zero.tid && e.ph === 'X';
  const tasks = [];
  for (const e of events) {
    if (!main(e) || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const start = (e.ts - t0) / 1000, end = start + e.dur / 1000;
    if (end < marks.files) continue;
    const inside = STAGES.filter((s) => marks[s] >= start && marks[s] <= end);
    const name = inside.length ? inside.join('+') : start > marks.frame ? 'after the first frame' : 'other (page, browser)';
    tasks.push({ name, ms: e.dur / 1000, start, end });
  }
  const compiles = events.filter((e) => main(e) && e.name === 'wasm.CompileBaseline')
    .map((e) => ({ at: (e.ts - t0) / 1000, ms: e.dur / 1000, index: e.args.funcIndex, bytes: e.args.bodySize }));
  return { tasks, compiles, firstFrame: marks.frame - marks.files };
}

const servers = [];
const results = dirs.map(() => []);
try {
  for (const dir of dirs) servers.push(await serve(dir));
  for (let i = 0; i < loads; ++i)
    for (const [d, server] of servers.entries()) results[d].push(tasksOf(await load(`${server.url}index.html`)));
} finally {
  for (const s of servers) s.stop();
}

for (const [d, dir] of dirs.entries()) {
  const runs = results[d];
  const groups = [...new Set(runs.flatMap((r) => r.tasks.map((t) => t.name)))];
  console.log(`\n${dir}: mobile profile, ${loads} loads, medians (ms)`);
  console.log(`  longest task after the files: ${median(runs.map((r) => Math.max(...r.tasks.map((t) => t.ms)))).toFixed(0)}` +
              `   files to first frame: ${median(runs.map((r) => r.firstFrame)).toFixed(0)}`);
  for (const g of groups) {
    const longest = runs.map((r) => Math.max(0, ...r.tasks.filter((t) => t.name === g).map((t) => t.ms)));
    console.log(`  ${g.padEnd(24)} ${median(longest).toFixed(0).padStart(5)}`);
  }
  if (!functions) continue;
  const names = functionNames(path.join(dir, 'explainer.wasm'));
  if (!names.size) console.log(`  (${dir}/explainer.wasm has no name section: functions by index)`);
  // What the last load compiled, by the stage task it was compiled in.
  const last = runs[runs.length - 1];
  for (const t of last.tasks.filter((x) => x.ms > 20 && !x.name.startsWith('other'))) {
    const inTask = last.compiles.filter((c) => c.at >= t.start && c.at <= t.end).sort((a, b) => b.ms - a.ms);
    const kib = inTask.reduce((s, c) => s + c.bytes, 0) / 1024, ms = inTask.reduce((s, c) => s + c.ms, 0);
    console.log(`  ${t.name}, ${t.ms.toFixed(0)} ms: ${inTask.length} functions compiled, ${kib.toFixed(1)} KiB, ${ms.toFixed(0)} ms; the largest:`);
    for (const c of inTask.slice(0, 3)) console.log(`      ${c.ms.toFixed(1)} ms  ${c.bytes} B  ${(names.get(c.index) ?? '?').slice(0, 90)}`);
  }
}
