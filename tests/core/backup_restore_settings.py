"""Settings of the installation restored from a backup in tests/core/test_backup_restore.py: the
test settings on the restored database (DATABASE_URL) and the restored upload folder
(DJANGO_MEDIA_ROOT, which the test settings otherwise replace by a throw-away folder)."""

import os
from pathlib import Path

from settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["DJANGO_MEDIA_ROOT"])
