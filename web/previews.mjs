// previews.mjs — renders the link-preview images at build time: for every
// step, the explainer as a cold link to it opens (s/<step-id>/preview.png,
// 1200×630), so a twist is pictured exactly as its reader first meets it:
// behind its cover, over the map as it stood before. The first step's
// picture is also the site's own image (preview.png).
//
//   node web/previews.mjs SITE_DIR
//
// It drives the built site in headless Chromium through tools/browser, as
// the tests and the benchmarks do. Exits non-zero, saying why, when it
// cannot; the build then falls back to one plain site image
// (scripts/fallback_preview.py).
import fs from 'node:fs';
import path from 'node:path';

const site = process.argv[2];
if (!site || !fs.existsSync(path.join(site, 'text.json'))) {
  console.error('usage: node web/previews.mjs SITE_DIR (with text.json written by explain site)');
  process.exit(2);
}
const steps = JSON.parse(fs.readFileSync(path.join(site, 'text.json'), 'utf8')).steps.map((s) => s.id);

let driver;
try {
  driver = await import('../tools/browser/site_browser.mjs');
} catch (e) {
  console.error(`previews: no browser driver (${e.message.split('\n')[0]}); run scripts/setup.sh`);
  process.exit(1);
}
const { serve, launch } = driver;
const server = await serve(site);
let browser;
const stop = async (code) => {
  if (browser) await browser.close().catch(() => {});
  server.stop();
  process.exit(code);
};
const limit = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) =>
  setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms))]);

try {
  browser = await limit(launch(), 30000, 'starting Chromium');
  const started = Date.now();
  // Two pages at a time: this is most of the build's wait on a small machine.
  const queue = steps.map((id, i) => ({ id, i }));
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const context = await browser.newContext({ viewport: { width: 1200, height: 630 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await limit(page.goto(`${server.url}#/${job.id}`), 30000, `opening step ${job.id}`);
      await limit(page.waitForFunction(() => window.explainerFirstFrameMs && window.explainer.ready &&
                                              window.explainer.state().staging.phase === 'still', null, { timeout: 30000 }),
                  35000, `drawing step ${job.id}`);
      const out = path.join(site, 's', job.id, 'preview.png');
      fs.mkdirSync(path.dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      if (job.i === 0) fs.copyFileSync(out, path.join(site, 'preview.png'));
      await context.close();
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(`previews: ${steps.length} preview images in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await stop(0);
} catch (e) {
  console.error(`previews: could not render the preview images: ${e.message}`);
  await stop(1);
}
