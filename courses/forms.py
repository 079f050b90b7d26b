"""Admin forms of course pages: rules that hold when a page goes out, not for every draft."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import TranslatableMixin

from .podcast_artwork import ARTWORK_MISSING

# What the admin proposes for a new module's time requirement (in % of its duration). The
# field's own default stays 0 (none): modules made before the requirement existed, packages
# without it and old revisions keep their completion rule unchanged.
NEW_MODULE_MIN_TIME_PERCENT = 50


def language_choices_order(field, *, locale_id, only_own=False, kept=()):
    """Order a picker of translatable items (themes, modules) with the given locale's first,
    the others after them and labelled with their language; `only_own` leaves the others out,
    except the `kept` ones already chosen (saving never drops them silently)."""
    queryset = field.queryset.select_related("locale")
    if only_own:
        queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk__in=kept))
    own_first = Case(
        When(locale_id=locale_id, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    field.queryset = queryset.order_by(own_first, *ordering)
    field.label_from_instance = lambda item: (
        str(item) if item.locale_id == locale_id else f"{item} ({item.locale.get_display_name()})"
    )


def chosen_pks(value):
    """The primary keys of a field's initial value: one item, a list of them, or none."""
    if value is None:
        return []
    items = value if hasattr(value, "__iter__") and not isinstance(value, str) else [value]
    return [getattr(item, "pk", item) for item in items]


class PageForm(WagtailAdminPageForm):
    """The form of our pages: a picker of themes (translated per language) offers the page's
    own language only, so a French page is not tagged with a Dutch theme."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = self.instance.locale_id
        if locale_id is None:
            return
        for name, field in self.fields.items():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is not None and issubclass(model, TranslatableMixin):
                kept = chosen_pks(self.initial.get(name))
                language_choices_order(field, locale_id=locale_id, only_own=True, kept=kept)


class ModulePageForm(PageForm):
    """A new module starts with a time requirement, so that completing it takes some study."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "min_time_percent" in self.fields:
            self.initial["min_time_percent"] = NEW_MODULE_MIN_TIME_PERCENT


class WebinarPageForm(PageForm):
    """A recorded webinar goes out only with captions (accessibility law for public bodies,
    WCAG 2.1 success criterion 1.2.2). A draft may be saved without them; publishing and
    submitting for moderation may not."""

    def clean(self):
        cleaned = super().clean()
        recording = cleaned.get("recording")
        going_out = not self.is_deferred_validation  # drafts defer required-field checks
        if going_out and recording is not None and not recording.captions.exists():
            self.add_error(
                "recording",
                _(
                    "A recorded webinar needs captions before it is published or submitted: "
                    "add a WebVTT file under Captions in the menu, then try again."
                ),
            )
        return cleaned


class PodcastPageForm(PageForm):
    """A show goes out only with its artwork (podcast directories refuse a feed without one); a
    draft may be saved without it, publishing and submitting for moderation may not."""

    def clean(self):
        cleaned = super().clean()
        going_out = not self.is_deferred_validation  # drafts defer required-field checks
        if going_out and cleaned.get("artwork") is None and "artwork" not in self.errors:
            self.add_error("artwork", ARTWORK_MISSING)
        return cleaned
