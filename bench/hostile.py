#!/usr/bin/env python3
"""Times the loader on hostile story files of up to 16 MiB (the loader's
limit), through the release build of `explain check`, and prints a table:
the case, its size, the wall time, the peak memory and the first line said.
Target: each rejected in under 2 s with bounded memory.

    python3 bench/hostile.py [EXPLAIN]     (default build/bench/explain)
"""
import json
import os
import subprocess
import sys
import tempfile
import time

MIB = 1 << 20
explain = sys.argv[1] if len(sys.argv) > 1 else 'build/bench/explain'
story = open('data/metallic-rouge.json', 'rb').read()
limit = 16 * MIB


def pad_to(prefix, filler, suffix):
    n = max(0, (limit - len(prefix) - len(suffix)) // len(filler))
    return prefix + filler * n + suffix


CASES = [
    ('16 MiB of newlines, then junk', pad_to(b'', b'\n', b'junk')),
    ('an object, 16 MiB of newlines, junk', pad_to(b'{', b'\n', b'junk}')),
    ('the story, 16 MiB of spaces, junk', pad_to(story, b' ', b'x')),
    ('one 16 MiB string', pad_to(b'{"title": "', b'a', b'"}')),
    ('16 MiB of "[" (too deep)', pad_to(b'', b'[', b'')),
    ('16 MiB of digits (one number)', pad_to(b'{"title": ', b'9', b'}')),
    ('a key repeated 1M times', pad_to(b'{', b'"k": 1, ', b'"k": 1}')),
    ('entities x 50,001', b'{"entities": [' + b','.join([b'{}'] * 50001) + b']}'),
    ('16 MiB of NULs', b'\0' * limit),
    # The most terms a glossary may have, each at the most characters a term may have: a letter
    # under 58 accents in reverse canonical order (the most reordering a reader's key can need).
    ('glossary: 2,000 terms of stacked accents', json.dumps({'glossary': [
        {'term': chr(0x4E00 + i) + 'a' + '\u0301\u0323' * 29, 'definition': 'x', 'step': 's'}
        for i in range(2000)]}, ensure_ascii=False).encode()),
    ('16 MiB of Hangul in one string', pad_to(b'{"title": "', '\ud55c'.encode(), b'"}')),
    ('the story in UTF-16', story.decode('utf-8').encode('utf-16-le')),
    ('16 MiB + 1 byte', b' ' * (limit + 1)),
]

print('| case | MiB | seconds | peak MB | first line |')
print('|---|---|---|---|---|')
worst = 0.0
with tempfile.TemporaryDirectory() as tmp:
    for name, data in CASES:
        path = os.path.join(tmp, 'story.json')
        with open(path, 'wb') as f:
            f.write(data)
        # Through a fresh Python each time, so the peak memory is this case's alone.
        usage = os.path.join(tmp, 'usage')
        probe = ('import resource, subprocess, sys; r = subprocess.run(sys.argv[2:]); '
                 'open(sys.argv[1], "w").write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))')
        start = time.perf_counter()
        out = subprocess.run([sys.executable, '-c', probe, usage, explain, 'check', path],
                             capture_output=True, text=True, errors='replace')
        took = time.perf_counter() - start
        peak = int(open(usage).read()) / 1024
        worst = max(worst, took)
        lines = [l.strip() for l in out.stdout.splitlines()[1:2]] or [out.stderr.strip()[:80]]
        line = lines[0].replace(tmp, '…').replace('|', '\\|')[:110]
        print(f'| {name} | {len(data) / MIB:.1f} | {took:.2f} | {peak:.0f} | {line} |')
print()
print(f'Slowest: {worst:.2f} s. Target: every case under 2 s: {"met" if worst < 2 else "missed"}.')
