from django.core.management.base import BaseCommand, CommandError, no_translations
from django.utils import translation

from courses.packaging.pull import catalogue_fetch, package_fetch
from courses.packaging.schema import PackageRefused
from courses.packaging.services import package_import_path

from .package_import import Command as ImportCommand


class Command(BaseCommand):
    help = (
        "List the courses another installation offers (its catalogue address, e.g. "
        "https://example.org/packages/catalogue.json), or import one of them with --key."
    )

    def add_arguments(self, parser):
        parser.add_argument("catalogue", help="address of the other site's catalogue.json")
        parser.add_argument("--key", help="the course identity to import")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument("--language", default="en", help="language of the messages")

    @no_translations
    def handle(self, *args, catalogue, key, dry_run, language, **options):
        with translation.override(language):
            try:
                entries = catalogue_fetch(url=catalogue)
                if not key:
                    return self._list(entries)
                entry = next((e for e in entries if e["key"] == key), None)
                if entry is None:
                    raise CommandError(f"The catalogue offers no course {key}.")
                with package_fetch(entry=entry) as package:
                    report = package_import_path(source=package, dry_run=dry_run)
            except PackageRefused as refusal:
                raise CommandError(f"Refused: {refusal.message}") from refusal
        ImportCommand(stdout=self.stdout, stderr=self.stderr)._report(report, dry_run)

    def _list(self, entries):
        if not entries:
            self.stdout.write("The catalogue offers no courses.")
        for entry in entries:
            titles = " / ".join(str(t) for t in entry["title"].values())
            self.stdout.write(f"{entry['key']}  v{entry['version']}  {titles}")
