"""The smoke test's work inside Django, run in a subprocess with the servers' environment
(`python -m tests.benchmarks.inproc tests.prod_smoke.django_side:<function> JSON`), so the
runner itself never imports Django and sees the site only through nginx."""

import secrets
import time

from django.db import transaction

from wagtail.models import Locale

COURSE_SLUG = "partnergeweld-herkennen"
EDITOR_EMAIL = "redacteur@example.org"


def seed():
    """A Dutch home, library and course translated to French and English (as the demo has
    them), and a verified editor who signs in with the returned password."""
    from allauth.account.models import EmailAddress

    from wagtail.models import Collection

    from elearning.accounts.models import User
    from tests.factories import (
        TRANSLATED_SUMMARY,
        CoursePageFactory,
        LibraryPageFactory,
        make_home,
        publish,
        translate,
    )

    password = secrets.token_urlsafe(18)
    with transaction.atomic():
        for code in ("fr", "en"):
            Locale.objects.get_or_create(language_code=code)
        home = make_home()
        library = publish(LibraryPageFactory(parent=home))
        course = publish(
            CoursePageFactory(parent=library, title="Partnergeweld herkennen", slug=COURSE_SLUG)
        )
        pages = {"nl": {"home": home.get_url(), "course": course.get_url()}}
        for code in ("fr", "en"):
            home_copy = translate(home, code)
            translate(library, code)
            course_copy = translate(course, code, summary=TRANSLATED_SUMMARY[code])
            pages[code] = {"home": home_copy.get_url(), "course": course_copy.get_url()}
        editor = User.objects.create_superuser(email=EDITOR_EMAIL, password=password)
        EmailAddress.objects.create(user=editor, email=EDITOR_EMAIL, verified=True, primary=True)
    collection = Collection.get_first_root_node()
    return {
        "pages": pages,
        "email": EDITOR_EMAIL,
        "password": password,
        "collection": collection.pk,
    }


def recording_processed(*, title, timeout):
    """Wait (at most `timeout` seconds) until the Celery worker has processed the recording
    uploaded under `title`; its id, state, problem and the stored name of its web version."""
    from media.models import MediaAsset, ProcessingStatus

    deadline = time.monotonic() + timeout
    while True:
        asset = MediaAsset.objects.filter(title=title).first()
        done = asset is not None and asset.processing_status in (
            ProcessingStatus.READY,
            ProcessingStatus.FAILED,
        )
        if done or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    if asset is None:
        return {"id": None, "status": None}
    return {
        "id": asset.pk,
        "status": asset.processing_status,
        "problem": asset.processing_problem,
        "detail": asset.processing_detail[-500:],
        "web_file": asset.web_file.name,
    }
