"""Attests issued before names were hashed get their hash, so they stay checkable by name
once their holder erases the account. Going back leaves the hashes (the column goes with 0003)."""

from django.db import migrations


def name_hashes_fill(apps, schema_editor):
    from elearning.learners.attests import attest_name_fields

    Attest = apps.get_model("learners", "Attest")
    for attest in Attest.objects.filter(name_hash="").exclude(learner_name="").iterator():
        for field, value in attest_name_fields(attest.learner_name).items():
            setattr(attest, field, value)
        attest.save(update_fields=["name_salt", "name_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0003_attest_outlives_account"),
    ]

    operations = [
        migrations.RunPython(name_hashes_fill, migrations.RunPython.noop),
    ]
