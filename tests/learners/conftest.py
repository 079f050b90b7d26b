"""A course built for progress rules: a video module, a knowledge-check module, a reading one."""

import uuid
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from django.core.cache import cache
from django.core.files.base import ContentFile

from elearning.learners import tasks
from media.models import MediaAsset
from tests.factories import (
    CoursePageFactory,
    EnrolmentFactory,
    LibraryPageFactory,
    ModulePageFactory,
    ModuleProgressFactory,
    UserFactory,
    knowledge_check_block,
    make_home,
    publish,
)

from .fake_lrs import FakeLearningRecordStore

VIDEO_SECONDS = 600


def video_block(asset):
    return {"type": "video", "id": str(uuid.uuid4()), "value": {"video": asset.pk, "caption": ""}}


@pytest.fixture
def video(db):
    return MediaAsset.objects.create(
        title="Signalen herkennen",
        file=ContentFile(b"not really a video", name="signalen.webm"),
        type="video",
        duration=VIDEO_SECONDS,
    )


@pytest.fixture
def course_tree(db, video):
    """Course with three required modules, each with its own completion rule, and one optional."""
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Partnergeweld herkennen"))
    watch = publish(
        ModulePageFactory(
            parent=course,
            title="Kijken",
            body=[video_block(video)],
            completion_rule="watched",
            min_watched_percent=90,
        )
    )
    check = publish(
        ModulePageFactory(
            parent=course,
            title="Toetsen",
            body=[knowledge_check_block("Vraag 1"), knowledge_check_block("Vraag 2")],
            completion_rule="check_passed",
            min_score_percent=100,
        )
    )
    both = publish(
        ModulePageFactory(
            parent=course,
            title="Kijken en toetsen",
            body=[video_block(video), knowledge_check_block("Vraag 3")],
            completion_rule="watched_and_check",
            min_watched_percent=50,
            min_score_percent=100,
        )
    )
    extra = publish(
        ModulePageFactory(
            parent=course, title="Verdieping", completion_rule="viewed", required=False
        )
    )
    cache.clear()
    return {
        "course": course,
        "library": library,
        "watch": watch,
        "check": check,
        "both": both,
        "extra": extra,
        "video": video,
    }


@pytest.fixture
def other_learner(db):
    return UserFactory(email="collega@example.org")


# Attests (test_attests.py, test_attests_worker.py): a course whose modules only ask to be read,
# so a learner's record can be written straight into the database.
ATTEST_COMPLETED_AT = datetime(2025, 3, 5, 14, 30, tzinfo=ZoneInfo("Europe/Brussels"))


@pytest.fixture
def attest_course(db):
    """A Dutch course of four modules: 75 minutes of study in all."""
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = publish(CoursePageFactory(parent=library, title="Kindermishandeling herkennen"))
    modules = [
        publish(
            ModulePageFactory(parent=course, duration_minutes=minutes, completion_rule="viewed")
        )
        for minutes in (20, 20, 20, 15)
    ]
    course.refresh_from_db()
    assert course.total_duration_minutes == 75
    cache.clear()
    return SimpleNamespace(page=course, modules=modules, home=home, library=library)


def attest_enrolment(user, course, *, modules=None):
    """The learner's record with `modules` (default: all) completed; the enrolment still open."""
    enrolment = EnrolmentFactory(
        user=user, course_key=course.page.translation_key, started_at=ATTEST_COMPLETED_AT
    )
    for module in course.modules if modules is None else modules:
        ModuleProgressFactory(
            enrolment=enrolment,
            module_key=module.translation_key,
            completed=True,
            first_activity_at=ATTEST_COMPLETED_AT,
            seconds_spent=600,
        )
    return enrolment


# --- xAPI: the fake store, sending in this thread, commits run at once -------------------------


@pytest.fixture
def fake_lrs():
    lrs = FakeLearningRecordStore().start()
    yield lrs
    lrs.stop()


@pytest.fixture
def lrs(fake_lrs, settings):
    """The fake store, and the platform set to send to it."""
    settings.XAPI_LRS_ENDPOINT = fake_lrs.endpoint
    settings.XAPI_LRS_USERNAME = "leerplatform"
    settings.XAPI_LRS_PASSWORD = "lrs-secret"
    return fake_lrs


@pytest.fixture
def sends(monkeypatch):
    """xapi_statement_send runs at once, in this thread, as the eager SQLite run does it; attests
    are left out (they have tests of their own and take a second to render)."""
    sent = []

    def send_now(statement_pk):
        sent.append(statement_pk)
        return tasks.xapi_statement_send.apply(args=[statement_pk])

    monkeypatch.setattr(tasks.xapi_statement_send, "delay", send_now)
    monkeypatch.setattr(tasks.attest_issue, "delay", lambda enrolment_id: None)
    return sent


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a block as if its transaction committed: the on-commit sends happen at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
