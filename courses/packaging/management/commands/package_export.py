from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations

from courses.models import CoursePage
from courses.packaging.schema import PackageRefused
from courses.packaging.services import package_export_file

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Export a course as a course package (zip), or for another learning platform "
        "(--format scorm or cartridge). The course is a page id or a course slug."
    )

    def add_arguments(self, parser):
        parser.add_argument("course", help="page id or slug of the course")
        parser.add_argument("-o", "--output", help="file to write (default: <slug>-v<version>.zip)")
        parser.add_argument(
            "--format",
            dest="export_format",
            choices=["package", "scorm", "cartridge"],
            default="package",
        )
        parser.add_argument(
            "--language",
            help="language of a SCORM or Common Cartridge export (default: the course's)",
        )

    @no_translations
    def handle(self, *args, course, output, export_format, language, **options):
        page = _course(course)
        target = Path(output or f"{page.slug}-{export_format}.zip.part")
        try:
            with target.open("wb") as out:
                if export_format == "package":
                    manifest = package_export_file(course=page, out=out, progress=self._progress)
                    self.stderr.write("")
                else:
                    _standard_write(export_format, page, out, language)
                    manifest = None
        except PackageRefused as refusal:
            target.unlink(missing_ok=True)
            raise CommandError(refusal.message) from refusal
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        if output is None:
            suffix = f"v{manifest['version']}" if manifest else export_format
            final = target.with_name(f"{page.slug}-{suffix}.zip")
            target = target.rename(final)
        described = (
            f" (version {manifest['version']}, {len(manifest['files'])} files)" if manifest else ""
        )
        self.stdout.write(self.style.SUCCESS(f"Written {target}{described}."))

    def _progress(self, done, total):
        filled = BAR_WIDTH * done // total
        percent = 100 * done // total
        bar = "#" * filled + " " * (BAR_WIDTH - filled)
        self.stderr.write(f"\rExporting [{bar}] {percent:3d} %", ending="")
        self.stderr.flush()


def _course(value):
    pages = CoursePage.objects.all()
    found = pages.filter(pk=int(value)).first() if value.isdigit() else None
    found = found or pages.filter(slug=value).order_by("locale_id").first()
    if found is None:
        raise CommandError(f"No course with id or slug {value!r}.")
    return found


def _standard_write(export_format, page, out, language):
    from courses.packaging.standards import cartridge, scorm

    writer = scorm.scorm_write if export_format == "scorm" else cartridge.cartridge_write
    writer(course=page, out=out, language=language)
