// map_quality.mjs — does the picture lie? For every step of the story, the
// map as the explainer draws it beside d3-force and Graphviz neato
// (overlap=false splines=true) laid out on the same graph with the same node
// boxes, scored the same way:
//   intrusions  lines that pass over a node that is not one of their ends
//               (within the node's radius of its centre): each reads as a link
//               the story does not have;
//   crossings   pairs of lines that cross (lines sharing an end not counted);
//   unlabelled  relationships new at the step whose label finds no spot on
//               their own line, clear of nodes and of the other new labels,
//               nearer their own line than any other (the explainer's rule,
//               tried at the same seven spots along every line).
// Reads the pictures story_steps --json writes (ours: its layout, and its
// lines as the map routes them). Prints a Markdown table and the totals.
//
//     node bench/map_quality.mjs STEPS.json
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { forceSimulation, forceLink, forceManyBody, forceCollide, forceCenter } from 'd3-force';

const [file] = process.argv.slice(2);
if (!file) { console.error('usage: node bench/map_quality.mjs STEPS.json'); process.exit(2); }
const { nodeRadius: R, steps } = JSON.parse(fs.readFileSync(file, 'utf8'));
const EDGE_LENGTH = 150;   // core/layout/layout.h's ideal link length: every layout is asked for the same
const SPOTS = [0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73];

// ---- geometry
function segDist(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1], l2 = dx * dx + dy * dy;
  const t = l2 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}
const polyDist = (p, pts) => pts.slice(1).reduce((d, b, i) => Math.min(d, segDist(p, pts[i], b)), Infinity);
function segsCross(a, b, c, d) {
  const o = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  return o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
}
function polysCross(p, q) {
  for (let i = 1; i < p.length; ++i)
    for (let j = 1; j < q.length; ++j) if (segsCross(p[i - 1], p[i], q[j - 1], q[j])) return true;
  return false;
}
function along(pts, f) {
  const lens = pts.slice(1).map((b, i) => Math.hypot(b[0] - pts[i][0], b[1] - pts[i][1]));
  let want = f * lens.reduce((a, b) => a + b, 0);
  for (let i = 0; i < lens.length; ++i) {
    if (want <= lens[i] && lens[i] > 0) {
      const t = want / lens[i];
      return [pts[i][0] + (pts[i + 1][0] - pts[i][0]) * t, pts[i][1] + (pts[i + 1][1] - pts[i][1]) * t];
    }
    want -= lens[i];
  }
  return pts[pts.length - 1];
}
// A straight line between two centres, cut back to the nodes' rims (as drawn).
function straight(a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1], l = Math.hypot(dx, dy) || 1, ux = dx / l, uy = dy / l;
  const out = [];
  for (let k = 0; k <= 8; ++k) {
    const t = (R + 3) + (l - 2 * R - 8) * (k / 8);
    out.push([a[0] + ux * t, a[1] + uy * t]);
  }
  return out;
}
const cubic = (p0, p1, p2, p3, t) => {
  const u = 1 - t;
  return [0, 1].map((k) => u * u * u * p0[k] + 3 * u * u * t * p1[k] + 3 * u * t * t * p2[k] + t * t * t * p3[k]);
};

// ---- the three pictures of one step: node centres and a polyline per line
function ours(step) {
  return { centres: step.nodes.map((n) => [n.x, n.y]), paths: step.lines.map((l) => l.points) };
}

function d3Layout(step) {
  // Deterministic: d3-force starts nodes on a phyllotaxis and jiggles with a seeded LCG.
  const nodes = step.nodes.map((n) => ({ r: Math.hypot(n.hw, n.hh) }));
  const links = step.lines.map((l) => ({ source: l.from, target: l.to }));
  const sim = forceSimulation(nodes)
    .force('link', forceLink(links).distance(EDGE_LENGTH))
    .force('charge', forceManyBody().strength(-300))
    .force('collide', forceCollide((d) => d.r))
    .force('centre', forceCenter(0, 0))
    .stop();
  for (let i = 0; i < 300; ++i) sim.tick();
  const centres = nodes.map((n) => [n.x, n.y]);
  return { centres, paths: step.lines.map((l) => straight(centres[l.from], centres[l.to])) };
}

function neatoLayout(step) {
  // Node boxes in points (1 pt = 1 of our units); every relationship its own edge.
  const dot = ['graph G { overlap=false; splines=true; sep="+6"; start=1; node [shape=box, fixedsize=true, label=""];',
    ...step.nodes.map((n, i) => `  n${i} [width=${(2 * n.hw / 72).toFixed(4)}, height=${(2 * n.hh / 72).toFixed(4)}];`),
    `  edge [len=${(EDGE_LENGTH / 72).toFixed(3)}];`,
    ...step.lines.map((l) => `  n${l.from} -- n${l.to};`), '}'].join('\n');
  const out = JSON.parse(execFileSync('neato', ['-Tjson'], { input: dot, maxBuffer: 1 << 26 }).toString());
  const centres = [];
  for (const o of out.objects || []) centres[Number(o.name.slice(1))] = o.pos.split(',').map(Number);
  const byPair = new Map();   // neato's edges, in input order per pair
  for (const e of out.edges || []) {
    const key = `${e.tail}-${e.head}`;
    if (!byPair.has(key)) byPair.set(key, []);
    byPair.get(key).push(e);
  }
  const taken = new Map();
  const paths = step.lines.map((l) => {
    const key = `${l.from}-${l.to}`, list = byPair.get(key) || [], k = taken.get(key) || 0;
    taken.set(key, k + 1);
    const e = list[k];
    if (!e || !e.pos) return straight(centres[l.from], centres[l.to]);
    const pts = e.pos.split(' ').filter((t) => !/^[se],/.test(t)).map((t) => t.split(',').map(Number));
    const poly = [];
    for (let i = 0; i + 3 < pts.length; i += 3)
      for (let s = 0; s <= 8; ++s) poly.push(cubic(pts[i], pts[i + 1], pts[i + 2], pts[i + 3], s / 8));
    return poly.length > 1 ? poly : straight(centres[l.from], centres[l.to]);
  });
  return { centres, paths };
}

// ---- the score of one picture
function score(step, { centres, paths }) {
  let intrusions = 0, crossings = 0, unlabelled = 0;
  step.lines.forEach((l, i) => centres.forEach((c, n) => {
    if (n !== l.from && n !== l.to && polyDist(c, paths[i]) < R) ++intrusions;
  }));
  for (let i = 0; i < paths.length; ++i)
    for (let j = i + 1; j < paths.length; ++j) {
      const a = step.lines[i], b = step.lines[j];
      if (a.from === b.from || a.from === b.to || a.to === b.from || a.to === b.to) continue;
      if (polysCross(paths[i], paths[j])) ++crossings;
    }
  const placed = [];
  const overlaps = (p, q) => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
  step.lines.forEach((l, i) => {
    if (!l.new) return;
    const w = 7 * l.label.length + 8, h = 16;
    const spot = SPOTS.map((f) => along(paths[i], f)).find((m) => {
      const box = { x0: m[0] - w / 2, y0: m[1] - h / 2, x1: m[0] + w / 2, y1: m[1] + h / 2 };
      if (centres.some((c) => overlaps(box, { x0: c[0] - R, y0: c[1] - R, x1: c[0] + R, y1: c[1] + R }))) return false;
      if (placed.some((p) => overlaps(box, p))) return false;
      const mine = polyDist(m, paths[i]);
      if (paths.some((p, j) => j !== i && polyDist(m, p) < mine - 0.5)) return false;
      placed.push(box);
      return true;
    });
    if (!spot) ++unlabelled;
  });
  return { intrusions, crossings, unlabelled };
}

const layouts = [['this layout', ours], ['d3-force', d3Layout], ['neato', neatoLayout]];
const totals = layouts.map(() => ({ intrusions: 0, crossings: 0, unlabelled: 0 }));
const head = ['step', 'id', 'nodes', 'lines', 'new', ...layouts.map(([n]) => `${n}: intrusions / crossings / unlabelled`)];
console.log(`| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
steps.forEach((step, k) => {
  const cells = layouts.map(([, make], li) => {
    const s = score(step, make(step));
    for (const key of Object.keys(s)) totals[li][key] += s[key];
    return `${s.intrusions} / ${s.crossings} / ${s.unlabelled}`;
  });
  console.log(`| ${k + 1} | ${step.id} | ${step.nodes.length} | ${step.lines.length} | ${step.lines.filter((l) => l.new).length} | ${cells.join(' | ')} |`);
});
console.log(`| all | | | | | ${totals.map((t) => `**${t.intrusions} / ${t.crossings} / ${t.unlabelled}**`).join(' | ')} |`);
console.log(`\nSummed over the ${steps.length} steps, intrusions / crossings / unlabelled new relationships: ` +
  layouts.map(([n], i) => `${n} ${totals[i].intrusions} / ${totals[i].crossings} / ${totals[i].unlabelled}`).join('; ') + '.');
