"""Shared domain models: municipalities, sectors, the base of every public page, and the site
chrome every page shows (help lines, footer pages, the site's identity)."""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .content_language import page_content_language
from .contrast import HEX_COLOUR, TEXT_CONTRAST_MINIMUM, WHITE, contrast_ratio


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


# A number as a visitor dials it: digits in groups of single spaces, maybe an international "+".
phone_number_validator = RegexValidator(
    r"^\+?[0-9]+( [0-9]+)*\Z",
    message=_(
        "Enter the number in digits only, in groups separated by single spaces and optionally "
        "starting with +, for example 0800 30 030."
    ),
    code="phone_number",
)


class HelpLine(TranslatableMixin, models.Model):
    """A phone line the help box on every page names, in the visitor's language.

    Lines differ per language (French speakers have lines of their own, such as Écoute-Enfants
    103), so each language has its own rows; a language without any shows the default language's.
    Administrators keep them; the help box reads them through elearning/core/help_lines.py.
    """

    number = models.CharField(
        _("number"),
        max_length=20,
        validators=[phone_number_validator],
        help_text=_("As it is dialled, for example 1712 or 0800 30 030."),
    )
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(
        _("when to call"),
        max_length=300,
        help_text=_("One sentence: what the line is for, who answers and when it is open."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lines with a lower number come first.")
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("help line")
        verbose_name_plural = _("help lines")

    def __str__(self):
        return f"{self.number} {self.name}"

    @property
    def tel_url(self):
        """The number to dial (digits and a leading +), without the spaces of its grouping."""
        return "tel:" + self.number.replace(" ", "")


def _footer_page_field(verbose_name):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


@register_setting(icon="list-ul")
class FooterPages(BaseSiteSetting):
    """The pages every footer links: contact, privacy, accessibility and cookie statements.

    Chosen once, in the default language; the footer links each page's translation in the
    visitor's language, and leaves out a page that is missing or not live in it.
    """

    contact_page = _footer_page_field(_("contact page"))
    privacy_page = _footer_page_field(_("privacy statement"))
    accessibility_page = _footer_page_field(_("accessibility statement"))
    cookie_page = _footer_page_field(_("cookie statement"))

    panels = [
        FieldPanel("contact_page"),
        FieldPanel("privacy_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("cookie_page"),
    ]

    # In the footer's order.
    PAGE_FIELDS = ("contact_page", "privacy_page", "accessibility_page", "cookie_page")

    class Meta:
        verbose_name = _("footer pages")


accent_colour_validator = RegexValidator(
    rf"^{HEX_COLOUR.pattern}\Z",
    message=_("Enter the colour as # followed by six hexadecimal digits, for example #00557A."),
    code="hex_colour",
)


@register_setting(icon="image")
class SiteIdentity(BaseSiteSetting):
    """Who runs this installation, as every page and certificate shows it: the site's name
    per language, the organising municipality or organisation, a logo and an accent colour.

    Empty fields keep the platform's own: its translated name, no logo, its blue. The accent
    colour is refused unless text in it on white, and white text on it, are readable (WCAG AA).
    """

    site_name_nl = models.CharField(_("site name in Dutch"), max_length=80, blank=True)
    site_name_fr = models.CharField(_("site name in French"), max_length=80, blank=True)
    site_name_en = models.CharField(_("site name in English"), max_length=80, blank=True)
    organisation = models.CharField(
        _("organising municipality or organisation"),
        max_length=200,
        blank=True,
        help_text=_("Named as the issuer on every certificate, for example City of Ghent."),
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown beside the site name in the header and on certificates. Its alternative "
            "text names the organisation on certificates."
        ),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        blank=True,
        validators=[accent_colour_validator],
        help_text=_(
            "For links, buttons and the header bar, for example #00557A. It must contrast "
            "at least 4.5 to 1 with white. Empty: the platform's blue."
        ),
    )

    panels = [
        FieldPanel("site_name_nl"),
        FieldPanel("site_name_fr"),
        FieldPanel("site_name_en"),
        FieldPanel("organisation"),
        FieldPanel("logo"),
        FieldPanel("accent_colour"),
    ]

    class Meta:
        verbose_name = _("site identity")

    def clean(self):
        super().clean()
        colour = self.accent_colour
        if colour and HEX_COLOUR.fullmatch(colour):
            ratio = contrast_ratio(colour, WHITE)
            if ratio < TEXT_CONTRAST_MINIMUM:
                raise ValidationError(
                    {
                        "accent_colour": _(
                            "This colour contrasts %(ratio)s to 1 with white; links and "
                            "button text need at least 4.5 to 1. Choose a darker colour."
                        )
                        # Rounded down: a colour just under the minimum never reads as 4.50.
                        % {"ratio": formats.number_format(math.floor(ratio * 100) / 100, 2)}
                    }
                )

    def site_name(self, language_code):
        """The name in this language, or empty (the caller falls back to the platform's)."""
        return getattr(self, f"site_name_{language_code}", "")
