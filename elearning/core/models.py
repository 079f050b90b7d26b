"""Shared domain models: municipalities, sectors, and the base of every public page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from .content_language import page_content_language


class Municipality(models.Model):
    """A local government taking part in the platform (the 15 of the Ghent-led platform)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_coordinator = models.BooleanField(_("coordinating municipality"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return self.name


class Sector(models.Model):
    """One of the three tracks that meet family violence: prevention, care, police/justice."""

    class Code(models.TextChoices):
        PREVENTION = "prevention", _("Prevention")
        CARE = "care", _("Care")
        POLICE_JUSTICE = "police_justice", _("Police and justice")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self):
        return str(self.get_code_display())


class BasePage(Page):
    """Abstract base of every public page: a summary that doubles as the meta description, and
    the language its text is written in (content_language.py), which may not be its locale's."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences; shown in listings and as the page description."),
    )
    content_language = models.CharField(
        _("language of the content"),
        max_length=8,
        blank=True,
        editable=False,
        help_text=_("Detected from the page's text on every save; empty until then."),
    )

    search_fields = Page.search_fields + [index.SearchField("summary")]
    content_panels = Page.content_panels + [FieldPanel("summary")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # A save of a few columns (a move, a draft's revision pointer) changes no text.
        if kwargs.get("update_fields") is None:
            if self.locale_id is None:  # a new page: Wagtail would give it this one anyway
                self.locale = self.get_default_locale()
            self.content_language = page_content_language(self)
        return super().save(*args, **kwargs)

    @property
    def meta_description(self):
        return self.search_description or self.summary
