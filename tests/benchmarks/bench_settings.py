"""settings.production plus the one fix the benchmark needs while the project lacks it.

The harness uses this module only when production settings cannot find the site's own static
files (it checks with `findstatic`) and records that in the scenario's JSON; otherwise the
benchmark runs on settings.production itself.
"""

from settings.production import *  # noqa: F403
from settings.production import BASE_DIR

# elearning/static (site.css, site.js, favicon.svg) belongs to no installed app and is listed in
# no STATICFILES_DIRS, so collectstatic leaves it out and, with the manifest storage of
# production, every page that links the stylesheet fails with "Missing staticfiles manifest
# entry for 'elearning/css/site.css'".
STATICFILES_DIRS = [BASE_DIR / "elearning" / "static"]
