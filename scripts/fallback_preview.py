#!/usr/bin/env python3
"""The link-preview image when the build cannot render real ones (no browser):
one plain 1200x630 picture in the explainer's colours (a few nodes and links,
no text, so nothing to give away), written as the site image preview.png and
as every step's s/<step-id>/preview.png, so each preview page still has one.

    python3 scripts/fallback_preview.py SITE_DIR
"""
import json
import os
import struct
import sys
import zlib

W, H = 1200, 630
BACKGROUND = (17, 19, 26)
EDGE = (90, 96, 116)
NODES = [((300, 315), 46, (236, 104, 110)), ((560, 190), 34, (102, 178, 255)), ((600, 450), 34, (123, 211, 137)),
         ((850, 300), 40, (255, 214, 102)), ((980, 480), 28, (186, 140, 255)), ((1000, 150), 28, (102, 178, 255))]
LINKS = [(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (3, 5)]


def picture():
    rows = [bytearray(bytes(BACKGROUND) * W) for _ in range(H)]

    def put(x, y, color):
        if 0 <= x < W and 0 <= y < H:
            rows[y][3 * x:3 * x + 3] = bytes(color)

    for a, b in LINKS:
        (x0, y0), (x1, y1) = NODES[a][0], NODES[b][0]
        steps = max(abs(x1 - x0), abs(y1 - y0))
        for i in range(steps + 1):
            x, y = x0 + (x1 - x0) * i // steps, y0 + (y1 - y0) * i // steps
            for d in range(-2, 3):
                put(x, y + d, EDGE)
    for (cx, cy), r, color in NODES:
        for y in range(cy - r, cy + r + 1):
            half = int((r * r - (y - cy) ** 2) ** 0.5)
            for x in range(cx - half, cx + half + 1):
                put(x, y, color)
    raw = b''.join(b'\x00' + bytes(row) for row in rows)

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))

    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', W, H, 8, 2, 0, 0, 0)) +
            chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    site = sys.argv[1]
    with open(os.path.join(site, 'text.json'), encoding='utf-8') as f:
        steps = [s['id'] for s in json.load(f)['steps']]
    png = picture()
    for path in [os.path.join(site, 'preview.png')] + [os.path.join(site, 's', s, 'preview.png') for s in steps]:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(png)
    print(f'previews: the build could not render them, so every step uses one plain site image ({len(png)} bytes)',
          file=sys.stderr)


if __name__ == '__main__':
    main()
