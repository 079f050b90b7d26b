"""The pages scenario's work inside Django (run through inproc.py, never imported by run.py).

Content: a Dutch home and library (translated to French and English, as in the demo), a library
holding one course, one webinar and one tool, and a course whose modules grow from 10 to 500.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

COURSE_SLUG = "bench-course"
HOST = "127.0.0.1"


def _course():
    from courses.models import CoursePage

    return CoursePage.objects.get(slug=COURSE_SLUG, locale__language_code="nl")


def _add_modules(course, count, start):
    from tests.factories import ModulePageFactory

    for number in range(start, start + count):
        # Created live without a revision each: publishing 500 pages one by one measures the
        # editor, not the reader. The course is published once afterwards (durations, cache).
        ModulePageFactory(
            parent=course,
            title=f"Module {number}: signalen herkennen",
            slug=f"module-{number:03d}",
            duration_minutes=5 + number % 15,
        )


def _urls(course):
    from courses.models import ModulePage

    modules = list(ModulePage.objects.child_of(course).order_by("path"))
    module = modules[len(modules) // 2]  # one in the middle: it has a previous and a next part
    return {
        "library": course.get_parent().get_url(),
        "course": course.get_url(),
        "module": module.get_url(),
        "module_count": len(modules),
    }


def seed(*, modules):
    from elearning.core.models import Sector
    from tests.factories import (
        CoursePageFactory,
        LibraryPageFactory,
        ThemeFactory,
        ToolPageFactory,
        TrainerFactory,
        WebinarPageFactory,
        make_home,
        publish,
        translate,
    )

    started = time.monotonic()
    with transaction.atomic():
        for code in ("fr", "en"):
            Locale.objects.get_or_create(language_code=code)
        home = make_home()
        library = publish(LibraryPageFactory(parent=home))
        for code in ("fr", "en"):
            translate(home, code)
            translate(library, code)
        themes = [
            ThemeFactory(name="Partnergeweld", slug="partnergeweld"),
            ThemeFactory(name="Kindermishandeling", slug="kindermishandeling"),
        ]
        trainers = [TrainerFactory(name="An Voorbeeld"), TrainerFactory(name="Bart Voorbeeld")]
        course = CoursePageFactory(
            parent=library, title="Partnergeweld herkennen", slug=COURSE_SLUG
        )
        course.themes.set(themes)
        course.trainers.set(trainers)
        course.audience.set(Sector.objects.all())
        publish(course)
        webinar = WebinarPageFactory(parent=library, title="Webinar partnergeweld")
        webinar.themes.set(themes[:1])
        publish(webinar)
        tool = ToolPageFactory(parent=library, title="Babobox")
        tool.themes.set(themes[1:])
        publish(tool)
        _add_modules(course, modules, start=1)
        publish(_course())
    return {**_urls(_course()), "seconds": round(time.monotonic() - started, 1)}


def grow(*, modules):
    """Add modules to the course until it has `modules` of them."""
    from courses.models import ModulePage
    from tests.factories import publish

    started = time.monotonic()
    with transaction.atomic():
        course = _course()
        existing = ModulePage.objects.child_of(course).count()
        _add_modules(course, modules - existing, start=existing + 1)
        publish(_course())
    return {**_urls(_course()), "seconds": round(time.monotonic() - started, 1)}


def _client(anonymous):
    client = Client(HTTP_HOST=HOST)
    if not anonymous:
        # A session cookie: the full-page cache middleware steps aside (a visitor who logged in).
        client.cookies[settings.SESSION_COOKIE_NAME] = "bench"
    return client


def query_counts(*, paths):
    """{path: {"queries": n, "sql": [...], "anonymous_miss": n}} of one uncached rendering.

    A first request warms the site chrome's caches (navigation, themes, site root paths) as a
    running server has them. "queries" bypasses the page cache with a session cookie;
    "anonymous_miss" is an anonymous visitor's request after that page's cache entry was
    dropped, the path the first visitor after a publish takes.
    """
    from elearning.core.page_cache import page_cache_key

    results = {}
    for path in paths:
        client = _client(anonymous=False)
        warm = client.get(path)
        if warm.status_code != 200:
            raise RuntimeError(f"GET {path} answered {warm.status_code}")
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        sql = [query["sql"] for query in captured.captured_queries]

        anonymous = _client(anonymous=True)
        anonymous.get(path)
        cache.delete(page_cache_key(HOST, path))
        with CaptureQueriesContext(connection) as captured_anonymous:
            response = anonymous.get(path)
        assert response.get("X-Page-Cache") == "miss", (path, response.get("X-Page-Cache"))
        results[path] = {
            "queries": len(sql),
            "anonymous_miss": len(captured_anonymous.captured_queries),
            "sql": sql,
        }
    return results


def publish_course_title(*, title):
    from tests.factories import publish

    course = _course()
    course.title = title
    publish(course)
    return {"course": course.get_url()}
