"""The podcast: a show page in the library with its audio episodes as child pages.

The show also answers at `<show url>feed/` with the RSS 2.0 feed that podcast apps subscribe to
(courses/feeds.py); each language has its own show, episodes and feed.
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from elearning.core.page_cache import mark_cacheable
from elearning.core.sites import page_full_url

from ..blocks import RICH_TEXT_FEATURES, SpeakerBlock
from ..forms import PodcastPageForm
from ..page_context import page_route_serve
from ..podcast_artwork import ARTWORK_MISSING, artwork_check
from .pages import CachedPage

FEED_ROUTE = "feed"
# The Podcasting 2.0 namespace's own UUID, from which every podcast:guid is derived.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


def podcast_guid_from_feed_url(feed_url):
    """The podcast:guid the Podcasting 2.0 namespace derives from a feed's address: a UUIDv5 of
    the address without its scheme and trailing slashes."""
    address = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*://", "", feed_url).rstrip("/")
    return uuid.uuid5(PODCAST_GUID_NAMESPACE, address)


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
        help_text=_(
            "Square, 1400 to 3000 pixels on a side, JPEG or PNG: podcast apps show it as the "
            "cover. Needed to publish."
        ),
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
    # Stored, not derived at each request: the namespace gives a podcast its GUID once, from the
    # feed address of its first publication, and it must follow the show through a new domain
    # or slug, or apps and directories take it for another podcast. Not editable, so neither
    # translations (wagtail-localize) nor copies take the original's: each language's show is
    # a podcast of its own with its own feed.
    podcast_guid = models.UUIDField(_("podcast GUID"), null=True, editable=False)

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
    base_form_class = PodcastPageForm
    exclude_fields_in_copy = ["podcast_guid"]

    class Meta:
        verbose_name = _("podcast")

    def clean(self):
        super().clean()
        if self.artwork_id is not None:
            try:
                artwork_check(image=self.artwork)
            except ValidationError as problem:
                raise ValidationError({"artwork": problem}) from None

    def save(self, *args, **kwargs):
        # Publishing saves the page live and validated (Wagtail's Page.save); a draft may lack
        # the artwork, a published show may not, however it is published (admin, moderation,
        # schedule, script). Metadata updates pass clean=False and are left alone.
        if self.live and kwargs.get("clean", True) and self.artwork_id is None:
            raise ValidationError({"artwork": ARTWORK_MISSING})
        result = super().save(*args, **kwargs)
        if self.live and self.podcast_guid is None:
            self._podcast_guid_assign()
        return result

    def _podcast_guid_assign(self):
        """Give the show its podcast:guid from its feed address at its first publication (after
        saving: a new page has its address only then)."""
        show_url = page_full_url(self)
        if show_url is None:
            return
        self.podcast_guid = podcast_guid_from_feed_url(show_url + self.reverse_subpage(FEED_ROUTE))
        type(self).objects.filter(pk=self.pk, podcast_guid=None).update(
            podcast_guid=self.podcast_guid
        )

    def with_content_json(self, content):
        # A revision saved before the first publication carries no GUID: publishing or
        # reverting to it keeps the one the show already has.
        page = super().with_content_json(content)
        page.podcast_guid = self.podcast_guid or page.podcast_guid
        return page

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
    speakers = StreamField(
        [("speaker", SpeakerBlock())],
        verbose_name=_("speakers"),
        blank=True,
        help_text=_("Who is heard in this episode; podcast apps show them with the episode."),
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
        FieldPanel("speakers"),
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
