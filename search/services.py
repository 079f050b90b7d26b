"""Keep the search entries in step with the live pages; record what visitors searched for
(counted first in Redis: counting.py)."""

from django.db import IntegrityError, transaction
from django.db.models import F, Q, prefetch_related_objects
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Locale, Page

from courses.models import CoursePage

from .entries import SEARCHED_MODELS, entry_fields
from .entry_table import entry_table_outdate
from .models import SearchEntry, SearchWord, UnansweredQuery
from .ranking import index_write
from .vocabulary import vocabulary_add, vocabulary_words

REBUILD_CHUNK = 500


def _searchable(pages):
    return pages.live().public().type(*SEARCHED_MODELS)


def _specific_pages(page_ids):
    """The searchable pages among these ids, specific, with what their entries read."""
    found = _searchable(Page.objects.filter(pk__in=page_ids)).specific()
    # While a tree is being deleted a page can have lost its specific row: it is going, skip it.
    pages = [page for page in found if isinstance(page, SEARCHED_MODELS)]
    for model in {type(page) for page in pages}:
        related = [
            name for name in ("themes", "audience", "trainers", "audio") if hasattr(model, name)
        ]
        prefetch_related_objects([page for page in pages if type(page) is model], *related)
    return pages


def _courses_of(pages):
    """{course path: specific course} for the parents of these pages that are courses."""
    parent_paths = {page.path[: -Page.steplen] for page in pages}
    courses = CoursePage.objects.filter(path__in=parent_paths).prefetch_related(
        "themes", "audience"
    )
    return {course.path: course for course in courses}


def _desired_fields(pages):
    """{page id: entry columns} for the searchable ones among these (specific) pages."""
    courses = _courses_of(pages)
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    return {
        page.pk: entry_fields(
            page,
            course=courses.get(page.path[: -Page.steplen]),
            language=languages[page.locale_id],
        )
        for page in pages
    }


def _index(entries):
    """Write the entries' full-text index rows and keep their words in the vocabulary."""
    index_write(entries)
    found = {}
    for entry in entries:
        text = "\n".join([entry.title, entry.summary, entry.text])
        found.setdefault(entry.language, set()).update(vocabulary_words(text))
    vocabulary_add(found)


@transaction.atomic
def search_entries_refresh(*, page_ids):
    """Create, update or delete the entries of these pages to match what is live now."""
    page_ids = list(page_ids)
    kept = _entries_write(page_ids)
    for entry in SearchEntry.objects.filter(page_id__in=page_ids).exclude(page_id__in=kept):
        entry.delete()  # one by one, so that the search index forgets each


def search_entries_refresh_around(*, page):
    """After a page changed: its own entry, its course's (duration) and its parts' (themes)."""
    around = Q(path__startswith=page.path) | Q(path=page.path[: -Page.steplen])
    search_entries_refresh(page_ids=Page.objects.filter(around).values_list("pk", flat=True))


def search_entries_rebuild(*, progress=None):
    """Every entry again from the live pages, in chunks, and the vocabulary without the words
    of entries gone; returns the number of entries.

    For operators (`manage.py search_rebuild`) after a bulk change the signals did not see.
    """
    ids = list(_searchable(Page.objects.all()).order_by("path").values_list("pk", flat=True))
    kept = 0
    for start in range(0, len(ids), REBUILD_CHUNK):
        chunk = ids[start : start + REBUILD_CHUNK]
        kept += len(_entries_write(chunk))
        if progress:
            progress(min(start + REBUILD_CHUNK, len(ids)), len(ids))
    for entry in SearchEntry.objects.exclude(page_id__in=ids).iterator():
        entry.delete()
    _vocabulary_prune()
    return kept


def _vocabulary_prune():
    """Forget the words no entry holds any more (after a rebuild: every entry was just read)."""
    held = {}
    for language, title, summary, text in SearchEntry.objects.values_list(
        "language", "title", "summary", "text"
    ).iterator():
        held.setdefault(language, set()).update(vocabulary_words(f"{title}\n{summary}\n{text}"))
    gone = [
        pk
        for pk, language, word in SearchWord.objects.values_list(
            "pk", "language", "word"
        ).iterator()
        if word not in held.get(language, ())
    ]
    for start in range(0, len(gone), REBUILD_CHUNK):
        SearchWord.objects.filter(pk__in=gone[start : start + REBUILD_CHUNK]).delete()
    if gone:
        entry_table_outdate()


@transaction.atomic
def _entries_write(page_ids):
    """Write the entries of the searchable pages among these, in bulk, and index them; returns
    the ids of the pages that have one."""
    desired = _desired_fields(_specific_pages(page_ids))
    existing = {e.page_id: e for e in SearchEntry.objects.filter(page_id__in=desired)}
    new = [SearchEntry(page_id=pk, **f) for pk, f in desired.items() if pk not in existing]
    changed, now = [], timezone.now()
    for page_id, entry in existing.items():
        for name, value in desired[page_id].items():
            setattr(entry, name, value)
        entry.updated_at = now  # bulk_update leaves auto_now fields as they are
        changed.append(entry)
    SearchEntry.objects.bulk_create(new)  # sets their ids (PostgreSQL, SQLite 3.35+)
    if changed:
        SearchEntry.objects.bulk_update(changed, [*desired[changed[0].page_id], "updated_at"])
    _index(new + changed)
    if new or changed:
        entry_table_outdate()
    return set(desired)


@transaction.atomic
def search_query_record(*, query_string, found, searches=1, day=None):
    """Count searches of these words on a day (today), and those without a result apart."""
    query = Query.get(query_string)
    if not query.query_string:
        return
    day = day or timezone.localdate()
    _daily_add(QueryDailyHits, query, day, searches)
    if not found:
        _daily_add(UnansweredQuery, query, day, searches)


def _daily_add(model, query, day, searches):
    """Add to the (query, day) row of a daily-count model, creating it when it is the first."""
    rows = model.objects.filter(query=query, date=day)
    if rows.update(hits=F("hits") + searches):
        return
    try:
        with transaction.atomic():
            model.objects.create(query=query, date=day, hits=searches)
    except IntegrityError:  # another search created the day's row first
        rows.update(hits=F("hits") + searches)
