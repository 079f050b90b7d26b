from django.core.management.base import BaseCommand, CommandError, no_translations

from courses.site_pages import SitePagesSeedError, site_pages_seed


class Command(BaseCommand):
    help = (
        "Create the contact page and the privacy, accessibility and cookie statements in "
        "Dutch, French and English where they are missing, and link them in the footer. "
        "Fill in their placeholders before going live."
    )

    @no_translations
    def handle(self, *args, **options):
        try:
            created = site_pages_seed()
        except SitePagesSeedError as problem:
            raise CommandError(str(problem)) from problem
        for page in created:
            self.stdout.write(f"{page.locale.language_code}: {page.title} ({page.url_path})")
        self.stdout.write(self.style.SUCCESS(f"{len(created)} pages created."))
