"""Colour contrast as WCAG 2.1 defines it (success criterion 1.4.3, "contrast (minimum)").

The accent colour of an installation is used for text on white (links) and under white text
(buttons, the header bar), so both need the ratio normal text needs: 4.5 to 1.
"""

import re

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
WHITE = "#ffffff"
TEXT_CONTRAST_MINIMUM = 4.5


def _channel_linear(value):
    """One sRGB channel (0-255) as linear light (WCAG's definition of relative luminance)."""
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour):
    """0 for black to 1 for white, of a "#RRGGBB" colour."""
    red, green, blue = (int(hex_colour[index : index + 2], 16) for index in (1, 3, 5))
    return (
        0.2126 * _channel_linear(red)
        + 0.7152 * _channel_linear(green)
        + 0.0722 * _channel_linear(blue)
    )


def contrast_ratio(first, second):
    """From 1 (no contrast) to 21 (black on white), whichever colour is lighter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
