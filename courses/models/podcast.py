"""The podcast: a show page in the library with its audio episodes as child pages.

The show also answers at `<show url>feed/` with the RSS 2.0 feed that podcast apps subscribe to
(courses/feeds.py); each language has its own show, episodes and feed.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from elearning.core.page_cache import mark_cacheable

from ..blocks import RICH_TEXT_FEATURES
from ..page_context import page_route_serve
from .pages import CachedPage

FEED_ROUTE = "feed"


class ItunesCategory(models.TextChoices):
    """Apple Podcasts' top-level categories; the values are the exact English names it expects."""

    ARTS = "Arts", _("Arts")
    BUSINESS = "Business", _("Business")
    COMEDY = "Comedy", _("Comedy")
    EDUCATION = "Education", _("Education")
    FICTION = "Fiction", _("Fiction")
    GOVERNMENT = "Government", _("Government")
    HEALTH_FITNESS = "Health & Fitness", _("Health & Fitness")
    HISTORY = "History", _("History")
    KIDS_FAMILY = "Kids & Family", _("Kids & Family")
    LEISURE = "Leisure", _("Leisure")
    MUSIC = "Music", _("Music")
    NEWS = "News", _("News")
    RELIGION_SPIRITUALITY = "Religion & Spirituality", _("Religion & Spirituality")
    SCIENCE = "Science", _("Science")
    SOCIETY_CULTURE = "Society & Culture", _("Society & Culture")
    SPORTS = "Sports", _("Sports")
    TECHNOLOGY = "Technology", _("Technology")
    TRUE_CRIME = "True Crime", _("True Crime")
    TV_FILM = "TV & Film", _("TV & Film")


class PodcastPage(RoutablePageMixin, CachedPage):
    """A podcast show: what it is about, who makes it, and how podcast apps should list it."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    artwork = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("show artwork"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, at least 1400 × 1400 pixels: podcast apps show it as the cover."),
    )
    owner_name = models.CharField(
        _("author and owner"),
        max_length=255,
        help_text=_("Shown as the maker of the podcast in podcast apps."),
    )
    owner_email = models.EmailField(
        _("owner e-mail address"),
        help_text=_("Podcast directories write here to confirm who owns the podcast."),
    )
    itunes_category = models.CharField(
        _("podcast category"),
        max_length=40,
        choices=ItunesCategory.choices,
        default=ItunesCategory.EDUCATION,
    )
    explicit = models.BooleanField(
        _("explicit content"),
        default=False,
        help_text=_("Podcast apps warn listeners and may hide explicit podcasts."),
    )

    content_panels = CachedPage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("artwork"),
        MultiFieldPanel(
            [
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("itunes_category"),
                FieldPanel("explicit"),
            ],
            heading=_("In podcast apps"),
        ),
    ]
    parent_page_types = ["courses.LibraryPage"]
    subpage_types = ["courses.PodcastEpisodePage"]

    class Meta:
        verbose_name = _("podcast")

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def feed_url(self):
        return self.feed_url_of(self)

    @classmethod
    def feed_url_of(cls, show):
        """The feed's address from any page object of the show, without loading its fields."""
        return show.url + cls.get_resolver().reverse(FEED_ROUTE)

    def serve(self, request, *args, **kwargs):
        # Routed views (the feed) skip CachedPage.serve; anonymous output is the same for all.
        response = super().serve(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            mark_cacheable(response)
        return response

    @path("feed/", name=FEED_ROUTE)
    def feed(self, request):
        return page_route_serve(self, FEED_ROUTE, request=request)  # courses/feeds.py


class PodcastEpisodePage(CachedPage):
    """One audio episode of a podcast show."""

    audio = models.ForeignKey(
        "media.MediaAsset",
        verbose_name=_("audio"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_notes = RichTextField(_("show notes"), blank=True, features=RICH_TEXT_FEATURES)
    episode_number = models.PositiveIntegerField(
        _("episode number"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    season = models.PositiveIntegerField(
        _("season"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    publication_date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        help_text=_("Podcast apps sort the episodes by this date."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_("Lets deaf and hard-of-hearing listeners follow, and makes it searchable."),
    )
    themes = ParentalManyToManyField("courses.Theme", verbose_name=_("themes"), blank=True)

    content_panels = CachedPage.content_panels + [
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("show_notes"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("episode_number"),
                FieldPanel("season"),
            ],
            heading=_("Episode"),
        ),
        FieldPanel("themes"),
        FieldPanel("transcript"),
    ]
    search_fields = CachedPage.search_fields + [
        index.SearchField("show_notes"),
        index.SearchField("transcript"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["courses.PodcastPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("podcast episode")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(episode_number__isnull=True) | models.Q(episode_number__gte=1),
                name="courses_episode_number_positive",
            ),
            models.CheckConstraint(
                condition=models.Q(season__isnull=True) | models.Q(season__gte=1),
                name="courses_episode_season_positive",
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.audio_id is None:
            errors["audio"] = _("Choose the audio file of this episode.")
        elif self.audio.type != "audio":
            errors["audio"] = _("This is a video. A podcast episode needs an audio file.")
        if self.slug == FEED_ROUTE:
            # The show's feed answers at <show>/feed/; an episode there would hide it.
            errors["slug"] = _("“feed” is the address of the podcast feed; choose another slug.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feed_url"] = PodcastPage.feed_url_of(context["parent_page"])
        return context
