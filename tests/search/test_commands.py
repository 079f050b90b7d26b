"""The search commands speak English, as the rest of the command line does, whatever language
the installation's pages are in."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.utils import translation


@pytest.mark.django_db
@pytest.mark.parametrize("active", ["nl", "fr", "en"])
def test_search_rebuild_reports_in_english(library_tree, active):
    out = StringIO()

    with translation.override(active):
        call_command("search_rebuild", stdout=out)

    said = out.getvalue()
    assert "search entries up to date." in said
    assert "zoekitems" not in said
