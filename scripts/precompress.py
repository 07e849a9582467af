#!/usr/bin/env python3
"""Writes FILE.gz (and FILE.br, where Debian's brotli is installed) beside
every file of a built site over 1 KB that compresses, the way a static host
serves precompressed files (nginx gzip_static / brotli_static, most CDNs):
scripts/serve.py sends them with Content-Encoding. A compressed copy is
rewritten only when its file is newer, and removed when it no longer earns
its bytes.

    precompress.py SITE
"""
import gzip
import os
import shutil
import subprocess
import sys

KINDS = ('.html', '.js', '.wasm', '.json', '.css', '.svg', '.ttf', '.md')
MIN_BYTES = 1024


def fresh(copy, source):
    return os.path.exists(copy) and os.path.getmtime(copy) >= os.path.getmtime(source)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = sys.argv[1]
    brotli = shutil.which('brotli')
    written = 0
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            if not name.endswith(KINDS) or os.path.getsize(path) < MIN_BYTES:
                continue
            size = os.path.getsize(path)
            if not fresh(path + '.gz', path):
                with open(path, 'rb') as f:
                    data = gzip.compress(f.read(), compresslevel=9, mtime=0)
                with open(path + '.gz', 'wb') as f:
                    f.write(data)
                written += 1
            if brotli and not fresh(path + '.br', path):
                # -n: the copy gets its own time, not the file's (cut to whole seconds,
                # which would make it older than its file, never served, always rewritten)
                subprocess.run([brotli, '-f', '-n', '-q', '11', '-o', path + '.br', path], check=True)
                # brotli makes its output readable by its owner only; a host serving
                # the site as another user would then refuse it (403)
                shutil.copymode(path, path + '.br')
                written += 1
            for copy in (path + '.gz', path + '.br'):   # no saving, no copy
                if os.path.exists(copy) and os.path.getsize(copy) >= size:
                    os.remove(copy)
    print(f'precompress: {written} compressed copies written in {site}')


if __name__ == '__main__':
    main()
