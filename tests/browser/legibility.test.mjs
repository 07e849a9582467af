// The map explains: at every step, on a laptop and on a phone, every focus
// entity's label is drawn inside the visible map area, at 12 CSS px or more,
// overlapping no other label; a screenshot of every step is kept to look at.
// Reveals are staged where the reader looks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, settled, nodeOf, overlappingLabels, insideRect, LAPTOP, PHONE } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const shots = path.join(here, 'artifacts', 'steps');
fs.mkdirSync(shots, { recursive: true });
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });


for (const [name, device] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`every step on a ${name}: focus labels inside the map, 12 px or more, no overlaps`, async () => {
    const { page, problems, context } = await open(browser, server.url, { ...device, reducedMotion: 'reduce' });
    const failures = [];
    for (let i = 0; i < story.steps.length; ++i) {
      if (i > 0) await page.evaluate(() => window.explainer.next());
      await settled(page);
      await frames(page, 2);
      const s = await state(page);
      assert.equal(s.index, i);
      await page.screenshot({ path: path.join(shots, `${name}-${String(i + 1).padStart(2, '0')}-${s.step}.png`) });
      const drawn = new Map(s.labels.map((l) => [l.id, l]));
      for (const f of story.steps[i].focus) {
        const id = nodeOf(story, f, i);
        const l = drawn.get(id);
        if (!l) { failures.push(`${s.step}: no label for ${id}`); continue; }
        if (!insideRect(l, s.mapRect)) failures.push(`${s.step}: ${id} label outside the map area`);
        if (l.px < 12) failures.push(`${s.step}: ${id} label ${l.px} px`);
      }
      for (const pair of overlappingLabels(s.labels)) failures.push(`${s.step}: labels overlap ${pair}`);
      for (const l of s.labels) if (l.px < 12) failures.push(`${s.step}: ${l.id} label ${l.px} px`);
      // A label set away from its node is joined to it by a line, or nobody can tell whose name it is.
      for (const l of s.labels) {
        const c = s.onScreen[l.id];
        if (!c) continue;
        const away = Math.hypot(Math.max(l.x - c[0], 0, c[0] - l.x - l.w), Math.max(l.y - c[1], 0, c[1] - l.y - l.h));
        if (away > 40 && !l.leader) failures.push(`${s.step}: ${l.id} label ${away.toFixed(0)} px from its node, with no line to it`);
        // Nor may a name sit nearer another node than its own, unless a line says whose it is.
        const [other, near] = Object.entries(s.onScreen).filter(([id]) => id !== l.id)
          .map(([id, p]) => [id, Math.hypot(Math.max(l.x - p[0], 0, p[0] - l.x - l.w), Math.max(l.y - p[1], 0, p[1] - l.y - l.h))])
          .reduce((a, b) => (b[1] < a[1] ? b : a), ['', Infinity]);
        if (near + 8 < away && !l.leader) failures.push(`${s.step}: ${l.id} label nearer ${other} (${near.toFixed(0)} px) than its own node (${away.toFixed(0)} px)`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const [name, device] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`each reveal is staged on a ${name}: the subject is on screen before the unmasking plays`, async () => {
    const { page, problems, context } = await open(browser, server.url, device);
    const reveals = story.reveals.map((r) => story.steps.findIndex((s) => s.id === r.step));
    for (const k of reveals) {
      await page.evaluate((id) => window.explainer.go(id), story.steps[k - 1].id);
      await settled(page);
      await page.evaluate(() => window.explainer.next());
      // Sample until the unmasking starts; by then the camera must have arrived.
      const seen = new Set();
      let atPlay = null;
      for (let tries = 0; tries < 400 && !atPlay; ++tries) {
        const s = await state(page);
        seen.add(s.staging.phase);
        if (s.staging.phase === 'beat' || s.staging.phase === 'play') atPlay = s;
      }
      assert.ok(atPlay, `no beat or play phase seen at ${story.steps[k].id}: ${[...seen]}`);
      const subject = atPlay.staging.subject;
      const label = atPlay.labels.find((l) => l.id === subject);
      assert.ok(label, `no label for ${subject} as its reveal plays`);
      assert.ok(insideRect(label, atPlay.mapRect), `${subject} is off the map area as its reveal plays`);
      await page.waitForFunction(() => window.explainer.state().staging.phase === 'play', null, { timeout: 10000 });
      await page.waitForTimeout(700);
      await page.screenshot({ path: path.join(shots, `${name}-reveal-midway-${story.steps[k].id}.png`) });
      const mid = await state(page);
      assert.deepEqual(overlappingLabels(mid.labels), [], `labels overlap as ${subject}'s reveal plays`);
      await settled(page);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
}
