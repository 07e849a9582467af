#!/usr/bin/env python3
"""Writes a synthetic story for the benchmarks: N entities, 1.5 N relationships.

The graph is a random tree (every entity linked to an earlier one, so each
appears through a link) plus 0.5 N extra links between random pairs, split over
20 steps (or STEPS) that each bring an equal share of the cast. Names are made of random
syllables so labels have the lengths of real names. A fixed seed makes the
same N always give the same file.

    make_story.py N OUT.json [STEPS [LINKS [OVERTURN]]]
      LINKS: relationships (default 1.5 N); OVERTURN: how many relationships
      learned earlier each step from the second on overturns (default 0)
"""
import json
import random
import sys

STEPS = 20
KINDS = ["character", "character", "character", "group", "species", "program", "place"]
SYLLABLES = ["ro", "ge", "na", "mi", "jean", "ash", "sar", "dis", "ev", "ol", "cel", "ver",
             "ra", "fa", "ton", "ve", "ru", "lo", "ka", "mer", "ta", "sil", "ne", "an"]


def name(rng, i):
    words = []
    for _ in range(rng.choice([1, 2, 2, 3])):
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 3)))
        words.append(w.capitalize())
    return " ".join(words)[:40] + f" {i}"


def build(n, seed=42, step_count=STEPS, links=None, overturn=0):
    rng = random.Random(seed)
    step_of = [min(step_count - 1, i * step_count // n) for i in range(n)]
    entities = [{"id": f"e{i}", "name": name(rng, i), "kind": KINDS[i % len(KINDS)],
                 "desc": f"Synthetic entity number {i}."} for i in range(n)]
    pairs = set()
    rels = []

    def link(a, b):
        lo, hi = min(a, b), max(a, b)
        if a == b or (lo, hi) in pairs:
            return False
        pairs.add((lo, hi))
        rels.append({"from": f"e{a}", "type": ["knows", "leads", "serves"][len(rels) % 3],
                     "to": f"e{b}", "step": f"s{step_of[hi]}"})
        return True

    for i in range(1, n):
        # Mostly to a recent entity, sometimes far back: local clusters plus
        # long links, like a cast that meets in groups.
        j = rng.randrange(max(0, i - 40), i) if rng.random() < 0.8 else rng.randrange(0, i)
        link(i, j)
    target = (3 * n) // 2 if links is None else links
    while len(rels) < target:
        a = rng.randrange(n)
        b = rng.randrange(max(0, a - 60), min(n, a + 60)) if rng.random() < 0.7 else rng.randrange(n)
        link(a, b)
    rels.sort(key=lambda r: int(r["step"][1:]))
    # Beliefs overturned later: each such step rewrites lines learned before it.
    for k in range(1, step_count):
        earlier = [r for r in rels if int(r["step"][1:]) < k and "until" not in r]
        for r in rng.sample(earlier, min(overturn, len(earlier))):
            r["until"] = f"s{k}"

    steps = []
    for k in range(step_count):
        members = [i for i in range(n) if step_of[i] == k]
        steps.append({"id": f"s{k}", "section": "all", "reveal": False, "title": f"Step {k + 1}",
                      "narration": f"{len(members)} more entities join the map.",
                      "focus": [f"e{i}" for i in members[:6]]})
    return {
        "format": "story-explainer/1", "id": f"synthetic-{n}", "title": f"Synthetic {n}",
        "show": "Benchmark", "sections": [{"id": "all", "title": "All"}],
        "relationTypes": [{"id": "knows", "label": "knows"}, {"id": "leads", "label": "leads"},
                          {"id": "serves", "label": "serves"}],
        "entities": entities, "steps": steps, "relationships": rels, "reveals": [], "glossary": [],
    }


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4, 5, 6):
        sys.exit(__doc__)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        json.dump(build(int(sys.argv[1]), step_count=int(sys.argv[3]) if len(sys.argv) >= 4 else STEPS,
                        links=int(sys.argv[4]) if len(sys.argv) >= 5 else None,
                        overturn=int(sys.argv[5]) if len(sys.argv) == 6 else 0), f, separators=(",", ":"))
