"""The help lines every installation starts with, per language; administrators edit them later.

1712 is the Flemish helpline (in Dutch); French speakers have lines of their own: Écoute
violences conjugales (0800 30 030), Écoute-Enfants (103) and Télé-Accueil (107). Seeding only adds
what is missing, so lines an administrator changed stay as they are. Lines with one number share
a translation key across languages.
"""

import uuid

from django.db import migrations

KEY_NAMESPACE = uuid.UUID("6f1c2a4e-3b9d-4c1e-9a57-1712a1120106")

# (language, key, sort order, number, name, when to call)
HELP_LINES = [
    ("nl", "1712", 10, "1712", "Hulplijn geweld, misbruik en kindermishandeling",
     "Gratis en anoniem, voor slachtoffers, omstaanders en professionals. Elke werkdag van 9 tot "
     "17 uur; chatten of mailen kan via 1712.be."),
    ("nl", "112", 20, "112", "Noodnummer",
     "Bij acuut gevaar: politie, brandweer of ziekenwagen, dag en nacht."),
    ("nl", "106", 30, "106", "Tele-Onthaal",
     "Gratis en anoniem praten over wat u bezighoudt, dag en nacht; chatten kan via "
     "tele-onthaal.be."),
    ("fr", "0800", 10, "0800 30 030", "Écoute violences conjugales",
     "Gratuit et anonyme, pour les victimes, leurs proches et les professionnels, 24 h sur 24 et "
     "7 jours sur 7 ; chat sur ecouteviolencesconjugales.be."),
    ("fr", "112", 20, "112", "Numéro d'urgence",
     "En cas de danger immédiat : police, pompiers ou ambulance, jour et nuit."),
    ("fr", "103", 30, "103", "Écoute-Enfants",
     "Gratuit, pour les enfants, les jeunes et les adultes inquiets pour un enfant, tous les "
     "jours de 10 h à minuit."),
    ("fr", "107", 40, "107", "Télé-Accueil",
     "Quelqu'un à qui parler, gratuitement et anonymement, 24 h sur 24."),
    ("fr", "1712", 50, "1712", "Ligne d'aide flamande (en néerlandais)",
     "Violence, abus et maltraitance d'enfants, pour orienter une personne néerlandophone ; "
     "les jours ouvrables de 9 h à 17 h."),
    ("en", "1712", 10, "1712", "Helpline for violence, abuse and child abuse",
     "Free and anonymous, for victims, bystanders and professionals, in Dutch. Weekdays from "
     "9 am to 5 pm; chat or e-mail via 1712.be."),
    ("en", "112", 20, "112", "Emergency number",
     "In immediate danger: police, fire brigade or ambulance, day and night."),
    ("en", "0800", 30, "0800 30 030", "Écoute violences conjugales",
     "The French-language line for partner violence: free and anonymous, day and night."),
]  # fmt: skip


def _translation_key(key):
    return uuid.uuid5(KEY_NAMESPACE, f"help-line-{key}")


def seed(apps, schema_editor):
    HelpLine = apps.get_model("core", "HelpLine")
    Locale = apps.get_model("wagtailcore", "Locale")
    for language, key, sort_order, number, name, description in HELP_LINES:
        locale, _created = Locale.objects.get_or_create(language_code=language)
        HelpLine.objects.get_or_create(
            translation_key=_translation_key(key),
            locale=locale,
            defaults={
                "number": number,
                "name": name,
                "description": description,
                "sort_order": sort_order,
            },
        )


def unseed(apps, schema_editor):
    keys = {_translation_key(key) for _language, key, *_rest in HELP_LINES}
    apps.get_model("core", "HelpLine").objects.filter(translation_key__in=keys).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0003_help_lines_and_footer_pages")]
    operations = [migrations.RunPython(seed, unseed)]
