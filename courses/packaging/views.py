"""Admin screens for course packages: export, offer in the catalogue, upload, preview, import."""

import tempfile

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wagtail.models import Locale, Page

from courses.models import CoursePage, JobStatus, PackageExport, PackageImport
from media.sending import protected_file_response

from . import pull, services
from .forms import PackageUploadForm
from .offering import exports_offerable
from .schema import PackageRefused
from .standards import cartridge_write, scorm_write

EXPORT_PERMISSION = "courses.export_coursepackage"
IMPORT_PERMISSION = "courses.import_coursepackage"
PER_PAGE = 25
STANDARDS = {"scorm": "SCORM 1.2", "cartridge": "IMS Common Cartridge"}


def _require(user, *permissions):
    if not any(user.has_perm(permission) for permission in permissions):
        raise PermissionDenied


def package_index(request):
    _require(request.user, EXPORT_PERMISSION, IMPORT_PERMISSION)
    courses = (
        CoursePage.objects.filter(locale=Locale.get_default())
        .select_related("package")
        .prefetch_related(
            Prefetch(
                "package__exports", queryset=PackageExport.objects.order_by("-created_at", "-pk")
            )
        )
        .order_by("title")
    )
    page = Paginator(courses, PER_PAGE).get_page(request.GET.get("p"))
    languages = _live_languages([course.translation_key for course in page])
    packages = [course.package for course in page if getattr(course, "package", None)]
    ready = {package.pk: export for package in packages if (export := _latest_ready(package))}
    offerable = exports_offerable([package for package in packages if package.offered], ready)
    left_out = _left_out_titles(ready.values())
    rows = []
    for course in page:
        package = getattr(course, "package", None)
        export = ready.get(package.pk) if package else None
        rows.append(
            {
                "course": course,
                "export": _latest_export(package),
                "languages": languages.get(course.translation_key, []),
                "left_out": [
                    title for item, title in left_out.items() if item in _identities(export)
                ],
                "in_catalogue": bool(package and package.pk in offerable),
            }
        )
    return TemplateResponse(
        request,
        "packaging/index.html",
        {
            "page_obj": page,
            "rows": rows,
            "imports": PackageImport.objects.select_related(
                "course", "uploaded_by", "confirmed_by"
            )[:10],
            "can_export": request.user.has_perm(EXPORT_PERMISSION),
            "can_import": request.user.has_perm(IMPORT_PERMISSION),
            "standards": STANDARDS,
        },
    )


def _live_languages(keys):
    """{translation key: [language, ...]} of the live translations, in one query."""
    found = {}
    rows = Page.objects.filter(translation_key__in=keys, live=True).order_by("locale_id")
    for key, language in rows.values_list("translation_key", "locale__language_code"):
        found.setdefault(key, []).append(language)
    return found


def _identities(export):
    return [(item.get("key"), item.get("language")) for item in (export.left_out if export else [])]


def _left_out_titles(exports):
    """{(key, language): "title (language)"} of the pages these exports left out, in one query."""
    identities = {item for export in exports for item in _identities(export)}
    pages = Page.objects.filter(translation_key__in={key for key, _language in identities})
    return {
        (str(page.translation_key), page.locale.language_code): (
            f"{page.title} ({page.locale.language_code})"
        )
        for page in pages.select_related("locale").order_by("path")
        if (str(page.translation_key), page.locale.language_code) in identities
    }


def _latest_export(package):
    """The newest export whatever its state: the list shows its progress or its problem."""
    exports = list(package.exports.all()) if package else []
    return exports[0] if exports else None


def _latest_ready(package):
    """The newest ready export: the one the catalogue offers (catalogue.py), never a newer
    export that failed or is still running."""
    return next((e for e in package.exports.all() if e.status == JobStatus.READY), None)


@require_POST
def export_start(request, course_id):
    _require(request.user, EXPORT_PERMISSION)
    course = get_object_or_404(CoursePage, pk=course_id)
    services.package_export_request(course=course, user=request.user)
    messages.success(request, _("The export of “%(title)s” has started.") % {"title": course.title})
    return redirect("course_packages:index")


def export_status(request, export_id):
    """Where an export stands, for the progress bar on the index (polled every few seconds)."""
    _require(request.user, EXPORT_PERMISSION)
    export = get_object_or_404(PackageExport, pk=export_id)
    return JsonResponse(
        {
            "status": export.status,
            "label": export.get_status_display(),
            "progress": export.progress,
            "download": reverse("course_packages:download", args=[export.pk])
            if export.status == JobStatus.READY
            else "",
            "problem": export.problem if export.status == JobStatus.FAILED else "",
        }
    )


def export_download(request, export_id):
    _require(request.user, EXPORT_PERMISSION)
    export = get_object_or_404(PackageExport, pk=export_id, status=JobStatus.READY)
    # Streamed in chunks, sent by nginx, or fetched from object storage by a signed address.
    return protected_file_response(
        request,
        export.file,
        content_type="application/zip",
        disposition=content_disposition_header(True, export.file.name.rsplit("/", 1)[-1]),
    )


@require_POST
def offer_toggle(request, course_id):
    _require(request.user, EXPORT_PERMISSION)
    course = get_object_or_404(CoursePage, pk=course_id)
    package = services.package_of(course=course)
    package.offered = not package.offered
    package.save(update_fields=["offered", "updated_at"])
    if package.offered:
        messages.success(
            request, _("“%(title)s” is offered in the catalogue.") % {"title": course.title}
        )
    else:
        messages.success(request, _("“%(title)s” is no longer offered.") % {"title": course.title})
    return redirect("course_packages:index")


def standard_download(request, course_id, standard):
    """A SCORM 1.2 package or a Common Cartridge of the course, written to a temporary file
    and streamed (memory stays bounded)."""
    _require(request.user, EXPORT_PERMISSION)
    if standard not in STANDARDS:
        raise Http404
    course = get_object_or_404(CoursePage, pk=course_id)
    writer = scorm_write if standard == "scorm" else cartridge_write
    language = request.GET.get("language") or None
    out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it after sending
    try:
        writer(course=course, out=out, language=language)
    except PackageRefused as refusal:
        out.close()
        messages.error(request, refusal.message)
        return redirect("course_packages:index")
    out.seek(0)
    suffix = f"-{language}" if language else ""
    return FileResponse(out, as_attachment=True, filename=f"{course.slug}-{standard}{suffix}.zip")


def import_upload(request):
    _require(request.user, IMPORT_PERMISSION)
    form = PackageUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            preview = services.package_preview_make(
                upload=form.cleaned_data["package"], user=request.user
            )
        except PackageRefused as refusal:
            form.add_error("package", refusal.message)
            status = 400
        else:
            return redirect("course_packages:preview", preview.pk)
    elif request.method == "POST":
        status = 400
    return TemplateResponse(request, "packaging/upload.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
def import_remote(request):
    """Take a course from another site: its catalogue address, the course, then the preview.

    Only a POST (with its CSRF token) makes this site fetch anything: a link such as
    `?catalogue=<address>` merely fills in the form, so it cannot make an editor's browser send
    this server to an address of someone else's choosing.
    """
    _require(request.user, IMPORT_PERMISSION)
    if request.method != "POST":
        address = (request.GET.get("catalogue") or "").strip()
        return _remote_page(request, address=address, entries=[], problem="")
    address = (request.POST.get("catalogue") or "").strip()
    entries, problem = [], ""
    if not address:
        problem = _("Enter the address of the other site's catalogue.")
    else:
        try:
            entries = pull.catalogue_fetch(url=address)
            if request.POST.get("key"):
                return _remote_preview(request, entries)
        except PackageRefused as refusal:
            problem = refusal.message
    return _remote_page(request, address=address, entries=entries, problem=problem)


def _remote_page(request, *, address, entries, problem):
    return TemplateResponse(
        request,
        "packaging/remote.html",
        {
            "catalogue": address,
            "entries": entries,
            "problem": problem,
            "fetched": request.method == "POST" and not problem,
        },
        status=400 if problem else 200,
    )


def _remote_preview(request, entries):
    entry = next((e for e in entries if e["key"] == request.POST.get("key")), None)
    if entry is None:
        raise PackageRefused(_("The catalogue no longer offers this course."))
    with pull.package_fetch(entry=entry) as package:
        preview = services.package_preview_make(upload=package, user=request.user)
    return redirect("course_packages:preview", preview.pk)


def import_preview(request, import_id):
    _require(request.user, IMPORT_PERMISSION)
    package_import = get_object_or_404(PackageImport, pk=import_id)
    return TemplateResponse(
        request,
        "packaging/preview.html",
        {
            "package_import": package_import,
            "report": package_import.report,
            "can_publish": services.package_publish_allowed(user=request.user),
        },
    )


@require_POST
def import_confirm(request, import_id):
    _require(request.user, IMPORT_PERMISSION)
    package_import = get_object_or_404(PackageImport, pk=import_id)
    publish = request.POST.get("publish") == "1"
    if not services.package_import_confirm(
        package_import=package_import, user=request.user, publish=publish
    ):
        messages.warning(request, _("This package is already being imported."))
    return redirect("course_packages:preview", package_import.pk)


@require_POST
def import_discard(request, import_id):
    _require(request.user, IMPORT_PERMISSION)
    package_import = get_object_or_404(PackageImport, pk=import_id)
    if not services.package_import_discard(package_import=package_import):
        messages.error(
            request,
            _(
                "A worker is importing this package now; it can be discarded only if the "
                "import stops."
            ),
        )
        return redirect("course_packages:preview", package_import.pk)
    messages.success(request, _("The uploaded package was discarded."))
    return redirect("course_packages:index")
