"""Intervision in the admin: trainers plan their sessions; each facilitator sees their own."""

import django_filters

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import models as generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from . import services
from .forms import IntervisionSessionForm
from .models import ACTIVE_STATUSES, IntervisionSession, Meeting
from .selectors import sessions_manageable_by, sessions_with_places
from .views import facilitator


def invite_facts(session_id):
    """What a participant's calendar invite says: when changed, everyone gets an update."""
    place = IntervisionSession.objects.filter(pk=session_id).values("mode", "address", "join_url")
    dates = Meeting.objects.filter(session_id=session_id).order_by("starts_at", "pk")
    return list(place), list(dates.values_list("starts_at", "ends_at"))


# --- The listing ---------------------------------------------------------------------------


class SessionFilterSet(WagtailFilterSet):
    when = django_filters.ChoiceFilter(
        label=gettext_lazy("When"),
        choices=[("upcoming", gettext_lazy("To come")), ("past", gettext_lazy("Over"))],
        empty_label=gettext_lazy("All"),
        widget=forms.RadioSelect,
        method="filter_when",
    )

    class Meta:
        model = IntervisionSession
        fields = []

    def filter_when(self, queryset, name, value):
        # A series still running counts as to come until its last date ends.
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(last_meeting_ends_at__gt=now)
        return queryset.filter(last_meeting_ends_at__lte=now)


def _first_date(session):
    if session.first_meeting_at is None:
        return ""
    return formats.date_format(timezone.localtime(session.first_meeting_at), "Y-m-d H:i")


def _places(session):
    if session.max_places is None:
        return _("%(taken)s (no limit)") % {"taken": session.places_taken}
    return f"{session.places_taken} / {session.max_places}"


def _status(session):
    if session.is_cancelled:
        return _("Cancelled")
    ends = session.last_meeting_ends_at
    return _("Over") if ends and ends <= timezone.now() else _("Planned")


class SessionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return sessions_with_places(sessions_manageable_by(self.request.user))

    def get_list_more_buttons(self, instance):
        participants = ListingButton(
            _("Participants"),
            url=reverse("intervision_facilitator:participants", args=[instance.pk]),
            icon_name="group",
            attrs={"aria-label": _("Participants of “%(title)s”") % {"title": instance}},
            priority=5,
        )
        return [participants, *super().get_list_more_buttons(instance)]


# --- Create, edit, delete ------------------------------------------------------------------


class ManageableSessionMixin:
    """A session someone else runs is not found (history and usage by URL: their listings are
    of log entries and references, so only the object lookup narrows)."""

    def get_base_object_queryset(self):
        return sessions_manageable_by(self.request.user)


class ManageableSessionFormMixin(ManageableSessionMixin):
    """A session someone else runs is not found (edit and delete by URL)."""

    def get_queryset(self):
        return sessions_manageable_by(self.request.user)


def _places_added(before, after):
    """More places than before (None is no limit at all)."""
    if after is None:
        return before is not None
    return before is not None and after > before


class SessionEditView(ManageableSessionFormMixin, generic.EditView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except services.SignUpRefused as refused:  # places counted again under the lock
            form.add_error("max_places", refused.message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def save_instance(self):
        # Under the session's lock (taken first, as the services do): sign-ups wait until the
        # new maximum is saved, and it is checked against the places taken now, not when the
        # form was checked. The sequence and the cancellation may have moved since the form was
        # loaded and must not be written back.
        current = services.session_places_check(
            session_id=self.object.pk, max_places=self.object.max_places
        )
        self.object.sequence = current.sequence
        self.object.cancelled_at = current.cancelled_at
        before = invite_facts(self.object.pk)
        max_before = current.max_places
        instance = super().save_instance()
        if invite_facts(instance.pk) != before:
            services.session_changed(session_id=instance.pk)
            self._tell_editor(instance)
        if _places_added(max_before, instance.max_places):
            services.places_refill(session_id=instance.pk)
        return instance

    def _tell_editor(self, session):
        told = session.signups.filter(status__in=ACTIVE_STATUSES).count()
        if told:
            messages.info(
                self.request,
                ngettext(
                    "The %(count)s person signed up gets the updated invite.",
                    "The %(count)s people signed up get the updated invite.",
                    told,
                )
                % {"count": told},
            )


class SessionDeleteView(ManageableSessionFormMixin, generic.DeleteView):
    """Deleting would drop people's places without a word: they must hear of a cancellation."""

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refusal() or super().post(request, *args, **kwargs)

    def _refusal(self):
        if not self.object.signups.filter(status__in=ACTIVE_STATUSES).exists():
            return None
        messages.error(
            self.request,
            _("People are signed up for this session: cancel it, so that they are told."),
        )
        return redirect("intervision_facilitator:participants", pk=self.object.pk)


class SessionHistoryView(ManageableSessionMixin, HistoryView):
    pass


class SessionUsageView(ManageableSessionMixin, UsageView):
    pass


class IntervisionViewSet(ModelViewSet):
    model = IntervisionSession
    url_prefix = "intervision"
    icon = "group"
    menu_label = gettext_lazy("Intervision")
    add_to_admin_menu = True
    menu_order = 330
    copy_view_enabled = False
    index_view_class = SessionIndexView
    edit_view_class = SessionEditView
    delete_view_class = SessionDeleteView
    history_view_class = SessionHistoryView
    usage_view_class = SessionUsageView
    filterset_class = SessionFilterSet
    search_fields = ["title"]
    list_display = [
        "title",
        Column(
            "first_meeting_at",
            label=gettext_lazy("First date"),
            accessor=_first_date,
            sort_key="first_meeting_at",
        ),
        Column("places", label=gettext_lazy("Places taken"), accessor=_places),
        Column("waiting", label=gettext_lazy("Waiting list"), sort_key="waiting"),
        StatusTagColumn(
            "status",
            label=gettext_lazy("Status"),
            accessor=_status,
            primary=lambda session: not session.is_cancelled,
        ),
    ]
    ordering = "first_meeting_at"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldPanel("language"),
                    FieldPanel("course"),
                    FieldPanel("theme"),
                    FieldPanel("webinar"),
                    FieldPanel("facilitator"),
                ],
                heading=gettext_lazy("The session"),
            ),
            InlinePanel(
                "meetings",
                min_num=1,
                heading=gettext_lazy("Dates"),
                label=gettext_lazy("Date"),
                panels=[FieldPanel("starts_at"), FieldPanel("ends_at")],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("mode", widget=forms.RadioSelect),
                    FieldPanel("address"),
                    FieldPanel("join_url"),
                ],
                heading=gettext_lazy("Where"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("min_places"),
                    FieldPanel("max_places"),
                    FieldPanel("signup_opens_at"),
                    FieldPanel("signup_closes_at"),
                    FieldPanel("cancellation_cutoff_at"),
                    FieldPanel("offer_hours"),
                ],
                heading=gettext_lazy("Places and sign-up"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("prerequisite_modules"),
                ],
                heading=gettext_lazy("Who may sign up"),
            ),
            MultiFieldPanel(
                [FieldPanel("confidentiality_text"), FieldPanel("never_recorded")],
                heading=gettext_lazy("Confidentiality"),
            ),
        ],
        base_form_class=IntervisionSessionForm,
    )


@hooks.register("register_admin_viewset")
def register_intervision_viewset():
    return IntervisionViewSet("intervision_sessions")


@hooks.register("register_admin_urls")
def register_facilitator_urls():
    urls = [
        path("<id:pk>/participants/", facilitator.participants, name="participants"),
        path("<id:pk>/participants/csv/", facilitator.participants_csv, name="csv"),
        path("<id:pk>/participants/xlsx/", facilitator.participants_xlsx, name="xlsx"),
        path(
            "<id:pk>/participants/attendance/",
            facilitator.attendance_mark_all,
            name="attendance_all",
        ),
        path(
            "<id:pk>/sign-ups/<id:signup_id>/promote/",
            facilitator.signup_promote,
            name="promote",
        ),
        path("<id:pk>/cancel/", facilitator.session_cancel, name="cancel"),
    ]
    return [path("intervision/", include((urls, "intervision_facilitator")))]
