// engines.smoke.mjs — the cross-engine smoke suite, for what engines do
// differently. Firefox ESR runs through puppeteer-core over WebDriver BiDi,
// WebKitGTK (Safari's engine) through selenium-webdriver and WebKitWebDriver,
// both from Debian and both windowed: ./test.sh runs this under xvfb-run,
// since headless Firefox has no WebGL. Each engine: load and draw, every step
// by keys, a covered cold link, Back, Copy link read back from the system
// clipboard, the text version, the no-WebGL2 fallback, each file fetched
// once, and a fault inside the program turning to the text version. The
// full suite runs in Chromium (tests/browser/).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import { serve, freePort } from './harness.mjs';

const site = new URL('../../build/web/site/', import.meta.url).pathname;
const artifacts = new URL('./artifacts/', import.meta.url).pathname;
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

// One small interface over both drivers: goto, run (a function in the page,
// its result awaited), key, paste, back, screenshot, close.
const engines = {
  async firefox({ webgl = true } = {}) {
    const browser = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: false, defaultViewport: { width: 1280, height: 800 },
      extraPrefsFirefox: { 'webgl.disabled': !webgl, 'dom.events.testing.asyncClipboard': true },
    });
    const page = (await browser.pages())[0] || await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message || e)));
    return {
      errors,
      // Always a new document (a link differing only in its fragment would not be one).
      async goto(url) { await page.goto('about:blank'); await page.goto(url); },
      run: (fn, ...args) => page.evaluate(fn, ...args),
      key: (k) => page.keyboard.press(k),
      click: (x, y) => page.mouse.click(x, y),
      async paste() { await page.keyboard.down('Control'); await page.keyboard.press('v'); await page.keyboard.up('Control'); },
      back: () => page.evaluate(() => history.back()),
      screenshot: (file) => page.screenshot({ path: file }),
      close: () => browser.close(),
    };
  },
  async webkit({ webgl = true } = {}) {
    const port = await freePort();
    const server = spawn(WEBKIT_DRIVER, [`--port=${port}`], { stdio: 'ignore' });
    let driver;
    for (let i = 0; i < 50 && !driver; ++i) {
      try {
        driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', `--enable-webgl=${webgl}`] },
        }).build();
      } catch { await new Promise((r) => setTimeout(r, 200)); }
    }
    if (!driver) { server.kill(); throw new Error('WebKitWebDriver did not start'); }
    await driver.manage().window().setRect({ width: 1280, height: 800 });
    const keys = { ArrowRight: Key.ARROW_RIGHT, Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB };
    return {
      errors: [],
      async goto(url) { await driver.get('about:blank'); await driver.get(url); },
      run: (fn, ...args) => driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args),
      key: (k) => driver.actions().sendKeys(keys[k]).perform(),
      async click(x, y) {
        const body = await driver.findElement({ css: 'body' });
        await driver.actions().move({ origin: body, x: 0, y: 0 }).perform();   // then to the page's own point
        await driver.actions().move({ origin: 'viewport', x: Math.round(x), y: Math.round(y) }).press().release().perform();
      },
      paste: () => driver.actions().keyDown(Key.CONTROL).sendKeys('v').keyUp(Key.CONTROL).perform(),
      back: () => driver.navigate().back(),
      async screenshot(file) { fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64')); },
      async close() { try { await driver.quit(); } finally { server.kill(); } },
    };
  },
};

async function waitFor(b, fn, arg, what, ms = 30000) {
  const end = Date.now() + ms;
  for (;;) {
    let v;
    try { v = await b.run(fn, arg); } catch { v = undefined; }   // a page still loading
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const ready = (b) => waitFor(b, () => !!(window.explainer && window.explainer.ready && window.explainerFirstFrameMs), null, 'the first frame');
const index = (b) => b.run(() => window.explainer.state().index);

for (const engine of ['firefox', 'webkit']) {
  describe(`${engine}: the explainer as a reader uses it`, () => {
    let server, b;
    before(async () => {
      fs.mkdirSync(artifacts, { recursive: true });
      server = await serve(site);
      b = await engines[engine]();
    });
    after(async () => { await b?.close(); server?.stop(); });

    test('loads and draws the map', async () => {
      await b.goto(`${server.url}#/naomi`);
      await ready(b);
      assert.equal(await index(b), 4);
      assert.ok((await b.run(() => window.explainer.state().labels.length)) >= 5);
      await new Promise((r) => setTimeout(r, 1500));   // the step's reveal settles
      const file = path.join(artifacts, `engine-${engine}-naomi.png`);
      await b.screenshot(file);
      // A drawn map with its names is far from a blank canvas's few KB.
      assert.ok(fs.statSync(file).size > 60000, `${file}: ${fs.statSync(file).size} bytes`);
    });

    test('steps through every step by keys, and Back returns', async () => {
      await b.goto(`${server.url}#/${story.steps[0].id}`);
      await ready(b);
      await b.run(() => document.getElementById('canvas').focus());
      for (let k = 1; k < story.steps.length; ++k) {
        await b.key('ArrowRight');
        await waitFor(b, (want) => window.explainer.state().index === want, k, `step ${k + 1}`);
      }
      await waitFor(b, (id) => location.hash === '#/' + id, story.steps.at(-1).id, 'the last step in the address');
      await b.back();
      await waitFor(b, () => window.explainer.state().index < 24, null, 'Back to an earlier step');
    });

    test('a cold link past twists is covered, and names none of them in the title', async () => {
      await b.goto(`${server.url}#/twist-4`);
      await ready(b);
      const s = await b.run(() => ({ covered: window.explainer.state().covered, title: document.title }));
      assert.equal(s.covered, true);
      assert.match(s.title, /^Step 18 of 25: a twist, past 3 more \(hidden\)/);
    });

    // A click on the canvas's own Copy link: the page copies inside that
    // click (Safari's engine refuses the clipboard a frame later).
    test('Copy link copies, read back from the clipboard by pasting', async () => {
      await b.goto(`${server.url}#/naomi`);
      await ready(b);
      // The buttons are those of the last whole frame: wait until Copy link is
      // among them (once, in Firefox under a full CI run, it was not yet when
      // the first frame was marked).
      const at = await waitFor(b, () => {
        const r = document.getElementById('canvas').getBoundingClientRect();
        const c = window.explainer.state().buttons.find((x) => x.label === 'Copy link');
        return c && { x: r.x + c.x + c.w / 2, y: r.y + c.y + c.h / 2 };
      }, null, 'the Copy link button');
      await b.click(at.x, at.y);
      const said = await waitFor(b, () => document.getElementById('toast').textContent ||
        (document.getElementById('linkbox').classList.contains('show') && 'link box'), null, 'Copy link to answer');
      assert.equal(said, 'Link copied');
      await b.run(() => {
        const area = Object.assign(document.createElement('textarea'), { id: 'paste-here' });
        document.body.appendChild(area);
        area.focus();
      });
      await b.paste();
      const pasted = await waitFor(b, () => document.getElementById('paste-here').value, null, 'the paste');
      assert.equal(pasted, `${server.url}s/naomi/`);
    });

    test('the text version shows the step, and the map view is inert meanwhile', async () => {
      await b.goto(`${server.url}#/naomi`);
      await ready(b);
      const at = await b.run(() => { const r = document.getElementById('text-toggle').getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; });
      await b.click(at.x, at.y);
      await waitFor(b, () => document.body.classList.contains('text-view'), null, 'the text view');
      await waitFor(b, (t) => document.querySelector('#tv-body h2')?.textContent === t, story.steps[4].title, 'the text version');
      assert.equal(await b.run(() => document.getElementById('stage').inert), true);
    });

    test('every file the page needs is fetched once', async () => {
      await b.goto(`${server.url}#/naomi`);
      await ready(b);
      await waitFor(b, () => !!window.explainerText, null, 'the text version script');
      const names = await b.run(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      assert.deepEqual(twice, [], names.join(', '));
      for (const file of ['/explainer.wasm', '/font.ttf', '/story.json']) assert.ok(names.includes(file), names.join(', '));
      assert.deepEqual(b.errors, []);
    });

    // Each engine names its trap in its own words; the page only asks whether it is one.
    test('a fault inside the program (a WebAssembly trap) leaves the reader in the text version, at their step', async () => {
      await b.goto(`${server.url}#/naomi`);
      await ready(b);
      await b.run(() => { setTimeout(() => window.Module._free(-16)); });   // frees outside its memory
      const note = await waitFor(b, () => document.querySelector('#tv-body h2')?.textContent &&
        document.getElementById('tv-note').textContent, null, 'the text version after the fault');
      assert.match(note, /^The map stopped on an error \(.+\)\. Reloading the page may bring it back/);
      assert.equal(await b.run(() => document.querySelector('#tv-body h2').textContent), story.steps[4].title);
      assert.equal(await b.run(() => document.body.classList.contains('text-only')), true);
    });
  });

  test(`${engine}: without WebGL, the text version is the whole explainer`, async () => {
    const server = await serve(site);
    const b = await engines[engine]({ webgl: false });
    try {
      await b.goto(`${server.url}#/twist-2`);
      await waitFor(b, () => document.querySelector('#tv-body h2')?.textContent, null, 'the text version');
      assert.equal(await b.run(() => document.body.classList.contains('text-only')), true);
      assert.equal(await b.run(() => document.querySelector('#tv-body h2').textContent), 'This link skips 2 twists');
      await b.screenshot(path.join(artifacts, `engine-${engine}-no-webgl.png`));
    } finally {
      await b.close();
      server.stop();
    }
  });
}
