#!/usr/bin/env python3
"""Writes the site's list of stories, stories.json, which ?story=<id> picks from.

    stories.py OUT.json --page IN.html OUT.html [--base-url URL] DEFAULT.json [OTHER.json...]

Each story's id is its file's name without .json (lowercase letters, digits
and dashes only, so it is safe in a path); its title and show come from the
file. The first is the site's own story (story.json, text.json); the others
are served as stories/<id>.json with stories/<id>.text.json. The page only
ever fetches a path made from an id it found in this list.

--page fills the page's {{title}} and {{show}} (its title, header and social
text) from the first story, {{csp}} from shell/csp.txt and {{base}} from
--base-url (the site's public address, for og:url and an absolute og:image;
without it the og:url line is left out), HTML-escaped; the page swaps in
another story's title when it opens one.
"""
import html
import json
import os
import re
import sys

out_path, flag, page_in, page_out, *files = sys.argv[1:]
base = ""
if files[:1] == ["--base-url"] and len(files) >= 2:
    base, files = files[1], files[2:]
    if not re.fullmatch(r"https://[^\s\"'<>]+/", base):
        sys.exit(f"stories.py: --base-url {base!r}: give the site's public https:// address, ending in /")
if flag != "--page" or not files:
    sys.exit(__doc__)
# A story's id is a slug like a step's, within the same limit (its one source).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "contract", "contract.json"), encoding="utf-8") as f:
    max_id = json.load(f)["limits"]["idBytes"]
stories = []
for i, path in enumerate(files):
    sid = os.path.basename(path)[:-len(".json")]
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", sid) or len(sid) > max_id:
        sys.exit(f"stories.py: {path}: a story's file name must be lowercase letters, digits and dashes, at most {max_id}")
    with open(path, encoding="utf-8") as f:
        story = json.load(f)
    entry = {"id": sid, "title": story.get("title", ""), "show": story.get("show", "")}
    if i == 0:
        entry["default"] = True
    stories.append(entry)
with open(out_path, "w", encoding="utf-8") as f:
    json.dump({"stories": stories}, f, ensure_ascii=False, indent=1)
with open(page_in, encoding="utf-8") as f:
    page = f.read()
# One pass: text put in is never read again for placeholders (a title
# containing "{{show}}" stays as written).
# {{csp}}: the page's policy, from its one source.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "shell", "csp.txt"), encoding="utf-8") as f:
    values = {"title": str(stories[0]["title"]), "show": str(stories[0]["show"]), "csp": f.read().strip(), "base": base}
# {{queryChars}}: the search field's limit, from the contract (src/contract/contract.json).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "contract", "contract.json"), encoding="utf-8") as f:
    values["queryChars"] = str(json.load(f)["limits"]["queryChars"])
# Without the site's address there is no og:url to give (and images stay relative).
if not base:
    page = "".join(line for line in page.splitlines(True) if 'property="og:url"' not in line)
page = re.sub(r"\{\{(title|show|csp|base|queryChars)\}\}", lambda m: html.escape(values[m.group(1)]), page)
with open(page_out, "w", encoding="utf-8") as f:
    f.write(page)
