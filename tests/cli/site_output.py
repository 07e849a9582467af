#!/usr/bin/env python3
"""What the site build writes from a story, checked from outside:

1. `explain site` keeps text.json linear (site.h): a story made to be the
   worst case (one hub that every relationship joins, so every step rewrites
   its card; three beliefs overturned at every step; a reveal that renames the
   hub) gets a text.json within 6× the story's own size, where writing whole
   lists per step made it grow with steps × relationships.
2. scripts/stories.py fills the page's placeholders in one pass: a title that
   contains "{{show}}" keeps it as written.

    site_output.py EXPLAIN WORKDIR
"""
import json
import os
import shutil
import subprocess
import sys

explain, work = sys.argv[1], sys.argv[2]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
failures = []

# 1. The hub story.
STEPS, SPOKES = 100, 3000
entities = [{"id": "hub", "name": "The Hub", "kind": "group", "desc": "Everyone is linked to it."},
            {"id": "true-hub", "name": "The True Hub", "kind": "group", "desc": "What the hub turns out to be."}]
entities += [{"id": f"e{i}", "name": f"Spoke number {i}", "kind": "character", "desc": f"Spoke {i}."} for i in range(SPOKES)]
rels = [{"from": f"e{i}", "type": "serves", "to": "hub", "step": f"s{i * STEPS // SPOKES}"} for i in range(SPOKES)]
for k in range(1, STEPS):   # three beliefs learned before step k end there
    for i in range(3):
        rels[(k * 7 + i * 13) % (k * SPOKES // STEPS)].setdefault("until", f"s{k}")
steps = [{"id": f"s{k}", "section": "all", "reveal": k == STEPS // 2, "title": f"Step {k + 1}",
          "narration": f"More spokes join the hub at step {k + 1}.", "focus": ["hub"]} for k in range(STEPS)]
steps[0]["focus"] = ["hub", "e0"]
story = {"format": "story-explainer/1", "id": "hub", "title": "Hub", "show": "Test",
         "sections": [{"id": "all", "title": "All"}], "relationTypes": [{"id": "serves", "label": "serves"}],
         "entities": entities, "steps": steps, "relationships": rels,
         "reveals": [{"id": "hub-is-true-hub", "step": f"s{STEPS // 2}", "type": "identity", "subject": "hub", "target": "true-hub",
                      "summary": "The hub was the true hub all along."}], "glossary": []}
path = os.path.join(work, 'hub.json')
with open(path, 'w', encoding='utf-8') as f:
    json.dump(story, f, separators=(',', ':'))
out = os.path.join(work, 'hub-site')
run = subprocess.run([explain, 'site', path, out], capture_output=True, text=True)
if run.returncode != 0:
    failures.append(f'explain site on the hub story exited {run.returncode}: {run.stdout}{run.stderr}')
else:
    story_bytes, text_bytes = os.path.getsize(path), os.path.getsize(os.path.join(out, 'text.json'))
    print(f'hub story: {story_bytes} bytes, text.json {text_bytes} bytes ({text_bytes / story_bytes:.1f}x)')
    if text_bytes > 6 * story_bytes:
        failures.append(f'text.json is {text_bytes} bytes, over 6x the story ({story_bytes} bytes)')

# 2. One pass over the page's placeholders.
tiny = json.load(open(os.path.join(root, 'tests', 'data', 'tiny.json'), encoding='utf-8'))
tiny['title'] = 'The {{show}} & <b>{{title}}</b>'
named = os.path.join(work, 'tiny.json')
with open(named, 'w', encoding='utf-8') as f:
    json.dump(tiny, f)
page_in = os.path.join(work, 'in.html')
with open(page_in, 'w', encoding='utf-8') as f:
    f.write('<title>{{title}}</title><h1>{{title}}</h1><span>{{show}}</span>')
page_out = os.path.join(work, 'out.html')
subprocess.run([sys.executable, os.path.join(root, 'scripts', 'stories.py'), os.path.join(work, 'stories.json'),
                '--page', page_in, page_out, named], check=True)
page = open(page_out, encoding='utf-8').read()
want = ('<title>The {{show}} &amp; &lt;b&gt;{{title}}&lt;/b&gt;</title><h1>The {{show}} &amp; &lt;b&gt;{{title}}'
        '&lt;/b&gt;</h1><span>Test Show</span>')
if page != want:
    failures.append(f'stories.py filled the page as {page!r}, not {want!r}')

for line in failures:
    print('FAIL:', line)
sys.exit(1 if failures else 0)
