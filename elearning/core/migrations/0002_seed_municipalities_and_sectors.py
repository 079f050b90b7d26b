from django.db import migrations
from django.utils.text import slugify

MUNICIPALITIES = [
    "Aalter", "Assenede", "De Pinte", "Eeklo", "Evergem", "Gavere", "Gent", "Kaprijke",
    "Laarne", "Maldegem", "Nazareth", "Sint-Laureins", "Sint-Martens-Latem", "Wetteren", "Zulte",
]  # fmt: skip
COORDINATOR = "Gent"
SECTORS = ["prevention", "care", "police_justice"]


def seed(apps, schema_editor):
    Municipality = apps.get_model("core", "Municipality")
    Sector = apps.get_model("core", "Sector")
    for name in MUNICIPALITIES:
        Municipality.objects.update_or_create(
            slug=slugify(name), defaults={"name": name, "is_coordinator": name == COORDINATOR}
        )
    for code in SECTORS:
        Sector.objects.get_or_create(code=code)


def unseed(apps, schema_editor):
    apps.get_model("core", "Municipality").objects.filter(
        slug__in=[slugify(name) for name in MUNICIPALITIES]
    ).delete()
    apps.get_model("core", "Sector").objects.filter(code__in=SECTORS).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
