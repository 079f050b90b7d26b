"""An entry's language becomes the language of its page's text (courses 0009 detects it)."""

from django.conf import settings
from django.db import migrations

PAGE_MODELS = (
    "coursepage",
    "modulepage",
    "podcastepisodepage",
    "toolpage",
    "webinarpage",
)


def entries_follow_text(apps, schema_editor):
    entries = apps.get_model("site_search", "SearchEntry").objects
    for name in PAGE_MODELS:
        pages = apps.get_model("courses", name).objects
        for code, _name in settings.LANGUAGES:
            found = pages.filter(content_language=code).values("pk")
            entries.filter(page_id__in=found).exclude(language=code).update(language=code)


def entries_follow_locale(apps, schema_editor):
    entries = apps.get_model("site_search", "SearchEntry").objects
    for code, _name in settings.LANGUAGES:
        entries.filter(page__locale__language_code=code).update(language=code)


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0003_entry_id_as_text_index"),
        ("courses", "0010_page_content_language"),
    ]

    operations = [migrations.RunPython(entries_follow_text, entries_follow_locale)]
