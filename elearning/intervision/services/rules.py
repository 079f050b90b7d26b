"""Who may do what: the rules a sign-up is checked against before any place moves."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from elearning.accounts.roles import MODERATORS
from elearning.learners.models import ModuleProgress, ProgressStatus


class SignUpRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def session_manageable_by(session, user):
    """The facilitator of the session, editors (Moderators) and administrators."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or session.facilitator_id == user.pk:
        return True
    return user.groups.filter(name=MODERATORS).exists()


def signup_problem(*, session, user, now=None):
    """Why `user` cannot sign up for `session` now, in words for them; None if they can."""
    now = now or timezone.now()
    first_start = session.first_start
    if session.is_cancelled:
        return _("This session has been cancelled.")
    if first_start is None or first_start <= now:
        return _("This session has already started or taken place.")
    if now < session.signup_opens_at:
        opens = formats.date_format(timezone.localtime(session.signup_opens_at), "DATETIME_FORMAT")
        return _("Sign-up opens on %(date)s.") % {"date": opens}
    if now >= session.signup_closes_at:
        return _("Sign-up for this session has closed.")
    return eligibility_problem(session, user)


def eligibility_problem(session, user):
    municipalities = list(session.municipalities.all())
    if municipalities and user.municipality_id not in {m.pk for m in municipalities}:
        names = ", ".join(sorted(m.name for m in municipalities))
        return _("This session is for professionals of %(names)s.") % {"names": names}
    sectors = list(session.sectors.all())
    if sectors and user.sector_id not in {s.pk for s in sectors}:
        names = ", ".join(sorted(str(s) for s in sectors))
        return _("This session is for professionals in %(names)s.") % {"names": names}
    missing = prerequisites_missing(session=session, user=user)
    if missing:
        titles = ", ".join(module.title for module in missing)
        return _("Complete these modules first: %(titles)s.") % {"titles": titles}
    return None


def prerequisites_missing(*, session, user):
    """The prerequisite modules the person has not completed (in any language)."""
    modules = list(session.prerequisite_modules.all())
    if not modules:
        return []
    completed = set(
        ModuleProgress.objects.filter(
            user=user,
            status=ProgressStatus.COMPLETED,
            module_key__in=[module.translation_key for module in modules],
        ).values_list("module_key", flat=True)
    )
    return [module for module in modules if module.translation_key not in completed]
