#!/usr/bin/env python3
"""Writes the bad-story corpus into OUT-DIR: NAME.json (a broken story) and
NAME.expect (the exact problem line the loader must report for it). Each case
breaks one thing in tests/data/tiny.json. The build runs it; nothing it
writes is committed.

    make_corpus.py OUT-DIR"""
import copy, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "data", "tiny.json"), encoding="utf-8") as f:
    BASE = json.load(f)   # the same small story the doctest fixture loads

CASES = []

def edit(name, expect, fn):
    """A case that changes the base story with fn(story)."""
    def make():
        s = copy.deepcopy(BASE); fn(s); return json.dumps(s, indent=1, ensure_ascii=False).encode()
    CASES.append((name, expect, make))

def raw(name, expect, data):
    CASES.append((name, expect, lambda: data))

def delete(path):
    def fn(s):
        *head, last = path
        obj = s
        for k in head: obj = obj[k]
        del obj[last]
    return fn

def set_(path, value):
    def fn(s):
        *head, last = path
        obj = s
        for k in head: obj = obj[k]
        obj[last] = value
    return fn

# --- not JSON at all ------------------------------------------------------
raw("syntax-trailing-comma", "line 1, column 15: not valid JSON: a comma before '}' with nothing after it; remove the comma", b'{"title": "x",}')
raw("syntax-trailing-comma-list", "line 1, column 17: not valid JSON: a comma before ']' with nothing after it; remove the comma", b'{"sections": [1,]}')
raw("syntax-bad-literal", "line 2, column 12: not valid JSON: a word without quotes; text needs double quotes, and the only bare words JSON allows are true, false and null", b'{\n "format": tru\n}')
raw("syntax-bare-name", "line 1, column 3: not valid JSON: a name without double quotes; write names as \"name\"", b'{ title: "x"}')
raw("syntax-unterminated-string", "line 1, column 22: not valid JSON: quoted text runs to the end of the file; its closing \" is missing", b'{"title": "never ends')
raw("syntax-empty-file", "line 1, column 1: not valid JSON: the file is empty", b'')
raw("syntax-only-spaces", "line 2, column 1: not valid JSON: the file holds only spaces", b'  \n')
raw("syntax-truncated", "line 1, column 22: not valid JSON: the file ends too soon; expected ',' or '}' (is it cut short?)", b'{"format": "story-ex"')
raw("syntax-two-documents", "line 1, column 4: not valid JSON: '{' after the end of the JSON; a story file holds one object { }", b'{} {}')
raw("syntax-single-quotes", "line 1, column 2: not valid JSON: names and text need double quotes (\"), not single quotes", b"{'title': 'x'}")
raw("syntax-comment", "line 2, column 2: not valid JSON: JSON has no comments; remove the // or /* */ text", b'{\n // the title\n "title": "x"}')
raw("syntax-missing-colon", "line 1, column 10: not valid JSON: expected ':' after the name, found text in quotes", b'{"title" "x"}')
raw("syntax-missing-comma", "line 1, column 15: not valid JSON: expected ',' or '}', found text in quotes (is a comma missing?)", b'{"title": "x" "show": "y"}')
raw("syntax-missing-comma-list", "line 1, column 18: not valid JSON: expected ',' or ']', found '{' (is a comma missing?)", b'{"sections": [{} {}]}')
raw("syntax-missing-value", "line 1, column 11: not valid JSON: expected a value (text in double quotes, a number, true, false, null, a list [ ] or an object { }), found '}'", b'{"title": }')
raw("syntax-line-break-in-text", "line 1, column 13: not valid JSON: a line break inside quoted text; write it as \\n", b'{"title": "a\nb"}')
raw("syntax-tab-in-text", "line 1, column 13: not valid JSON: a tab inside quoted text; write it as \\t", b'{"title": "a\tb"}')
raw("syntax-control-in-text", "line 1, column 13: not valid JSON: a control character (U+001B) inside quoted text; write it as \\u001B", b'{"title": "a\x1bb"}')
raw("syntax-bad-escape", "line 1, column 14: not valid JSON: a backslash in quoted text starts an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX); write \\\\ for a backslash itself", b'{"title": "C:\\dir"}')
raw("syntax-short-unicode-escape", "line 1, column 16: not valid JSON: \\u in quoted text must be followed by four hex digits", b'{"title": "\\u12"}')
raw("syntax-lone-high-surrogate", "line 1, column 18: not valid JSON: a \\uD800-\\uDBFF escape must be followed by a \\uDC00-\\uDFFF escape (two halves of one character)", b'{"title": "\\ud800x"}')
raw("syntax-lone-low-surrogate", "line 1, column 17: not valid JSON: a \\uDC00-\\uDFFF escape without the \\uD800-\\uDBFF escape that comes before it", b'{"title": "\\udc00"}')
raw("syntax-number-minus", "line 1, column 12: not valid JSON: a number needs a digit after '-'", b'{"title": -x}')
raw("syntax-number-point", "line 1, column 13: not valid JSON: a number needs a digit after the decimal point", b'{"title": 1.}')
raw("syntax-number-exponent", "line 1, column 13: not valid JSON: a number needs a digit after its exponent (e)", b'{"title": 1e}')
raw("syntax-stray-character", "line 1, column 1: not valid JSON: expected a value (text in double quotes, a number, true, false, null, a list [ ] or an object { }), found a character that cannot be there", b'#')
raw("not-utf8-latin1", "line 1, column 15: the file is not valid UTF-8 text", '{"title": "caf\u00e9"}'.encode('latin-1'))
raw("not-utf8-utf16", "line 1, column 1: the file is UTF-16 text; save it as UTF-8", '{"title": "x"}'.encode('utf-16'))
raw("utf16-without-mark", "line 1, column 2: the file looks like UTF-16 text; save it as UTF-8", '{"title": "x"}'.encode('utf-16-le'))
raw("nul-after-document", "line 1, column 3: a NUL byte, which JSON text cannot hold (is the file binary, or cut short?)", b'{}\x00{"junk": 1}')
raw("nul-at-end", "line 1, column 3: the file ends with a NUL byte, which JSON text cannot hold", b'{}\x00')
raw("number-overflow", "line 1, column 11: not valid JSON: the number 1e999 is too large to read", b'{"title": 1e999}')
def duplicate_key(s):
    text = json.dumps(s, indent=1, ensure_ascii=False)
    return text.replace('"id": "aliens",', '"id": "aliens",\n   "id": "clan",', 1).encode()
CASES.append(("duplicate-key-id", "entities[3]: key \"id\" appears twice", lambda: duplicate_key(copy.deepcopy(BASE))))
raw("duplicate-key-top-level", "(top level): key \"title\" appears twice", b'{"title": "A", "title": "B"}')
raw("not-utf8-surrogate", "line 1, column 12: the file is not valid UTF-8 text", b'{"title": "\xed\xa0\x80"}')
raw("too-deep", "line 1, column 45: nested more than 32 levels deep", b'{"glossary": ' + b'[' * 5000 + b']' * 5000 + b'}')
raw("top-level-list", "(top level): expected an object, found a list", b'[]')
raw("top-level-string", "(top level): expected an object, found text", b'"story"')

# --- the top level --------------------------------------------------------
edit("missing-format", "format: is missing", delete(["format"]))
edit("wrong-format", "format: unsupported format \"story-explainer/9\" (expected \"story-explainer/1\")", set_(["format"], "story-explainer/9"))
edit("missing-title", "title: is missing", delete(["title"]))
edit("blank-title", "title: is empty (only spaces or invisible characters)", set_(["title"], "   "))
def same_terms(name, first, second):
    """Two glossary terms a reader cannot tell apart, in place of the story's own."""
    def fn(s):
        s["glossary"][:] = [{"term": first, "definition": "A.", "step": "s1"}, {"term": second, "definition": "B.", "step": "s1"}]
    edit(name, f"glossary[1].term: duplicate term \"{second}\" (also glossary[0], \"{first}\", which reads the same)", fn)

same_terms("glossary-term-nfd", "Caf\u00e9", "Cafe\u0301")                     # é as one code point or two
same_terms("glossary-term-greek-case", "\u03c3\u03c9\u03bc\u03b1", "\u03a3\u03a9\u039c\u0391")   # σωμα, ΣΩΜΑ
same_terms("glossary-term-sharp-s", "Stra\u00dfe", "STRASSE")
same_terms("glossary-term-hangul-jamo", "\ud55c", "\u1112\u1161\u11ab")         # 한 as a syllable or as jamo
same_terms("glossary-term-kana-voicing", "\u304c", "\u304b\u3099")              # が as one kana or two
same_terms("glossary-term-ohm-sign", "\u03a9 Field", "\u2126 field")            # omega, OHM SIGN
edit("glossary-term-case", "glossary[1].term: duplicate term \"CLAN\" (also glossary[0], \"Clan\", which reads the same)",
     lambda s: s["glossary"].append({"term": "CLAN", "definition": "Shouted.", "step": "s2"}))
edit("name-zero-width", "entities[0].name: is empty (only spaces or invisible characters)", set_(["entities", 0, "name"], "\u200b\u200d\u2060"))
edit("name-nbsp", "entities[1].name: is empty (only spaces or invisible characters)", set_(["entities", 1, "name"], "\u00a0\u3000\ufeff"))
edit("title-not-text", "title: expected text, found a number", set_(["title"], 42))
edit("bad-story-id", "id: \"Tiny Story\" is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)", set_(["id"], "Tiny Story"))
edit("unknown-top-field", "(top level): unknown field \"chapters\"", set_(["chapters"], []))
edit("missing-steps", "steps: is missing (expected a list)", delete(["steps"]))
edit("empty-entities", "entities: is empty", set_(["entities"], []))
edit("steps-not-list", "steps: expected a list, found an object", set_(["steps"], {}))
edit("sections-null", "sections: expected a list, found null", set_(["sections"], None))

# --- sections and relationship types -------------------------------------
edit("duplicate-section", "sections[1].id: duplicate id \"a\" (also sections[0])", set_(["sections", 1, "id"], "a"))
edit("section-no-title", "sections[0].title: is missing", delete(["sections", 0, "title"]))
edit("section-not-object", "sections[1]: expected an object, found text", set_(["sections", 1], "b"))
edit("type-no-label", "relationTypes[1].label: is missing", delete(["relationTypes", 1, "label"]))
edit("type-label-too-long", "relationTypes[0].label: is 41 characters long; at most 40 are allowed", set_(["relationTypes", 0, "label"], "x" * 41))
edit("duplicate-type", "relationTypes[1].id: duplicate id \"leads\" (also relationTypes[0])", set_(["relationTypes", 1, "id"], "leads"))

# --- entities -------------------------------------------------------------
edit("duplicate-entity", "entities[2].id: duplicate id \"mask\" (also entities[1])", set_(["entities", 2, "id"], "mask"))
edit("entity-id-uppercase", "entities[0].id: \"Hero\" is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)", set_(["entities", 0, "id"], "Hero"))
edit("entity-id-double-dash", "entities[4].id: \"the--clan\" is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)", set_(["entities", 4, "id"], "the--clan"))
edit("entity-id-too-long", "entities[4].id: \"" + "c" * 48 + "…\" is not a valid id (use lowercase letters, digits and single dashes, at most 64 characters)", set_(["entities", 4, "id"], "c" * 65))
edit("entity-id-missing", "entities[3].id: is missing", delete(["entities", 3, "id"]))
edit("entity-unknown-kind", "entities[3].kind: unknown kind \"alien\" (expected character, group, species, program, place or term)", set_(["entities", 3, "kind"], "alien"))
edit("entity-kind-number", "entities[3].kind: expected text, found a number", set_(["entities", 3, "kind"], 3))
edit("entity-no-name", "entities[1].name: is missing", delete(["entities", 1, "name"]))
edit("entity-empty-desc", "entities[2].desc: is empty", set_(["entities", 2, "desc"], ""))
edit("entity-name-control", "entities[0].name: contains a control character (\"\\x07\")", set_(["entities", 0, "name"], "He\u0007ro"))
edit("entity-not-object", "entities[2]: expected an object, found a number", set_(["entities", 2], 7))
edit("entity-typo-field", "entities[0]: unknown field \"descr\"", set_(["entities", 0, "descr"], "x"))
edit("entity-never-appears", "entities[5]: \"ghost\" never appears in any step (no focus, relationship or reveal names it)",
     lambda s: s["entities"].append({"id": "ghost", "name": "Ghost", "kind": "character", "desc": "Unseen."}))
edit("fact-unknown-step", "entities[0].facts[0].step: unknown step \"s9\"", set_(["entities", 0, "facts", 0, "step"], "s9"))
edit("fact-too-early", "entities[2].facts[0].step: step \"s1\" comes before \"villain\" first appears (step \"s3\")",
     set_(["entities", 2, "facts"], [{"step": "s1", "text": "Too early."}]))
edit("facts-not-list", "entities[0].facts: expected a list, found text", set_(["entities", 0, "facts"], "many"))

# --- steps ----------------------------------------------------------------
edit("duplicate-step", "steps[3].id: duplicate id \"s3\" (also steps[2])", set_(["steps", 3, "id"], "s3"))
edit("step-unknown-focus", "steps[1].focus[1]: unknown entity \"roy\"", set_(["steps", 1, "focus", 1], "roy"))
edit("step-focus-number", "steps[0].focus[0]: expected the id of an entity, found a number", set_(["steps", 0, "focus", 0], 1))
edit("step-focus-empty", "steps[0].focus: is empty", set_(["steps", 0, "focus"], []))
edit("step-focus-twice", "steps[1].focus[1]: entity \"mask\" is listed twice", set_(["steps", 1, "focus"], ["mask", "mask", "clan"]))
edit("step-unknown-section", "steps[0].section: unknown section \"prologue\"", set_(["steps", 0, "section"], "prologue"))
edit("steps-out-of-order", "steps[2].section: section \"a\" comes before section \"b\" of step \"s2\"; steps must follow the order of the sections",
     lambda s: (set_(["steps", 1, "section"], "b")(s), set_(["steps", 2, "section"], "a")(s)))
edit("step-reveal-not-bool", "steps[0].reveal: expected true or false, found text", set_(["steps", 0, "reveal"], "no"))
edit("step-reveal-missing", "steps[0].reveal: is missing (expected true or false)", delete(["steps", 0, "reveal"]))
edit("step-narration-too-long", "steps[0].narration: is 1201 characters long; at most 1200 are allowed", set_(["steps", 0, "narration"], "é" * 1201))
edit("step-no-narration", "steps[2].narration: is missing", delete(["steps", 2, "narration"]))
edit("step-title-tab", "steps[1].title: contains a control character (\"\\x09\")", set_(["steps", 1, "title"], "Two\there"))
edit("step-id-empty", "steps[0].id: is empty", set_(["steps", 0, "id"], ""))

# --- relationships --------------------------------------------------------
edit("rel-unknown-from", "relationships[0].from: unknown entity \"masque\"", set_(["relationships", 0, "from"], "masque"))
edit("rel-unknown-type", "relationships[1].type: unknown relationship type \"adores\"", set_(["relationships", 1, "type"], "adores"))
edit("rel-unknown-step", "relationships[2].step: unknown step \"s7\"", set_(["relationships", 2, "step"], "s7"))
edit("rel-missing-to", "relationships[0].to: is missing", delete(["relationships", 0, "to"]))
edit("rel-self-link", "relationships[1]: links \"hero\" to itself", set_(["relationships", 1, "to"], "hero"))
edit("rel-duplicate", "relationships[3]: repeats an earlier relationship: \"mask\" leads \"clan\"",
     lambda s: s["relationships"].append({"from": "mask", "type": "leads", "to": "clan", "step": "s3"}))
edit("rel-not-object", "relationships[1]: expected an object, found a list", set_(["relationships", 1], ["hero", "fights", "mask"]))
edit("rel-to-is-null", "relationships[0].to: expected the id of an entity, found null", set_(["relationships", 0, "to"], None))

# --- reveals --------------------------------------------------------------
edit("reveal-unknown-type", "reveals[0].type: unknown reveal type \"twist\" (expected identity or nature)", set_(["reveals", 0, "type"], "twist"))
edit("reveal-step-not-marked", "reveals[0].step: step \"s3\" carries this reveal but is not marked \"reveal\": true", set_(["steps", 2, "reveal"], False))
edit("reveal-self", "reveals[0]: reveals \"mask\" to be itself", set_(["reveals", 0, "target"], "mask"))
edit("reveal-loop", "reveals[2]: identity reveals go round in a loop: mask → villain → mask",
     lambda s: s["reveals"].append({"id": "villain-is-mask", "step": "s4", "subject": "villain", "type": "identity", "target": "mask", "summary": "Round."}))
edit("reveal-loop-three", "reveals[2]: identity reveals go round in a loop: hero → mask → villain → hero",
     lambda s: s["reveals"].extend([
         {"id": "villain-is-hero", "step": "s4", "subject": "villain", "type": "identity", "target": "hero", "summary": "A."},
         {"id": "hero-is-mask", "step": "s4", "subject": "hero", "type": "identity", "target": "mask", "summary": "B."}]))
edit("reveal-nature-target-character", "reveals[1].target: a nature reveal needs a species or group as target; \"villain\" is a character", set_(["reveals", 1, "target"], "villain"))
edit("reveal-twice", "reveals[2].subject: \"mask\" already has an identity reveal",
     lambda s: s["reveals"].append({"id": "mask-is-hero", "step": "s4", "subject": "mask", "type": "identity", "target": "hero", "summary": "Again."}))
edit("reveal-unmasks-stranger", "reveals[0].subject: \"mask\" must be on the map before step \"s3\" to be unmasked there",
     lambda s: (set_(["steps", 1, "focus"], ["clan"])(s), set_(["relationships", 0, "from"], "hero")(s), set_(["relationships", 1, "to"], "clan")(s)))
edit("reveal-duplicate-id", "reveals[1].id: duplicate id \"mask-is-villain\" (also reveals[0])", set_(["reveals", 1, "id"], "mask-is-villain"))
edit("reveal-no-summary", "reveals[1].summary: is missing", delete(["reveals", 1, "summary"]))

# --- glossary -------------------------------------------------------------
edit("glossary-unknown-entity", "glossary[0].entity: unknown entity \"clans\"", set_(["glossary", 0, "entity"], "clans"))
edit("glossary-too-early", "glossary[0].step: step \"s1\" comes before \"clan\" first appears (step \"s2\")", set_(["glossary", 0, "step"], "s1"))
edit("glossary-duplicate-term", "glossary[1].term: duplicate term \"Clan\" (also glossary[0])",
     lambda s: s["glossary"].append({"term": "Clan", "definition": "Again.", "step": "s3"}))
edit("glossary-no-definition", "glossary[0].definition: is missing", delete(["glossary", 0, "definition"]))

# --- beliefs that end, and sources -----------------------------------------
def with_source(s):
    s["source"] = {"title": "An article", "parts": [{"id": "start", "title": "Start"}, {"id": "end", "title": "End"}]}
def two_facts(s):
    s["entities"][0]["facts"] = [
        {"id": "old-view", "step": "s1", "text": "Thought to be human.", "until": "s4", "replacedBy": "new-view"},
        {"id": "new-view", "step": "s4", "text": "Came from the stars."}]
edit("belief-until-before-start", "relationships[1].until: step \"s1\" cannot overturn what is only learned at step \"s2\"; the end must come after the start",
     set_(["relationships", 1, "until"], "s1"))
edit("belief-until-same-step", "entities[0].facts[0].until: step \"s4\" cannot overturn what is only learned at step \"s4\"; the end must come after the start",
     set_(["entities", 0, "facts", 0, "until"], "s4"))
edit("belief-until-unknown", "relationships[0].until: unknown step \"s8\"", set_(["relationships", 0, "until"], "s8"))
edit("belief-settled-not-hedged", "relationships[0].settled: only what is hedged can be settled: add \"apparent\": true, or drop \"settled\"",
     set_(["relationships", 0, "settled"], "s3"))
edit("belief-settled-before-start", "relationships[1].settled: step \"s2\" cannot settle what is only learned at step \"s2\"; it must come after",
     lambda s: s["relationships"][1].update({"apparent": True, "settled": "s2"}))
edit("belief-settled-after-until", "relationships[1].settled: step \"s4\" settles what step \"s3\" has already overturned",
     lambda s: s["relationships"][1].update({"apparent": True, "settled": "s4", "until": "s3"}))
edit("belief-settled-unknown", "entities[0].facts[0].settled: unknown step \"s9\"",
     lambda s: (two_facts(s), s["entities"][0]["facts"][0].update({"apparent": True, "settled": "s9"})))
edit("belief-apparent-not-bool", "relationships[0].apparent: expected true or false, found text", set_(["relationships", 0, "apparent"], "seems"))
edit("belief-replaced-by-unknown", "entities[0].facts[0].replacedBy: unknown fact \"newer-view\"",
     lambda s: (two_facts(s), set_(["entities", 0, "facts", 0, "replacedBy"], "newer-view")(s)))
edit("belief-replaced-without-until", "entities[0].facts[0].replacedBy: a fact that is replaced must say when: add \"until\", the step that overturns it",
     lambda s: (two_facts(s), delete(["entities", 0, "facts", 0, "until"])(s)))
edit("belief-replacement-too-late", "entities[0].facts[0].replacedBy: fact \"new-view\" is only learned at step \"s4\", after step \"s3\" overturns this one; what replaces a belief must be known by then",
     lambda s: (two_facts(s), set_(["entities", 0, "facts", 0, "until"], "s3")(s)))
edit("belief-replacement-loop", "entities[0].facts[0].replacedBy: replacements go round in a loop: old-view → new-view → old-view",
     lambda s: (two_facts(s), s["entities"][0]["facts"][1].update({"until": "s4", "replacedBy": "old-view", "step": "s2"})))
edit("belief-duplicate-fact-id", "entities[0].facts[1].id: duplicate fact id \"old-view\" (also entities[0].facts[0])",
     lambda s: (two_facts(s), set_(["entities", 0, "facts", 1, "id"], "old-view")(s)))
edit("summary-on-plain-step", "steps[0].summary: only a reveal step has a summary; this step is not marked \"reveal\": true",
     set_(["steps", 0, "summary"], "Nothing was hidden."))
edit("cite-no-parts", "steps[0].cite: unknown source part \"start\" (the story's source lists no parts)", set_(["steps", 0, "cite"], "start:1"))
edit("cite-unknown-part", "steps[0].cite: unknown source part \"middle\"", lambda s: (with_source(s), set_(["steps", 0, "cite"], "middle:1")(s)))
edit("cite-malformed", "relationships[0].cite: \"start 2\" is not a source passage (expected \"part:paragraph\" or \"part:first-last\", such as \"middle:4\" or \"ending:2-3\")",
     lambda s: (with_source(s), set_(["relationships", 0, "cite"], "start 2")(s)))
edit("cite-backwards", "entities[1].cite: \"end:5-2\" ends before it starts", lambda s: (with_source(s), set_(["entities", 1, "cite"], "end:5-2")(s)))
edit("cite-paragraph-zero", "entities[1].cite: \"end:0\" is not a source passage (expected \"part:paragraph\" or \"part:first-last\", such as \"middle:4\" or \"ending:2-3\")",
     lambda s: (with_source(s), set_(["entities", 1, "cite"], "end:0")(s)))
edit("source-not-text", "source: expected the source's title, or an object with its title, url and parts, found a number", set_(["source"], 7))
edit("source-bad-url", "source.url: \"javascript:alert(1)\" is not a web link we can show: it must start with https://",
     lambda s: (with_source(s), s["source"].update({"url": "javascript:alert(1)"})))
edit("source-url-breaks-out", "source.url: \"https://ok.example/) [x](javascript:alert(7))\" is not a web link we can show: it contains a character a link must write escaped (\" \")",
     lambda s: (with_source(s), s["source"].update({"url": "https://ok.example/) [x](javascript:alert(7))"})))
edit("source-url-plain-http", "source.url: \"http://example.org/\" is not a web link we can show: it must start with https://",
     lambda s: (with_source(s), s["source"].update({"url": "http://example.org/"})))
edit("source-url-no-host", "source.url: \"https:///etc/passwd\" is not a web link we can show: it has no host name after https://",
     lambda s: (with_source(s), s["source"].update({"url": "https:///etc/passwd"})))
edit("title-bidi-override", "title: contains a text-direction control (U+202E), which can make the text read differently from what it holds",
     set_(["title"], "Safe title \u202egnp.exe"))
edit("source-duplicate-part", "source.parts[1].id: duplicate id \"start\" (also source.parts[0])",
     lambda s: (with_source(s), set_(["source", "parts", 1, "id"], "start")(s)))
edit("type-membership-not-bool", "relationTypes[0].membership: expected true or false, found a number", set_(["relationTypes", 0, "membership"], 1))
edit("entity-plural-not-bool", "entities[3].plural: expected true or false, found text", set_(["entities", 3, "plural"], "yes"))

if len(sys.argv) != 2:
    sys.exit("usage: make_corpus.py OUT-DIR")
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    if f.endswith(".json") or f.endswith(".expect"):
        os.remove(os.path.join(out, f))
names = set()
for name, expect, make in CASES:
    assert name not in names, name
    names.add(name)
    with open(os.path.join(out, name + ".json"), "wb") as f: f.write(make())
    with open(os.path.join(out, name + ".expect"), "w", encoding="utf-8") as f: f.write(expect + "\n")
print(f"{len(CASES)} bad stories written to {out}")
