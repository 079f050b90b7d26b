"""Attests: what the PDF a learner receives for a completed course says, its email, and
verifying it. Issuing it (the writes) is services/attests.py.

Hours of study: the attest states the course's nominal study time (the sum of its modules and
webinars, `CoursePage.total_duration_minutes`), not the time this learner's browser measured.
An attest is shown to employers and counted for training hours, so it must state the same for
everyone who completed the same course: measured time rewards a tab left open and penalises a
fast reader. Only when the nominal time is unknown (0) does the measured time stand in.
"""

import re
from datetime import timedelta

import qrcode
import qrcode.image.svg

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CoursePage
from elearning.core.sites import site_url

from .models import Enrolment

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
    """The absolute address where anyone can check this attest, in the attest's language: at
    SITE_URL, never the host of the request that completed the course (the PDF keeps it)."""
    with translation.override(attest.language):
        path = reverse("learners:attest_verify_code", kwargs={"code": attest.code})
    return site_url(path)


def attest_course_page(course_key, language):
    """The course in the learner's language, else in the default language, else any copy."""
    candidates = list(
        CoursePage.objects.filter(translation_key=course_key).select_related("locale")
    )
    for wanted in (language, settings.LANGUAGE_CODE):
        for page in candidates:
            if page.locale.language_code == wanted and page.live:
                return page
    return next((page for page in candidates if page.live), candidates[0] if candidates else None)


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


def attest_email_message(*, attest):
    """The email that brings the attest: neutral subject (read over shoulders), PDF attached."""
    with translation.override(attest.language):
        context = {
            "attest": attest,
            "study_time": attest_study_time_display(attest.study_minutes),
            "completed_on": formats.date_format(attest.completed_on, "DATE_FORMAT"),
            "verify_url": attest_verify_url(attest=attest),
            "dashboard_url": site_url(reverse("learners:dashboard")),
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
