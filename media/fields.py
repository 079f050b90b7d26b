"""Form fields of the media app."""

import warnings

from PIL import Image

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField


class ImageUploadField(WagtailImageField):
    """Wagtail's image upload field, counting the pixels from the header before any decoding.

    Wagtail checks WAGTAILIMAGES_MAX_IMAGE_PIXELS through Willow, which decodes the whole image
    first: a small file declaring huge dimensions (a decompression bomb) made Pillow raise
    DecompressionBombError, or took the memory of the web process, and a file whose pixels do
    not decode raised OSError. Both were server errors; here they are form errors.
    """

    def to_python(self, data):
        if data not in self.empty_values and self.max_image_pixels is not None:
            self._pixels_check(data)
        try:
            return super().to_python(data)
        except (OSError, Image.DecompressionBombError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def _pixels_check(self, upload):
        too_many = ValidationError(
            _("This image has too many pixels: at most %(million)s million are allowed.")
            % {"million": f"{self.max_image_pixels / 1_000_000:g}"},
            code="file_too_many_pixels",
        )
        try:
            with warnings.catch_warnings():
                # Pillow warns past its own limit; ours is the one that counts.
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(upload) as image:  # reads the header only
                    width, height = image.size
        except Image.DecompressionBombError:  # past twice Pillow's limit, far past ours
            raise too_many from None
        except OSError:  # not an image Pillow knows: Wagtail's own checks say so
            return
        finally:
            upload.seek(0)
        if width * height > self.max_image_pixels:
            raise too_many
