"""The search's own full-text index instead of Wagtail's search backend (search/engine_*.py).

PostgreSQL: the extensions unaccent and pg_trgm (trusted extensions: the database's owner may
create them), the text search configurations vif_nl, vif_fr, vif_en (PostgreSQL's dutch,
french and english with unaccent before the stemmer) and vif_simple, a `document` tsvector
column on the entries with a GIN index, and a trigram index on the vocabulary's words.
SQLite: an FTS5 table whose rowid is the entry's id, and a trigger that deletes an entry's row
with the entry. Wagtail's index rows of the entries and the GIN index migration 0002 added to
them go. The new index is empty until `manage.py search_rebuild` (README, Search).
"""

from django.db import migrations, models

STEMMED = {"vif_nl": "dutch", "vif_fr": "french", "vif_en": "english"}
TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"

POSTGRES_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *(
        statement
        for name, language in STEMMED.items()
        for statement in (
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{language})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR {TOKENS} "
            f"WITH unaccent, {language}_stem",
        )
    ),
    "CREATE TEXT SEARCH CONFIGURATION vif_simple (COPY = pg_catalog.simple)",
    f"ALTER TEXT SEARCH CONFIGURATION vif_simple ALTER MAPPING FOR {TOKENS} WITH unaccent, simple",
    "ALTER TABLE site_search_searchentry ADD COLUMN document tsvector",
    "CREATE INDEX site_search_entry_document ON site_search_searchentry USING gin (document)",
    "CREATE INDEX site_search_word_trigrams ON site_search_searchword "
    "USING gin (word gin_trgm_ops)",
    "DROP INDEX IF EXISTS site_search_indexentry_title_body",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS site_search_word_trigrams",
    "DROP INDEX IF EXISTS site_search_entry_document",
    "ALTER TABLE site_search_searchentry DROP COLUMN IF EXISTS document",
    *(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in [*STEMMED, "vif_simple"]),
    "CREATE INDEX IF NOT EXISTS site_search_indexentry_title_body ON wagtailsearch_indexentry "
    "USING gin ((title || body))",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE site_search_fts USING fts5("
    "title, summary, body, language UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
    "CREATE TRIGGER site_search_fts_forget AFTER DELETE ON site_search_searchentry "
    "BEGIN DELETE FROM site_search_fts WHERE rowid = old.id; END",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS site_search_fts_forget",
    "DROP TABLE IF EXISTS site_search_fts",
]


def _run(schema_editor, statements):
    for statement in statements:
        schema_editor.execute(statement)


def own_index_create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(schema_editor, {"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor, []))
    content_types = apps.get_model("contenttypes", "ContentType").objects
    entry_type = content_types.filter(app_label="site_search", model="searchentry").first()
    if entry_type:
        apps.get_model("wagtailsearch", "IndexEntry").objects.filter(
            content_type=entry_type
        ).delete()


def own_index_drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    _run(
        schema_editor, {"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("site_search", "0005_synonym_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=8, verbose_name="language")),
                ("word", models.CharField(max_length=60, verbose_name="word")),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.RemoveIndex(
            model_name="searchentry",
            name="site_search_entry_id_text",
        ),
        migrations.AddConstraint(
            model_name="searchword",
            constraint=models.UniqueConstraint(
                fields=("language", "word"), name="site_search_word_once"
            ),
        ),
        migrations.RunPython(own_index_create, own_index_drop),
    ]
