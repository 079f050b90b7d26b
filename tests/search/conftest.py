import re
import uuid

import pytest

from django.core.cache import cache

from wagtail.models import Locale

from elearning.core.models import Sector
from tests.factories import (
    TRANSLATED_SUMMARY,
    AudioAssetFactory,
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    PodcastEpisodePageFactory,
    PodcastPageFactory,
    ThemeFactory,
    ToolPageFactory,
    WebinarPageFactory,
    make_home,
    publish,
    translate,
)

RESULT_TITLE = re.compile(r'class="result__title"[^>]*><a href="([^"]+)">(.*?)</a>', re.S)
MARK = re.compile(r"</?mark>")


def result_titles(response):
    """The result titles of a search page, in order, without their highlighting."""
    return [MARK.sub("", title) for _url, title in RESULT_TITLE.findall(response.content.decode())]


def facet_count(response, facet, value):
    """The count shown beside a facet value, or None when the value is not offered."""
    found = re.search(
        rf'id="facet-{facet}-{value}"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">'
        rf"\((\d+)\)</span>",
        response.content.decode(),
    )
    return int(found.group(1)) if found else None


def _text(value):
    return [{"type": "text", "id": str(uuid.uuid4()), "value": f"<p>{value}</p>"}]


@pytest.fixture
def catalogue(db):
    """A small library with one item of every searchable kind, themes and sectors.

    Dutch: a course (child maltreatment, care) with a module named after "signalen" and one
    that only mentions it in its text; a 90-minute webinar about elder abuse whose chapters and
    transcript speak of the reporting code; a tool for prevention; a podcast episode (13 min).
    The course is also in French.
    """
    Locale.objects.get_or_create(language_code="fr")
    child = ThemeFactory(name="Kindermishandeling", slug="kindermishandeling")
    elder = ThemeFactory(name="Ouderenmis(be)handeling", slug="ouderen")
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    course = CoursePageFactory(parent=library, title="Kindermishandeling herkennen")
    course.themes.set([child])
    course.audience.set([Sector.objects.get(code="care")])
    publish(course)
    titled = publish(ModulePageFactory(parent=course, title="Signalen bij kinderen"))
    mentioned = publish(
        ModulePageFactory(parent=course, title="Het gesprek", duration_minutes=10)
    )  # its text: "Uitleg over signalen."
    webinar = WebinarPageFactory(
        parent=library,
        title="Webinar ouderen",
        duration_minutes=90,
        chapters=[{"type": "chapter", "value": {"start_seconds": 60, "title": "Huisartsen"}}],
        transcript="We overlopen de meldcode en het beroepsgeheim, stap voor stap.",
    )
    webinar.themes.set([elder])
    publish(webinar)
    tool = ToolPageFactory(parent=library, title="Babobox", body=_text("Een koffer vol spel."))
    tool.themes.set([child])
    tool.audience.set([Sector.objects.get(code="prevention")])
    publish(tool)
    show = publish(PodcastPageFactory(parent=library))
    episode = publish(
        PodcastEpisodePageFactory(
            parent=show,
            title="Partnergeweld in het gezin",
            audio=AudioAssetFactory(duration=754.0),
            transcript="We bespreken signalen van partnergeweld.",
        )
    )
    translate(home, "fr")
    translate(library, "fr")
    french = translate(
        course, "fr", title="Maltraitance infantile", summary=TRANSLATED_SUMMARY["fr"]
    )
    cache.clear()
    return {
        "library": library,
        "course": course,
        "titled": titled,
        "mentioned": mentioned,
        "webinar": webinar,
        "tool": tool,
        "episode": episode,
        "french": french,
        "themes": {"child": child, "elder": elder},
    }


@pytest.fixture
def counted_search(client, django_capture_on_commit_callbacks, monkeypatch):
    """search(words, **params): a visitor's search whose count reaches the database as it
    would after a real request: with Redis, the tally is moved by the periodic flush (run here
    after each search); without, the task queued once the request's transaction commits runs
    in place (with or without a Celery broker)."""
    from search.counting import search_tally_flush
    from search.tasks import search_query_record_task

    monkeypatch.setattr(
        search_query_record_task, "delay", lambda *args: search_query_record_task.apply(args)
    )

    def search(words, **params):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.get("/nl/search/", {"q": words, **params})
        assert response.status_code == 200
        search_tally_flush()
        return response

    return search
