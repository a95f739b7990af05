#!/usr/bin/env python3
"""Draws the four tab bar icons (81x81 PNG, normal grey and selected orange) with only the
standard library: shapes as distance tests, 4x4 supersampling for smooth edges, zlib for PNG."""
import math, os, struct, zlib

SIZE, SS = 81, 4
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'assets', 'tabbar')
COLORS = {'': (0x5c, 0x63, 0x70), '-active': (0xc2, 0x41, 0x0c)}  # match app.config tabBar colors
W = 6.0  # stroke width in px

def seg(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def lines(points, closed=False):
    pairs = list(zip(points, points[1:] + (points[:1] if closed else [])))
    return lambda x, y: min(seg(x, y, a[0], a[1], b[0], b[1]) for a, b in pairs) <= W / 2

def ring(cx, cy, r):
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - r) <= W / 2

def disc(cx, cy, r):
    return lambda x, y: math.hypot(x - cx, y - cy) <= r

def rrect(x0, y0, x1, y1, r):
    """Outline of a rounded rectangle."""
    def inside(x, y):
        qx = max(abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r), 0)
        qy = max(abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r), 0)
        d = math.hypot(qx, qy) - r + min(max(abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r), abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r)), 0)
        return abs(d) <= W / 2
    return inside

def arc(cx, cy, r, a0, a1):
    def inside(x, y):
        a = math.degrees(math.atan2(y - cy, x - cx)) % 360
        return a0 <= a <= a1 and abs(math.hypot(x - cx, y - cy) - r) <= W / 2
    return inside

ICONS = {
    'home': [lines([(12, 38), (40.5, 13), (69, 38)]), lines([(20, 33), (20, 68), (61, 68), (61, 33)]),
             lines([(34, 68), (34, 50), (47, 50), (47, 68)])],
    'services': [rrect(13, 13, 37, 37, 5), rrect(44, 13, 68, 37, 5), rrect(13, 44, 37, 68, 5), rrect(44, 44, 68, 68, 5)],
    'council': [rrect(10, 14, 60, 50, 9), lines([(22, 50), (18, 64), (36, 50)]), disc(24, 32, 3.5), disc(35, 32, 3.5), disc(46, 32, 3.5),
                lines([(66, 26), (71, 26), (71, 58), (64, 58), (64, 68), (55, 58), (44, 58)])],
    'me': [ring(40.5, 26, 13), arc(40.5, 70, 25, 180, 360), lines([(15.5, 70), (65.5, 70)])],
}

def png(pixels):
    raw = b''.join(b'\x00' + bytes(row) for row in pixels)
    chunk = lambda tag, data: struct.pack('>I', len(data)) + tag + data + struct.pack('>I', zlib.crc32(tag + data) & 0xffffffff)
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))

for name, shapes in ICONS.items():
    cover = [[0] * SIZE for _ in range(SIZE)]
    for y in range(SIZE):
        for x in range(SIZE):
            hits = sum(1 for sy in range(SS) for sx in range(SS)
                       if any(s(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS) for s in shapes))
            cover[y][x] = round(255 * hits / (SS * SS))
    for suffix, (r, g, b) in COLORS.items():
        rows = [[v for a in row for v in (r, g, b, a)] for row in cover]
        path = os.path.join(OUT, f'{name}{suffix}.png')
        with open(path, 'wb') as f:
            f.write(png(rows))
        print(path, os.path.getsize(path), 'bytes')
