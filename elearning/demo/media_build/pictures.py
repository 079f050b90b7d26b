"""The demo's pictures, drawn with Pillow: the slides of a recording, a podcast's square artwork
and a course's card image. Calm colours, large type with WCAG contrast of at least 4.5:1, and no
people or anything distressing: the courses are about domestic violence, their pictures are not.
The same input always gives the same picture."""

import hashlib
import random

from PIL import Image, ImageDraw

from .lettering import block_height, font_load, lines_draw, text_fit
from .programs import text_clean

SLIDE_SIZE = (1280, 720)
PAPER = "#f6f4ef"
INK = "#1b1b1b"
BAND = "#1e5e5a"
ON_BAND = "#ffffff"
ON_BAND_QUIET = "#e3eeec"
HILLS = ("#2b6f69", "#367c75")
SLIDE_TEXT_SIZES = (72, 64, 56, 48, 40, 34)

# Per theme: a pale ground and three calm shape colours; no reds.
CARD_PALETTES = (
    ("#e8efe9", ("#9cbfa7", "#5f8f78", "#cfe0d3")),
    ("#e6eef5", ("#9dbad6", "#4f7ca8", "#c9dbec")),
    ("#f4ede3", ("#d9bf9a", "#a9825a", "#eadcc6")),
    ("#eeeaf4", ("#b7a9d4", "#7a68a6", "#d9d0ea")),
    ("#e3f0ef", ("#8cc3bf", "#2f7f79", "#c4e1de")),
    ("#f2efe6", ("#c9c08f", "#8a8a5c", "#e2dcc0")),
)
CARD_SUPERSAMPLING = 2
CARD_SHAPES = 7


def slide_draw(text, *, number, count):
    """A 1280x720 slide: the text large on paper under a teal band holding "number / count"."""
    text = text_clean(text)
    image = Image.new("RGB", SLIDE_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width, height = SLIDE_SIZE
    draw.rectangle((0, 0, width, 96), fill=BAND)
    counter_font = font_load(30, bold=False)
    counter = f"{number} / {count}"
    draw.text(
        (width - 72 - counter_font.getlength(counter), 30), counter, font=counter_font, fill=ON_BAND
    )
    font, lines = text_fit(text, box=(width - 2 * 112, 480), sizes=SLIDE_TEXT_SIZES)
    top = 96 + (height - 96 - block_height(lines, font)) // 2
    draw.rectangle((72, top, 84, top + block_height(lines, font)), fill=BAND)
    lines_draw(draw, lines, font=font, origin=(112, top), fill=INK)
    return image


def artwork_draw(*, title, subtitle, size):
    """A square podcast cover: title and subtitle in white on teal, quiet hills at the foot."""
    title, subtitle = text_clean(title), text_clean(subtitle)
    image = Image.new("RGB", (size, size), BAND)
    draw = ImageDraw.Draw(image)
    for (x, y, radius), colour in zip(((0.22, 1.18, 0.45), (0.82, 1.22, 0.55)), HILLS, strict=True):
        draw.ellipse(_circle(x * size, y * size, radius * size), fill=colour)
    margin = round(size * 0.09)
    title_sizes = [round(size * share) for share in (0.095, 0.085, 0.075, 0.065, 0.055)]
    font, lines = text_fit(title, box=(size - 2 * margin, round(size * 0.36)), sizes=title_sizes)
    below = lines_draw(draw, lines, font=font, origin=(margin, margin), fill=ON_BAND)
    sub_sizes = [round(size * share) for share in (0.045, 0.04, 0.035, 0.03)]
    font, lines = text_fit(
        subtitle, box=(size - 2 * margin, round(size * 0.2)), sizes=sub_sizes, bold=False
    )
    lines_draw(draw, lines, font=font, origin=(margin, below + margin // 2), fill=ON_BAND_QUIET)
    return image


def card_draw(*, title, theme, size):
    """An abstract card picture: the theme chooses the colours, theme and title the arrangement
    of soft overlapping circles and pebbles, so courses of one theme look related but not equal.
    It carries no text: the card shows the title beside it."""
    background, colours = CARD_PALETTES[_digest(theme)[0] % len(CARD_PALETTES)]
    chance = random.Random(int.from_bytes(_digest(f"{theme}\n{title}")[:8], "big"))
    width, height = (side * CARD_SUPERSAMPLING for side in size)
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image, "RGBA")  # blends each translucent shape over the ones below
    for index in range(CARD_SHAPES):
        colour = colours[index % len(colours)]
        # Each shape in its own slice of the width, so the picture is spread, not clustered.
        x = (index + chance.random()) / CARD_SHAPES * width
        _shape_draw(draw, chance, colour=colour, x=x, height=height)
    return image.resize(size, Image.Resampling.LANCZOS)


def _shape_draw(draw, chance, *, colour, x, height):
    fill = (*_rgb(colour), chance.randrange(150, 230))
    y = chance.uniform(0, height)
    radius = chance.uniform(0.12, 0.38) * height
    if chance.random() < 0.6:
        draw.ellipse(_circle(x, y, radius), fill=fill)
    else:
        box = (x - radius * 1.6, y - radius * 0.7, x + radius * 1.6, y + radius * 0.7)
        draw.rounded_rectangle(box, radius=radius * 0.7, fill=fill)


def _circle(x, y, radius):
    return (x - radius, y - radius, x + radius, y + radius)


def _digest(text):
    # Not Python's hash(): that changes between runs, the pictures must not.
    return hashlib.sha256(text.encode("utf-8")).digest()


def _rgb(colour):
    return tuple(int(colour[index : index + 2], 16) for index in (1, 3, 5))
