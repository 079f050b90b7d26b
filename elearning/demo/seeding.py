"""The whole demo, in the order its parts need each other: the library first (courses), then the
site's information pages, the accounts, the intervision sessions on the courses, and the
reports' learners and evaluations. Each part is idempotent, so seeding again changes nothing."""

from django.db import transaction

from courses.demo import demo_library_seed
from courses.site_pages import site_pages_seed
from elearning.accounts.demo import DEMO_TRAINER_EMAIL, demo_accounts_seed
from elearning.intervision.demo import demo_sessions_seed
from elearning.reports.demo import demo_reports_seed


@transaction.atomic
def demo_seed():
    """Create whatever part of the demo is missing; returns the demo accounts as
    (email, password, created)."""
    demo_library_seed()
    site_pages_seed()  # contact, privacy, accessibility and cookie pages under the home pages
    accounts = demo_accounts_seed()
    demo_sessions_seed(facilitator_email=DEMO_TRAINER_EMAIL)
    accounts.append(demo_reports_seed(trainer_email=DEMO_TRAINER_EMAIL))
    return accounts
