"""The editors' synonym groups as the query parser reads them, kept in each process's memory.

A search parses its query against the groups of its language, so reading them from the
database on every search would add a query to each; they change only when an editor saves or
deletes a group. Each process keeps them all (a few hundred short rows at most) and reads them
again when the page-cache generation (elearning/core/page_cache.py) moved on, as the table of
entries does (entry_table.py): saving or deleting a group raises it at once and again after
the commit (signal_handlers.py), so the next search in every process uses the change, without
reindexing anything.
"""

from django.conf import settings

from elearning.core.page_cache import ProcessCopy

from .models import SynonymGroup
from .synonym_rules import MIN_TERMS, synonym_term_key, synonym_terms


def synonym_groups(language):
    """The groups of `language`: a tuple of groups, each a tuple of terms, each term the tuple
    of its folded words (("kindermishandeling",), ("child", "abuse")), in the order written."""
    return _groups.get().get(language, ())


def _read():
    groups = {code: [] for code, _name in settings.LANGUAGES}
    rows = SynonymGroup.objects.order_by("language", "pk").values_list("language", "terms")
    for language, text in rows:
        group = _group(text)
        if len(group) >= MIN_TERMS:
            groups.setdefault(language, []).append(group)
    return {language: tuple(found) for language, found in groups.items()}


def _group(text):
    """A group's distinct terms as folded words; a term without words (a group saved before
    the rules, or by hand) is left out."""
    terms = dict.fromkeys(synonym_term_key(term) for term in synonym_terms(text))
    return tuple(term for term in terms if term)


_groups = ProcessCopy(_read)
