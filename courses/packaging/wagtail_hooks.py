from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


class PackagesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.EXPORT_PERMISSION) or request.user.has_perm(
            views.IMPORT_PERMISSION
        )


@hooks.register("register_admin_urls")
def register_package_urls():
    urls = [
        path("", views.package_index, name="index"),
        path("courses/<id:course_id>/export/", views.export_start, name="export"),
        path("courses/<id:course_id>/offer/", views.offer_toggle, name="offer"),
        path("courses/<id:course_id>/<str:standard>.zip", views.standard_download, name="standard"),
        path("exports/<id:export_id>/status/", views.export_status, name="status"),
        path("exports/<id:export_id>/download/", views.export_download, name="download"),
        path("import/", views.import_upload, name="upload"),
        path("import/other-site/", views.import_remote, name="remote"),
        path("imports/<id:import_id>/", views.import_preview, name="preview"),
        path("imports/<id:import_id>/import/", views.import_confirm, name="confirm"),
        path("imports/<id:import_id>/discard/", views.import_discard, name="discard"),
    ]
    return [path("course-packages/", include((urls, "course_packages")))]


@hooks.register("register_admin_menu_item")
def register_packages_menu_item():
    return PackagesMenuItem(
        _("Course packages"), reverse("course_packages:index"), icon_name="download", order=230
    )
