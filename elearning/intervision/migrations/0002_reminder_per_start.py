from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def starts_from_meetings(apps, schema_editor):
    """Reminders sent before: they announced their meeting's start as it is now."""
    Reminder = apps.get_model("intervision", "Reminder")
    Meeting = apps.get_model("intervision", "Meeting")
    start = Meeting.objects.filter(pk=OuterRef("meeting_id")).values("starts_at")[:1]
    Reminder.objects.update(starts_at=Subquery(start))


class Migration(migrations.Migration):
    dependencies = [
        ("intervision", "0001_sessions_and_signups"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="reminder", name="intervision_one_reminder"),
        migrations.AddField(
            model_name="reminder",
            name="starts_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(starts_from_meetings, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="reminder",
            name="starts_at",
            field=models.DateTimeField(),
        ),
        migrations.AddConstraint(
            model_name="reminder",
            constraint=models.UniqueConstraint(
                fields=("signup", "meeting", "starts_at"),
                name="intervision_one_reminder_per_start",
            ),
        ),
    ]
