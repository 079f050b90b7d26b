"""Keep the search entries in step with publishing, moves and view restrictions, the table of
entries every process keeps with deletions, and the cached list of promoted queries and the
synonym groups every process keeps with the editors' promotions and synonyms.

Connected after the courses app's handlers (INSTALLED_APPS order), so that a course's total
duration is already updated when its entry is refreshed.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CoursePage
from elearning.core.page_cache import page_cache_invalidate

from .entries import SEARCHED_MODELS
from .entry_table import entry_table_outdate
from .models import SearchEntry, SynonymGroup
from .services import search_entries_refresh_around


def refresh_entries(sender, instance, **kwargs):
    search_entries_refresh_around(page=instance)


def refresh_after_restriction(sender, instance, **kwargs):
    search_entries_refresh_around(page=instance.page)


def refresh_after_move(sender, instance, **kwargs):
    search_entries_refresh_around(page=instance)
    parent_before = kwargs.get("parent_page_before")
    if parent_before is not None and parent_before.specific_class is CoursePage:
        search_entries_refresh_around(page=parent_before)


for model in SEARCHED_MODELS:
    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(refresh_entries, sender=model, dispatch_uid=f"search-{signal!r}-{model}")
post_page_move.connect(refresh_after_move, dispatch_uid="search-entries-move")
for signal in (post_save, post_delete):
    signal.connect(
        refresh_after_restriction,
        sender=PageViewRestriction,
        dispatch_uid=f"search-restriction-{signal!r}",
    )


def outdate_entry_table(sender, **kwargs):
    entry_table_outdate()


post_delete.connect(outdate_entry_table, sender=SearchEntry, dispatch_uid="search-entry-deleted")


def forget_promoted_queries(sender, **kwargs):
    page_cache_invalidate(also_now=True)


# Only promotions: a Query row is saved for every new word a visitor searches (counting.py),
# which must not make every cached page stale; editing or deleting a promoted query saves or
# deletes its promotions too (Django sends their signals for the cascade).
for signal in (post_save, post_delete):
    signal.connect(
        forget_promoted_queries, sender=SearchPromotion, dispatch_uid=f"search-promoted-{signal!r}"
    )


def outdate_synonyms(sender, **kwargs):
    """Every process reads the groups again (synonyms.py): now, for the rest of this
    transaction, and after the commit, for everyone's next search."""
    page_cache_invalidate(also_now=True)


for signal in (post_save, post_delete):
    signal.connect(
        outdate_synonyms, sender=SynonymGroup, dispatch_uid=f"search-synonyms-{signal!r}"
    )
