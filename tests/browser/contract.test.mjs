// contract.test.mjs — the rules the program and the page share have one
// source (src/contract/contract.json, written out as contract.h and
// contract.js at build time): here, that both sides hold to it as built;
// and state() keeps to its schema (src/contract/state.schema.json).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { serve, launch, open, settled, PHONE } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const site = path.join(root, 'build/web/site');
const contract = JSON.parse(fs.readFileSync(path.join(root, 'src/contract/contract.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve(site); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

test("the program calls only the page methods the contract names, and the page has each of them", async () => {
  const called = new Set();
  for (const file of fs.readdirSync(path.join(root, 'web')).filter((f) => f.endsWith('.cpp')))
    for (const m of fs.readFileSync(path.join(root, 'web', file), 'utf8').matchAll(/\['explainerPage'\]\['([A-Za-z]+)'\]/g)) called.add(m[1]);
  assert.ok(called.size >= 10, [...called].join(', '));
  assert.deepEqual([...called].filter((n) => !contract.pageMethods.includes(n)), []);
  const { page, context } = await open(browser, `${server.url}#/naomi`);
  const missing = await page.evaluate((names) => names.filter((n) => typeof window.explainerPage[n] !== 'function'), contract.pageMethods);
  assert.deepEqual(missing, []);
  await context.close();
});

test('the page uses the contract as built: its WebGL2 context, its shaders, the search limit, the link limit', async () => {
  const { page, context } = await open(browser, `${server.url}#/naomi`);
  assert.deepEqual(await page.evaluate(() => window.explainerContract), {
    limits: contract.limits, pixelRatio: contract.pixelRatio, webgl: contract.webgl, pageMethods: contract.pageMethods,
    shaders: { vertex: contract.shaders.vertex, fragment: contract.shaders.fragment } });
  const attributes = await page.evaluate(() => {
    const a = document.getElementById('canvas').getContext('webgl2').getContextAttributes();
    return { alpha: a.alpha, depth: a.depth, stencil: a.stencil, antialias: a.antialias };
  });
  const { majorVersion, ...asked } = contract.webgl;
  assert.equal(majorVersion, 2);
  assert.deepEqual(attributes, asked);
  assert.equal(await page.getAttribute('#search', 'maxlength'), String(contract.limits.queryChars));
  // The program clips a query to the same limit the field does.
  await page.evaluate((n) => window.explainer.search('x'.repeat(n + 20)), contract.limits.queryChars);
  assert.equal((await page.evaluate(() => window.explainer.state().search.query)).length, contract.limits.queryChars);
  await context.close();
});

for (const [name, screen] of [['laptop', {}], ['phone', PHONE]]) {
  test(`state() keeps to its schema at every step, covered, selected, searched and filtered (${name})`, async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'src/contract/state.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const check = (s, where) => assert.ok(validate(s), `${where}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
    const { page, context } = await open(browser, `${server.url}#/twist-4`, screen);
    await settled(page);
    check(await page.evaluate(() => window.explainer.state()), 'covered');
    const story = JSON.parse(fs.readFileSync(path.join(site, 'story.json'), 'utf8'));
    for (const step of story.steps) {
      await page.evaluate((id) => window.explainer.go(id), step.id);
      check(await page.evaluate(() => window.explainer.state()), step.id);
    }
    await page.evaluate(() => { window.explainer.select('rouge'); window.explainer.search('Ro'); });
    check(await page.evaluate(() => window.explainer.state()), 'selected and searched');
    await page.evaluate(() => window.explainer.filter('kind:character'));
    check(await page.evaluate(() => window.explainer.state()), 'filtered');
    // The schema can fail: a field it does not name is refused.
    assert.equal(validate({ ...(await page.evaluate(() => window.explainer.state())), unnamed: 1 }), false);
    await context.close();
  });
}
