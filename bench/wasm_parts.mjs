// wasm_parts.mjs — where the explainer's wasm bytes go, by component.
//
// Reads a build made with --profiling-funcs (same code, plus a name
// section), sizes every function body in the code section and sorts it by
// its name: Dear ImGui (and the stb libraries it carries), nlohmann/json, the
// portable core (explainer::), the app (the UI and the browser glue), and the
// C/C++ runtime (libc, libc++, malloc, printf and strtod families). Link-time
// optimisation inlines across these lines, so a function counts where it
// ended up. Data (strings, tables) is reported on its own.
//
//     node bench/wasm_parts.mjs build/web-prof/site/explainer.wasm [--json]
import fs from 'node:fs';

// The module's sections: how many functions it imports, each body's size,
// the name section's function names (by function index), data and the rest.
function sections(bytes) {
  let at = 8;
  const u32 = () => { let r = 0, shift = 0, b; do { b = bytes[at++]; r |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80); return r >>> 0; };
  const name = () => { const n = u32(); const s = Buffer.from(bytes.subarray(at, at + n)).toString('utf8'); at += n; return s; };
  let imported = 0, data = 0, other = 0;
  const bodies = [], names = new Map();
  while (at < bytes.length) {
    const id = bytes[at++], size = u32(), end = at + size;
    if (id === 2) {   // imports: functions among them take the first indexes
      for (let n = u32(); n > 0; --n) {
        name(); name();
        const kind = bytes[at++];
        if (kind === 0) { u32(); ++imported; } else if (kind === 1) { at++; const f = u32(); u32(); if (f & 1) u32(); }
        else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); } else if (kind === 3) { at += 2; }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; --n) { const len = u32(); bodies.push(len); at += len; }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      const section = name();
      if (section === 'name') {
        while (at < end) {
          const sub = bytes[at++], len = u32(), subEnd = at + len;
          if (sub === 1) for (let n = u32(); n > 0; --n) { const index = u32(); names.set(index, name()); }
          at = subEnd;
        }
      }
    } else {
      other += size;
    }
    at = end;
  }
  return { imported, bodies, names, data, other };
}

// Function index → name, from a build with a name section.
export function functionNames(path) { return sections(fs.readFileSync(path)).names; }

export function parts(bytes) {
  const { imported, bodies, names, data, other } = sections(bytes);
  const totals = { ImGui: 0, 'nlohmann/json': 0, core: 0, app: 0, 'libc/libc++': 0 };
  bodies.forEach((len, i) => { totals[component(names.get(imported + i) || '')] += len; });
  return { functions: totals, data, other };
}

function component(fn) {
  if (/nlohmann/.test(fn)) return 'nlohmann/json';
  if (/^(explainer::|void explainer::|bool explainer::|int explainer::)/.test(fn) || /\bexplainer::/.test(fn.split('(')[0])) return 'core';
  if (/^(Im[A-Z]|ImGui|stbtt|stb_|stbrp|STB_|void ImGui|bool ImGui|Im[a-z]+\(|void Im|bool Im|int Im|float Im)/.test(fn) ||
      /\bImGui::|\bIm[A-Z][A-Za-z]*::/.test(fn.split('(')[0])) return 'ImGui';
  if (/^(App::|map_view::|panel::|theme::|focus_ring::|gl_renderer::|platform::|main$|explainer_|\(anonymous namespace\)::|js_)/.test(fn) ||
      /\b(App|MapView|Panel)::/.test(fn.split('(')[0])) return 'app';
  return 'libc/libc++';
}

if (process.argv[1] && process.argv[1].endsWith('wasm_parts.mjs')) {
  const r = parts(fs.readFileSync(process.argv[2]));
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    const total = Object.values(r.functions).reduce((a, b) => a + b, 0) + r.data + r.other;
    for (const [k, v] of Object.entries(r.functions)) console.log(k.padEnd(14), (v / 1024).toFixed(1).padStart(7), 'KiB', (100 * v / total).toFixed(1).padStart(5), '%');
    console.log('data'.padEnd(14), (r.data / 1024).toFixed(1).padStart(7), 'KiB', (100 * r.data / total).toFixed(1).padStart(5), '%');
  }
}
