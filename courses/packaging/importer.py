"""Importing a checked course package: everything or nothing, newer versions in place.

`package_plan` says what an import would do and keeps nothing (the admin's preview and the
command's --dry-run). `package_apply` does it inside one transaction: pages, themes, trainers,
images, documents, recordings and captions. A failure rolls the rows back and deletes the
files already stored, so a refused package leaves nothing behind. Both run the same writing
(writer.py): the plan stores no file and rolls its transaction back, so what the import would
refuse, the plan refuses, with the same message.

Imported pages are drafts submitted to moderation; `publish=True` (administrators only, see
services.py) publishes them at once instead.

Pages keep the translation keys of the site that made them: progress records point at those
keys, so learners keep their progress when a newer version replaces the pages in place. Every
other identifier (page, image, document and recording ids inside the content) is remapped.
Nothing outside the imported course is changed: themes and trainers that exist already are
reused as they are, and a package that names pages living elsewhere on this site is refused.
"""

from dataclasses import asdict, dataclass, field

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page

from courses.models import CoursePackage, LibraryPage, PackageOrigin

from . import schema
from .content import content_check, stream_blocks
from .schema import PackageRefused
from .writer import ImportWriter, stale_pages


@dataclass
class ImportReport:
    """What an import did (or, in a preview, would do); kept as JSON on the upload."""

    key: str
    version: int
    title: str
    installed_version: int | None = None  # the version visitors see
    pending_version: int | None = None  # imported before, its pages still in moderation
    waiting: bool = False  # after the import: its pages wait for moderation
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unpublished: list = field(default_factory=list)
    themes_new: list = field(default_factory=list)
    trainers_new: list = field(default_factory=list)
    files_new: int = 0
    files_reused: int = 0
    warnings: list = field(default_factory=list)
    course_id: int | None = None

    def as_dict(self):
        return asdict(self)


def package_plan(*, package):
    """Check everything the import checks and list what it would change; keep nothing."""
    report = _report_make(package)
    _write(package, report, user=None, dry_run=True)
    report.course_id = None  # of the rolled-back rows
    return report


def package_apply(*, package, user=None, publish=False, staging=None):
    """Import the package; returns the report with the course it made or updated.

    With `staging` (a staging.FileStaging), its files are stored under the staging folder."""
    report = _report_make(package)
    _write(package, report, user=user, publish=publish, staging=staging)
    return report


def _report_make(package):
    """Check the content against this site and list the pages and files it would change."""
    content_check(package.content, package.files, stream_blocks=stream_blocks())
    installed = CoursePackage.objects.filter(key=package.key).select_related("course").first()
    version_check(package, installed)
    existing = _pages_owned(package)
    locales, warnings = _locales(package, existing)
    report = ImportReport(
        key=str(package.key),
        version=package.version,
        title=_title(package),
        installed_version=(installed.version or None) if installed else None,
        pending_version=installed.version_pending if installed else None,
        warnings=warnings,
    )
    for page in package.content["pages"]:
        if page["locale"] not in locales:
            continue
        row = {
            "key": page["key"],
            "language": page["locale"],
            "type": page["type"],
            "title": page["fields"]["title"],
        }
        (report.updated if (page["key"], page["locale"]) in existing else report.created).append(
            row
        )
    report.unpublished = [
        {"language": p.locale.language_code, "type": "", "title": p.title}
        for p in stale_pages(package, existing)
    ]
    _files_plan(package, installed, report)
    _snippets_plan(package, locales, report)
    return report


def _write(package, report, *, user, dry_run=False, publish=False, staging=None):
    writer = ImportWriter(
        package=package,
        report=report,
        user=user,
        dry_run=dry_run,
        publish=publish,
        staging=staging,
    )
    try:
        with transaction.atomic():
            installed = CoursePackage.objects.select_for_update().filter(key=package.key).first()
            version_check(package, installed)  # again, under the lock: two imports at once
            existing = _pages_owned(package)
            locales, _warnings = _locales(package, existing)
            writer.write(installed=installed, existing=existing, locales=locales)
            if dry_run:
                transaction.set_rollback(True)
    except ValidationError as error:
        writer.files_delete()
        raise PackageRefused(_refusal(error, writer.current)) from error
    except (IntegrityError, DataError) as error:
        # A database rule the checks above did not foresee: still the package's fault.
        writer.files_delete()
        raise PackageRefused(
            _("%(item)s cannot be imported: %(details)s")
            % {"item": writer.current or _("the package"), "details": str(error)[:300]}
        ) from error
    except BaseException:
        writer.files_delete()
        raise


def version_check(package, installed):
    """Only a newer version of a course imported before replaces it; never a course made here.

    The version still waiting for moderation may be imported again (published at once, or
    after its drafts were rejected); an older one than that would replace its drafts and is
    refused."""
    if installed is None:
        if Page.objects.filter(translation_key=package.key).exists():
            raise PackageRefused(
                _("This course was made on this site; a package cannot replace it.")
            )
        return
    if installed.origin == PackageOrigin.MADE_HERE:
        raise PackageRefused(_("This course was made on this site; a package cannot replace it."))
    if package.version == installed.version:
        raise PackageRefused(
            _("Version %(version)s of this course is already installed.")
            % {"version": package.version}
        )
    if package.version < installed.version:
        raise PackageRefused(
            _(
                "This package holds version %(version)s, older than the installed version "
                "%(installed)s. Ask for the latest package."
            )
            % {"version": package.version, "installed": installed.version}
        )
    pending = installed.version_pending
    if pending and package.version < pending:
        raise PackageRefused(
            _(
                "This package holds version %(version)s, older than version %(pending)s, which "
                "was imported before and waits for moderation. Ask for the latest package."
            )
            % {"version": package.version, "pending": pending}
        )


def _pages_owned(package):
    """{(key, language): page} of this site's pages that the package would update.

    Every one must lie inside the course the package replaces, and be of the same type: a
    package naming any other page of this site is refused.
    """
    identities = {(p["key"], p["locale"]) for p in package.content["pages"]}
    types = {p["key"]: p["type"] for p in package.content["pages"]}
    found = Page.objects.filter(translation_key__in=types).select_related("locale")
    course_paths = [p.path for p in found if str(p.translation_key) == str(package.key)]
    existing = {}
    for page in found:
        identity = (str(page.translation_key), page.locale.language_code)
        expected = schema.PAGE_TYPES[types[str(page.translation_key)]]["model"]
        inside = any(page.path.startswith(path) for path in course_paths)
        if not inside or page.specific_class._meta.label != expected:
            raise PackageRefused(
                _("The package names a page of this site outside its course (%(title)s).")
                % {"title": page.title}
            )
        if identity in identities:
            existing[identity] = page
    return existing


def _locales(package, existing):
    """{language: Locale} the site can take, with a warning per language left out."""
    languages = dict.fromkeys(p["locale"] for p in package.content["pages"])
    available = {locale.language_code: locale for locale in Locale.objects.all()}
    libraries = set(LibraryPage.objects.values_list("locale__language_code", flat=True).distinct())
    installed = {language for _key, language in existing}
    locales, warnings = {}, []
    for language in languages:
        if language in available and (language in libraries or language in installed):
            locales[language] = available[language]
        else:
            warnings.append(
                _(
                    "The package has pages in %(language)s, which this site does not offer; "
                    "they are left out."
                )
                % {"language": str(language)[:20]}
            )
    course_languages = {p["locale"] for p in package.content["pages"] if p["type"] == "course"}
    if not course_languages & set(locales):
        raise PackageRefused(_("This site has no library in any of the package's languages."))
    return locales, warnings


def _files_plan(package, installed, report):
    from courses.models import PackageFile

    known = set()
    if installed:
        known = set(PackageFile.objects.filter(package=installed).values_list("kind", "sha256"))
    for entry in package.files.values():
        if (entry["kind"], entry["sha256"]) in known:
            report.files_reused += 1
        else:
            report.files_new += 1


def _snippets_plan(package, locales, report):
    from courses.models import Theme, Trainer

    for theme in package.content["themes"]:
        if (
            theme["locale"] in locales
            and not Theme.objects.filter(
                locale__language_code=theme["locale"], slug=theme["slug"]
            ).exists()
        ):
            report.themes_new.append(theme["name"][:100])
    slugs = {t["slug"] for t in package.content["trainers"]}
    taken = set(Trainer.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    report.trainers_new = [
        t["name"][:150] for t in package.content["trainers"] if t["slug"] not in taken
    ]


def _title(package):
    titles = package.manifest["course"]["title"]
    return str(
        titles.get(package.manifest["course"].get("source_language")) or next(iter(titles.values()))
    )[:255]


def _refusal(error, current):
    details = "; ".join(
        f"{name}: {' '.join(map(str, messages))}"
        if name != "__all__"
        else " ".join(map(str, messages))
        for name, messages in getattr(error, "message_dict", {"__all__": error.messages}).items()
    )
    return _("%(item)s cannot be imported: %(details)s") % {
        "item": current or _("the package"),
        "details": details[:500],
    }
