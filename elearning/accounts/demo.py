"""The demo accounts (part of `seed_demo`, elearning/demo/): created when missing, for a local demo
only."""

from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .roles import TRAINERS
from .services import roles_ensure

DEMO_TRAINER_EMAIL = "trainer@example.org"  # also facilitates the demo intervision sessions
DEMO_ACCOUNTS = [
    # (email, password, role): printed by `make run`; for a local demo only. The admin is a
    # superuser (approves and publishes too); the trainer writes pages and submits them for
    # moderation (elearning/accounts/roles.py); the learner has no admin access.
    ("admin@example.org", "demo-admin-VIF-2026", "admin"),
    (DEMO_TRAINER_EMAIL, "demo-trainer-VIF-2026", "trainer"),
    ("learner@example.org", "demo-learner-VIF-2026", "learner"),
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


def demo_accounts_seed():
    """The demo accounts as (email, password, created), created when missing."""
    roles_ensure()  # the group exists after migrate; this also covers an admin who deleted it
    return [
        (email, password, _account(email, password, role))
        for email, password, role in DEMO_ACCOUNTS
    ]
