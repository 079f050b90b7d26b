"""The public catalogue: which course packages this installation offers, as JSON, and their
downloads. Another installation reads it to discover packages and pulls the one it wants
(`manage.py package_pull`). Only courses their editors chose to offer are listed, while they
are live and their latest export holds nothing restricted (offering.py); the content is the
same as on the public pages."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Page, Site

from courses.models import CoursePackage, JobStatus, PackageExport
from elearning.core.sites import site_root_url
from media.sending import protected_file_response

from . import schema
from .offering import export_offered, exports_offerable

CATALOGUE_FORMAT = "vif-course-catalogue"


def catalogue_entries(*, base_url):
    """The offered packages with their latest ready export, in the same queries whatever their
    number (six at most: the packages, their exports, their live courses, the view
    restrictions, the pages under them, the titles)."""
    latest = PackageExport.objects.filter(package=OuterRef("pk"), status=JobStatus.READY).order_by(
        "-created_at", "-pk"
    )
    packages = list(
        CoursePackage.objects.filter(offered=True, course__live=True)
        .select_related("course")
        .annotate(export_id=Subquery(latest.values("pk")[:1]))
        .filter(export_id__isnull=False)
        .order_by("pk")
    )
    exports = PackageExport.objects.in_bulk([package.export_id for package in packages])
    exports = exports_offerable(
        packages, {package.pk: exports[package.export_id] for package in packages}
    )
    packages = [package for package in packages if package.pk in exports]
    left_out = {
        (item.get("key"), item.get("language"))
        for export in exports.values()
        for item in export.left_out or []
    }
    titles = {}
    for key, language, title in Page.objects.filter(
        translation_key__in=[package.key for package in packages], live=True
    ).values_list("translation_key", "locale__language_code", "title"):
        if (str(key), language) not in left_out:  # a restricted translation is not in it
            titles.setdefault(key, {})[language] = title
    return [_entry(package, exports[package.pk], titles, base_url) for package in packages]


def _entry(package, export, titles, base_url):
    download = reverse("course_package_download", args=[package.key, export.version])
    return {
        "key": str(package.key),
        "title": titles.get(package.key, {}),
        "languages": sorted(titles.get(package.key, {})),
        "version": export.version,
        "licence": package.course.licence,
        "attribution": package.course.attribution,
        "origin": package.origin,
        "size": export.size,
        "sha256": export.sha256,
        "exported_at": export.finished_at.isoformat() if export.finished_at else None,
        "download": base_url + download,
    }


@require_GET
@cache_control(public=True, max_age=300)
def catalogue(request):
    site = Site.find_for_request(request)
    # SITE_URL, not the host this request named: other installations keep these addresses.
    base_url = site_root_url()
    return JsonResponse(
        {
            "format": CATALOGUE_FORMAT,
            "schema_version": schema.SCHEMA_VERSION,
            "publisher": site.site_name if site else "",
            "site": base_url,
            "languages": [code for code, _name in settings.LANGUAGES],
            "packages": catalogue_entries(base_url=base_url),
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def package_download(request, key, version):
    """The offered package of this version; anything not offered (no longer live, restricted
    since, an older version) is simply not found."""
    export = export_offered(key=key, version=version)
    if export is None:
        raise Http404
    return protected_file_response(
        request,
        export.file,
        content_type="application/zip",
        disposition=content_disposition_header(True, f"{key}-v{version}.zip"),
    )
