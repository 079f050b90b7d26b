"""The search scenario's work inside Django (run through inproc.py, never imported by run.py).

Content: a Dutch home and library (with a French translation) holding `pages` live Dutch pages
in the mix of a grown library: courses with their modules (and now and then a webinar of the
series), standalone webinars with a transcript and chapters, tools, and a podcast with its
episodes; under the French library `french_pages` French pages of the same kinds. Their text
comes from search_vocabulary.py, drawn with a fixed seed: the same pages every run.

The pages are created live without a revision each and without updating the search and
reference indexes on every save (ten thousand editors' publications would measure the editor,
not the search); the search entries and their index are built afterwards, in one go, by
`manage.py search_rebuild`, which search.py runs and times.
"""

import random
import statistics
import time
import uuid
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify

from .search_vocabulary import DUTCH, FRENCH, Writer

# Share of the pages of each kind; modules take what is left (about 14 to a course).
SHARES = {"course": 0.045, "webinar": 0.13, "tool": 0.14, "episode": 0.04}
COURSE_WEBINAR_SHARE = 0.1  # webinars that are a part of a course series
HOST = "127.0.0.1"

# --- Page contents ---------------------------------------------------------------------------


def _block(block_type, value):
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def _rich_text(paragraphs):
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _knowledge_check(writer, theme, words):
    question, right, wrong = writer.sentences(theme, words[:1], 3)[:3]
    return _block(
        "knowledge_check",
        {
            "question": question.rstrip(".") + "?",
            "choices": [
                {"text": right, "correct": True, "feedback": "Juist."},
                {"text": wrong, "correct": False, "feedback": "Kijk nog eens naar de uitleg."},
            ],
        },
    )


def _module(writer, number):
    from courses.models import ModulePage

    theme, words = writer.for_page()
    body = [_block("text", _rich_text(writer.paragraphs(theme, words, writer.rng.randint(8, 16))))]
    if writer.rng.random() < 0.6:
        body.append(_knowledge_check(writer, theme, words))
    if writer.rng.random() < 0.3:
        question, guidance = writer.sentences(theme, [], 2)[:2]
        body.append(_block("reflection", {"question": question, "guidance": guidance}))
    return ModulePage(
        title=writer.title(theme, words, prefix=f"Deel {number} - "),
        summary=writer.summary(theme, words),
        duration_minutes=writer.rng.randint(5, 20),
        body=body,
    )


def _transcript(writer, theme, words, low, high):
    return "\n\n".join(writer.paragraphs(theme, words, writer.rng.randint(low, high), 6))


def _webinar(writer):
    from courses.models import WebinarPage

    theme, words = writer.for_page()
    chapters = [
        _block("chapter", {"start_seconds": 300 * number, "title": sentence.rstrip(".")})
        for number, sentence in enumerate(writer.sentences(theme, [], writer.rng.randint(4, 9)))
    ]
    return WebinarPage(
        title="Webinar " + writer.title(theme, words),
        summary=writer.summary(theme, words),
        duration_minutes=writer.rng.choice([45, 60, 90, 120]),
        transcript=_transcript(writer, theme, words, 60, 160),
        chapters=chapters,
    )


def _tool(writer):
    from courses.models import ToolPage

    theme, words = writer.for_page()
    kind = writer.rng.choice(list(writer.tool_kinds))
    body = [_block("text", _rich_text(writer.paragraphs(theme, words, writer.rng.randint(6, 12))))]
    return ToolPage(
        title=f"{writer.tool_kinds[kind]} - " + writer.title(theme, words),
        summary=writer.summary(theme, words),
        kind=kind,
        body=body,
    )


def _course(writer):
    from courses.models import CoursePage

    theme, words = writer.for_page()
    objectives = [("objective", sentence) for sentence in writer.sentences(theme, words, 3)]
    return CoursePage(
        title=writer.title(theme, words),
        summary=writer.summary(theme, words),
        learning_objectives=objectives,
        attribution="Stad Gent",
        total_duration_minutes=0,  # set once its parts are in (see _fill_course)
    )


def _episode(writer, number, audio):
    from courses.models import PodcastEpisodePage

    theme, words = writer.for_page()
    return PodcastEpisodePage(
        title=f"Aflevering {number}: " + writer.title(theme, words),
        summary=writer.summary(theme, words),
        show_notes=_rich_text(writer.paragraphs(theme, words[:1], 4)),
        transcript=_transcript(writer, theme, words, 50, 130),
        episode_number=number,
        season=1 + number // 50,
        audio=audio,
    )


# --- Creating pages fast ---------------------------------------------------------------------


@contextmanager
def index_updates_paused():
    """No update of Wagtail's search index (the admin's page search, not measured here) or
    reference index (the admin's usage views) on each save; the site search's entries, their
    documents and the vocabulary are built once afterwards (search_rebuild)."""
    from modelsearch.index import get_indexed_models
    from modelsearch.signal_handlers import post_save_signal_handler

    from wagtail.models import Page
    from wagtail.signal_handlers import disable_reference_index_auto_update

    models = [model for model in get_indexed_models() if issubclass(model, Page)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def append_children(parent, pages, published_at):
    """Save `pages` as the last children of `parent`, live, without a revision each.

    What treebeard's add_child and Wagtail's full_clean do, minus their four or five queries
    a page (last sibling, slug check, constraint checks, the parent's child count): the paths
    are numbered here, slugs made unique here, and the parent's numchild set once.
    """
    from wagtail.models import Page

    last = parent.get_last_child()
    step = Page._str2int(last.path[-Page.steplen :]) if last else 0
    slugs = set(Page.objects.child_of(parent).values_list("slug", flat=True))
    for page in pages:
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page._cached_parent_obj = parent
        page.locale_id = parent.locale_id
        page.slug = _unique_slug(page.title, slugs)
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = published_at
        page.save(clean=False)
    Page.objects.filter(pk=parent.pk).update(numchild=step)
    parent.numchild = step
    return pages


def _unique_slug(title, taken):
    base = slugify(title)[:70] or "pagina"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


def _plan(pages):
    """How many pages of each kind make `pages` in all (modules take what is left)."""
    counts = {kind: round(pages * share) for kind, share in SHARES.items()}
    counts["podcast"] = 1 if counts["episode"] else 0
    counts["module"] = pages - sum(counts.values())
    return counts


def _shared_audio():
    """One recording for every episode (search never looks at it), made without the upload
    signal that would start processing its made-up file."""
    from wagtail.models import Collection

    from media.models import MediaAsset, ProcessingStatus

    return MediaAsset.objects.bulk_create(
        [
            MediaAsset(
                title="Aflevering",
                file="media/bench-aflevering.mp3",
                type="audio",
                duration=900.0,
                collection=Collection.get_first_root_node(),
                processing_status=ProcessingStatus.READY,
            )
        ]
    )[0]


def _fill_library(library, writer, pages, now):
    """`pages` live pages of every kind under `library`; {kind: count}."""
    from courses.models import PodcastPage

    plan = _plan(pages)
    rng = writer.rng
    modules_of = [1] * plan["course"]
    for _ in range(plan["module"] - plan["course"]):
        modules_of[rng.randrange(plan["course"])] += 1
    webinars = [_webinar(writer) for _ in range(plan["webinar"])]
    in_courses = round(len(webinars) * COURSE_WEBINAR_SHARE)
    courses = [_course(writer) for _ in modules_of]
    children = courses + webinars[in_courses:] + [_tool(writer) for _ in range(plan["tool"])]
    if plan["podcast"]:
        show = PodcastPage(
            title="Podcast: over geweld gesproken",
            summary="Gesprekken met professionals over intrafamiliaal geweld.",
            owner_name="Stad Gent",
            owner_email="podcast@example.org",
        )
        children.append(show)
    rng.shuffle(children)  # the library's order is the editors' order, not by kind
    append_children(library, children, now)
    for index, course in enumerate(courses):
        parts = [_module(writer, number) for number in range(1, modules_of[index] + 1)]
        if index < in_courses:
            parts.insert(rng.randrange(len(parts) + 1), webinars[index])
        append_children(course, parts, now)
        course.total_duration_minutes = sum(part.duration_minutes for part in parts)
        course.save(clean=False, update_fields=["total_duration_minutes"])
    if plan["podcast"]:
        audio = _shared_audio()
        episodes = [_episode(writer, number, audio) for number in range(1, plan["episode"] + 1)]
        append_children(show, episodes, now)
    return plan


def seed(*, pages, french_pages, seed):
    """The Dutch and French libraries; what was made, and the seconds it took."""
    from wagtail.models import Locale, Page

    from elearning.celery import app
    from tests.factories import LibraryPageFactory, make_home, publish, translate

    started = time.monotonic()
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic(), index_updates_paused():
        for code in ("fr", "en"):
            Locale.objects.get_or_create(language_code=code)
        home = make_home()
        library = publish(LibraryPageFactory(parent=home))
        translate(home, "fr", title="Accueil")
        french_library = translate(library, "fr", title="Bibliothèque")
        dutch = _fill_library(library, Writer(rng, DUTCH), pages, now)
        french = _fill_library(french_library, Writer(rng, FRENCH), french_pages, now)
    live = Page.objects.live()
    return {
        "dutch": dutch,
        "french": french,
        "dutch_pages": live.descendant_of(library).count(),
        "french_pages": live.descendant_of(french_library).count(),
        "library_url": library.get_url(),
        "celery_queue": app.conf.task_default_queue,
        "seconds": round(time.monotonic() - started, 1),
    }


# --- After the index is built ----------------------------------------------------------------


def index_summary():
    """What search_rebuild left: entries (with a document, on PostgreSQL), the text search
    configuration of each language, the size of the table and its GIN index, the vocabulary."""
    from django.db import connection
    from django.db.models import Count

    from search.engine_postgres import config_of
    from search.models import SearchEntry, SearchWord

    summary = {
        "entries": SearchEntry.objects.count(),
        "entries_by_language": dict(
            SearchEntry.objects.values_list("language").annotate(n=Count("id")).order_by()
        ),
        "words_by_language": dict(
            SearchWord.objects.values_list("language").annotate(n=Count("id")).order_by()
        ),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FILTER (WHERE document IS NOT NULL),"
                " pg_total_relation_size('site_search_searchentry'),"
                " pg_relation_size('site_search_entry_document')"
                " FROM site_search_searchentry"
            )
            with_document, table_size, index_size = cursor.fetchone()
        summary.update(
            entries_with_document=with_document,
            table_mb=round(table_size / 1024**2, 1),
            document_index_mb=round(index_size / 1024**2, 1),
            configs={language: config_of(language) for language in summary["entries_by_language"]},
        )
    return summary


def timings(*, queries, path, language, repeat):
    """Where one visitor's search goes, in-process and one request at a time (no server, no
    load): per query the median over `repeat` requests (after a warm-up) of the site's wall
    time, of its SQL and the number of its queries, and of the baseline query alone; the SQL of
    the first query's request. For the report, not for the verdict."""
    from urllib.parse import urlencode

    from django.db import connection

    client = Client(HTTP_HOST=HOST)
    results, first_sql = {}, None
    for words in queries:
        url = f"{path}?{urlencode({'q': words})}"
        client.get(url)
        walls, timers = [], []
        for _ in range(repeat):
            timer = SqlTimer()
            with connection.execute_wrapper(timer):
                started = time.perf_counter()
                response = client.get(url)
                walls.append(1000 * (time.perf_counter() - started))
            assert response.status_code == 200, (url, response.status_code)
            timers.append(timer)
        first_sql = first_sql or timers[0].statements
        results[words] = {
            "site_ms": round(statistics.median(walls), 1),
            "site_sql_ms": round(statistics.median(1000 * t.seconds for t in timers), 1),
            "site_queries": max(len(t.statements) for t in timers),
        }
        if connection.vendor == "postgresql":
            results[words].update(_baseline_timings(words, language, repeat))
    return {"queries": results, "site_sql": first_sql}


class SqlTimer:
    """An execute wrapper (connection.execute_wrapper) adding up the time of each statement."""

    def __init__(self):
        self.seconds, self.statements = 0.0, []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.statements.append(sql)


def _baseline_timings(words, language, repeat):
    """Median ms of the baseline query alone, and its number of matches in the language."""
    from django.db import connection

    from .search_baseline import baseline_search

    walls = []
    with connection.cursor() as cursor:
        for _ in range(repeat + 1):  # the first one warms up
            started = time.perf_counter()
            matches, _rows = baseline_search(cursor, words, language)
            walls.append(1000 * (time.perf_counter() - started))
    return {"baseline_sql_ms": round(statistics.median(walls[1:]), 1), "baseline_matches": matches}
