from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme, Trainer
from .packaging import views as package_views


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    add_to_admin_menu = True
    menu_order = 210
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["name", "organisation"]
    search_fields = ["name", "organisation"]


register_snippet(ThemeViewSet)
register_snippet(TrainerViewSet)


class PackagesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(package_views.EXPORT_PERMISSION) or request.user.has_perm(
            package_views.IMPORT_PERMISSION
        )


@hooks.register("register_admin_urls")
def register_package_urls():
    urls = [
        path("", package_views.package_index, name="index"),
        path("courses/<id:course_id>/export/", package_views.export_start, name="export"),
        path("courses/<id:course_id>/offer/", package_views.offer_toggle, name="offer"),
        path(
            "courses/<id:course_id>/<str:standard>.zip",
            package_views.standard_download,
            name="standard",
        ),
        path("exports/<id:export_id>/status/", package_views.export_status, name="status"),
        path("exports/<id:export_id>/download/", package_views.export_download, name="download"),
        path("import/", package_views.import_upload, name="upload"),
        path("import/other-site/", package_views.import_remote, name="remote"),
        path("imports/<id:import_id>/", package_views.import_preview, name="preview"),
        path("imports/<id:import_id>/import/", package_views.import_confirm, name="confirm"),
        path("imports/<id:import_id>/discard/", package_views.import_discard, name="discard"),
    ]
    return [path("course-packages/", include((urls, "course_packages")))]


@hooks.register("register_admin_menu_item")
def register_packages_menu_item():
    return PackagesMenuItem(
        _("Course packages"), reverse("course_packages:index"), icon_name="download", order=230
    )
