// The page's link codec (shell/link.js) against the vectors the C++ codec
// meets too (tests/data/links.json, tests/core/test_deep_link.cpp): the text
// version and the program read every link alike, notices word for word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('../../build/web/site/contract.js');   // the limits link.js reads (generated from src/contract/contract.json)
const link = require('../../shell/link.js');
const vectors = JSON.parse(fs.readFileSync(new URL('../data/links.json', import.meta.url), 'utf8'));
const tiny = JSON.parse(fs.readFileSync(new URL('../data/tiny.json', import.meta.url), 'utf8'));
const fragment = (c) => (c.repeat ? '#/' + c.repeat[0].repeat(c.repeat[1]) : c.fragment);

test('parse meets the shared vectors', () => {
  for (const c of vectors.parse) {
    const l = link.parse(fragment(c));
    assert.equal(l.status, c.status, JSON.stringify(c));
    if (c.status === 'ok') assert.deepEqual([l.step, l.entity], [c.step, c.entity], JSON.stringify(c));
  }
});

test('format meets the shared vectors', () => {
  for (const c of vectors.format) assert.equal(link.format(c.step, c.entity), c.fragment);
});

test('resolve meets the shared vectors, notices word for word', () => {
  const withAliases = (list, aliases) => list.map((x) => ({ id: x.id, aliases: aliases[x.id] || [] }));
  const story = { steps: withAliases(tiny.steps, vectors.aliases.steps), entities: withAliases(tiny.entities, vectors.aliases.entities) };
  for (const c of vectors.resolve) {
    const t = link.resolve(story, fragment(c));
    assert.deepEqual({ step: story.steps[t.step].id, entity: t.entity < 0 ? '' : story.entities[t.entity].id, canonical: t.canonical, notice: t.notice },
                     { step: c.step, entity: c.entity, canonical: c.canonical, notice: c.notice }, JSON.stringify(c));
  }
});

test('open meets the shared vectors: the cover, the selection and the notice, as the navigator decides them', () => {
  const withAliases = (list, aliases) => list.map((x) => ({ ...x, aliases: aliases[x.id] || [] }));
  const story = { steps: withAliases(tiny.steps, vectors.aliases.steps), entities: withAliases(tiny.entities, vectors.aliases.entities) };
  const index = (id) => story.steps.findIndex((s) => s.id === id);
  const shownAs = (k, id) => vectors.shownAs[story.steps[k].id][id] || '';
  for (const c of vectors.open) {
    const o = link.open(story, c.fragment, { furthest: index(c.furthest), fromHistory: !!c.fromHistory, shownAs });
    const id = (k) => (k < 0 ? '' : story.steps[k].id);
    assert.deepEqual(
      { step: id(o.step), shown: id(o.shown), covered: o.covered, skipped: o.skipped, first: id(o.first), selected: o.selected,
        pending: o.pending, canonical: o.fragment, notice: o.notice },
      { step: c.step, shown: c.shown, covered: c.covered, skipped: c.skipped, first: c.first, selected: c.selected,
        pending: c.pending, canonical: c.canonical, notice: c.notice }, JSON.stringify(c));
    assert.equal(o.furthest, c.covered ? index(c.furthest) : Math.max(index(c.furthest), o.step));
  }
});

test('shown meets the shared vectors, and a megabyte of text is cut at once', () => {
  for (const c of vectors.shown) assert.equal(link.shown(c.text), c.shown);
  assert.equal(link.shown('x'.repeat(1 << 20)), '"' + 'x'.repeat(40) + '..."');
  assert.equal(link.parse('#/' + 'y'.repeat(1 << 20)).status, 'too-long');
});

test('the history policy meets the shared vectors', () => {
  for (const c of vectors.history) {
    const policy = link.historyPolicy();
    assert.deepEqual(c.writes.map(([now, push]) => policy.decide(now, push)), c.decisions);
  }
});
