#!/usr/bin/env python3
"""Draws the site's image for link previews (Open Graph, Twitter): overrides/assets/images/social.png.

One image for the whole site, made for it: the hub's name in English and Russian
and the region, on the site's indigo, with a network of linked points (the
partner countries and their exchange of practice). 1200 x 630 pixels, the size
link previews use. Its words come from data/ui.yml (social_image_*); the pages
describe it with social_image_alt.

The image is kept in the repository, not drawn at every build: drawing needs
the DejaVu fonts (Debian's fonts-dejavu-core), which a plain build does not.
Run it again after changing those words:

    .venv/bin/python scripts/social_image.py
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "overrides/assets/images/social.png"
SIZE = (1200, 630)
FONTS = Path("/usr/share/fonts/truetype/dejavu")
TOP, BOTTOM = (26, 35, 126), (63, 81, 181)  # Material's indigo 900 and 500
WHITE, SOFT = (255, 255, 255), (197, 202, 233)  # indigo 100


def _background() -> Image.Image:
    image = Image.new("RGB", SIZE)
    draw = ImageDraw.Draw(image)
    for y in range(SIZE[1]):
        t = y / (SIZE[1] - 1)
        draw.line([(0, y), (SIZE[0], y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM)))
    return image


def _network(image: Image.Image) -> None:
    """Linked points on the right: the same every time (a fixed seed), so the file only changes with its words."""
    layer = Image.new("RGBA", SIZE, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    rng = random.Random(13)
    points = [(880 + 95 * column + rng.randint(-30, 30), 80 + 100 * row + rng.randint(-30, 30))
              for row in range(5) for column in range(3)]
    for i, (x, y) in enumerate(points):
        near = sorted(points[:i] + points[i + 1:], key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)[:3]
        for other in near:
            draw.line([(x, y), other], fill=(255, 255, 255, 70), width=2)
    for x, y in points:
        draw.ellipse([x - 7, y - 7, x + 7, y + 7], fill=(255, 255, 255, 200))
    image.paste(layer, (0, 0), layer)


def draw(words: dict[str, dict[str, str]]) -> Image.Image:
    image = _background()
    _network(image)
    draw = ImageDraw.Draw(image)
    bold = ImageFont.truetype(str(FONTS / "DejaVuSans-Bold.ttf"), 64)
    regular = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 34)
    small = ImageFont.truetype(str(FONTS / "DejaVuSans.ttf"), 26)
    draw.rectangle([72, 120, 84, 470], fill=WHITE)
    y = 118
    for line in words["en"]["social_image_title"].split("\n"):
        draw.text((118, y), line, font=bold, fill=WHITE)
        y += 80
    y += 18
    for line in words["ru"]["social_image_title"].split("\n"):
        draw.text((118, y), line, font=regular, fill=SOFT)
        y += 46
    draw.text((118, 520), words["en"]["social_image_region"], font=small, fill=SOFT)
    draw.text((118, 556), words["ru"]["social_image_region"], font=small, fill=SOFT)
    return image.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def main() -> int:
    words = yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    draw(words).save(OUTPUT, optimize=True)
    print(f"{OUTPUT.relative_to(ROOT)}: {OUTPUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
