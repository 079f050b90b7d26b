"""The admin form of an intervision session: its dates, place and sign-up window must agree."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.models import WagtailAdminModelFormMetaclass
from wagtail.models import Locale

from courses.forms import language_choices_order
from elearning.accounts.roles import MODERATORS, TRAINERS

from .models import HOLDING_STATUSES, Mode, SignUp


def facilitator_candidates(*also):
    """People who may run a session: trainers, editors, staff and administrators.

    `also` keeps someone listed who is no longer in these groups (the current facilitator, or
    the person filling in the form), so saving never silently drops them.
    """
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(is_staff=True)
            | Q(groups__name__in=[TRAINERS, MODERATORS])
            | Q(pk__in=[pk for pk in also if pk])
        )
        .filter(is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def _person_label(user):
    """Name and address: two trainers may share a name."""
    name = user.get_full_name()
    return f"{name} ({user.email})" if name else user.email


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


class MeetingForm(WagtailAdminModelForm):
    """One date of a session; its check runs before the model's, so the error sits on a field."""

    def clean(self):
        cleaned_data = super().clean()
        starts_at, ends_at = cleaned_data.get("starts_at"), cleaned_data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("A date must end after it starts."))
        return cleaned_data


class SessionFormMetaclass(WagtailAdminModelFormMetaclass):
    """Builds the dates' inline forms (InlinePanel) from MeetingForm."""

    @classmethod
    def child_form(cls):
        return MeetingForm


class IntervisionSessionForm(WagtailAdminModelForm, metaclass=SessionFormMetaclass):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._language_choices_order()
        facilitator = self.fields.get("facilitator")
        if facilitator is None:
            return
        user_pk = getattr(self.for_user, "pk", None)
        facilitator.queryset = facilitator_candidates(self.instance.facilitator_id, user_pk)
        # Left empty, the session goes to whoever saves it (see clean).
        facilitator.required = False
        facilitator.help_text = _("Empty: you.")
        facilitator.label_from_instance = _person_label
        if self.instance._state.adding and user_pk:
            facilitator.initial = user_pk

    def _language_choices_order(self):
        """The theme and modules in the session's language first; the others are labelled with
        their language (one module exists in Dutch, French and English under one name)."""
        language = self.data.get("language") if self.is_bound else self.instance.language
        locale = Locale.objects.filter(language_code=language or self.instance.language).first()
        if locale is None:
            return
        for name in ("theme", "prerequisite_modules"):
            if name in self.fields:
                language_choices_order(self.fields[name], locale_id=locale.pk)

    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("facilitator") and getattr(self.for_user, "pk", None):
            cleaned_data["facilitator"] = self.for_user
        self._check_place()
        self._check_places()
        self._check_window(self._first_start())
        return cleaned_data

    def _check_place(self):
        mode = self.cleaned_data.get("mode")
        if mode == Mode.ONLINE and not self.cleaned_data.get("join_url"):
            self.add_error("join_url", _("An online session needs a join link."))
        if mode == Mode.ON_SITE and not (self.cleaned_data.get("address") or "").strip():
            self.add_error("address", _("A session on site needs an address."))

    def _check_places(self):
        minimum = self.cleaned_data.get("min_places")
        maximum = self.cleaned_data.get("max_places")
        if maximum is None:
            return
        if minimum is not None and maximum < minimum:
            self.add_error("max_places", _("The maximum cannot be below the minimum."))
            return
        taken = self._places_taken()
        if maximum < taken:
            self.add_error(
                "max_places",
                _("Places already taken: %(taken)s. The maximum cannot be lower.")
                % {"taken": taken},
            )

    def _places_taken(self):
        if self.instance.pk is None:
            return 0
        return SignUp.objects.filter(session=self.instance, status__in=HOLDING_STATUSES).count()

    def _first_start(self):
        """The earliest start among the dates kept (a date's own errors show on that date)."""
        formset = self.formsets.get("meetings")
        if formset is None:
            return None
        starts = [
            form.cleaned_data.get("starts_at")
            for form in formset.forms
            if form.is_valid() and not form.cleaned_data.get("DELETE")
        ]
        return min(filter(None, starts), default=None)

    def _check_window(self, first_start):
        opens = self.cleaned_data.get("signup_opens_at")
        closes = self.cleaned_data.get("signup_closes_at")
        cutoff = self.cleaned_data.get("cancellation_cutoff_at")
        if opens and closes and closes <= opens:
            self.add_error("signup_closes_at", _("Sign-up must close after it opens."))
        if first_start is None:
            return
        if closes and closes > first_start:
            self.add_error(
                "signup_closes_at",
                _("Sign-up must close before the first date starts (%(start)s).")
                % {"start": _when(first_start)},
            )
        if cutoff and cutoff > first_start:
            self.add_error(
                "cancellation_cutoff_at",
                _("The cancellation cut-off must come before the first date starts (%(start)s).")
                % {"start": _when(first_start)},
            )
