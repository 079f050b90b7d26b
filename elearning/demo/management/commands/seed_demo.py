from django.core.management.base import BaseCommand

from elearning.demo.seeding import demo_seed


class Command(BaseCommand):
    help = "Seed the demo library and demo accounts (idempotent: safe to run again)."

    def handle(self, *args, **options):
        accounts = demo_seed()
        self.stdout.write(self.style.SUCCESS("Demo library ready."))
        self.stdout.write("Demo accounts (local demo only):")
        for email, password, created in accounts:
            state = "created" if created else "already there"
            self.stdout.write(f"  {email} / {password} ({state})")
