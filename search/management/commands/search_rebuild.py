from django.core.management.base import BaseCommand, no_translations
from django.utils.translation import gettext as _

from search.services import search_entries_rebuild


class Command(BaseCommand):
    help = "Rebuild the library search entries (and their search index) from the live pages."

    @no_translations
    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total}")

        count = search_entries_rebuild(progress=progress)
        self.stdout.write(_("%(count)d search entries up to date.") % {"count": count})
