// Every host serves it: through a host that sends precompressed files (the
// compressed Content-Length, as nginx's gzip_static and most CDNs send them)
// and through a plain one, the page starts and its text version loads; the
// Content-Security-Policy holds on a static host that sends no headers (the
// page and every preview carry it in a <meta>); and only this site, or an
// origin serve.py is told of, may frame the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, LAPTOP } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const policy = fs.readFileSync(path.resolve(here, '../../shell/csp.txt'), 'utf8').trim();
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function startsAndReads(url) {
  const { context, page, problems } = await open(browser, url + '#/naomi', LAPTOP);
  const encodings = {};
  page.on('response', (r) => { encodings[new URL(r.url()).pathname] = r.headers()['content-encoding'] || ''; });
  assert.equal((await state(page)).step, 'naomi');
  await page.click('#text-toggle');
  await page.waitForFunction(() => /of 25/.test(document.getElementById('tv-progress').textContent));
  assert.equal(await page.textContent('#tv-body h2'), 'Naomi, the minder');
  assert.deepEqual(problems, []);
  return { context, page, encodings };
}

test('a host that sends precompressed files with the compressed Content-Length: the page starts, and every big file came compressed', async () => {
  assert.ok(fs.existsSync(path.join(site, 'explainer.wasm.gz')), 'the build wrote no .gz copies');
  const server = await serve(site);
  try {
    const context = await browser.newContext(LAPTOP);
    const page = await context.newPage();
    const sent = {};
    page.on('response', async (r) => {
      const h = r.headers();
      sent[new URL(r.url()).pathname] = { encoding: h['content-encoding'] || '', length: Number(h['content-length']) };
    });
    await page.goto(server.url + '#/naomi');
    await page.waitForFunction(() => window.explainerFirstFrameMs || document.body.classList.contains('failed'), null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => document.body.classList.contains('failed')), false, await page.textContent('#message'));
    await page.waitForFunction(() => window.explainerText);
    for (const file of ['/explainer.wasm', '/explainer.js', '/font.ttf', '/story.json', '/page.js']) {
      assert.match(sent[file]?.encoding || '', /^(br|gzip)$/, file);
      assert.ok(sent[file].length < fs.statSync(path.join(site, file)).size, `${file}: Content-Length is the compressed size`);
    }
    await context.close();
    const { context: c2, encodings } = await startsAndReads(server.url);
    assert.match(encodings['/text.json'] || 'br', /^(br|gzip)$/);
    await c2.close();
  } finally { server.stop(); }
});

test('each precompressed copy is served where the browser accepts its encoding, and only then', async () => {
  assert.ok(fs.existsSync(path.join(site, 'explainer.wasm.br')), 'the build wrote no .br copies');
  // As readable as the file it copies: a host serving as another user must be able to send it.
  for (const name of fs.readdirSync(site).filter((n) => /\.(br|gz)$/.test(n))) {
    const copy = fs.statSync(path.join(site, name)).mode & 0o444, file = fs.statSync(path.join(site, name.slice(0, -3))).mode & 0o444;
    assert.equal(copy, file, `${name} is not as readable as its file`);
  }
  const server = await serve(site);
  try {
    const sent = (file, accept) => new Promise((resolve, reject) => {
      http.get(server.url + file, { headers: { 'Accept-Encoding': accept } }, (r) => {
        r.resume();
        resolve([r.headers['content-encoding'] || '', Number(r.headers['content-length']), r.headers.vary]);
      }).on('error', reject);
    });
    for (const file of ['explainer.wasm', 'story.json', 'index.html']) {
      assert.deepEqual(await sent(file, 'br'), ['br', fs.statSync(path.join(site, file + '.br')).size, 'Accept-Encoding'], file);
      assert.deepEqual(await sent(file, 'gzip, deflate'), ['gzip', fs.statSync(path.join(site, file + '.gz')).size, 'Accept-Encoding'], file);
      assert.deepEqual(await sent(file, 'identity'), ['', fs.statSync(path.join(site, file)).size, 'Accept-Encoding'], file);
    }
  } finally { server.stop(); }
});

test('a plain host (every file as it is): the page starts and reads the same', async () => {
  const server = await serve(site, { args: ['--plain'] });
  try {
    const { context } = await startsAndReads(server.url);
    await context.close();
  } finally { server.stop(); }
});

test('on a static host that sends no headers, the page and every preview still carry the policy: an injected inline script never runs', async () => {
  const server = await serve(site, { csp: false });
  try {
    const { context, page, problems } = await open(browser, server.url, LAPTOP);
    assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'), policy);
    const ran = await page.evaluate(() => new Promise((resolve) => {
      window.injected = false;
      const s = document.createElement('script');
      s.textContent = 'window.injected = true';
      document.addEventListener('securitypolicyviolation', () => resolve(window.injected), { once: true });
      document.body.appendChild(s);
      setTimeout(() => resolve(window.injected), 2000);
    }));
    assert.equal(ran, false);
    assert.ok(problems.every((p) => /Content Security Policy/.test(p)), problems.join('\n'));   // the refusal, reported
    await context.close();
    for (const step of fs.readdirSync(path.join(site, 's'))) {
      const html = fs.readFileSync(path.join(site, 's', step, 'index.html'), 'utf8');
      assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${policy.replace(/'/g, '&#x27;')}">`), step);
    }
  } finally { server.stop(); }
});

test('only this site, or an origin named with --embed-from, may frame the page', async () => {
  const host = fs.mkdtempSync(path.join(os.tmpdir(), 'explainer-embedder-'));
  const embedder = await serve(host, { csp: false });   // another origin: another port
  const origin = embedder.url.replace(/\/$/, '');
  const strict = await serve(site), open_ = await serve(site, { args: ['--embed-from', origin] });
  try {
    const framed = async (target) => {
      fs.writeFileSync(path.join(host, 'index.html'), `<!doctype html><iframe src="${target}?embed=1" width="800" height="600"></iframe>`);
      const context = await browser.newContext(LAPTOP);
      const page = await context.newPage();
      await page.goto(embedder.url);
      await page.waitForTimeout(1500);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const loaded = await frame.evaluate(() => !!document.getElementById('canvas')).catch(() => false);
      await context.close();
      return loaded;
    };
    assert.equal(await framed(strict.url), false, 'framed from another origin');
    assert.equal(await framed(open_.url), true, 'framed from an origin given with --embed-from');
  } finally { embedder.stop(); strict.stop(); open_.stop(); fs.rmSync(host, { recursive: true, force: true }); }
});
