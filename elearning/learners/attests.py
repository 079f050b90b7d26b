"""Attests: issuing the PDF a learner receives for a completed course, and verifying it.

Issuing is a chain of steps that each run once: the row, then the PDF, then the email. A step
already done is skipped, so a retry after a failure (the mail server was down) picks up where
the last attempt stopped: one row, one file, one email.

Hours of study: the attest states the course's nominal study time (the sum of its modules and
webinars, `CoursePage.total_duration_minutes`), not the time this learner's browser measured.
An attest is shown to employers and counted for training hours, so it must state the same for
everyone who completed the same course: measured time rewards a tab left open and penalises a
fast reader. Only when the nominal time is unknown (0) does the measured time stand in.
"""

import math
import re
import secrets
from datetime import timedelta

import qrcode
import qrcode.image.svg

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q, Sum
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CoursePage
from elearning.accounts.adapter import offered_language
from elearning.core.sites import site_root_url

from .models import Attest, Enrolment, ModuleProgress

CODE_PATTERN = re.compile(r"[A-Z0-9]{12}")
# The sweep (tasks.attest_sweep) picks up attests still missing this long after completion...
ATTEST_SWEEP_AFTER = timedelta(minutes=15)
# ...for this long.
ATTEST_SWEEP_UNTIL = timedelta(days=7)


def attest_code_normalise(raw):
    """A code as people type or read it (lower case, grouped with spaces or dashes): 12 chars."""
    return re.sub(r"[\s\u2010-\u2015-]", "", raw or "").upper()


def attest_code_looks_valid(code):
    """Whether a normalised code can be an attest code at all (checked before any query)."""
    return CODE_PATTERN.fullmatch(code) is not None


def attest_study_time_display(minutes):
    """Study time as a person says it, in the active language: "1 hour 30 minutes"."""
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours})
    if rest or not hours:
        parts.append(ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest})
    return " ".join(parts)


def attest_verify_url(*, attest):
    """The absolute address where anyone can check this attest, in the attest's language."""
    with translation.override(attest.language):
        path = reverse("learners:attest_verify_code", kwargs={"code": attest.code})
    return site_root_url() + path


def _course_page(course_key, language):
    """The course in the learner's language, else in the default language, else any copy."""
    candidates = list(
        CoursePage.objects.filter(translation_key=course_key).select_related("locale")
    )
    for wanted in (language, settings.LANGUAGE_CODE):
        for page in candidates:
            if page.locale.language_code == wanted and page.live:
                return page
    return next((page for page in candidates if page.live), candidates[0] if candidates else None)


def _measured_minutes(enrolment):
    seconds = ModuleProgress.objects.filter(
        enrolment=enrolment, user_id=enrolment.user_id
    ).aggregate(total=Sum("seconds_spent"))["total"]
    return math.ceil((seconds or 0) / 60)


def _attest_get_or_create(enrolment_id):
    """The enrolment's attest, created with what is true today; None if there is nothing to issue.

    Nothing is issued for an enrolment that is gone, not completed, anonymised (the learner
    erased their account meanwhile), or whose course no longer exists in any language.
    """
    with transaction.atomic():
        enrolment = (
            Enrolment.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=enrolment_id)
            .first()
        )
        if enrolment is None or enrolment.completed_at is None or enrolment.user is None:
            return None
        attest = Attest.objects.filter(enrolment=enrolment).first()
        if attest is not None:
            return attest
        user = enrolment.user
        language = offered_language(user.preferred_language)
        course = _course_page(enrolment.course_key, language)
        if course is None:
            return None
        return Attest.objects.create(
            enrolment=enrolment,
            user=user,
            learner_name=user.get_full_name() or user.email,
            course_title=course.title,
            study_minutes=course.total_duration_minutes or _measured_minutes(enrolment),
            completed_on=timezone.localdate(enrolment.completed_at),
            language=language,
        )


def _qr_code_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return image.to_string(encoding="unicode")


def attest_pdf_render(*, attest):
    """The attest as PDF bytes, in the attest's language, with real (selectable) text.

    Rendered without network or file access: everything the PDF shows (styles, QR code as SVG)
    is inline in the HTML, and the fetcher refuses any URL, so a course title or name can never
    make the renderer fetch something.
    """
    # Imported here: WeasyPrint loads Pango and takes a second; only the worker renders.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    verify_url = attest_verify_url(attest=attest)
    with translation.override(attest.language):
        html = render_to_string(
            "learners/attest_pdf.html",
            {
                "attest": attest,
                "study_time": attest_study_time_display(attest.study_minutes),
                "verify_url": verify_url,
                "qr_svg": _qr_code_svg(verify_url),
            },
        )
    document = HTML(string=html, base_url=None, url_fetcher=URLFetcher(allowed_protocols=()))
    return document.write_pdf(pdf_tags=True)


def _attest_pdf_store(attest_id):
    """Render and store the PDF, unless an earlier attempt did. The row lock keeps it to one."""
    with transaction.atomic():
        attest = Attest.objects.select_for_update().get(pk=attest_id)
        if attest.pdf:
            return attest
        content = ContentFile(attest_pdf_render(attest=attest))
        # A random name: the file must not be found by guessing (the code is printed on it).
        attest.pdf.save(f"{secrets.token_urlsafe(16)}.pdf", content, save=False)
        try:
            attest.save(update_fields=["pdf"])
        except Exception:
            attest.pdf.storage.delete(attest.pdf.name)
            raise
        return attest


def attest_email_message(*, attest):
    """The email that brings the attest: neutral subject (read over shoulders), PDF attached."""
    with translation.override(attest.language):
        context = {
            "attest": attest,
            "study_time": attest_study_time_display(attest.study_minutes),
            "completed_on": formats.date_format(attest.completed_on, "DATE_FORMAT"),
            "verify_url": attest_verify_url(attest=attest),
            "dashboard_url": site_root_url() + reverse("learners:dashboard"),
        }
        message = EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Your attest"),
            body=render_to_string("learners/attest_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[attest.user.email],
        )
    with attest.pdf.open("rb") as pdf:
        message.attach(attest_download_filename(attest=attest), pdf.read(), "application/pdf")
    return message


def attest_download_filename(*, attest):
    """A neutral file name: a downloads folder or an attachment list is seen by others too."""
    return f"attest-{attest.code}.pdf"


def _attest_email_send(attest_id):
    """Send the email, unless an earlier attempt did; the row lock keeps it to one sender."""
    with transaction.atomic():
        attest = (
            Attest.objects.select_for_update(of=("self",)).select_related("user").get(pk=attest_id)
        )
        if attest.emailed_at is not None:
            return attest
        attest_email_message(attest=attest).send()
        attest.emailed_at = timezone.now()
        attest.save(update_fields=["emailed_at"])
        return attest


def attests_pending(*, limit=200):
    """Enrolments completed a while ago whose attest is not fully issued (row, PDF and email).

    The task enqueued at completion normally issues the attest within a minute; these are the
    ones it could not (the broker was down at that moment, or every retry failed). A week on,
    the sweep stops trying: the learner still sees "being prepared" and support can look.
    """
    now = timezone.now()
    return list(
        Enrolment.objects.filter(
            completed_at__lte=now - ATTEST_SWEEP_AFTER,
            completed_at__gte=now - ATTEST_SWEEP_UNTIL,
            user__isnull=False,
        )
        .filter(Q(attest__isnull=True) | Q(attest__pdf="") | Q(attest__emailed_at__isnull=True))
        .order_by("completed_at")
        .values_list("pk", flat=True)[:limit]
    )


def attest_issue(*, enrolment_id):
    """Issue the attest of a completed enrolment: the row, the PDF, the email, each once.

    Idempotent and resumable (see the module docstring). Returns the attest, or None when there
    is nothing to issue.
    """
    attest = _attest_get_or_create(enrolment_id)
    if attest is None or (attest.pdf and attest.emailed_at):
        return attest
    _attest_pdf_store(attest.pk)
    return _attest_email_send(attest.pk)
