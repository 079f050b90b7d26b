"""The podcast show's artwork, as podcast directories accept it.

Apple Podcasts (and the directories that copy its rules) list a show only with a square cover of
1400 to 3000 pixels, JPEG or PNG. The format is read from the file's own bytes, not its name: a
GIF renamed .png is still a GIF, and directories refuse it.
"""

from PIL import Image, UnidentifiedImageError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ARTWORK_MIN_PIXELS = 1400
ARTWORK_MAX_PIXELS = 3000
ARTWORK_FORMATS = {"JPEG", "PNG"}
ARTWORK_MISSING = gettext_lazy(
    "Choose the show's artwork before publishing: podcast apps do not list a podcast without "
    "a cover. A draft can be saved without it."
)


def artwork_check(*, image):
    """Raise ValidationError, saying what is wrong, unless `image` (a CustomImage) is a square
    JPEG or PNG of 1400 to 3000 pixels."""
    image_format, (width, height) = _format_and_size(image)
    if image_format not in ARTWORK_FORMATS:
        raise ValidationError(
            _("The artwork is a %(format)s file; podcast apps need a JPEG or PNG image."),
            code="artwork_format",
            params={"format": image_format},
        )
    if not artwork_size_accepted(width=width, height=height):
        raise ValidationError(
            _(
                "The artwork is %(width)d × %(height)d pixels; podcast apps need a square image "
                "of 1400 to 3000 pixels."
            ),
            code="artwork_size",
            params={"width": width, "height": height},
        )


def artwork_size_accepted(*, width, height):
    return width == height and ARTWORK_MIN_PIXELS <= width <= ARTWORK_MAX_PIXELS


def _format_and_size(image):
    unreadable = ValidationError(
        _("The artwork cannot be read as an image; upload it again as a JPEG or PNG file."),
        code="artwork_unreadable",
    )
    try:
        with image.open_file() as stream, Image.open(stream) as picture:  # the header only
            return picture.format or "?", picture.size
    except (OSError, UnidentifiedImageError, Image.DecompressionBombError):
        # SourceImageIOError (missing file) is an OSError too.
        raise unreadable from None
