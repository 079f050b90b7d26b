from django.core.management.base import BaseCommand, CommandError, no_translations

from elearning.demo.build import demo_build
from elearning.demo.media_build import MediaBuildError
from elearning.demo.sources import SourceError


class Command(BaseCommand):
    help = (
        "Build the demo library from elearning/demo/sources/: course packages, recordings with "
        "captions, podcast audio and images, in var/demo/ (seed_demo does this when needed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="build even when up to date")

    @no_translations
    def handle(self, *args, force, **options):
        try:
            folder = demo_build(force=force, log=self.stdout.write)
        except (SourceError, MediaBuildError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Demo build ready in {folder}"))
