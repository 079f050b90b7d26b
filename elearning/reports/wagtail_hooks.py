"""The reports in the Wagtail admin: two screens under Reports, and who coordinates which
municipality under Settings (administrators only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import MunicipalCoordinatorForm
from .models import MunicipalCoordinator
from .views.dashboards import learning_report, may_see_reports, municipal_report_view


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/learning/", learning_report, name="reports_learning"),
        path("reports/municipalities/", municipal_report_view, name="reports_municipalities"),
    ]


class LearningReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_reports(request.user)


@hooks.register("register_reports_menu_item")
def register_learning_report_menu_item():
    return LearningReportMenuItem(
        _("Learning per course"),
        reverse("reports_learning"),
        name="reports-learning",
        icon_name="doc-full-inverse",
        order=1200,
    )


@hooks.register("register_reports_menu_item")
def register_municipal_report_menu_item():
    return LearningReportMenuItem(
        _("Municipalities and intervision"),
        reverse("reports_municipalities"),
        name="reports-municipalities",
        icon_name="group",
        order=1210,
    )


class MunicipalCoordinatorViewSet(ModelViewSet):
    model = MunicipalCoordinator
    icon = "group"
    menu_label = _("Municipal coordinators")
    add_to_settings_menu = True
    panels = [FieldPanel("email"), FieldPanel("municipality")]
    list_display = ["municipality", "user"]
    list_filter = ["municipality"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]

    def get_form_class(self, for_update=False):
        return MunicipalCoordinatorForm


@hooks.register("register_admin_viewset")
def register_coordinator_viewset():
    return MunicipalCoordinatorViewSet("municipal_coordinators")
