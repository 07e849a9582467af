// The map tells the story by itself: at every step, on a laptop and on a
// phone, with reduced motion and without, every line runs clear of the nodes
// that are not its ends (tested on the polyline as drawn, state().edges);
// each relationship the step adds carries its own label, nearer its own line
// than any other; every node in the uncovered map shows a name, no label
// merges relationships, and no line label covers another; the step's focus and both ends of its new lines are
// framed where nothing covers them; lines that are neither the step's own nor
// its focus's are drawn as the backdrop, fainter, and only while an end is in
// or near the view. "This step only" leaves the step's own
// picture alone on the map. Map-only screenshots of every step are kept to
// look at (artifacts/map/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, open, state, frames, settled, nodeOf, overlappingLabels, clickButton, onPage, touchDrag, openMapTools, goTo, distanceToPolyline, uncovered,
         LAPTOP, PHONE } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.resolve(here, '../../build/web/site');
const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
const shots = path.join(here, 'artifacts', 'map');
fs.mkdirSync(shots, { recursive: true });
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const CLEARANCE = 5;   // CSS px: no line passes nearer than this to a node that is not one of its ends
const SIGHT = 48 + 2 * 23.4 + 5;   // CSS px: how far out of view a backdrop line's nearer end may be (map_draw.cpp)


// Everything the map must get right at one step, as a list of what it got wrong.
function mapProblems(s, index) {
  const out = [], at = `${s.step}`;
  const clear = uncovered(s);
  for (const e of s.edges)
    for (const [id, c] of Object.entries(s.onScreen)) {
      if (id === e.from || id === e.to) continue;
      const d = distanceToPolyline(c, e.points);
      if (d < CLEARANCE) out.push(`${at}: ${e.from} —${e.type}→ ${e.to} runs ${d.toFixed(1)} px from ${id}`);
    }
  for (const e of s.edges.filter((x) => x.new)) {
    const own = s.edgeLabels.filter((l) => l.rel === e.rel);
    if (own.length !== 1) { out.push(`${at}: ${e.from} —${e.type}→ ${e.to} has ${own.length} labels`); continue; }
    const c = [own[0].x + own[0].w / 2, own[0].y + own[0].h / 2];
    const mine = distanceToPolyline(c, e.points);
    const rival = s.edges.find((o) => o.rel !== e.rel && distanceToPolyline(c, o.points) < mine - 0.5);
    if (rival) out.push(`${at}: "${own[0].text}" is nearer ${rival.from} —${rival.type}→ ${rival.to} than its own line`);
    for (const end of [e.from, e.to])
      if (!s.onScreen[end] || !clear(s.onScreen[end])) out.push(`${at}: ${end}, an end of ${e.type}, is not in the uncovered map`);
  }
  const named = new Set(s.labels.map((l) => l.id));
  for (const [id, c] of Object.entries(s.onScreen))
    if (clear(c) && !named.has(id)) out.push(`${at}: ${id} is on the map with no name`);
  for (const l of [...s.labels, ...s.edgeLabels]) if (l.text.includes(' · ')) out.push(`${at}: a label merges "${l.text}"`);
  // Names never cover one another (legibility.test.mjs), nor do the step's line labels.
  for (const pair of overlappingLabels(s.edgeLabels.map((l) => ({ ...l, id: `"${l.text}"` }))))
    out.push(`${at}: line labels overlap ${pair}`);
  // The step in front: its own lines and its focus's other lines are drawn as
  // context; every other line is the backdrop, drawn fainter (map_draw.cpp).
  const front = new Set(story.steps[index].focus.map((f) => nodeOf(story, f, index)));
  if (s.staging.subject) front.add(s.staging.subject);
  for (const e of s.edges) {
    const inFront = e.new || e.standing === 'overturned' || front.has(e.from) || front.has(e.to);
    if (e.backdrop === inFront) out.push(`${at}: ${e.from} —${e.type}→ ${e.to} is ${e.backdrop ? '' : 'not '}drawn as the backdrop`);
  }
  // A backdrop line with neither end near the view would cross it joining
  // nothing the reader can see: it fades out as its nearer node leaves (48 px
  // past the node's edge), so a drawn one has an end within that, a node's
  // radius twice (at most 23 px) and the gap at its tip.
  const outside = (p) => Math.max(s.mapRect.x - p[0], p[0] - s.mapRect.x - s.mapRect.w, s.mapRect.y - p[1], p[1] - s.mapRect.y - s.mapRect.h, 0);
  for (const e of s.edges.filter((x) => x.backdrop)) {
    const d = Math.min(outside(e.points[0]), outside(e.points[e.points.length - 1]));
    if (d > SIGHT) out.push(`${at}: ${e.from} —${e.type}→ ${e.to} is drawn with both ends ${d.toFixed(0)} px or more out of view`);
  }
  for (const f of story.steps[index].focus) {
    const id = nodeOf(story, f, index);
    if (!s.onScreen[id] || !clear(s.onScreen[id])) out.push(`${at}: the focus ${id} is not in the uncovered map`);
  }
  return out;
}

for (const [name, device] of [['laptop', LAPTOP], ['phone', PHONE]])
  for (const motion of ['reduce', 'no-preference']) {
    test(`the map alone tells each step on a ${name} (${motion === 'reduce' ? 'reduced motion' : 'with motion'})`, async () => {
      const { page, problems, context } = await open(browser, server.url, { ...device, reducedMotion: motion });
      const failures = [];
      for (let i = 0; i < story.steps.length; ++i) {
        if (i > 0) await page.evaluate(() => window.explainer.next());
        await frames(page, 2);   // the map takes the step at its next frame
        await settled(page);
        await frames(page, 3);
        const s = await state(page);
        assert.equal(s.index, i);
        assert.ok(s.edges.length > 0, `${s.step}: no edges reported`);
        failures.push(...mapProblems(s, i));
        if (motion === 'reduce') {
          const r = s.mapRect;
          await page.screenshot({ path: path.join(shots, `${name}-${String(i + 1).padStart(2, '0')}-${s.step}.png`),
                                  clip: { x: r.x, y: r.y, width: r.w, height: r.h } });
        }
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

for (const [name, device] of [['laptop', LAPTOP], ['phone', PHONE]]) {
  test(`"This step only" on a ${name} leaves the step's own picture, framed, and "Everything" brings the rest back`, async () => {
    const { page, problems, context } = await open(browser, server.url, { ...device, reducedMotion: 'reduce' });
    const k = story.steps.findIndex((st) => st.id === 'twist-6');
    await goTo(page, story.steps[k].id);
    // The switch is in the map's controls (on a phone, behind "Map tools").
    const press = async (label) => {
      await openMapTools(page);
      await clickButton(page, label);
      await settled(page);
      await frames(page, 3);
    };
    const whole = await state(page);
    const own = whole.edges.filter((e) => e.new);
    assert.ok(own.length >= 3 && whole.edges.length > own.length + 20);
    await press('This step only');
    const alone = await state(page);
    assert.equal(alone.stepOnly, true);
    const ends = new Set(own.flatMap((e) => [e.from, e.to]));
    assert.deepEqual(alone.edges.map((e) => e.rel).sort(), own.map((e) => e.rel).sort(), 'only the step\'s own lines are drawn');
    assert.deepEqual(alone.labels.map((l) => l.id).filter((id) => !ends.has(id)), [], 'only the step\'s own nodes are named');
    if (name === 'phone') { await clickButton(page, 'Close'); await frames(page, 6); }   // the tools fold again
    assert.deepEqual(mapProblems(await state(page), k), []);
    // It stays on as the reader steps on, until "Everything".
    await page.evaluate(() => window.explainer.next());
    await frames(page, 2);
    await settled(page);
    const next = await state(page);
    assert.equal(next.stepOnly, true);
    assert.ok(next.edges.every((e) => e.new), 'the next step shows only its own lines too');
    await press('Everything');
    const back = await state(page);
    assert.equal(back.stepOnly, false);
    assert.ok(back.edges.length > next.edges.length + 20);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('on a phone the panel shows that its text runs on, and "What changed" is one tap away', async () => {
  const { page, problems, context } = await open(browser, server.url, { ...PHONE, reducedMotion: 'reduce' });
  await goTo(page, 'final-battle');
  let s = await state(page);
  const height = (await page.locator('#canvas').boundingBox()).height;
  const firstChange = (t) => t.buttons.find((b) => b.label.startsWith('+ '));
  assert.equal(s.moreBelow, 'What changed \u2193', 'no cue while "What changed" is below the fold');
  const before = firstChange(s);
  assert.ok(before.y + before.h > height, 'the first change was already in view');
  const cue = s.buttons.find((b) => b.label === s.moreBelow);
  assert.ok(cue && cue.y + cue.h <= height && cue.y >= s.mapRect.y + s.mapRect.h, 'the cue is not at the panel\'s foot');
  const at = await onPage(page, { x: cue.x + cue.w / 2, y: cue.y + cue.h / 2 });
  await page.touchscreen.tap(at.x, at.y);
  // The press lands at the release, the text moves a frame later.
  await page.waitForFunction(() => {
    const t = window.explainer.state(), b = t.buttons.find((x) => x.label.startsWith('+ '));
    return b && b.y + b.h <= document.getElementById('canvas').clientHeight;
  }, null, { timeout: 3000 }).catch(() => {});   // the assertions below say what is wrong
  await frames(page, 2);
  s = await state(page);
  const change = firstChange(s);
  assert.ok(change.y >= s.mapRect.y + s.mapRect.h && change.y + change.h <= height, `the first change is not in view after the tap (y ${change.y})`);
  await page.screenshot({ path: path.join(shots, 'phone-what-changed-after-the-cue.png') });
  // A finger drags the text itself, up and back, and presses nothing on the way.
  const label = change.label, prev = s.buttons.find((b) => b.label === '< Previous');
  const top = prev.y + prev.h + 30;   // inside the scrolling text, below the step's buttons
  await touchDrag(page, { x: 120, y: height - 20 }, { x: 120, y: top });
  s = await state(page);
  const dragged = s.buttons.find((b) => b.label === label);
  assert.ok(dragged.y < change.y - 40, `a drag up did not scroll the text (${change.y} -> ${dragged.y})`);
  assert.deepEqual(s.selected, null, 'the drag pressed the line it began on');
  await touchDrag(page, { x: 120, y: top }, { x: 120, y: height - 20 });
  s = await state(page);
  assert.ok(s.buttons.find((b) => b.label === label).y > dragged.y + 40, 'a drag down did not scroll the text back');
  assert.deepEqual(s.selected, null);
  assert.deepEqual(problems, []);
  await context.close();
});
