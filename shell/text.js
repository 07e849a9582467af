// text.js — the explainer's text version: the step on screen as structured,
// readable text (title and narration, the reveal, what changed, every entity
// on the map with its card, the relationships, the glossary so far) and the
// Markdown transcript, both from text.json, which `explain site` writes from
// the core (src/core/reading/text_version.h) at build time.
//
// Two drivers. With the map, the app says what is on screen
// (explainerPage.readerState) and the buttons here call window.explainer.
// Without WebGL2 or WebAssembly (start({alone: true})), this script steps
// through the story itself: Previous / Next, links (#/<step>/<entity>), Back
// and Forward, and the spoiler cover for a link that skips twists, as
// src/core/reading/navigator.h defines it.
//
// Everything reaches the DOM through textContent: nothing from the URL or the
// story is ever parsed as HTML.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  let data = null;
  let loading = null;
  let alone = false;
  // What is on screen: the step, the step whose map is shown (-1: none), the cover.
  let view = { index: 0, shown: 0, covered: false, skipped: 0, first: -1, selected: '', notice: '', furthest: 0 };
  let furthest = 0;          // alone: the furthest step seen uncovered (with the map, the app's view.furthest)
  let pendingSelect = '';    // alone: named by a covered link, selected once uncovered
  let lastHash = '';         // alone: the fragment this script last wrote or read

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (className) e.className = className;
    return e;
  }
  function button(text, onClick) {
    const b = el('button', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function load() {
    if (!loading) {
      // The story's own text data (explainerPage.textUrl): none for a story
      // opened from a file, whose text version would have to be built first.
      // It waits for the page's choice of story (?story=).
      loading = Promise.resolve(window.explainerPage.textUrl()).then((url) => {
        if (!url) throw new Error('this story was opened from a file, and only the map is made for it');
        return fetch(url);
      }).then((r) => {
        if (!r.ok) throw new Error(r.url + ': the server answered ' + r.status + ' ' + r.statusText);
        return r.json();
      }).then((json) => { data = resolve(json); render(); return data; });
    }
    return loading;
  }

  // text.json says, per step, only what differs from the step before
  // (src/cli/site.h): cards whose text changed, their links new, reworded
  // ([relationship, line]) or gone, entities added or gone, and relationship
  // lines new or reworded ([place, line]) or gone. A step's map is rebuilt
  // from them when asked for (mapAt), replaying from the last one made, so
  // no step's lists are kept but the one on screen.
  function resolve(json) {
    // What links are resolved against (shell/link.js): ids and old ids.
    json.index = { steps: json.steps, entities: json.order.map((id) => ({ id, aliases: (json.entityAliases || {})[id] || [] })) };
    return json;
  }
  let replay = null;   // { k, onMap, shownAs, lines, cards, map }: the last step rebuilt
  function replayTo(k) {
    if (replay && replay.k === k) return replay;
    if (!replay || replay.k > k) replay = { k: -1, onMap: new Set(), shownAs: new Map(), lines: [], cards: new Map() };
    for (let i = replay.k + 1; i <= k; ++i) {
      const step = data.steps[i];
      for (const id of step.entitiesAdded) replay.onMap.add(id);
      for (const id of step.entitiesGone || []) replay.onMap.delete(id);
      for (const [id, into] of Object.entries(step.shownAs || {})) { if (into) replay.shownAs.set(id, into); else replay.shownAs.delete(id); }
      for (const [place, line] of step.relationships) replay.lines[place] = line;
      for (const place of step.relationshipsGone || []) delete replay.lines[place];
      for (const [id, change] of Object.entries(step.cards)) {
        if (!replay.cards.has(id)) replay.cards.set(id, { text: {}, links: new Map() });
        const card = replay.cards.get(id);
        const { links = [], linksGone = [], ...text } = change;
        Object.assign(card.text, text);
        for (const [rel, line] of links) card.links.set(rel, line);
        for (const rel of linksGone) card.links.delete(rel);
      }
    }
    replay.k = k;
    replay.map = null;
    return replay;
  }
  function mapAt(k) {
    const r = replayTo(k);
    if (r.map) return r.map;
    const cardOf = (id) => {
      const card = r.cards.get(id) || { text: {}, links: new Map() };   // links by relationship, as the core lists them
      return { id, ...card.text, links: [...card.links.keys()].sort((a, b) => a - b).map((rel) => card.links.get(rel)) };
    };
    r.map = {
      entityList: data.order.filter((id) => r.onMap.has(id)).map(cardOf),
      rels: r.lines.filter((line) => line !== undefined),
    };
    return r.map;
  }

  // ---- the reader's moves ------------------------------------------------------
  const act = {
    prev() { if (alone) go(view.covered ? Math.max(view.shown, 0) : view.index - 1); else window.explainer.prev(); },
    next() { if (alone) { if (view.covered) uncover(); else go(view.index + 1); } else window.explainer.next(); },
    uncover() { if (alone) uncover(); else window.explainer.uncover(); },
    go(k) { if (alone) go(k); else window.explainer.go(data.steps[k].id); },
    select(id) { if (alone) select(id); else window.explainer.select(id); },
  };

  // The node an entity is shown as at step k (itself, or who a mask turned
  // out to be), or '': as step_state::node_of, for links and selections.
  function shownAs(k, id) {
    if (k < 0 || !id) return '';
    const r = replayTo(k);
    return r.onMap.has(id) ? id : r.shownAs.get(id) || '';
  }
  // Alone, as the program writes the address: rapid stepping is one history
  // entry, and writes held back by the rate limit land a little later.
  const writes = window.explainerLink.historyPolicy();   // not `history`: onUrl reads the page's history.state
  let heldBack = 0;
  function writeUrl(push) {
    const step = data.steps[view.index];
    const fragment = window.explainerLink.format(step.id, view.selected || pendingSelect);   // as navigator::fragment
    // The page's own entry is marked as one (as the program marks the one it
    // lands on), so coming back to it is never a cold link.
    if (location.hash === fragment && history.state && history.state.explainer) { lastHash = fragment; return; }
    const write = writes.decide(performance.now(), push);
    if (write === 'defer') {
      clearTimeout(heldBack);
      heldBack = setTimeout(() => writeUrl(false), 1000);
      return;
    }
    lastHash = fragment;
    window.explainerPage.writeUrl(fragment, write === 'push');   // the page's one way of writing it
  }
  function go(k, push = true) {
    k = Math.max(0, Math.min(k, data.steps.length - 1));
    const selected = shownAs(k, view.selected);   // as Navigator::arrive keeps it
    view = { index: k, shown: k, covered: false, skipped: 0, first: -1, selected, notice: '' };
    furthest = Math.max(furthest, k);
    pendingSelect = '';
    if (push !== null) writeUrl(push);
    render();
  }
  function uncover() {
    if (!view.covered) return;
    view = { ...view, shown: view.index, covered: false, skipped: 0, first: -1, selected: shownAs(view.index, pendingSelect || view.selected) };
    furthest = Math.max(furthest, view.index);
    pendingSelect = '';
    render();
  }
  function select(id) {
    pendingSelect = '';
    const node = shownAs(view.shown, id);   // on the map shown, covered or not, as Navigator::select
    if (!id) view.selected = '';
    else if (node) view.selected = node;
    else return;
    writeUrl(false);
    render();
  }
  // A link: a cold one covers the twists it skips; Back/Forward never do.
  // The program's own rules and notices, from the page's link codec
  // (shell/link.js's open mirrors navigator::open_link; shared vectors).
  function open(hash, fromHistory) {
    const o = window.explainerLink.open(data.index, hash, { furthest, fromHistory, shownAs });
    view = { index: o.step, shown: o.shown, covered: o.covered, skipped: o.skipped, first: o.first, selected: o.selected, notice: o.notice };
    pendingSelect = o.pending;
    furthest = o.furthest;
    writeUrl(false);
    render();
  }

  // ---- drawing it ----------------------------------------------------------------
  function list(items, className) {
    const ul = el('ul', null, className);
    for (const item of items) ul.append(el('li', item));
    return ul;
  }
  function card(entity, into) {
    into.append(el('p', entity.desc));
    for (const aka of entity.alsoKnownAs) into.append(el('p', 'Known before as ' + aka + '.'));
    for (const r of entity.revealed) into.append(el('p', 'Revealed: ' + r));
    if (entity.facts.length) into.append(list(entity.facts));
    if (entity.links.length) into.append(list(entity.links));
  }
  const changeLabel = { reveal: 'Revealed: ', 'no-longer-true': 'No longer believed: ', confirmed: 'Now confirmed: ' };

  function render() {
    if (!data) return;
    const n = data.steps.length;
    const step = data.steps[view.index];
    const shown = view.shown >= 0 ? mapAt(view.shown) : null;
    if (alone) document.title = view.covered ? step.hiddenTitle : step.tabTitle;
    $('tv-progress').textContent = 'Step ' + (view.index + 1) + ' of ' + n;
    $('tv-prev').disabled = view.index === 0 && !view.covered;
    $('tv-next').disabled = view.index + 1 >= n && !view.covered;
    stepList(alone ? furthest : view.furthest);
    const body = $('tv-body');
    body.replaceChildren();
    if (view.notice) body.append(el('p', view.notice, 'tv-notice'));

    if (view.covered) {
      const one = view.skipped === 1 && view.first === view.index;
      body.append(el('h2', one ? 'This link opens a twist' : 'This link skips ' + view.skipped + ' twists', 'tv-title'));
      body.append(el('p', one
        ? 'It jumps to step ' + (view.index + 1) + ' of ' + n + ', where the story reveals something you haven\u2019t seen yet. Below is what you would know just before it.'
        : 'It jumps to step ' + (view.index + 1) + ' of ' + n + '. On the way it passes ' + view.skipped + ' twists you haven\u2019t seen yet, the first at step ' + (view.first + 1) + '. Below is what you would know just before that.'));
      const choices = el('p', null, 'tv-choices');
      choices.append(button(one ? 'Show the twist' : 'Show everything', () => act.uncover()));
      if (view.first > 0 && view.first !== view.index) choices.append(button('Step through from the first twist (step ' + (view.first + 1) + ')', () => act.go(view.first)));
      choices.append(button('Start from the beginning', () => act.go(0)));
      body.append(choices);
    } else {
      body.append(el('p', step.section, 'tv-section'));
      body.append(el('h2', step.title, 'tv-title'));
      for (const r of step.reveals) body.append(el('p', 'Reveal: ' + r, 'tv-reveal'));
      body.append(el('p', step.narration));
      if (step.changes.length) {
        body.append(el('h3', 'What changed'));
        body.append(list(step.changes.map((c) => (changeLabel[c.kind] || 'New: ') + c.text)));
      }
      if (step.source) body.append(el('p', 'Source: ' + step.source, 'tv-source'));
    }
    if (!shown) { body.append(el('p', 'Nothing is on the map yet.')); return; }

    const selected = shown.entityList.find((e) => e.id === view.selected);
    if (selected) {
      const box = el('section', null, 'tv-selected');
      box.setAttribute('aria-label', 'Selected: ' + selected.name);
      box.append(el('h3', 'Selected: ' + selected.name + ' (' + selected.kind + ')'));
      card(selected, box);
      box.append(button('Clear the selection', () => act.select('')));
      body.append(box);
    }
    body.append(el('h3', 'On the map (' + shown.entityList.length + ')'));
    const ul = el('ul', null, 'tv-entities');
    for (const entity of shown.entityList) {
      const li = el('li');
      const b = button(entity.name, () => act.select(entity.id === view.selected ? '' : entity.id));
      b.setAttribute('aria-pressed', entity.id === view.selected ? 'true' : 'false');
      li.append(b, el('span', ' (' + entity.kind + ')'));
      const details = el('div');
      card(entity, details);
      li.append(details);
      ul.append(li);
    }
    body.append(ul);
    body.append(el('h3', 'Relationships (' + shown.rels.length + ')'));
    body.append(list(shown.rels));
    if (data.steps[view.shown].glossary.length) {
      body.append(el('h3', 'Glossary so far'));
      const dl = el('dl');
      for (const g of data.steps[view.shown].glossary) dl.append(el('dt', g.term), el('dd', g.definition));
      body.append(dl);
    }
  }

  // Every step seen so far, by name, to go straight to one; the steps
  // beyond the furthest seen are not listed (Next reaches them), so the
  // list names nothing the reader hasn't seen.
  let listed = '';
  function stepList(upTo) {
    upTo = Math.min(Math.max(upTo, 0), data.steps.length - 1);
    const key = upTo + ':' + view.index;
    if (key === listed) return;
    listed = key;
    const ol = $('tv-steps');
    ol.replaceChildren();
    for (let k = 0; k <= upTo; ++k) {
      const s = data.steps[k];
      const b = button(s.title + (s.reveal ? ' (twist)' : ''), () => act.go(k));
      if (k === view.index && !view.covered) b.setAttribute('aria-current', 'step');
      const li = el('li');
      li.append(b);
      ol.append(li);
    }
  }

  // The transcript up to `last` (the step whose knowledge is on screen), never
  // past it: { name, text }. Under a cover on the first step, only its heading.
  function transcript(last) {
    return load().then((d) => {
      const upTo = Math.min(last, d.steps.length - 1);
      let text = d.steps[Math.max(upTo, 0)].transcriptHeader;
      for (let k = 0; k <= upTo; ++k) text += d.steps[k].markdown;
      return { name: d.id + '-to-step-' + (upTo + 1) + '.md', text };
    });
  }

  let wired = false, driving = false;
  window.explainerText = {
    // alone: no app (no WebGL2 or WebAssembly); this script drives. Called
    // again with alone when the app finds it cannot draw after all.
    start(options) {
      alone = alone || !!(options && options.alone);
      if (!wired) {
        wired = true;
        $('tv-prev').addEventListener('click', () => act.prev());
        $('tv-next').addEventListener('click', () => act.next());
        $('tv-transcript').addEventListener('click', () => window.explainerPage.saveTranscript(view.covered ? view.shown : view.index));
      }
      return load().then(() => {
        if (!alone || driving) return;
        driving = true;
        open(location.hash, false);
        // A fragment typed or pasted fires these too (with no state of ours):
        // only an entry the page wrote counts as coming back.
        const onUrl = () => {
          if (location.hash === lastHash) return;
          lastHash = location.hash;
          open(location.hash, !!(history.state && history.state.explainer));
        };
        window.addEventListener('popstate', onUrl);
        window.addEventListener('hashchange', onUrl);
      });
    },
    show(state) { view = { ...view, ...state }; render(); },
    // Another story is on screen: its text is loaded when next asked for.
    forget() { data = null; loading = null; replay = null; listed = ''; $('tv-steps').replaceChildren(); view = { ...view, index: 0, shown: 0, covered: false }; $('tv-body').replaceChildren(); },
    transcript,
    state: () => ({ ...view }),
  };
})();
