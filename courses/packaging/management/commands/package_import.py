from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, no_translations
from django.utils import translation

from courses.packaging.schema import PackageRefused
from courses.packaging.services import package_import_path


class Command(BaseCommand):
    help = (
        "Import a course package (zip). Everything is checked first; the import is all or "
        "nothing. --dry-run checks and says what would change, without changing anything. "
        "The pages land as drafts submitted to moderation unless --publish is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("package", help="path of the package file")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument("--language", default="en", help="language of the messages")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the pages at once instead of submitting them to moderation",
        )

    @no_translations
    def handle(self, *args, package, dry_run, language, publish, **options):
        if not Path(package).is_file():
            raise CommandError(f"No such file: {package}")
        with translation.override(language):
            try:
                report = package_import_path(source=package, dry_run=dry_run, publish=publish)
            except PackageRefused as refusal:
                raise CommandError(f"Refused: {refusal.message}") from refusal
        self._report(report, dry_run)

    def _report(self, report, dry_run):
        verb = "Would import" if dry_run else "Imported"
        was = (
            f" (installed: version {report.installed_version})" if report.installed_version else ""
        )
        self.stdout.write(f"{verb} {report.title!r}, version {report.version}{was}.")
        if report.pending_version:
            self.stdout.write(f"  version {report.pending_version} was waiting for moderation")
        if report.waiting:
            self.stdout.write(
                "  its pages wait for moderation; published, they become this version"
            )
        for heading, rows in (
            ("created", report.created),
            ("updated", report.updated),
            ("no longer in the course", report.unpublished),
        ):
            self.stdout.write(f"  pages {heading}: {len(rows)}")
            for row in rows[:20]:
                changed = ", ".join(change["field"] for change in row.get("changes") or [])
                self.stdout.write(
                    f"    [{row['language']}] {row['title']}" + (f" ({changed})" if changed else "")
                )
            if len(rows) > 20:
                self.stdout.write(f"    ... and {len(rows) - 20} more")
        self.stdout.write(f"  files new: {report.files_new}, reused: {report.files_reused}")
        for name in report.themes_new + report.trainers_new:
            self.stdout.write(f"  new: {name}")
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
        if not dry_run:
            self.stdout.write(self.style.SUCCESS("Done."))
