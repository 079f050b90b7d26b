"""Course completion has the attest issued by Celery: a real worker in the integration run.

A file of its own because the test is transactional (the worker sees only committed rows): with
`--dist loadfile` a file runs as a whole, so a transactional test among ordinary ones would run
early, and its flush would wipe what the migrations put in (Wagtail's root page, the default
locale) for the files the same process runs after it.
"""

import threading

import pytest
from celery.signals import task_prerun

from django.core import mail
from django.core.files.storage import default_storage
from django.db import transaction

from elearning.learners import tasks
from elearning.learners.models import Attest
from elearning.learners.services import course_completion_refresh
from tests.factories import ModuleProgressFactory
from tests.waiting import eventually

from .conftest import ATTEST_COMPLETED_AT, attest_enrolment

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_data_back_after_the_module"),
]


def wait_for_emailed_attest(enrolment, timeout):
    return eventually(
        lambda: Attest.objects.filter(enrolment=enrolment, emailed_at__isnull=False).first(),
        timeout=timeout,
        message="no attest was issued",
    )


@pytest.fixture
def task_threads():
    """The threads the attest task ran in, recorded as it starts."""
    threads = []

    def record(sender=None, **kwargs):
        if sender.name == tasks.attest_issue.name:
            threads.append(threading.get_ident())

    task_prerun.connect(record, weak=False)
    yield threads
    task_prerun.disconnect(record)


def test_completing_a_course_has_the_worker_issue_the_attest(
    attest_course, learner, task_threads, celery_worker_real
):
    """Integration run: a real worker takes the task from Redis, in a thread of its own.
    SQLite run: the task runs eagerly, in this thread, once the transaction commits."""
    *first_modules, last = attest_course.modules
    enrolment = attest_enrolment(learner, attest_course, modules=first_modules)

    with transaction.atomic():
        ModuleProgressFactory(
            enrolment=enrolment,
            module_key=last.translation_key,
            completed=True,
            first_activity_at=ATTEST_COMPLETED_AT,
        )
        assert course_completion_refresh(enrolment=enrolment, now=ATTEST_COMPLETED_AT)
        assert not Attest.objects.exists()  # nothing is issued before the commit
    attest = wait_for_emailed_attest(enrolment, timeout=30)

    assert attest.pdf and default_storage.exists(attest.pdf.name)
    assert len(mail.outbox) == 1
    if celery_worker_real is None:
        assert task_threads == [threading.get_ident()]
    else:
        assert len(task_threads) == 1 and task_threads[0] != threading.get_ident()
