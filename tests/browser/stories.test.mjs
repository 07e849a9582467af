// Any story: ?story=<id> opens one of the site's stories (only an id from
// its stories.json), the header and the tab name it, its text version is its
// own; a story file picked or dropped is checked in the tab, a broken one lists
// its located problems and leaves the story on screen, a sound one starts
// afresh at its first step. Served from a copy of the site with the tests'
// tiny story (tests/data/tiny.json) added as the build adds one from data/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, settled, LAPTOP, PHONE } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const tinyFile = path.join(root, 'tests/data/tiny.json');
const tiny = JSON.parse(fs.readFileSync(tinyFile, 'utf8'));
let server, browser, site;
before(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'explainer-stories-'));
  fs.cpSync(path.join(root, 'build/web/site'), site, { recursive: true });
  fs.mkdirSync(path.join(site, 'stories'), { recursive: true });
  fs.copyFileSync(tinyFile, path.join(site, 'stories/tiny.json'));
  execFileSync(path.join(root, 'build/native/explain'), ['text', tinyFile, path.join(site, 'stories/tiny.text.json')]);
  execFileSync('python3', [path.join(root, 'scripts/stories.py'), path.join(site, 'stories.json'),
                           '--page', path.join(root, 'shell/index.html'), path.join(site, 'index.html'),
                           path.join(root, 'data/metallic-rouge.json'), tinyFile]);
  server = await serve(site);
  browser = await launch();
});
after(async () => { await browser?.close(); server?.stop(); fs.rmSync(site, { recursive: true, force: true }); });

const header = (page) => page.evaluate(() => [document.getElementById('story-title').textContent,
                                               document.getElementById('story-show').textContent]);

test('?story=<id> opens that story: map, header, tab title, deep link and text version are its own', async () => {
  const requests = [];
  const { context, page, problems } = await open(browser, `${server.url}?story=tiny#/s2/mask`, LAPTOP);
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  let s = await state(page);
  assert.equal(s.story.title, 'Tiny');
  assert.equal(s.step, 's2');
  assert.equal(s.selected, 'mask');
  assert.deepEqual(s.entities.sort(), ['clan', 'hero', 'mask']);
  assert.deepEqual(await header(page), ['Tiny', 'Test Show']);
  assert.match(await page.title(), /Tiny/);
  await page.click('#text-toggle');
  await page.waitForFunction(() => /of 4/.test(document.getElementById('tv-progress').textContent));
  assert.match(await page.textContent('#tv-body'), /A mask\./);
  await page.click('#text-toggle');
  // Copy link keeps the story: the page itself with ?story=, not the first story's preview pages.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('no')); });
  await page.evaluate(() => window.explainerPage.copyLink('s2', 'x'));
  await page.waitForSelector('#linkbox.show');   // the clipboard refused: the link is shown to copy by hand
  assert.match(await page.inputValue('#link'), /\?story=tiny#\/s2\/mask$/);
  assert.ok(requests.every((p) => !p.startsWith('/s/')), requests.join(' '));
  assert.deepEqual(problems, []);
  await context.close();
});

test('an unknown or hostile ?story= shows the site\'s own story and says so; nothing outside the list is fetched', async () => {
  for (const wanted of ['nope', '../story', 'https://example.com/x.json', '<img src=x onerror=alert(1)>']) {
    const context = await browser.newContext(LAPTOP);
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(r.url()));
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.goto(`${server.url}?story=${encodeURIComponent(wanted)}`);
    await page.waitForFunction(() => window.explainerFirstFrameMs, null, { timeout: 30000 });
    assert.equal((await state(page)).story.id, 'metallic-rouge-ending', wanted);
    assert.match(await page.textContent('#toast'), /has no story called/);
    assert.ok(fetched.every((u) => u.startsWith(server.url)), fetched.join(' '));
    assert.ok(!fetched.some((u) => /stories\/(?!$)/.test(new URL(u).pathname)), fetched.join(' '));
    assert.equal(await page.locator('#toast img').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a crafted ?story= can\'t put its own words on screen: the toast quotes it as the core quotes link text', async () => {
  // Quotes, a direction override and a NUL, as a phishing line would use them.
  const wanted = '\u201d. This copy is out of date; the real site is evil.example \u202e\u0000\u201c';
  const { context, page, problems } = await open(browser, `${server.url}?story=${encodeURIComponent(wanted)}`, LAPTOP);
  const said = await page.textContent('#toast');
  assert.equal(said, 'This site has no story called "???. This copy is out of date; the real ..."; here is ' +
                     'Metallic Rouge: the ending, untangled.');
  assert.doesNotMatch(said, /[\u0000\u201c\u201d\u202e]|evil/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without WebGL2, ?story=<id> shows that story\'s text version and title, never the default\'s; a link\'s words are quoted as the core does', async () => {
  for (let run = 0; run < 3; ++run) {   // it raced: the default story won 3 runs in 4
    const context = await browser.newContext(LAPTOP);
    await context.addInitScript(() => {
      const real = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : real.call(this, kind, ...rest); };
    });
    const page = await context.newPage();
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}?story=tiny#/s2`);
    await page.waitForFunction(() => /of 4/.test(document.getElementById('tv-progress').textContent), null, { timeout: 30000 });
    assert.deepEqual(await header(page), ['Tiny', 'Test Show']);
    assert.match(await page.textContent('#tv-body h2'), /Two/);
    assert.ok(!fetched.includes('/text.json'), fetched.join(' '));
    assert.match(await page.title(), /Tiny/);
    // A step that isn't there, named with quotes and an override: the program's notice, word for word.
    await page.evaluate(() => { location.hash = '#/%E2%80%9D.%20The%20real%20site%20is%20evil.example%E2%80%AE'; });
    await page.waitForFunction(() => /No step called/.test(document.getElementById('tv-body').textContent));
    assert.equal(await page.textContent('#tv-body .tv-notice'),
                 'No step called "???. The real site is evil.example???" in this story; starting from the beginning.');
    // Rapid stepping is one history entry, as the program groups it.
    await page.waitForTimeout(800);   // past the grouping of the notice's own write
    const entries = await page.evaluate(() => history.length);
    for (let i = 0; i < 3; ++i) await page.click('#tv-next');
    assert.match(await page.textContent('#tv-progress'), /Step 4 of 4/);
    assert.equal(await page.evaluate(() => history.length), entries + 1);
    await context.close();
  }
});

test('a broken story file lists its located problems and keeps the story on screen; a sound one starts afresh', async () => {
  const { context, page, problems } = await open(browser, `${server.url}#/naomi`, LAPTOP);
  const before = await state(page);
  const broken = JSON.stringify({ ...tiny, steps: [...tiny.steps, tiny.steps[0]] });
  await page.setInputFiles('#story-file', { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
  await page.waitForSelector('#story-problems:not([hidden])');
  assert.match(await page.textContent('#sp-title'), /broken\.json cannot be opened/);
  assert.match(await page.textContent('#sp-list'), /steps\[4\]\.id: duplicate id "s1"/);
  const kept = await state(page);
  assert.equal(kept.story.id, before.story.id);
  assert.equal(kept.step, 'naomi');
  await page.click('#sp-close');
  assert.equal(await page.isHidden('#story-problems'), true);

  // Not JSON, and not UTF-8: located, plainly.
  await page.setInputFiles('#story-file', { name: 'junk.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff, 0x7d]) });
  await page.waitForSelector('#story-problems:not([hidden])');
  assert.match(await page.textContent('#sp-list'), /line 1, column 2: the file is not valid UTF-8 text/);
  await page.click('#sp-close');
  // A syntax error: in plain words, at the start of what is wrong, never in the parser's terms.
  await page.setInputFiles('#story-file', { name: 'comma.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "title": "x",\n}') });
  await page.waitForSelector('#story-problems:not([hidden])');
  const said = await page.textContent('#sp-list');
  assert.match(said, /line 3, column 1: not valid JSON: a comma before '}' with nothing after it; remove the comma/);
  assert.doesNotMatch(said, /syntax error|literal|parse/);
  await page.click('#sp-close');

  // Dropped on the page: a sound story replaces the map, from its first step, with no link of the old one left.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'tiny.json', { type: 'application/json' }));
    document.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(tiny));
  await page.waitForFunction(() => window.explainer.state().story.id === 'tiny');
  await frames(page, 3);
  const opened = await state(page);
  assert.equal(opened.index, 0);
  assert.equal(opened.selected, null);
  assert.deepEqual(opened.entities, ['hero']);
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(await header(page), ['Tiny', 'Test Show']);
  await page.evaluate(() => window.explainer.next());
  assert.equal((await state(page)).step, 's2');
  assert.match(new URL(page.url()).hash, /^#\/s2/);
  // Its text version was never built: said plainly, nothing of the old story shown.
  await page.click('#text-toggle');
  await page.waitForFunction(() => /opened from a file/.test(document.getElementById('tv-progress').textContent));
  assert.doesNotMatch(await page.textContent('#tv-body'), /Rouge/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link naming a mask after its reveal selects who wore it, in the text version as on the map (shell/link.js\'s open, as the navigator)', async () => {
  const noWebgl = () => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : real.call(this, kind, ...rest); };
  };
  const seen = {};
  for (const mode of ['text', 'map']) {
    const context = await browser.newContext(LAPTOP);
    if (mode === 'text') await context.addInitScript(noWebgl);
    const page = await context.newPage();
    // Cold, it jumps over the twist: covered, the mask waits to be selected, and the address keeps naming it.
    await page.goto(`${server.url}?story=tiny#/s3/mask`);
    if (mode === 'text') {
      await page.waitForFunction(() => /This link opens a twist/.test(document.getElementById('tv-body').textContent), null, { timeout: 30000 });
      assert.equal(new URL(page.url()).hash, '#/s3/mask');
      await page.click('#tv-body button:text-is("Show the twist")');
      await page.waitForSelector('#tv-body .tv-selected');
      seen[mode] = [(await page.textContent('#tv-body .tv-selected h3')), new URL(page.url()).hash];
    } else {
      await page.waitForFunction(() => window.explainer.ready && window.explainer.state().covered, null, { timeout: 30000 });
      await page.evaluate(() => window.explainer.uncover());
      await frames(page, 2);
      const st = await state(page);
      seen[mode] = [st.selected, new URL(page.url()).hash];
    }
    await context.close();
  }
  assert.equal(seen.text[0], 'Selected: Villain (character)', JSON.stringify(seen));
  assert.equal(seen.map[0], 'villain', JSON.stringify(seen));
  assert.equal(seen.text[1], seen.map[1], 'the same address afterwards: ' + JSON.stringify(seen));
});

test('without WebGL2, Back to a covered link\'s entry returns to it as seen, uncovered (an entry is never a cold link)', async () => {
  const story = JSON.parse(fs.readFileSync(path.join(root, 'data/metallic-rouge.json'), 'utf8'));
  const twist = story.steps.find((s) => s.reveal);
  const context = await browser.newContext(LAPTOP);
  await context.addInitScript(() => {
    const real = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) { return kind === 'webgl2' ? null : real.call(this, kind, ...rest); };
  });
  const page = await context.newPage();
  await page.goto(`${server.url}#/${twist.id}`);
  await page.waitForSelector('#tv-body h2', { state: 'visible', timeout: 30000 });
  assert.match(await page.textContent('#tv-body h2'), /This link (opens a twist|skips)/);
  await page.waitForTimeout(800);   // past the history's grouping: the next step is an entry of its own
  await page.click('#tv-body button:text-is("Start from the beginning")');
  assert.equal(await page.textContent('#tv-body h2'), story.steps[0].title);
  await page.goBack();
  await page.waitForFunction((t) => document.querySelector('#tv-body h2').textContent === t, twist.title);
  await context.close();
});

test('a story opened from a file has its own history entries: Back returns to the site\'s story as it was, Forward and a reload bring the file back', async () => {
  const { context, page, problems } = await open(browser, `${server.url}#/naomi`, LAPTOP);
  const site = (await state(page)).story.id;
  await page.setInputFiles('#story-file', { name: 'tiny.json', mimeType: 'application/json', buffer: fs.readFileSync(tinyFile) });
  await page.waitForFunction(() => window.explainer.state().story.id === 'tiny');
  for (let i = 0; i < 2; ++i) {   // two steps, each its own entry (past the history's 700 ms grouping)
    await page.waitForTimeout(900);
    await page.evaluate(() => window.explainer.next());
    await frames(page, 3);
  }
  assert.equal((await state(page)).step, 's3');
  await page.goBack(); await page.waitForFunction(() => window.explainer.state().step === 's2');
  await page.goBack(); await page.waitForFunction(() => window.explainer.state().step === 's1');
  await page.goBack();   // the entry before the file was opened: the site's story, at its step
  await page.waitForFunction((id) => window.explainer.state().story.id === id, site);
  let s = await state(page);
  assert.equal(s.step, 'naomi');
  assert.equal(s.notice, '');
  assert.equal(new URL(page.url()).hash, '#/naomi');
  assert.deepEqual(await header(page), ['Metallic Rouge: the ending, untangled', 'Metallic Rouge (Bones, Winter 2024)']);
  await page.goForward();
  await page.waitForFunction(() => window.explainer.state().story.id === 'tiny');
  assert.equal((await state(page)).step, 's1');
  await page.goForward(); await page.waitForFunction(() => window.explainer.state().step === 's2');
  // A reload keeps it: the tab still holds the opened story.
  await page.reload();
  await page.waitForFunction(() => window.explainer && window.explainer.ready && window.explainer.state().story.id === 'tiny', null, { timeout: 30000 });
  s = await state(page);
  assert.equal(s.step, 's2');
  assert.equal(await page.textContent('#toast'), 'Reopened tiny.json');
  assert.deepEqual(await header(page), ['Tiny', 'Test Show']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the header with its Open story button, and a story\'s problems, at both sizes', async () => {
  for (const [name, size] of [['laptop', LAPTOP], ['phone', PHONE]]) {
    const { context, page, problems } = await open(browser, `${server.url}?story=tiny`, size);
    await settled(page);
    const vw = size.viewport.width;
    const toggle = await page.locator('#text-toggle').boundingBox();
    assert.ok(toggle.x >= 0 && toggle.x + toggle.width <= vw, `${name}: Text version at ${JSON.stringify(toggle)}`);
    if (name === 'laptop') {
      const box = await page.locator('#open-story').boundingBox();
      assert.ok(box && box.x >= 0 && toggle.x >= box.x + box.width, `${name}: Open story at ${JSON.stringify(box)}`);
    } else {   // a phone keeps its narrow header for the title: authors open files on a computer
      assert.equal(await page.isHidden('#open-story'), true);
    }
    await page.screenshot({ path: path.join(here, 'artifacts', `story-tiny-${name}.png`) });
    const broken = JSON.stringify({ ...tiny, entities: tiny.entities.map((e, i) => (i === 1 ? { ...e, kind: 'robot' } : e)) });
    await page.setInputFiles('#story-file', { name: 'robot.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.waitForSelector('#story-problems:not([hidden])');
    const panel = await page.locator('#story-problems').boundingBox();
    assert.ok(panel.x >= 0 && panel.x + panel.width <= vw, `${name}: problems panel off screen: ${JSON.stringify(panel)}`);
    assert.match(await page.textContent('#sp-list'), /entities\[1\]\.kind: unknown kind "robot" \(expected character, group, species, program, place or term\)/);
    await page.screenshot({ path: path.join(here, 'artifacts', `story-problems-${name}.png`) });
    await page.click('#sp-close');
    await page.setInputFiles('#story-file', { name: 'quotes.json', mimeType: 'application/json', buffer: Buffer.from("{\n  'title': 'x'\n}") });
    await page.waitForSelector('#story-problems:not([hidden])');
    assert.match(await page.textContent('#sp-list'), /line 2, column 3: not valid JSON: names and text need double quotes \("\), not single quotes/);
    await page.screenshot({ path: path.join(here, 'artifacts', `story-syntax-${name}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
});
