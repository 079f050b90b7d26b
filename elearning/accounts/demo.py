"""The demo accounts (part of `seed_demo`, elearning/demo/): created when missing, for a local demo
only."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import TRAINERS
from .services import roles_ensure

DEMO_TRAINER_EMAIL = "trainer@example.org"  # also facilitates the demo intervision sessions
DEMO_ACCOUNTS = [
    # (email, role): for a local demo only, with passwords made for each installation
    # (elearning/demo/passwords.py) and printed by `make run`. The admin is a superuser
    # (approves and publishes too); the trainer writes pages and submits them for moderation
    # (elearning/accounts/roles.py); the learner has no admin access.
    ("admin@example.org", "admin"),
    (DEMO_TRAINER_EMAIL, "trainer"),
    ("learner@example.org", "learner"),
]


def _account(email, password, role):
    """The demo user, created when missing; the trainer is (again) put in the Trainers group."""
    User = get_user_model()
    user = User.objects.filter(email=email).first()
    created = user is None
    if created:
        factory = User.objects.create_superuser if role == "admin" else User.objects.create_user
        user = factory(email=email, password=password)
    if role == "trainer":
        user.groups.add(Group.objects.get(name=TRAINERS))
    # Verified, so that the demo accounts sign in at once (the site asks others to confirm).
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return created


def demo_accounts_seed(*, password_for):
    """The demo accounts as (email, password, created), created when missing with the password
    `password_for(email)` gives."""
    roles_ensure()  # the group exists after migrate; this also covers an admin who deleted it
    return [
        (email, password_for(email), _account(email, password_for(email), role))
        for email, role in DEMO_ACCOUNTS
    ]
