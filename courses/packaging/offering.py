"""What may leave the site: only what any visitor may read.

A page with a view restriction (a password, signing in, membership of groups), or below one,
is never exported: packages, SCORM packages and Common Cartridges leave it out, and a package's
manifest and its export row say which pages were left out. The public catalogue offers a
course's latest export only while the course is live and every page of it that is restricted
now was left out of that export (a restriction added after the export takes the package off
the catalogue until it is exported again); its download follows the same rule.
"""

from wagtail.models import Page

from courses.models import JobStatus, PackageExport


def page_identity(page):
    return {"key": str(page.translation_key), "language": page.locale.language_code}


def exports_offerable(packages, exports):
    """The subset of {package pk: export} whose course is live and whose export left out every
    page of the course restricted now. At most three queries, whatever the number of packages."""
    courses = {}
    rows = Page.objects.filter(
        translation_key__in=[package.key for package in packages], live=True
    ).values_list("translation_key", "path")
    for key, path in rows:
        courses.setdefault(key, []).append(path)
    # Wagtail's own rule for "restricted": a view restriction on the page or above it.
    restricted = list(
        Page.objects.live()
        .not_public()
        .values_list("path", "translation_key", "locale__language_code")
    )
    offerable = {}
    for package in packages:
        export = exports.get(package.pk)
        if export is None or not package.course.live:
            continue
        inside = {
            (str(key), language)
            for path, key, language in restricted
            if any(path.startswith(course) for course in courses.get(package.key, []))
        }
        left_out = {(item.get("key"), item.get("language")) for item in export.left_out or []}
        if inside <= left_out:
            offerable[package.pk] = export
    return offerable


def export_offered(*, key, version):
    """The export another site may download: offered, ready, the latest, and offerable."""
    export = (
        PackageExport.objects.filter(
            package__key=key, package__offered=True, status=JobStatus.READY
        )
        .select_related("package__course")
        .order_by("-created_at", "-pk")
        .first()
    )
    if export is None or export.version != version:
        return None  # not offered, or an older state of the course than its latest export
    if not exports_offerable([export.package], {export.package.pk: export}):
        return None
    return export
