"""Demo intervision sessions for `make run`: a series on site and an online session.

Dates are set relative to the day of seeding; seeding again leaves existing sessions alone.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage

from .models import IntervisionSession, Meeting, Mode

CONFIDENTIALITY = (
    "Wat in deze intervisie over cliënten en collega's gezegd wordt, blijft in de groep. "
    "Casussen worden zonder namen of herkenbare details besproken. De sessie wordt nooit "
    "opgenomen."
)
SESSIONS = [
    {
        "title": "Intervisie partnergeweld: casusbespreking",
        "course": "partnergeweld-herkennen-en-handelen",
        "description": "Drie bijeenkomsten in een vaste groep van hulpverlening, preventie en "
        "politie. U brengt een eigen casus mee.",
        "mode": Mode.ON_SITE,
        "address": "Stadhuis Gent, Botermarkt 1, 9000 Gent",
        "max_places": 12,
        "min_places": 6,
        "days": [21, 35, 49],
    },
    {
        "title": "Intervisie kindermishandeling (online)",
        "course": "kindermishandeling-signalen-en-stappen",
        "description": "Eén online sessie van twee uur rond signalen en eerste stappen.",
        "mode": Mode.ONLINE,
        "join_url": "https://meet.example.org/intervisie-demo",
        "max_places": 8,
        "min_places": 4,
        "days": [10],
    },
]


def _at(days, hour=13, minute=30):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _session(item, facilitator):
    first = _at(item["days"][0])
    course = CoursePage.objects.filter(slug=item["course"], locale__language_code="nl").first()
    session = IntervisionSession.objects.create(
        title=item["title"],
        description=item["description"],
        course=course,
        facilitator=facilitator,
        mode=item["mode"],
        address=item.get("address", ""),
        join_url=item.get("join_url", ""),
        min_places=item["min_places"],
        max_places=item["max_places"],
        signup_opens_at=timezone.now() - timedelta(days=1),
        signup_closes_at=first - timedelta(days=2),
        cancellation_cutoff_at=first - timedelta(days=3),
        confidentiality_text=CONFIDENTIALITY,
    )
    for days in item["days"]:
        starts = _at(days)
        Meeting.objects.create(
            session=session, starts_at=starts, ends_at=starts + timedelta(hours=2)
        )
    return session


def demo_sessions_seed(*, facilitator_email):
    """Create the demo sessions that are missing; returns how many were created."""
    facilitator = get_user_model().objects.filter(email=facilitator_email).first()
    created = 0
    for item in SESSIONS:
        if not IntervisionSession.objects.filter(title=item["title"]).exists():
            _session(item, facilitator)
            created += 1
    return created
