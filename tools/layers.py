#!/usr/bin/env python3
"""layers.py — draws the tree's arrows (C++ includes, JS imports and
requires, CMake source paths) between its folders, and fails where one runs
the wrong way.

    python3 tools/layers.py [--draw]       (exit 1, naming each bad arrow)

The rule is one order: a folder may use only folders before it in LAYERS
(its own files aside); nothing uses tests/ or bench/ but themselves; the
core includes no ImGui, GLFW or Emscripten header; and the folders' graph
has no cycle. --draw prints every arrow that exists, for the README.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Each folder and what it may use. The order is the layering: product first,
# then what builds, checks and measures it.
LAYERS = {
    'src/contract':      [],
    'src/core/text':     [],
    'src/core/story':    ['src/core/text', 'src/contract'],
    'src/core/reading':  ['src/core/story', 'src/core/text', 'src/contract'],
    'src/core/layout':   ['src/core/reading', 'src/core/story', 'src/core/text'],
    'src/site':          ['src/core/*'],
    'src/ui':            ['src/core/*', 'src/contract', 'scripts'],
    'src/cli':           ['src/site', 'src/core/*'],
    'shell':             ['src/contract'],
    'web':               ['src/ui', 'src/core/*', 'src/contract', 'shell', 'tools/browser', 'scripts'],
    'desktop':           ['src/ui', 'src/core/*'],
    'scripts':           ['src/contract'],
    'tools/shapes':      ['src/core/*'],
    'tools/browser':     ['scripts'],
    'tools/headless':    ['src/ui', 'src/core/*'],
    'tests/*':           ['src/*', 'src/core/*', 'web', 'desktop', 'shell', 'scripts', 'tools/*', 'tests/*'],
    'bench':             ['src/*', 'src/core/*', 'web', 'shell', 'scripts', 'tools/*', 'bench/*'],
}
# Headers generated into the build tree, and the folder each stands for.
GENERATED = {'contract.h': 'src/contract', 'contract.js': 'src/contract',
             'glyph_ranges.h': 'src/ui', 'unicode_tables.cpp': 'src/core/text'}
# Where `#include "x.h"` is looked for, after the including file's own folder
# (the include directories the CMake targets give).
INCLUDE_ROOTS = ['src', 'src/ui', 'web', 'desktop', 'tools/shapes', 'tools/headless', 'tests/core', 'tests/ui', 'tests/fuzz', 'bench/src']
FORBIDDEN_IN_CORE = re.compile(r'#include\s*[<"](imgui|GLFW|emscripten|backends/)', re.I)


def folder_of(path):
    """The LAYERS key a repository path belongs to (longest match), or None."""
    best = None
    for key in LAYERS:
        base = key[:-2] if key.endswith('/*') else key
        if key.endswith('/*'):
            parts = path.split('/')
            depth = base.count('/') + 1
            if path.startswith(base + '/') and len(parts) > depth + 1:
                name = '/'.join(parts[:depth + 1])
            elif path.startswith(base + '/'):
                name = base
            else:
                continue
        elif path == base or path.startswith(base + '/'):
            name = base
        else:
            continue
        if best is None or len(name) > len(best[0]):
            best = (name, key)
    return best[0] if best else None


def allowed(src, dst):
    if src == dst or dst.startswith(src + '/') or src.startswith(dst + '/'):
        return True
    key = next((k for k in LAYERS if k == src), None) or next(
        (k for k in LAYERS if k.endswith('/*') and src.startswith(k[:-2] + '/')), None) or next(
        (k for k in LAYERS if k.endswith('/*') and src == k[:-2]), None)
    if key is None:
        return False
    for pattern in LAYERS[key]:
        if pattern.endswith('/*'):
            base = pattern[:-2]
            if dst == base or dst.startswith(base + '/'):
                return True
        elif dst == pattern:
            return True
    return False


def tracked():
    out = subprocess.check_output(['git', 'ls-files'], cwd=ROOT, text=True)
    return [p for p in out.split('\n') if p and os.path.isfile(os.path.join(ROOT, p))]


def resolve_include(path, name):
    candidates = [os.path.normpath(os.path.join(os.path.dirname(path), name))]
    candidates += [os.path.normpath(os.path.join(r, name)) for r in INCLUDE_ROOTS]
    for c in candidates:
        if os.path.isfile(os.path.join(ROOT, c)):
            return c
    return GENERATED.get(os.path.basename(name))


def uses(path, text):
    """(what the file names, the repository path it resolves to) for each use."""
    found = []
    if path.endswith(('.h', '.cpp')):
        for m in re.finditer(r'^\s*#\s*include\s+"([^"]+)"', text, re.M):
            found.append((m.group(1), resolve_include(path, m.group(1))))
    elif path.endswith(('.mjs', '.js')):
        for m in re.finditer(r'''(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](\.{1,2}/[^'"]+)['"]''', text):
            target = os.path.normpath(os.path.join(os.path.dirname(path), m.group(1)))
            if target.startswith('build/'):
                target = GENERATED.get(os.path.basename(target), target)
            found.append((m.group(1), target))
    elif os.path.basename(path) == 'CMakeLists.txt' or path.endswith('.cmake'):
        if path != 'CMakeLists.txt':   # the root adds every folder, in order
            for m in re.finditer(r'\$\{(?:PROJECT|CMAKE)_SOURCE_DIR\}/([A-Za-z0-9_./-]+)', text):
                found.append((m.group(1), m.group(1)))
    return found


def main():
    draw = '--draw' in sys.argv
    arrows, problems = {}, []
    for path in tracked():
        src = folder_of(path)
        if src is None or not re.search(r'\.(h|cpp|mjs|js|cmake)$|CMakeLists\.txt$', path):
            continue
        if 'node_modules' in path:
            continue
        text = open(os.path.join(ROOT, path), encoding='utf-8', errors='replace').read()
        if path.startswith('src/core/'):
            for m in FORBIDDEN_IN_CORE.finditer(text):
                problems.append(f'{path}: the core includes a UI or platform header ({m.group(0)})')
        for named, target in uses(path, text):
            if target is None:
                continue   # a system header reached through an include path
            dst = folder_of(target)
            if dst is None or dst == src:
                continue
            arrows.setdefault((src, dst), []).append(path)
            if not allowed(src, dst):
                problems.append(f'{path}: uses {named} ({dst}), which {src} may not use')
    # No cycle between folders.
    graph = {}
    for (a, b) in arrows:
        graph.setdefault(a, set()).add(b)
    state = {}

    def visit(node, trail):
        state[node] = 'open'
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 'open':
                problems.append('a cycle: ' + ' -> '.join(trail[trail.index(nxt):] + [nxt]))
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = 'done'
    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    if draw:
        for a in sorted(graph):
            print(f'{a:18} -> {", ".join(sorted(graph[a]))}')
    for p in problems:
        print('layers: ' + p, file=sys.stderr)
    if problems:
        return 1
    print(f'layers: {len(arrows)} arrows between {len(graph)} folders, all one way, no cycle')
    return 0


if __name__ == '__main__':
    sys.exit(main())
