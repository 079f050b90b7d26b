"""Issuing an attest: the row, then the PDF, then the email, each step once.

A step already done is skipped, so a retry after a failure (the mail server was down) picks up
where the last attempt stopped: one row, one file, one email. What the attest says and how it
looks is ../attests.py; the task that runs this is tasks.attest_issue.
"""

import math
import secrets

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from elearning.accounts.adapter import offered_language
from elearning.core.retries import mail_send

from ..attests import (
    attest_course_page,
    attest_email_message,
    attest_module_titles,
    attest_name_fields,
    attest_pdf_render,
)
from ..models import Attest, Enrolment, ModuleProgress


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
        course = attest_course_page(enrolment.course_key, language)
        if course is None:
            return None
        learner_name = user.get_full_name() or user.email
        return Attest.objects.create(
            enrolment=enrolment,
            user=user,
            learner_name=learner_name,
            **attest_name_fields(learner_name),
            course_title=course.title,
            module_titles=attest_module_titles(enrolment=enrolment, course=course),
            study_minutes=course.total_duration_minutes or _measured_minutes(enrolment),
            completed_on=timezone.localdate(enrolment.completed_at),
            language=language,
        )


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


def _attest_email_send(attest_id):
    """Send the email, unless an earlier attempt did; the row lock keeps it to one sender."""
    with transaction.atomic():
        attest = (
            Attest.objects.select_for_update(of=("self",)).select_related("user").get(pk=attest_id)
        )
        if attest.emailed_at is not None:
            return attest
        mail_send(attest_email_message(attest=attest))
        attest.emailed_at = timezone.now()
        attest.save(update_fields=["emailed_at"])
        return attest


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
