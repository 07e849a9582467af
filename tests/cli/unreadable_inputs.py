#!/usr/bin/env python3
"""explain check on what is not a story file: each is refused at once, with
the file's name, what is wrong and the exit status the usage text promises
(2: unreadable; 1: a story problem), and the CLI never reads more than the
loader's limit + 1 bytes (its peak memory stays far below what /dev/zero or a
huge file would take).

    unreadable_inputs.py EXPLAIN WORK_DIR
"""
import os
import resource
import subprocess
import sys

LIMIT = 16 << 20   # loader::kMaxBytes


def run(explain, path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = subprocess.run([explain, "check", path], capture_output=True, text=True, timeout=20)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return r.returncode, r.stdout + r.stderr, max(peak_kib, before)


def main():
    explain, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    failures = []

    def expect(name, path, code, words):
        try:
            rc, out, peak_kib = run(explain, path)
        except subprocess.TimeoutExpired:
            failures.append(f"{name}: still running after 20 s")
            return
        if rc != code:
            failures.append(f"{name}: exit {rc}, wanted {code}: {out.strip()}")
        for w in [path] + words:
            if w not in out:
                failures.append(f"{name}: the message lacks {w!r}: {out.strip()}")
        if peak_kib > 200 * 1024:
            failures.append(f"{name}: peak memory {peak_kib // 1024} MiB")

    folder = os.path.join(work, "a-folder")
    os.makedirs(folder, exist_ok=True)
    expect("a directory", folder, 2, ["not a regular file"])
    zero = os.path.join(work, "zero.json")
    if os.path.lexists(zero):
        os.remove(zero)
    os.symlink("/dev/zero", zero)
    expect("a link to /dev/zero", zero, 2, ["not a regular file"])
    fifo = os.path.join(work, "fifo.json")
    if os.path.lexists(fifo):
        os.remove(fifo)
    os.mkfifo(fifo)   # nobody writes to it: reading would wait for ever
    expect("a pipe with no writer", fifo, 2, ["not a regular file"])
    expect("a missing file", os.path.join(work, "no-such.json"), 2, ["cannot be opened"])
    big = os.path.join(work, "huge.json")
    with open(big, "wb") as f:   # sparse: 64 MiB of nothing, four times the limit
        f.truncate(4 * LIMIT)
    expect("a file four times the limit", big, 1, [f"is more than {LIMIT} bytes"])
    os.remove(big)

    for f in failures:
        print(f)
    print("unreadable inputs: " + (f"{len(failures)} failures" if failures else "all 5 refused at once, as they should be"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
