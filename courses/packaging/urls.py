"""Public addresses where other installations discover and pull course packages (catalogue.py)."""

from django.urls import path

from . import catalogue

urlpatterns = [
    path("packages/catalogue.json", catalogue.catalogue, name="course_package_catalogue"),
    path(
        "packages/<uuid:key>/v<id:version>.zip",
        catalogue.package_download,
        name="course_package_download",
    ),
]
