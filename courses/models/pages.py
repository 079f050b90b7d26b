"""The library's page types and where each may live.

Home -> Library -> Course -> Module / Webinar; the library also holds standalone webinars and
tools. Information pages (contact, privacy, accessibility, cookies) sit under the home page.
Rules (durations, completion) live in services; these classes describe editorial shape.
The course and its parts are in course.py.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from elearning.core.models import BasePage, phone_number_validator
from elearning.core.page_cache import mark_cacheable
from elearning.core.upstream_internals import page_parent_give

from ..blocks import RICH_TEXT_FEATURES, ToolBodyBlock, ToolMaterialsBlock
from ..forms import PageForm
from ..page_context import page_context_extend


class CachedPage(BasePage):
    """A public page whose anonymous rendering goes into the full-page cache."""

    base_form_class = PageForm

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["parent_page"] = self.get_parent() if self.depth > 2 else None
        # What the page lists comes from providers its own and higher apps register.
        return page_context_extend(context, page=self, request=request)


class HomePage(CachedPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = CachedPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.LibraryPage", "courses.InformationPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page for a URL in one query by its stored url_path.

        Wagtail's default walks the tree one level (and two queries) at a time; a module four
        levels deep then costs eight queries before any rendering. Anything this shortcut does
        not find exactly falls back to the default walk, so behaviour is unchanged.
        """
        if not path_components:
            return super().route(request, path_components)
        target_path = self.url_path + "/".join(path_components) + "/"
        parent_path = self.url_path + "".join(f"{c}/" for c in path_components[:-1])
        found = {
            page.url_path: page
            for page in Page.objects.filter(
                url_path__in={target_path, parent_path}, path__startswith=self.path
            )
        }
        if target_path not in found:
            return super().route(request, path_components)
        page = found[target_path].specific
        page_parent_give(page, self if parent_path == self.url_path else found.get(parent_path))
        return page.route(request, [])


class LibraryPage(CachedPage):
    """The catalogue: every course, module, webinar, tool and podcast episode, narrowed by the
    search's facets (format, duration, theme, sector, language)."""

    parent_page_types = ["courses.HomePage"]
    subpage_types = [
        "courses.CoursePage",
        "courses.WebinarPage",
        "courses.ToolPage",
        "courses.PodcastPage",
    ]

    class Meta:
        verbose_name = _("library")


class ToolPage(CachedPage):
    """A practical tool: a kit, an educational dossier, a game, postcards for citizens."""

    KIND_CHOICES = [
        ("kit", _("Kit")),
        ("dossier", _("Educational dossier")),
        ("game", _("Game")),
        ("postcards", _("Postcards for citizens")),
        ("guide", _("Guide")),
    ]
    kind = models.CharField(_("kind of tool"), max_length=20, choices=KIND_CHOICES)
    themes = ParentalManyToManyField("courses.Theme", verbose_name=_("themes"), blank=True)
    audience = ParentalManyToManyField(
        "core.Sector", verbose_name=_("audience sectors"), blank=True
    )
    body = StreamField(ToolBodyBlock(), verbose_name=_("content"))
    materials = StreamField(
        ToolMaterialsBlock(),
        verbose_name=_("materials to download"),
        blank=True,
        help_text=_("Documents that come with the tool; each shows its file type and size."),
    )
    # Linked once, in any language: each language's page lists that language's live version of
    # the course (courses/selectors.py, tool_courses).
    courses = ParentalManyToManyField(
        "courses.CoursePage",
        verbose_name=_("used in these courses"),
        related_name="tools",
        blank=True,
    )
    contact_organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address"), blank=True)
    contact_phone = models.CharField(
        _("phone number"), max_length=20, blank=True, validators=[phone_number_validator]
    )
    contact_text = models.TextField(
        _("how to borrow or order"),
        max_length=600,
        blank=True,
        help_text=_("A few sentences: who may borrow or order the tool, and how."),
    )

    content_panels = CachedPage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("themes"),
        FieldPanel("audience"),
        FieldPanel("body"),
        FieldPanel("materials"),
        FieldPanel("courses"),
        MultiFieldPanel(
            [
                FieldPanel("contact_organisation"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_text"),
            ],
            heading=_("Borrow or order"),
        ),
    ]
    search_fields = CachedPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.LibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tool")

    @property
    def has_contact(self):
        return any(
            (self.contact_organisation, self.contact_email, self.contact_phone, self.contact_text)
        )


class InformationPage(CachedPage):
    """A page about the site itself: contact, privacy, accessibility or cookie statement.

    The footer links them through the site setting "Footer pages" (elearning/core/models.py);
    `site_pages_seed` (courses/site_pages/) writes the first version in every language.
    """

    body = RichTextField(_("content"), features=RICH_TEXT_FEATURES)
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the content was last checked; shown on the page."),
    )

    content_panels = CachedPage.content_panels + [FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = CachedPage.search_fields + [index.SearchField("body")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("information page")
