"""What the library search knows of each live page, what visitors searched for, and the
synonyms editors keep for each language's search.

One SearchEntry per live, public page a visitor can learn from (course, module, webinar, tool,
podcast episode), in that page's language: its words (title apart, so that a title match ranks
above a body match) and its facets as plain columns. Facet counts are then one pass over the
matches' small columns instead of one search per facet value. The words are indexed by the
project's own full-text index (engine_postgres.py: a tsvector column per entry, parsed with
its language's configuration; engine_sqlite.py: an FTS5 table), and every folded word of the
index is kept once per language (SearchWord) for the query parser: compounds, joined and split
words, "did you mean".
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .synonym_rules import synonym_terms_check

SHORT_MINUTES, MEDIUM_MINUTES = 20, 60


class Format(models.TextChoices):
    COURSE = "course", _("Course")
    MODULE = "module", _("Module")
    WEBINAR = "webinar", _("Webinar")
    TOOL = "tool", _("Tool")
    PODCAST = "podcast", _("Podcast episode")


class Length(models.TextChoices):
    """How long an item takes, in the buckets a busy professional chooses between."""

    SHORT = "short", _("Up to 20 minutes")
    MEDIUM = "medium", _("20 to 60 minutes")
    LONG = "long", _("Longer than an hour")

    @classmethod
    def of_minutes(cls, minutes):
        if not minutes:
            return ""
        if minutes <= SHORT_MINUTES:
            return cls.SHORT
        return cls.MEDIUM if minutes <= MEDIUM_MINUTES else cls.LONG


class SearchEntry(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="search_entry",
    )
    language = models.CharField(_("language"), max_length=8, db_index=True)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    length = models.CharField(_("length"), max_length=6, choices=Length.choices, blank=True)
    # Translation keys of the themes and codes of the sectors, space-separated: the same in
    # every language, so that one facet value counts the items of every translation alike.
    theme_keys = models.TextField(_("themes"), blank=True)
    sector_codes = models.CharField(_("audience sectors"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(format__in=Format.values), name="site_search_entry_format"
            ),
            models.CheckConstraint(
                condition=models.Q(length__in=[*Length.values, ""]),
                name="site_search_entry_length",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def themes(self):
        return self.theme_keys.split()

    @property
    def sectors(self):
        return self.sector_codes.split()


class SearchWord(models.Model):
    """A folded word (search/words.py) that the entries of one language hold.

    Written when entries are written; a word whose last entry went stays until `manage.py
    search_rebuild` (it then only offers an alternative that finds nothing more).
    """

    language = models.CharField(_("language"), max_length=8)
    word = models.CharField(_("word"), max_length=60)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="site_search_word_once")
        ]

    def __str__(self):
        return self.word


class UnansweredQuery(models.Model):
    """How often a search found nothing, per day: what editors should write (or promote) next.

    Only the words are kept, never who searched.
    """

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("query"),
        on_delete=models.CASCADE,
        related_name="unanswered",
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)

    class Meta:
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(fields=["query", "date"], name="site_search_unanswered_once")
        ]

    def __str__(self):
        return f"{self.query} ({self.date}): {self.hits}"


class SynonymGroup(models.Model):
    """Terms that mean the same to a visitor in one language's search, kept by editors.

    The terms are stored as the editor wrote them (trimmed, each once), separated by commas;
    the search compares them folded (search/words.py) when it parses a query
    (search/synonyms.py), so adding or changing a group needs no reindex. The rules a group
    must follow live in search/synonym_rules.py.
    """

    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, db_index=True
    )
    terms = models.TextField(
        _("terms"),
        # 20 terms of at most 100 characters and their commas: a longer text is refused by
        # the form before its terms are read one by one.
        max_length=2500,
        help_text=_(
            "Terms separated by commas. A search for one term also finds the others, in this "
            "language's search; no reindex needed."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["language", "terms"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(terms=""), name="site_search_synonyms_not_empty"
            )
        ]

    def __str__(self):
        return self.terms

    def clean(self):
        """The terms checked and written once each, against the other groups of the language."""
        super().clean()
        others = SynonymGroup.objects.filter(language=self.language).exclude(pk=self.pk)
        self.terms = synonym_terms_check(
            self.terms, others=others.order_by("pk").values_list("terms", flat=True)
        )
