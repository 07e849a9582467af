// link.js — the page's one reader and writer of a link's fragment
// (#/<step-id>/<entity-id>): the same codec as src/core/reading/deep_link.h, rule for
// rule, with the same notices, so the text version (which runs without the
// program) and the program read every link alike. tests/data/links.json holds
// the vectors both test suites run (tests/core/test_deep_link.cpp and
// tests/browser/link.test.mjs).
//
// Fragments are read as UTF-8 bytes, as the program reads them: length limits
// count bytes, and what a notice quotes is shown() (printable ASCII, cut
// short), never the link's raw text.
'use strict';
(function (root) {
  // deep_link::kMaxFragment and story::kMaxSlugLength, from their one source
  // (src/contract/contract.json).
  const limits = (typeof window !== 'undefined' ? window : globalThis).explainerContract.limits;
  const kMaxFragment = limits.fragmentBytes;
  const kMaxSlugLength = limits.idBytes;
  const kShownChars = 40;

  // A string of bytes (one char per byte) from UTF-8.
  function bytesOf(text) {
    const bytes = new TextEncoder().encode(String(text));
    let out = '';
    for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode(...bytes.subarray(i, i + 4096));
    return out;
  }

  // Quoted for a notice: printable ASCII only, cut short, so a hostile link
  // can neither spoof text (quotes, direction controls) nor flood the page.
  function shown(text, alreadyBytes) {
    const bytes = alreadyBytes ? text : bytesOf(String(text).slice(0, 4 * kShownChars));
    let out = '';
    for (const ch of bytes) {
      if (out.length >= kShownChars) { out += '...'; break; }
      const c = ch.charCodeAt(0);
      out += c >= 0x20 && c < 0x7f ? ch : '?';
    }
    return '"' + out + '"';
  }

  function percentDecode(text) {
    let out = '';
    for (let i = 0; i < text.length; ++i) {
      if (text[i] !== '%') { out += text[i]; continue; }
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    }
    return out;
  }

  // → { status: 'empty' | 'ok' | 'malformed' | 'too-long', step, entity } (byte strings).
  function parse(fragment) {
    fragment = String(fragment);
    if (fragment.length > 2 * kMaxFragment) return { status: 'too-long', step: '', entity: '' };   // over 512 bytes whatever it holds
    let f = bytesOf(fragment);
    if (f.startsWith('#')) f = f.slice(1);
    if (f.length > kMaxFragment) return { status: 'too-long', step: '', entity: '' };
    if (f.startsWith('/')) f = f.slice(1);
    f = f.replace(/\/+$/, '');
    if (!f) return { status: 'empty', step: '', entity: '' };
    const slash = f.indexOf('/');
    const rawStep = slash < 0 ? f : f.slice(0, slash), rawEntity = slash < 0 ? '' : f.slice(slash + 1);
    const step = percentDecode(rawStep), entity = percentDecode(rawEntity);
    if (rawEntity.includes('/') || !rawStep || step === null || entity === null ||
        step.length > kMaxSlugLength || entity.length > kMaxSlugLength) return { status: 'malformed', step: '', entity: '' };
    return { status: 'ok', step, entity };
  }

  function format(step, entity) {
    const escape = (id) => [...new TextEncoder().encode(id)].map((c) => {
      const ch = String.fromCharCode(c);
      return /[A-Za-z0-9._-]/.test(ch) ? ch : '%' + c.toString(16).toUpperCase().padStart(2, '0');
    }).join('');
    return '#/' + escape(step) + (entity ? '/' + escape(entity) : '');
  }

  // story: { steps: [{ id, aliases }], entities: [{ id, aliases }] }. → { step
  // (index), entity (index or -1), canonical, notice }, as deep_link::resolve.
  function resolve(story, fragment) {
    const find = (list, id) => list.findIndex((x) => x.id === id || (x.aliases || []).includes(id));
    const link = parse(fragment);
    const t = { step: 0, entity: -1, canonical: '', notice: '' };
    if (link.status === 'empty') return t;
    if (link.status === 'too-long') t.notice = 'That link is too long to be one of ours; starting from the beginning.';
    else if (link.status === 'malformed') t.notice = 'That link is not in a form we recognise; starting from the beginning.';
    else {
      const step = find(story.steps, link.step);
      if (step < 0) t.notice = 'No step called ' + shown(link.step, true) + ' in this story; starting from the beginning.';
      else {
        t.step = step;
        if (link.entity) {
          t.entity = find(story.entities, link.entity);
          if (t.entity < 0) t.notice = 'Nothing called ' + shown(link.entity, true) + ' in this story; showing the step without a selection.';
        }
      }
    }
    t.canonical = format(story.steps[t.step].id, t.entity < 0 ? '' : story.entities[t.entity].id);
    return t;
  }

  // What a link opens, as navigator::Navigator::open_link decides it. A cold
  // link that jumps over twists the reader has not seen (past `furthest`, the
  // furthest step seen uncovered) is covered: the map shows the step before
  // the first of them, and the entity it names is selected there if it is on
  // that map, or waits (pending) for the cover to lift. Back/Forward
  // (fromHistory) never cover. An entity not yet on the linked step's map is
  // not named at all: that would give a twist away. story.steps[k].reveal
  // marks a twist; shownAs(step, entityId) is the id of the node that entity
  // is shown as on that step's map (itself, or who a mask turned out to be),
  // or '' when it is not there.
  // → { step, shown, covered, skipped, first, selected, pending, furthest,
  //     fragment (the address for what is on screen), notice }
  function open(story, fragment, { furthest = 0, fromHistory = false, shownAs }) {
    const t = resolve(story, fragment);
    let first = -1, skipped = 0;
    if (!fromHistory) {
      for (let k = furthest + 1; k <= t.step && k < story.steps.length; ++k) {
        if (!story.steps[k].reveal) continue;
        if (first < 0) first = k;
        ++skipped;
      }
    }
    const covered = skipped > 0;
    const v = { step: t.step, shown: covered ? first - 1 : t.step, covered, skipped, first,
                selected: '', pending: '', furthest: covered ? furthest : Math.max(furthest, t.step), notice: t.notice };
    if (t.entity >= 0) {
      const id = story.entities[t.entity].id;
      const onShownMap = v.shown >= 0 ? shownAs(v.shown, id) : '';
      if (!shownAs(t.step, id)) v.notice = 'That link selects someone who has not appeared yet at this step; showing the step without a selection.';
      else if (onShownMap) v.selected = onShownMap;
      else v.pending = id;
    }
    v.fragment = format(story.steps[t.step].id, v.selected || v.pending);
    return v;
  }

  // When to push a history entry, replace the current one, or hold back, as
  // navigator::HistoryPolicy decides: a step change within 700 ms of the last
  // write replaces it (rapid stepping is one entry), and at most 80 writes in
  // any 30 s (Safari throws past 100).
  function historyPolicy(coalesceMs = 700, maxWrites = 80) {
    let last = -1e18, recent = [];
    return {
      decide(now, wantPush) {
        recent = recent.filter((t) => now - t < 30000);
        if (recent.length >= maxWrites) return 'defer';
        const write = wantPush && now - last >= coalesceMs ? 'push' : 'replace';
        last = now;
        recent.push(now);
        return write;
      },
    };
  }

  const api = { kMaxFragment, shown, parse, format, resolve, open, historyPolicy };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.explainerLink = api;
})(typeof window === 'object' ? window : globalThis);
