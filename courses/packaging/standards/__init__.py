"""The course for other learning platforms: SCORM 1.2 packages and thin Common Cartridges.

Municipalities and training centres run their own platforms (Moodle, Canvas, Brightspace, ...);
these exports let them offer a course there, in one of its languages, without our site.
`scorm_write` and `cartridge_write` write a zip to an open binary file; pages.py renders the
parts both standards share.
"""

from .cartridge import cartridge_write
from .pages import PackageRefused
from .scorm import scorm_write

__all__ = ["PackageRefused", "cartridge_write", "scorm_write"]
