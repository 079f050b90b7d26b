"""The course and its parts: the course page, its modules and its webinars (in a course or
standalone in the library), with the rule that says when a module counts as completed."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from ..blocks import ChapterBlock, ModuleBodyBlock
from ..forms import ModulePageForm, WebinarPageForm
from .pages import CachedPage

MODULE_MAX_MINUTES = 20


class CompletionRule(models.TextChoices):
    """What a learner must do before a module counts as completed (chosen by the editor).

    Time is not one of the choices: `ModulePage.min_time_percent` is a requirement of its own,
    met in addition to whichever rule is chosen ("viewed" with 50 % reads "spent at least half
    the module's duration on it"), so time combines with every rule without a choice per pair.
    """

    VIEWED = "viewed", _("the learner opened the module")
    WATCHED = "watched", _("the learner watched enough of the video or audio")
    CHECK_PASSED = "check_passed", _("the learner passed the knowledge check")
    WATCHED_AND_CHECK = "watched_and_check", _("both: watched enough and passed the check")

    @property
    def needs_media(self):
        return self in (CompletionRule.WATCHED, CompletionRule.WATCHED_AND_CHECK)

    @property
    def needs_check(self):
        return self in (CompletionRule.CHECK_PASSED, CompletionRule.WATCHED_AND_CHECK)


LICENCE_CHOICES = [
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"),
    ("all-rights-reserved", _("All rights reserved")),
]


EVALUATION_MAX_QUESTIONS = 6  # short: a learner answers in a minute


class CoursePage(CachedPage):
    """A course: a short series of modules (and webinars), with who it is for and by whom."""

    image = models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    themes = ParentalManyToManyField("courses.Theme", verbose_name=_("themes"), blank=True)
    audience = ParentalManyToManyField(
        "core.Sector", verbose_name=_("audience sectors"), blank=True
    )
    learning_objectives = StreamField(
        [("objective", blocks.CharBlock(label=_("learning objective")))],
        verbose_name=_("learning objectives"),
        blank=True,
    )
    trainers = ParentalManyToManyField("courses.Trainer", verbose_name=_("trainers"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=32, choices=LICENCE_CHOICES, default="cc-by-sa-4.0"
    )
    attribution = models.CharField(
        _("attribution"),
        max_length=255,
        blank=True,
        help_text=_("Who made this course; shown with the licence and kept in packages."),
    )
    evaluation_questions = StreamField(
        [("rating", blocks.CharBlock(label=_("statement to rate from 1 to 5"), max_length=200))],
        verbose_name=_("evaluation"),
        blank=True,
        max_num=EVALUATION_MAX_QUESTIONS,
        help_text=_(
            "Learners who completed a module or webinar of this course, or took part in one of "
            "its intervision sessions, are asked to rate these statements (1 to 5) and may add "
            "a comment. Empty: no evaluation."
        ),
    )
    total_duration_minutes = models.PositiveIntegerField(
        _("total duration (minutes)"),
        default=0,
        editable=False,
        help_text=_("Sum of the published modules and webinars; kept up to date on publishing."),
    )

    content_panels = CachedPage.content_panels + [
        FieldPanel("image"),
        FieldPanel("learning_objectives"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("audience"), FieldPanel("trainers")],
            heading=_("For whom, about what, by whom"),
        ),
        MultiFieldPanel([FieldPanel("licence"), FieldPanel("attribution")], heading=_("Licence")),
        FieldPanel("evaluation_questions"),
    ]
    search_fields = CachedPage.search_fields + [index.FilterField("total_duration_minutes")]
    parent_page_types = ["courses.LibraryPage"]
    subpage_types = ["courses.ModulePage", "courses.WebinarPage"]

    class Meta:
        verbose_name = _("course")

    @cached_property
    def attribution_language(self):
        """The language of the course's first version: its makers' names are written in it
        (marked so on the other versions' pages, WCAG 3.1.2)."""
        first = self.get_translations(inclusive=True).order_by("pk").select_related("locale")
        return first.first().locale.language_code


class ModulePage(CachedPage):
    """A micro-learning unit of at most twenty minutes."""

    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"),
        validators=[MinValueValidator(1), MaxValueValidator(MODULE_MAX_MINUTES)],
        help_text=_("Estimated study time, at most 20 minutes."),
    )
    content_warning = models.TextField(
        _("content warning"),
        blank=True,
        help_text=_("Shown before the content when it describes violence or may distress."),
    )
    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"))
    required = models.BooleanField(
        _("required for the course"),
        default=True,
        help_text=_("The course counts as completed when every required module is completed."),
    )
    completion_rule = models.CharField(
        _("completed when"),
        max_length=20,
        choices=CompletionRule.choices,
        default=CompletionRule.VIEWED,
    )
    min_watched_percent = models.PositiveSmallIntegerField(
        _("minimum share watched (%)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "Counted over the parts of the video actually watched, not the furthest point."
        ),
    )
    min_score_percent = models.PositiveSmallIntegerField(
        _("minimum knowledge-check score (%)"),
        default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    min_time_percent = models.PositiveSmallIntegerField(
        _("minimum time on the module (%)"),
        default=0,  # none; the admin proposes NEW_MODULE_MIN_TIME_PERCENT for a new module
        validators=[
            MaxValueValidator(
                100, message=_("Enter a share of the duration from 0 to %(limit_value)s %%.")
            )
        ],
        help_text=_(
            "Required in addition to the rule above: the time the learner spent on the module "
            "(page open and in view, or a video or audio playing), as a share of its duration. "
            "0: no time required."
        ),
    )

    content_panels = CachedPage.content_panels + [
        FieldPanel("duration_minutes"),
        FieldPanel("content_warning"),
        FieldPanel("body"),
    ]
    settings_panels = CachedPage.settings_panels + [
        MultiFieldPanel(
            [
                FieldPanel("required"),
                FieldPanel("completion_rule"),
                FieldPanel("min_watched_percent"),
                FieldPanel("min_score_percent"),
                FieldPanel("min_time_percent"),
            ],
            heading=_("Completion"),
        )
    ]
    search_fields = CachedPage.search_fields + [
        index.SearchField("body"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []
    base_form_class = ModulePageForm

    class Meta:
        verbose_name = _("module")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    duration_minutes__gte=1, duration_minutes__lte=MODULE_MAX_MINUTES
                ),
                name="courses_module_duration_1_to_20",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    min_watched_percent__gte=1,
                    min_watched_percent__lte=100,
                    min_score_percent__gte=1,
                    min_score_percent__lte=100,
                ),
                name="courses_module_completion_percent_1_to_100",
            ),
            models.CheckConstraint(
                condition=models.Q(min_time_percent__gte=0, min_time_percent__lte=100),
                name="courses_module_time_percent_0_to_100",
            ),
        ]

    def clean(self):
        super().clean()
        body = self.body or []
        has_media = any(block.block_type in ("video", "audio") for block in body)
        has_check = any(block.block_type == "knowledge_check" for block in body)
        rule = CompletionRule(self.completion_rule)
        if rule.needs_media and not has_media:
            raise ValidationError(
                {"completion_rule": _("This rule needs a video or audio block in the content.")}
            )
        if rule.needs_check and not has_check:
            raise ValidationError(
                {"completion_rule": _("This rule needs a knowledge check in the content.")}
            )


class WebinarPage(CachedPage):
    """A live session (scheduled) and/or its recording; inside a course it is part of a series."""

    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    themes = ParentalManyToManyField("courses.Theme", verbose_name=_("themes"), blank=True)
    trainers = ParentalManyToManyField("courses.Trainer", verbose_name=_("trainers"), blank=True)
    recording = models.ForeignKey(
        "media.MediaAsset",
        verbose_name=_("recording"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    slides = models.ForeignKey(
        "media.CustomDocument",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chapters = StreamField([("chapter", ChapterBlock())], verbose_name=_("chapters"), blank=True)
    transcript = models.TextField(_("transcript"), blank=True)

    content_panels = CachedPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("starts_at"), FieldPanel("duration_minutes")], heading=_("Session")
        ),
        FieldPanel("themes"),
        FieldPanel("trainers"),
        MultiFieldPanel(
            [
                FieldPanel("recording"),
                FieldPanel("slides"),
                FieldPanel("chapters"),
                FieldPanel("transcript"),
            ],
            heading=_("Recording"),
        ),
    ]
    search_fields = CachedPage.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("chapters"),
        index.FilterField("duration_minutes"),
    ]
    parent_page_types = ["courses.LibraryPage", "courses.CoursePage"]
    subpage_types = []
    base_form_class = WebinarPageForm

    class Meta:
        verbose_name = _("webinar")

    def clean(self):
        super().clean()
        if not self.starts_at and not self.recording_id and not self.transcript:
            raise ValidationError(
                _("A webinar needs a start time (scheduled) or a recording (recorded).")
            )

    @property
    def is_upcoming(self):
        return bool(self.starts_at and self.starts_at > timezone.now())

    @property
    def is_recorded(self):
        return bool(self.recording_id or self.transcript)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = context["parent_page"]
        # Inside a course the webinar is one part of a series (Babobox: 3 x 20 minutes).
        context["series"] = parent if parent and parent.specific_class is CoursePage else None
        context["webinar_trainers"] = list(self.trainers.all())
        return context
