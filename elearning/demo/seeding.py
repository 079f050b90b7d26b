"""The whole demo, in the order its parts need each other: the library first (built from the
sources into course packages and imported, build.py and library.py), then the site's
information pages and identity, the accounts, the intervision sessions on the courses, the
reports' learners and evaluations, and the search's synonyms. Each part is idempotent, so
seeding again changes nothing."""

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.site_pages import site_pages_seed
from elearning.accounts.demo import DEMO_TRAINER_EMAIL, demo_accounts_seed
from elearning.intervision.demo import demo_sessions_seed
from elearning.reports.demo import demo_reports_seed
from search.demo import demo_synonyms_seed

from .build import demo_build
from .identity import demo_identity_seed
from .library import demo_library_seed
from .passwords import DemoPasswords


def demo_seed(log=None):
    """Create whatever part of the demo is missing; returns the demo accounts as
    (email, password, created)."""
    log = log or (lambda message: None)
    build = demo_build(log=log)  # outside the transaction: files only, reused when unchanged
    passwords = DemoPasswords()
    with transaction.atomic():
        demo_library_seed(build, log=log)
        site_pages_seed()  # contact, privacy, accessibility and cookie pages under the home pages
        demo_identity_seed()  # the organisation and logo on the header and certificates
        accounts = demo_accounts_seed(password_for=passwords)
        demo_sessions_seed(facilitator_email=DEMO_TRAINER_EMAIL)
        accounts.append(demo_reports_seed(trainer_email=DEMO_TRAINER_EMAIL, password_for=passwords))
        demo_synonyms_seed()  # what professionals type for the library's subjects (search/demo.py)
        _passwords_renew(accounts, passwords)
    passwords.save()
    return accounts


def _passwords_renew(accounts, passwords):
    """An account seeded before whose password was lost (the file deleted) gets the new one."""
    for email, password, created in accounts:
        if email in passwords.made and not created:
            user = get_user_model().objects.get(email=email)
            user.set_password(password)
            user.save(update_fields=["password"])
