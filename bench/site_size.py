#!/usr/bin/env python3
"""Sizes and times `explain site` on a story at every limit of the loader at
once (10,000 entities, 40,000 relationships, 500 steps, three beliefs
overturned at every step but the first), and on the real story: prints the
story's size, text.json's size and its ratio to the story, the wall time and
the peak memory. site.h's bound: text.json grows with the story and what its
steps change, never with steps × entities.

    python3 bench/site_size.py [EXPLAIN]     (default build/bench/explain)
"""
import os
import resource
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
explain = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'build', 'bench', 'explain')


def measure(name, story, work):
    out = os.path.join(work, name)
    os.makedirs(out)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([explain, 'site', story, out], check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss   # KiB, the largest child so far
    story_bytes, text_bytes = os.path.getsize(story), os.path.getsize(os.path.join(out, 'text.json'))
    print(f'| {name} | {story_bytes / 1e6:.2f} MB | {text_bytes / 1e6:.2f} MB | {text_bytes / story_bytes:.1f}× | '
          f'{wall:.2f} s | {max(peak, before) / 1024:.0f} MiB |', flush=True)


with tempfile.TemporaryDirectory() as work:
    limits = os.path.join(work, 'limits.json')
    subprocess.run([sys.executable, os.path.join(here, 'make_story.py'), '10000', limits, '500', '40000', '3'], check=True)
    print('| story | story.json | text.json | ratio | explain site | peak memory |')
    print('|---|---|---|---|---|---|')
    measure('metallic-rouge', os.path.join(here, '..', 'data', 'metallic-rouge.json'), work)
    measure('every limit at once', limits, work)
