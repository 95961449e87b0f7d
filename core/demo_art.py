"""Pictures the demo makes for itself with Pillow: no stock photos, no downloads.

Three motifs, all in the brand palette so the demo reads as designed:
- `crowd`: rows of people seen from behind, one highlighted and speaking up
  (the focal point, so every crop keeps them);
- `chamber`: the half-circle of seats of a UN council hall;
- `cover`: a report cover with its title set in large type.
Each returns the picture and its focal point (x, y, width, height) or None.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ACCENT = (200, 16, 46)
WHITE = (255, 255, 255)
FONT_PATHS = (
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
)


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom):
    width, height = size
    column = Image.new("RGB", (1, height))
    for y in range(height):
        column.putpixel((0, y), _mix(top, bottom, y / max(1, height - 1)))
    return column.resize(size)


def _font(size):
    for path in FONT_PATHS:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _person(draw, x, base, scale, colour):
    head = 26 * scale
    draw.ellipse(
        (x - head, base - 150 * scale, x + head, base - 98 * scale), fill=colour
    )
    draw.rounded_rectangle(
        (x - 62 * scale, base - 92 * scale, x + 62 * scale, base + 60 * scale),
        radius=int(48 * scale),
        fill=colour,
    )


def crowd(size, colour, seed):
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    width, height = size
    picture = _gradient(size, _mix(colour, WHITE, 0.25), _mix(colour, (0, 0, 0), 0.55))
    glow = Image.new("RGB", size, (0, 0, 0))
    ImageDraw.Draw(glow).ellipse(
        (width * 0.52, height * 0.02, width * 0.92, height * 0.72), fill=(255, 190, 120)
    )
    picture = Image.blend(
        picture, glow.filter(ImageFilter.GaussianBlur(width / 18)), 0.35
    )
    draw = ImageDraw.Draw(picture)
    hero_x, hero_base = width * 0.68, height * 0.86
    for row in range(5):
        scale = width / 2400 * (0.55 + row * 0.22)
        base = height * (0.58 + row * 0.11)
        shade = _mix(colour, (0, 0, 0), 0.25 + row * 0.14)
        x = rng.uniform(-60, 40) * scale
        while x < width + 100:
            if not (row == 3 and abs(x - hero_x) < 150 * scale):
                _person(draw, x, base, scale * rng.uniform(0.9, 1.08), shade)
            x += rng.uniform(120, 170) * scale
        if row == 3:
            hero_base, hero_scale = base, scale * 1.08
    _person(draw, hero_x, hero_base, hero_scale, ACCENT)
    # A raised arm and a speech bubble: the one who speaks up.
    s = hero_scale
    draw.line(
        (hero_x + 40 * s, hero_base - 70 * s, hero_x + 95 * s, hero_base - 230 * s),
        fill=ACCENT,
        width=int(34 * s),
    )
    bubble = (
        hero_x + 60 * s,
        hero_base - 420 * s,
        hero_x + 300 * s,
        hero_base - 270 * s,
    )
    draw.rounded_rectangle(bubble, radius=int(40 * s), fill=WHITE)
    draw.polygon(
        [
            (hero_x + 110 * s, hero_base - 275 * s),
            (hero_x + 160 * s, hero_base - 275 * s),
            (hero_x + 100 * s, hero_base - 230 * s),
        ],
        fill=WHITE,
    )
    for i in range(3):
        cx = bubble[0] + (60 + i * 60) * s
        cy = (bubble[1] + bubble[3]) / 2
        draw.ellipse((cx - 14 * s, cy - 14 * s, cx + 14 * s, cy + 14 * s), fill=ACCENT)
    focal = (
        int(hero_x - 160 * s),
        int(hero_base - 430 * s),
        int(480 * s),
        int(500 * s),
    )
    return picture, focal


def chamber(size, colour, seed):
    width, height = size
    picture = _gradient(
        size, _mix(colour, (0, 0, 0), 0.2), _mix(colour, (0, 0, 0), 0.7)
    )
    draw = ImageDraw.Draw(picture)
    cx, cy = width / 2, height * 1.02
    lit = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    for row in range(9):
        radius = height * (0.22 + row * 0.085)
        seats = 14 + row * 5
        for seat in range(seats + 1):
            t = 3.1416 * (0.06 + 0.88 * seat / seats)
            x = cx - radius * math.cos(t)
            y = cy - radius * math.sin(t)
            r = height * 0.012 + row * 0.6
            on = lit.random() < 0.12
            fill = ACCENT if on else _mix(colour, WHITE, 0.35 + row * 0.04)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)
    draw.rounded_rectangle(
        (cx - width * 0.07, height * 0.84, cx + width * 0.07, height),
        radius=12,
        fill=_mix(colour, WHITE, 0.6),
    )
    return picture, None


def cover(size, colour, seed, title=""):
    width, height = size
    picture = Image.new("RGB", size, _mix(colour, WHITE, 0.92))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 0, width, height * 0.62), fill=colour)
    draw.rectangle((0, height * 0.62, width * 0.35, height * 0.64), fill=ACCENT)
    rng = random.Random(seed)  # noqa: S311 - a drawing, not a secret
    for _ in range(18):
        r = rng.uniform(width * 0.02, width * 0.12)
        x, y = rng.uniform(width * 0.4, width * 1.1), rng.uniform(-r, height * 0.6)
        draw.ellipse(
            (x - r, y - r, x + r, y + r), outline=_mix(colour, WHITE, 0.3), width=3
        )
    font = _font(int(width * 0.075))
    words, lines, line = title.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) > width * 0.8 and line:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    y = height * 0.62 - (len(lines[:6]) + 1) * width * 0.09
    for text in lines[:6]:
        draw.text((width * 0.08, y), text, font=font, fill=WHITE)
        y += width * 0.09
    return picture, None


MOTIFS = {"crowd": crowd, "chamber": chamber, "cover": cover}
