"""Attests: what the PDF a learner receives for a completed course says, its email, and
verifying it. Issuing it (the writes) is services/attests.py.

Hours of study: the attest states the course's nominal study time (the sum of its modules and
webinars, `CoursePage.total_duration_minutes`), not the time this learner's browser measured.
An attest is shown to employers and counted for training hours, so it must state the same for
everyone who completed the same course: measured time rewards a tab left open and penalises a
fast reader. Only when the nominal time is unknown (0) does the measured time stand in.
"""

import hashlib
import hmac
import re
import secrets
import unicodedata
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

from courses.models import CoursePage, ModulePage
from elearning.core.site_identity import site_identity_for_certificate
from elearning.core.sites import site_url

from .models import Enrolment, ModuleProgress

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


def attest_module_titles(*, enrolment, course):
    """Titles of the modules the learner completed, in the course's order and language (the
    course found for the learner's language); a module missing in it keeps another title."""
    completed = set(
        ModuleProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).values_list(
            "module_key", flat=True
        )
    )
    if not completed:
        return []
    pages = ModulePage.objects.filter(translation_key__in=completed).select_related("locale")
    in_course = [page for page in pages if page.path.startswith(course.path)]
    titles = [page.title for page in sorted(in_course, key=lambda page: page.path)]
    found = {page.translation_key for page in in_course}
    elsewhere = sorted(
        (page for page in pages if page.translation_key not in found),
        key=lambda page: (page.locale.language_code != settings.LANGUAGE_CODE, page.path),
    )
    for page in elsewhere:
        if page.translation_key not in found:
            found.add(page.translation_key)
            titles.append(page.title)
    return titles


# Names typed by a verifier are compared with the one on the attest after this normalisation:
# case, accents, and spaces (and the characters people use between name parts) do not count.
NAME_SEPARATORS = re.compile(r"[\s\u2010-\u2015'’.,-]+")
NAME_CHECK_MAX_LENGTH = 300
# scrypt's cost: about 50 ms and 16 MB per check, so a leaked table costs a guesser dearly.
NAME_HASH_COST = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}


def attest_name_normalise(name):
    """A name as compared: decomposed, without accents, case-folded, one space between parts."""
    decomposed = unicodedata.normalize("NFKD", name or "")
    letters = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(NAME_SEPARATORS.sub(" ", letters.casefold()).split())


def _name_secrets():
    # The current SECRET_KEY first; the fallbacks keep hashes made before a key rotation usable.
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def attest_name_hash(name, salt, *, secret=None):
    """The keyed, salted hash of a name (hex): scrypt over the normalised name, salted with the
    attest's own random salt and a server secret, so a copy of the table alone does not allow
    guessing names offline."""
    secret = settings.SECRET_KEY if secret is None else secret
    key = hmac.new(secret.encode(), b"learners.attest-name", hashlib.sha256).digest()
    return hashlib.scrypt(
        attest_name_normalise(name).encode(), salt=bytes.fromhex(salt) + key, **NAME_HASH_COST
    ).hex()


def attest_name_fields(name):
    """{name_salt, name_hash} for a new attest holder's name."""
    salt = secrets.token_hex(16)
    return {"name_salt": salt, "name_hash": attest_name_hash(name, salt)}


def attest_name_matches(*, attest, name):
    """Whether `name` is the holder's name, compared in constant time; False for an empty or
    overlong name, or an attest without a hash."""
    if not attest.name_hash or not attest_name_normalise(name):
        return False
    if len(name) > NAME_CHECK_MAX_LENGTH:
        return False
    return any(
        hmac.compare_digest(
            attest_name_hash(name, attest.name_salt, secret=secret), attest.name_hash
        )
        for secret in _name_secrets()
    )


def _qr_code_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    return image.to_string(encoding="unicode")


def attest_pdf_render(*, attest):
    """The attest as PDF bytes, in the attest's language, with real (selectable) text.

    Rendered without network or file access: everything the PDF shows (styles, QR code as SVG,
    the logo as a data: URI) is inline in the HTML, and the fetcher refuses any other URL, so a
    course title or name can never make the renderer fetch something.
    """
    # Imported here: WeasyPrint loads Pango and takes a second; only the worker renders.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    verify_url = attest_verify_url(attest=attest)
    identity, logo_data_uri = site_identity_for_certificate()
    with translation.override(attest.language):
        html = render_to_string(
            "learners/attest_pdf.html",
            {
                "attest": attest,
                "site_name": (identity and identity.site_name(attest.language))
                or _("VIF learning library"),
                "organisation": identity.organisation if identity else "",
                "logo": logo_data_uri,
                "logo_alt": identity.logo.alt_text if logo_data_uri else "",
                "study_time": attest_study_time_display(attest.study_minutes),
                "verify_url": verify_url,
                "qr_svg": _qr_code_svg(verify_url),
            },
        )
    # data: URIs only (the logo, inlined above): they carry their content and fetch nothing.
    fetcher = URLFetcher(allowed_protocols=("data",))
    document = HTML(string=html, base_url=None, url_fetcher=fetcher)
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
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Your certificate"),
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
