from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from elearning.demo.media_build import MediaBuildError
from elearning.demo.seeding import demo_seed
from elearning.demo.sources import SourceError

FORCE_FLAG = "--create-demo-accounts-on-a-production-site"


class Command(BaseCommand):
    help = (
        "Seed the demo library (built from elearning/demo/sources into course packages and "
        "imported) and the demo accounts, with passwords made for this installation. "
        "Idempotent: safe to run again. Refused under production settings unless "
        f"{FORCE_FLAG} is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            FORCE_FLAG,
            action="store_true",
            dest="force",
            help="seed anyway under production settings: this creates an administrator, a "
            "trainer, a learner and a coordinator that anyone holding the printed passwords "
            "can sign in with, and 60 made-up learners",
        )

    @no_translations
    def handle(self, *args, force, **options):
        if not getattr(settings, "DEMO_SEED_ALLOWED", False) and not force:
            raise CommandError(
                "These are production settings: seed_demo would create demo accounts, an "
                f"administrator among them. Give {FORCE_FLAG} if that is what you want."
            )
        try:
            accounts = demo_seed(log=self.stdout.write)
        except (SourceError, MediaBuildError) as error:
            raise CommandError(f"The demo could not be built: {error}") from error
        self.stdout.write(self.style.SUCCESS("Demo library ready."))
        self.stdout.write("Demo accounts (for this installation only; passwords in var/):")
        for email, password, created in accounts:
            state = "created" if created else "already there"
            self.stdout.write(f"  {email} / {password} ({state})")
