// harness.mjs — the one browser harness of the tests and the soak: the
// site served and Chromium launched as tools/browser/site_browser.mjs does it
// (for the build and the benchmarks too), plus what the tests read: pages
// opened with their console errors, warnings and page errors collected, and
// the app's own state() to find controls where the app says it drew them.
export { serve, launch, freePort, chromium, CHROMIUM_ARGS } from '../../tools/browser/site_browser.mjs';

// Opens url in a fresh context; resolves once the first frame is drawn (or the error page shows).
export async function open(browser, url, { viewport = { width: 1280, height: 800 }, permissions = [], scale = 1,
                                           reducedMotion = 'no-preference', touch = false } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: scale, reducedMotion, hasTouch: touch, isMobile: touch });
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(url).origin });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  // Also said at once: a test that then waits in vain names the page's error, not only its timeout.
  page.on('pageerror', (e) => { problems.push(`pageerror: ${e.message}`); console.error(`pageerror at ${page.url()}: ${e.stack}`); });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  await page.goto(url);
  await page.waitForFunction(() => window.explainerFirstFrameMs || document.body.classList.contains('failed'),
                             null, { timeout: 30000 });
  return { context, page, problems };
}

export const state = (page) => page.evaluate(() => window.explainer.state());
// A point on the map (CSS px) at least 40 px from every node and label the
// app says it drew: where a click lands on nothing.
export function emptySpot(s) {
  const r = s.mapRect, top = Math.max(r.y, s.controlsBottom);
  const clear = (x, y) => Object.values(s.onScreen).every(([nx, ny]) => Math.hypot(nx - x, ny - y) > 40) &&
    s.labels.every((l) => x < l.x - 40 || x > l.x + l.w + 40 || y < l.y - 40 || y > l.y + l.h + 40);
  for (let y = r.y + r.h - 20; y > top + 20; y -= 20)
    for (let x = r.x + 20; x < r.x + r.w - 20; x += 20) if (clear(x, y)) return { x, y };
  throw new Error('no empty spot on the map');
}
// Clicks a button of the app by its label, where the app says it drew it
// last frame (state().buttons): never at a hard-coded pixel.
export async function clickButton(page, label) {
  const button = (await state(page)).buttons.find((b) => b.label === label);
  if (!button) throw new Error(`no button "${label}" on screen`);
  const at = await onPage(page, { x: button.x + button.w / 2, y: button.y + button.h / 2 });
  await page.mouse.click(at.x, at.y);
}
// The app reports CSS px of its canvas; the mouse moves in the page's.
export async function onPage(page, p) {
  const box = await page.locator('#canvas').boundingBox();
  return { x: box.x + p.x, y: box.y + p.y };
}
export const frames = (page, n = 3) => page.evaluate((k) => new Promise((r) => {
  let left = k; const tick = () => (--left <= 0 ? r() : requestAnimationFrame(tick)); requestAnimationFrame(tick);
}), n);

// Keyboard focus inside the app (its focus ring over the canvas's buttons).
// tabRing: the label in focus after each Tab, until the ring runs out (the
// browser then moves on), `until` is reached, or `max` presses.
export async function tabRing(page, { max = 40, until } = {}) {
  const reached = [];
  for (let i = 0; i < max; ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
    const f = (await state(page)).keyboardFocus;
    if (!f) break;
    reached.push(f);
    if (f === until) break;
  }
  return reached;
}
// tabTo: Tab until the button labelled `label` is in focus (at most `max` presses).
export async function tabTo(page, label, max = 40) {
  for (let i = 0; i < max && (await state(page)).keyboardFocus !== label; ++i) {
    await page.keyboard.press('Tab');
    await frames(page, 2);
  }
}

// The two screens the explainer is judged on.
export const LAPTOP = { viewport: { width: 1280, height: 800 } };
export const PHONE = { viewport: { width: 390, height: 844 }, scale: 3, touch: true };

// Waits until the map has settled: no step transition, staged reveal or camera move under way.
export const settled = (page) => page.waitForFunction(() => window.explainer.state().staging.phase === 'still',
                                                      null, { timeout: 20000 });

// Goes to a step by its id and waits until the map has taken it and settled.
export async function goTo(page, stepId) {
  await page.evaluate((id) => window.explainer.go(id), stepId);
  await frames(page, 2);   // the map takes the step at its next frame
  await settled(page);
  await frames(page, 2);
}

// The pairs of drawn labels whose boxes overlap.
export function overlappingLabels(labels) {
  const out = [];
  for (let i = 0; i < labels.length; ++i)
    for (let j = i + 1; j < labels.length; ++j) {
      const a = labels[i], b = labels[j];
      if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) out.push(`${a.id}/${b.id}`);
    }
  return out;
}

export function insideRect(l, r) {
  return l.x >= r.x - 0.5 && l.y >= r.y - 0.5 && l.x + l.w <= r.x + r.w + 0.5 && l.y + l.h <= r.y + r.h + 0.5;
}

// The least distance from point p ([x, y]) to a polyline ([[x, y], …]): how
// near a line drawn on the map runs to a node or a label.
export function distanceToPolyline(p, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; ++i) {
    const [ax, ay] = points[i - 1], [bx, by] = points[i];
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2)) : 0;
    best = Math.min(best, Math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy));
  }
  return best;
}

// The part of the map nothing covers (state()): below its controls (or left
// of them, where they are one button in the corner), above
// the phone's compact legend, off the search field and the open legend.
export function uncovered(s) {
  const r = s.mapRect, inside = (p, b) => p[0] >= b.x && p[0] <= b.x + b.w && p[1] >= b.y && p[1] <= b.y + b.h;
  const over = [s.searchField, s.legend.open ? s.legend.rect : null].filter((b) => b && b.w > 0);
  for (const b of s.buttons) if (inside([b.x + b.w / 2, b.y + b.h / 2], r)) over.push(b);
  return (p) => p[0] >= r.x && p[0] <= r.x + r.w && (p[1] >= s.controlsBottom || p[0] < s.controlsLeft) &&
    p[1] >= r.y && p[1] <= s.legendTop &&
    !over.some((b) => inside(p, b));
}

// On a phone the map's controls fold into one "Map tools" button: opens them
// (a tap, where the app drew it) and waits until they are drawn. Does nothing
// where they are already open (a laptop).
export async function openMapTools(page) {
  const s = await state(page);
  const b = s.buttons.find((x) => x.label === 'Map tools');
  if (!b) return;
  const at = await onPage(page, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  await page.touchscreen.tap(at.x, at.y);
  await page.waitForFunction(() => window.explainer.state().buttons.some((x) => x.label === 'Close'), null, { timeout: 5000 });
  await frames(page, 3);   // a window that just appeared is measured first, then drawn
}

// A finger drag from one canvas point to another (CSS px, as state() reports
// them), in `steps` moves, through the DevTools protocol: Playwright's
// touchscreen only taps.
export async function touchDrag(page, from, to, steps = 8) {
  const a = await onPage(page, from), b = await onPage(page, to);
  const cdp = await page.context().newCDPSession(page);
  const send = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
  await send('touchStart', a);
  for (let i = 1; i <= steps; ++i) {
    await frames(page, 1);
    await send('touchMove', { x: a.x + (b.x - a.x) * i / steps, y: a.y + (b.y - a.y) * i / steps });
  }
  await frames(page, 1);
  await send('touchEnd');
  await frames(page, 2);
  await cdp.detach();
}

// The node that stands for an entity at step `index` of a story (its JSON):
// an identity reveal merges the subject into the target.
export function nodeOf(story, id, index) {
  for (const r of story.reveals) {
    const at = story.steps.findIndex((s) => s.id === r.step);
    if (r.type === 'identity' && r.subject === id && at <= index) return r.target;
  }
  return id;
}
