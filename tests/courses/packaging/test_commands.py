"""The management commands: export with a progress bar, import with --dry-run, clear refusals."""

import io

import pytest

from django.core.management import CommandError, call_command

from courses.models import CoursePage

from .conftest import site_emptied

pytestmark = pytest.mark.django_db


def test_export_then_dry_run_then_import(course_full, tmp_path):
    target = tmp_path / "kindermishandeling.zip"
    progress = io.StringIO()
    out = io.StringIO()
    call_command(
        "package_export", course_full.slug, output=str(target), stdout=out, stderr=progress
    )
    assert "version 1, 5 files" in out.getvalue()
    assert "100 %" in progress.getvalue()
    site_emptied()

    dry = io.StringIO()
    call_command("package_import", str(target), dry_run=True, stdout=dry)
    assert "Would import 'Kindermishandeling herkennen', version 1" in dry.getvalue()
    assert (
        "pages created: 8" in dry.getvalue()
        and "[fr] Reconnaître la maltraitance" in dry.getvalue()
    )
    assert not CoursePage.objects.exists()

    call_command("package_import", str(target), stdout=io.StringIO())
    assert CoursePage.objects.count() == 2, "imported as drafts, for moderation"
    assert not CoursePage.objects.filter(live=True).exists()

    # The version waiting for moderation is not installed yet: an administrator may still
    # publish it at once; then it is.
    call_command("package_import", str(target), publish=True, stdout=io.StringIO())
    assert CoursePage.objects.filter(live=True).count() == 2
    with pytest.raises(CommandError, match="already installed"):
        call_command("package_import", str(target))


def test_unknown_course_and_missing_file_are_said_plainly(db, tmp_path):
    with pytest.raises(CommandError, match="No course with id or slug 'nergens'"):
        call_command("package_export", "nergens", output=str(tmp_path / "x.zip"))
    assert not (tmp_path / "x.zip").exists()
    with pytest.raises(CommandError, match="No such file"):
        call_command("package_import", str(tmp_path / "missing.zip"))


def test_a_refused_package_says_why_in_the_chosen_language(tmp_path):
    broken = tmp_path / "cursus.zip"
    broken.write_bytes(b"geen zip")
    with pytest.raises(CommandError, match="geen ziparchief"):
        call_command("package_import", str(broken), language="nl")
