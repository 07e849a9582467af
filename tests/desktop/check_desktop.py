#!/usr/bin/env python3
"""The desktop explainer as a person sees it (run under Xvfb by ctest).

    check_desktop.py EXPLAINER STORY.json OUT_DIR

For two steps with different titles, at the laptop size and at a phone's
(390x844 points at 3x), takes --screenshot and checks that the picture is not
blank, that the state the program prints names the step's title, and that
where it says the title was drawn the pixels hold text (light strokes on the
panel), different text for the two steps. Also checks that a link to a twist
the reader hasn't seen opens covered, that an unknown step gets the page's
notice, that a broken story is refused with its located problem, and that
an edit saved while it runs is reloaded (and a broken one reported, not shown).
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib

EXPLAINER, STORY, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def read_png(path):
    """8-bit RGB or RGBA PNG → (width, height, rows of (r, g, b) tuples)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path + " is not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6), "unexpected PNG format"
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], bytearray(width * channels)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + a) & 255
            elif kind == 2: line[i] = (line[i] + b) & 255
            elif kind == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def run(*args, expect=0):
    r = subprocess.run([EXPLAINER, *args], capture_output=True, text=True, timeout=120)
    check(r.returncode == expect, f"{' '.join(args)}: exit {r.returncode}, expected {expect}; stderr: {r.stderr[-400:]}")
    return r


def shot(step, name, size=None, scale=1):
    png = os.path.join(OUT, name)
    extra = ["--size", size, "--scale", str(scale)] if size else []
    r = run(STORY, "--step", step, "--screenshot", png, *extra)
    return json.loads(r.stdout.strip().splitlines()[-1]), read_png(png)


def title_crop(state, image, scale):
    _, _, rows = image
    rect = state["titleRect"]
    x0, y0 = int(rect["x"] * scale), int(rect["y"] * scale)
    x1, y1 = int((rect["x"] + rect["w"]) * scale), int((rect["y"] + rect["h"]) * scale)
    return [row[x0:x1] for row in rows[y0:y1]]


story = json.load(open(STORY, encoding="utf-8"))
titles = {s["id"]: s["title"] for s in story["steps"]}
first, second = story["steps"][0]["id"], story["steps"][1]["id"]
for label, size, scale in (("laptop", None, 1), ("phone", "390x844", 3)):
    crops = []
    for step in (first, second):
        state, image = shot(step, f"{label}-{step}.png", size, scale)
        width, height, rows = image
        check((width, height) == ((1280, 800) if size is None else (1170, 2532)), f"{label} {step}: size {width}x{height}")
        colours = {px for row in rows[::7] for px in row[::7]}
        check(len(colours) > 50, f"{label} {step}: only {len(colours)} colours: blank?")
        check(state["step"] == step and state["title"] == titles[step], f"{label} {step}: state names {state['title']!r}")
        crop = title_crop(state, image, scale)
        pixels = [px for row in crop for px in row]
        light = sum(1 for r, g, b in pixels if min(r, g, b) > 170)
        check(pixels and 0.03 < light / len(pixels) < 0.6,
              f"{label} {step}: the title's box holds {light} light pixels of {len(pixels)}: no text drawn there")
        crops.append(crop)
    check(crops[0] != crops[1], f"{label}: the two steps' titles look the same")

# A link past a twist the reader hasn't seen opens covered, as in the page.
twist = next(s["id"] for s in story["steps"] if s.get("reveal"))
state, _ = shot(twist, "covered.png")
check(state["covered"] and state["title"] == "", f"--step {twist}: not covered ({state['covered']})")
# An unknown step: the page's own notice, from the first step.
state, _ = shot("no-such-step", "unknown.png")
check(state["index"] == 0 and "No step called" in state["notice"], f"unknown step: notice {state['notice']!r}")
# A broken story: refused, its problem located, nothing drawn.
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    broken = dict(story, steps=story["steps"] + [dict(story["steps"][0])])
    json.dump(broken, f)
r = run(f.name, "--screenshot", os.path.join(OUT, "broken.png"), expect=1)
check(f.name in r.stderr and "steps[" in r.stderr, f"broken story: stderr {r.stderr[:300]!r}")
os.unlink(f.name)
run("--step", expect=2)

# An author's tool: a saved edit is shown, a broken one prints its located
# problem and leaves the last good story up (the program keeps running).
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "story.json")
    def save(value):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f)
    save(story)
    app = subprocess.Popen([EXPLAINER, path, "--step", second], stderr=subprocess.PIPE, text=True)
    time.sleep(3)
    save(dict(story, title=story["title"] + " (edited)"))
    time.sleep(2)
    save(dict(story, steps=story["steps"] + [story["steps"][0]]))
    time.sleep(2)
    alive = app.poll() is None
    app.terminate()
    err = app.communicate(timeout=20)[1]
    check(alive, f"the desktop explainer stopped on a broken edit: {err[-300:]}")
    check(f"reloaded {path}" in err, f"no reload after an edit: {err[-300:]}")
    n = len(story["steps"])
    check(f"{path}: steps[{n}].id: duplicate id" in err, f"the broken edit's problem was not printed: {err[-300:]}")

print("desktop:", "FAILED" if failures else "ok", f"({len(failures)} failures)")
sys.exit(1 if failures else 0)
