"""Passwords of the demo accounts: made for each installation, never written in the code.

They are kept in a file only the installation's user may read (DEMO_PASSWORDS_FILE, in var/),
so that `make run` can print them again at every start; deleting the file gives new ones to
the accounts seeded next.
"""

import json
import os
import secrets
from pathlib import Path

from django.conf import settings


def passwords_file():
    return Path(
        getattr(settings, "DEMO_PASSWORDS_FILE", settings.BASE_DIR / "var" / "demo-passwords.json")
    )


class DemoPasswords:
    """password_for(email): the installation's password for a demo account, made when new."""

    def __init__(self, path=None):
        self.path = path or passwords_file()
        self.known = self._read()
        self.made = set()

    def _read(self):
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def __call__(self, email):
        if email not in self.known:
            self.known[email] = secrets.token_urlsafe(12)
            self.made.add(email)
        return self.known[email]

    def save(self):
        if not self.made:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(self.known, stream, indent=2)
