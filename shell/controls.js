// controls.js — the canvas's semantic layer. The app draws its controls into
// the canvas, where neither a screen reader nor the browser's Tab can reach
// them; so each one has a real, invisible DOM twin here, a <button>, a
// <select> or the step list, in the order the controls are seen: the map's
// before the canvas (#map-controls), the panel's after it (#panel-controls).
// The list comes from the app's focus ring (web/semantics.h) whenever it
// changes; nothing here names a control but Copy link, which must copy
// inside the reader's own event (Safari's engine refuses it a frame later).
//  - A twin's focus moves the app's focus ring to its control, so what a
//    screen reader announces is what the ring shows.
//  - Pressing a twin presses its control (in the app's next frame).
//  - Twins sit over their controls, invisible and letting the pointer through.
// Names and choices arrive as text and are set as text, never as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const areas = { map: $('map-controls'), panel: $('panel-controls') };
  let program = null, copyNow = null;
  let items = [];

  const clamp = (v, lo, hi) => Math.min(Math.max(v, lo), hi);
  // Inside the map's box, always: focusing a twin must never scroll the page.
  // The box is measured once per update, before any twin is written: a read
  // after a write makes the browser lay the page out again, once per twin
  // (~80 ms on a slow phone's first update).
  function place(el, it, W, H) {
    const x = clamp(it.x, 0, W - 1), y = clamp(it.y, 0, H - 1);
    Object.assign(el.style, { left: x + 'px', top: y + 'px', width: clamp(it.w, 1, W - x) + 'px', height: clamp(it.h, 1, H - y) + 'px' });
  }
  function make(role) {
    const el = document.createElement(role === 'choice' ? 'select' : role === 'steps' ? 'div' : 'button');
    if (role === 'steps') el.setAttribute('role', 'group');
    if (el.tagName === 'BUTTON') el.type = 'button';
    el.className = 'twin';
    el.dataset.twin = role === 'disclosure' ? 'button' : role;
    el.twinRole = role;
    return el;
  }
  const same = (a, b) => a && b && a.length === b.length && a.every((x, i) => x === b[i]);

  function fillSteps(el, it) {
    el.setAttribute('aria-label', it.name);
    if (!same(el.names, it.choices)) {
      const focused = el.contains(document.activeElement) ? [...el.children].indexOf(document.activeElement) : -1;
      el.replaceChildren(...it.choices.map((name) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.className = 'twin-step';
        b.textContent = name;
        return b;
      }));
      el.names = it.choices.slice();
      if (focused >= 0 && el.children[focused]) el.children[focused].focus({ preventScroll: true });
    }
    const n = el.children.length, w = it.w - 16, step = n > 1 ? w / (n - 1) : w;
    const has = el.contains(document.activeElement);
    [...el.children].forEach((b, i) => {
      if (i === it.chosen) b.setAttribute('aria-current', 'step'); else b.removeAttribute('aria-current');
      // One tab stop for the list (roving): the step in focus, else the one on screen.
      b.tabIndex = (has ? b === document.activeElement : i === it.chosen) ? 0 : -1;
      Object.assign(b.style, { left: Math.max(0, 8 + (n > 1 ? w * i / (n - 1) : w / 2) - step / 2) + 'px', width: Math.max(2, step) + 'px' });
    });
  }
  function fill(el, it, index, W, H) {
    el.twinIndex = index;
    el.twinName = it.name;
    if (it.role === 'steps') fillSteps(el, it);
    else if (it.role === 'choice') {
      el.setAttribute('aria-label', it.name);
      if (!same(el.names, it.choices)) {
        el.replaceChildren(...it.choices.map((name) => Object.assign(document.createElement('option'), { textContent: name })));
        el.names = it.choices.slice();
      }
      if (el.selectedIndex !== it.chosen) el.selectedIndex = it.chosen;
    } else {
      if (el.textContent !== it.name) el.textContent = it.name;
      if (it.role === 'disclosure') el.setAttribute('aria-expanded', it.expanded ? 'true' : 'false');
      else el.removeAttribute('aria-expanded');
    }
    if (it.disabled) el.setAttribute('aria-disabled', 'true'); else el.removeAttribute('aria-disabled');
    place(el, it, W, H);
  }

  function update(json) {
    items = JSON.parse(json).items;
    const stage = $('stage');
    const W = Math.max(1, stage.clientWidth), H = Math.max(1, stage.clientHeight);
    for (const [area, box] of Object.entries(areas)) {
      const mine = [];
      items.forEach((it, i) => { if (it.area === area) mine.push([it, i]); });
      const had = box.contains(document.activeElement);
      mine.forEach(([it, index], k) => {
        let el = box.children[k];
        if (!el || el.twinRole !== it.role) {
          const made = make(it.role);
          if (el) el.replaceWith(made); else box.appendChild(made);
          el = made;
        }
        fill(el, it, index, W, H);
      });
      while (box.children.length > mine.length) box.lastElementChild.remove();
      // The control in focus went away (a cover lifted, a popup closed): the
      // focus stays in its area, on the control that took its place, or the map.
      if (had && !box.contains(document.activeElement)) (box.lastElementChild || $('canvas')).focus({ preventScroll: true });
    }
  }

  const twinOf = (node) => node && node.closest && node.closest('.twin');
  for (const box of Object.values(areas)) {
    box.addEventListener('focusin', (e) => {
      const twin = twinOf(e.target);
      if (!twin || !program) return;
      const part = twin.twinRole === 'steps' ? [...twin.children].indexOf(e.target) : -1;
      program.focusControl(twin.twinIndex, twin.twinName, part);
    });
    box.addEventListener('focusout', (e) => {
      if (program && !twinOf(e.relatedTarget)) program.focusControl(-1, '', -1);
    });
    box.addEventListener('click', (e) => {
      const twin = twinOf(e.target);
      if (!twin || !program || twin.getAttribute('aria-disabled') === 'true') return;
      if (twin.twinRole === 'steps') {
        const part = [...twin.children].indexOf(e.target);
        if (part >= 0) program.pressControl(twin.twinIndex, twin.twinName, part);
      } else if (twin.twinRole !== 'choice') {
        if (twin.twinName === 'Copy link' && copyNow) copyNow();   // inside the click, as every engine allows
        else program.pressControl(twin.twinIndex, twin.twinName, -1);
      }
    });
    box.addEventListener('change', (e) => {
      const twin = twinOf(e.target);
      if (twin && program && twin.twinRole === 'choice') program.pressControl(twin.twinIndex, twin.twinName, twin.selectedIndex);
    });
    box.addEventListener('keydown', (e) => {
      const twin = twinOf(e.target);
      if (!twin) return;
      if (e.key === 'Escape') { $('canvas').focus({ preventScroll: true }); return; }
      if (twin.twinRole !== 'steps' || e.target === twin) return;
      // The step list: the arrows, Home and End move along it; Enter or Space goes there.
      const all = [...twin.children], at = all.indexOf(e.target);
      const to = { ArrowRight: at + 1, ArrowDown: at + 1, ArrowLeft: at - 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      const next = all[clamp(to, 0, all.length - 1)];
      all.forEach((b) => { b.tabIndex = b === next ? 0 : -1; });
      next.focus({ preventScroll: true });
    });
  }

  // Whether a point (CSS px of the canvas) is on the control called `name`,
  // as last drawn: where a press on the canvas itself must act in its own event.
  function hit(name, x, y) {
    return items.some((it) => it.name === name && x >= it.x && x < it.x + it.w && y >= it.y && y < it.y + it.h);
  }

  window.explainerControls = {
    connect(api, copy) { program = api; copyNow = copy; },
    update,
    hit,
  };
})();
