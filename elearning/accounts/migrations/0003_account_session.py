import django.db.models.deletion
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.db import migrations, models
from django.utils import timezone

BATCH = 1000


def _user_id(data):
    try:
        return int(data.get("_auth_user_id"))
    except (TypeError, ValueError):
        return None


def _keep(AccountSession, User, batch):
    """Sessions of no account, or of one that still exists (an erased one's are dropped)."""
    named = {session.user_id for session in batch} - {None}
    existing = set(User.objects.filter(pk__in=named).values_list("pk", flat=True))
    kept = [session for session in batch if session.user_id is None or session.user_id in existing]
    AccountSession.objects.bulk_create(kept)


def sessions_carry_over(apps, schema_editor):
    """Move the live sessions out of Django's table, each naming its account (read once here;
    Django's store class only decodes, with the salt our engine shares): nobody is signed out."""
    DjangoSession = apps.get_model("sessions", "Session")
    AccountSession = apps.get_model("accounts", "AccountSession")
    User = apps.get_model("accounts", "User")
    decoder = DjangoSessionStore()
    batch = []
    live = DjangoSession.objects.filter(expire_date__gt=timezone.now()).order_by("pk")
    for old in live.iterator(chunk_size=BATCH):
        user_id = _user_id(decoder.decode(old.session_data))
        batch.append(
            AccountSession(
                session_key=old.session_key,
                session_data=old.session_data,
                expire_date=old.expire_date,
                user_id=user_id,
            )
        )
        if len(batch) == BATCH:
            _keep(AccountSession, User, batch)
            batch = []
    _keep(AccountSession, User, batch)
    DjangoSession.objects.all().delete()


def sessions_carry_back(apps, schema_editor):
    DjangoSession = apps.get_model("sessions", "Session")
    AccountSession = apps.get_model("accounts", "AccountSession")
    sessions = AccountSession.objects.order_by("pk")
    DjangoSession.objects.bulk_create(
        (
            DjangoSession(
                session_key=session.session_key,
                session_data=session.session_data,
                expire_date=session.expire_date,
            )
            for session in sessions.iterator(chunk_size=BATCH)
        ),
        batch_size=BATCH,
    )
    sessions.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_trainers_edit_only_their_own"),
        ("sessions", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="AccountSession",
            fields=[
                (
                    "session_key",
                    models.CharField(
                        max_length=40, primary_key=True, serialize=False, verbose_name="session key"
                    ),
                ),
                ("session_data", models.TextField(verbose_name="session data")),
                ("expire_date", models.DateTimeField(db_index=True, verbose_name="expire date")),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="user",
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "db_table": "accounts_session",
                "abstract": False,
            },
        ),
        migrations.RunPython(sessions_carry_over, sessions_carry_back),
    ]
