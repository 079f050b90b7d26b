"""Type and colour for the demo's pictures: DejaVu Sans when the system has it (Pillow's own
font otherwise), text wrapped to a width and shrunk until it fits, and the WCAG contrast ratio
that every text colour here is chosen to pass."""

from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

FONT_DIRECTORY = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {True: "DejaVuSans-Bold.ttf", False: "DejaVuSans.ttf"}
LINE_SPACING = 1.25


@lru_cache(maxsize=64)
def font_load(size, *, bold=True):
    """DejaVu Sans at `size` px, or Pillow's built-in font when DejaVu is not installed."""
    path = FONT_DIRECTORY / FONT_FILES[bold]
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def lines_wrap(text, *, font, width):
    """The words of the text in lines no wider than `width` px (a word wider than that keeps a
    line of its own)."""
    lines = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def text_fit(text, *, box, sizes, bold=True):
    """(font, lines) of the largest size of `sizes` at which the text fits the box (width,
    height); the smallest size when none does."""
    width, height = box
    for size in sizes:
        font = font_load(size, bold=bold)
        lines = lines_wrap(text, font=font, width=width)
        fits = all(font.getlength(line) <= width for line in lines)
        if fits and block_height(lines, font) <= height:
            return font, lines
    return font, lines


def lines_draw(draw, lines, *, font, origin, fill):
    """Draw the lines from the top-left origin; returns the y below the last line."""
    x, y = origin
    step = _line_step(font)
    for line in lines:
        draw.text((x, y), line, font=font, fill=fill)
        y += step
    return y


def block_height(lines, font):
    """The height in px of the lines drawn by lines_draw."""
    return _line_step(font) * len(lines)


def _line_step(font):
    # Pillow's bitmap fallback font (without FreeType) has no size; it is about 11 px high.
    return round(getattr(font, "size", 11) * LINE_SPACING)
