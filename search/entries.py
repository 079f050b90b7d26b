"""The search entry of a page: its words and facets, read from the page and its course.

A module has no themes or audience of its own: it is found under those of its course, as is a
webinar of a course series (with its own themes added).
"""

import math

from django.utils.html import strip_tags

from courses.models import (
    CoursePage,
    ModulePage,
    PodcastEpisodePage,
    ToolPage,
    WebinarPage,
)

from .models import Format, Length

FORMAT_OF_MODEL = {
    CoursePage: Format.COURSE,
    ModulePage: Format.MODULE,
    WebinarPage: Format.WEBINAR,
    ToolPage: Format.TOOL,
    PodcastEpisodePage: Format.PODCAST,
}
SEARCHED_MODELS = tuple(FORMAT_OF_MODEL)
MAX_TEXT_CHARS = 200_000  # a long transcript; what lies beyond is not searched


def entry_fields(page, *, language, course=None):
    """The SearchEntry columns of a specific page; `course` is its course, if it has one.

    The entry's language is the language the page's text is written in (a French copy that is
    still Dutch counts as Dutch); `language`, its locale's, when that is not known yet.
    """
    themes = _related(page, "themes") + (_related(course, "themes") if course else [])
    sectors = _related(page, "audience") or (_related(course, "audience") if course else [])
    minutes = _minutes(page)
    return {
        "language": page.content_language or language,
        "format": FORMAT_OF_MODEL[type(page)],
        "minutes": minutes,
        "length": Length.of_minutes(minutes),
        "theme_keys": " ".join(sorted({str(theme.translation_key) for theme in themes})),
        "sector_codes": " ".join(sorted({sector.code for sector in sectors})),
        "title": page.title[:255],
        "summary": page.summary,
        "text": "\n".join(filter(None, [*_words(page), *(t.name for t in themes)]))[
            :MAX_TEXT_CHARS
        ],
    }


def _related(page, name):
    return list(getattr(page, name).all()) if hasattr(page, name) else []


def _minutes(page):
    if isinstance(page, CoursePage):
        return page.total_duration_minutes or None
    if isinstance(page, PodcastEpisodePage):
        seconds = page.audio.duration if page.audio_id else 0
        return math.ceil(seconds / 60) if seconds else None
    return getattr(page, "duration_minutes", None)


def _stream_text(page, name):
    field = page._meta.get_field(name)
    return " ".join(str(part) for part in field.get_searchable_content(getattr(page, name)))


def _words(page):
    if isinstance(page, CoursePage):
        return [
            _stream_text(page, "learning_objectives"),
            *(trainer.name for trainer in page.trainers.all()),
        ]
    if isinstance(page, (ModulePage, ToolPage)):
        return [strip_tags(_stream_text(page, "body"))]
    if isinstance(page, WebinarPage):
        return [_stream_text(page, "chapters"), page.transcript]
    return [strip_tags(page.show_notes), page.transcript]
