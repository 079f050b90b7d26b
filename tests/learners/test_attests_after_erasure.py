"""An attest outlives its holder's account: the code still verifies it, the name is gone, and
only someone who already knows the name can have it confirmed (against a keyed, salted hash)."""

import importlib

import pytest

from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import formats, timezone, translation

from elearning.accounts.services import account_erase
from elearning.learners import attests
from elearning.learners.models import Attest
from elearning.learners.views import attests as attest_views
from tests.factories import AttestFactory, UserFactory

from .conftest import ATTEST_COMPLETED_AT as COMPLETED_AT


@pytest.fixture
def issued(learner):
    attest = AttestFactory(
        enrolment__user=learner,
        enrolment__started_at=COMPLETED_AT,
        learner_name="Lies Peeters",
        course_title="Kindermishandeling herkennen",
        completed_on=COMPLETED_AT.date(),
        emailed_at=COMPLETED_AT,
    )
    attest.pdf.save("attest-test.pdf", ContentFile(b"%PDF-1.7 test"))
    return attest


@pytest.fixture
def erased(issued, learner, django_capture_on_commit_callbacks):
    """The attest after Lies erased her account (the file is removed once that commits)."""
    pdf_name = issued.pdf.name
    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=learner)
    attest = Attest.objects.get(pk=issued.pk)
    attest.former_pdf_name = pdf_name
    return attest


def name_check(client, attest, name, **extra):
    return client.post("/en/attest/", {"code": attest.code, "name": name}, **extra)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  lies   PEETERS ", "Lies Peeters"),
        ("Hélène D'Hondt-Özdemir", "helene d hondt ozdemir"),
        ("STRAßE", "strasse"),  # case folding, not lower()
        ("Ｌｉｅｓ Peeters", "lies peeters"),  # full-width letters
        ("Lies\u00a0Peeters", "lies peeters"),  # a non-breaking space
    ],
)
def test_names_are_compared_without_case_accents_or_spacing(typed, stored):
    assert attests.attest_name_normalise(typed) == attests.attest_name_normalise(stored)


def test_the_hash_is_salted_per_attest_and_keyed_with_the_server_secret(settings):
    first = attests.attest_name_fields("Lies Peeters")
    second = attests.attest_name_fields("Lies Peeters")
    assert first["name_salt"] != second["name_salt"]
    assert first["name_hash"] != second["name_hash"]
    assert "lies" not in first["name_hash"] and len(first["name_hash"]) == 64
    same_salt = attests.attest_name_hash("Lies Peeters", first["name_salt"], secret="another")
    assert same_salt != first["name_hash"]


def test_erasure_keeps_the_attest_without_the_person(erased, learner):
    assert erased.user_id is None and erased.learner_name == "" and not erased.pdf
    assert erased.course_title == "Kindermishandeling herkennen" and erased.name_hash
    # Nothing in the row names her any more (read from the database as stored).
    row = Attest.objects.filter(pk=erased.pk).values().get()
    stored = " ".join(str(value) for value in row.values()).lower()
    assert "lies" not in stored and "peeters" not in stored and learner.email not in stored


def test_erasure_deletes_the_pdf_from_storage(erased):
    assert not default_storage.exists(erased.former_pdf_name)


def test_the_code_still_verifies_the_course_and_date_without_the_name(client, erased):
    response = client.get(f"/en/attest/{erased.code}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid" in html
    with translation.override("en"):
        issued_on = formats.date_format(timezone.localtime(erased.issued_at), "DATE_FORMAT")
    assert (
        f"A valid certificate for the course “Kindermishandeling herkennen”, issued on {issued_on}."
        in html
    )
    assert "Lies" not in html and "Peeters" not in html
    assert "Check the holder's name</h2>" in html and "Full name of the holder" in html


def test_while_the_account_exists_the_name_is_shown_and_not_checked(client, issued):
    html = client.get(f"/en/attest/{issued.code}/").content.decode()

    assert "Lies Peeters completed the course" in html
    assert "Check the holder" not in html
    # A name check on an attest that shows its name answers nothing about it.
    assert (
        "is the name of the holder"
        not in name_check(client, issued, "Lies Peeters").content.decode()
    )


@pytest.mark.parametrize("typed", ["Lies Peeters", "lies  peeters", "LIES PEETERS"])
def test_the_right_name_is_confirmed(client, erased, typed):
    response = name_check(client, erased, typed)

    assert response.status_code == 200
    html = response.content.decode()
    assert "is the name of the holder of this certificate" in html
    assert "A valid certificate for the course" in html


def test_a_wrong_name_is_not_confirmed_in_the_visitors_language(client, erased):
    english = name_check(client, erased, "Jan Janssens").content.decode()
    dutch = client.post(
        "/nl/attest/", {"code": erased.code, "name": "Jan Janssens"}
    ).content.decode()

    assert "No: “Jan Janssens” is not the name on this certificate." in english
    assert "Nee: “Jan Janssens” is niet de naam op dit attest." in dutch
    assert "is the name of the holder" not in english


@pytest.mark.parametrize(
    ("hostile", "answer"),
    [
        ("", "Enter the name to check."),
        ("   ", "Enter the name to check."),
        ("L" * 5000, "A name is at most 300 characters long."),
        ("\x00", "Null characters are not allowed."),
        ("漢字 😀 \u202e", "is not the name on this certificate"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ],
)
def test_hostile_names_get_a_normal_answer(client, erased, hostile, answer):
    response = name_check(client, erased, hostile)

    assert response.status_code == 200
    html = response.content.decode()
    assert answer in html
    assert "is the name of the holder" not in html and "<script>alert" not in html


def test_a_name_check_with_a_bad_code_finds_nothing(client, erased):
    for code in ("", "ABCD EFGH JKMN", "X" * 5000):
        response = client.post("/en/attest/", {"code": code, "name": "Lies Peeters"})
        assert response.status_code == 200
        assert "is the name of the holder" not in response.content.decode()


def test_name_checks_are_limited_per_address(client, erased, monkeypatch, rate_limit_clock):
    monkeypatch.setattr(attest_views, "NAME_CHECKS_PER_MINUTE", 2)

    guesses = [name_check(client, erased, name) for name in ("An Aerts", "Bart Bosmans")]
    blocked = name_check(client, erased, "Lies Peeters")
    elsewhere = name_check(client, erased, "Lies Peeters", REMOTE_ADDR="192.0.2.7")

    assert [guess.status_code for guess in guesses] == [200, 200]
    assert blocked.status_code == 429 and blocked["Retry-After"] == "60"
    assert "Too many names were checked" in blocked.content.decode()
    assert "is the name of the holder" not in blocked.content.decode()
    assert "is the name of the holder" in elsewhere.content.decode()
    rate_limit_clock.advance(60)
    assert (
        "is the name of the holder" in name_check(client, erased, "Lies Peeters").content.decode()
    )


def test_name_checks_are_limited_per_attest_whatever_the_address(
    client, erased, monkeypatch, rate_limit_clock
):
    monkeypatch.setattr(attest_views, "NAME_CHECKS_PER_ATTEST_PER_HOUR", 3)

    answers = [
        name_check(client, erased, "Lies Peeters", REMOTE_ADDR=f"192.0.2.{n}") for n in range(4)
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]


def test_the_delete_page_says_certificates_stay_verifiable(client, learner):
    client.force_login(learner)

    html = client.get("/en/account/profile/delete/").content.decode()

    assert (
        "Certificates you earned stay verifiable by their code; your name is removed and can "
        "only be confirmed by someone who already knows it." in html
    )


def test_nobody_downloads_the_pdf_of_an_erased_account(client, erased):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    assert client.get(f"/en/account/learning/attests/{erased.code}.pdf").status_code == 404


def test_the_migration_gives_existing_attests_a_name_hash(issued):
    Attest.objects.filter(pk=issued.pk).update(name_salt="", name_hash="")
    migration = importlib.import_module("elearning.learners.migrations.0004_attest_name_hashes")

    migration.name_hashes_fill(django_apps, None)

    attest = Attest.objects.get(pk=issued.pk)
    assert attest.name_hash and attests.attest_name_matches(attest=attest, name="lies peeters")
    assert not attests.attest_name_matches(attest=attest, name="Jan Janssens")


def test_the_data_download_lists_the_certificate_with_its_modules(learner):
    from elearning.accounts.services import account_data_export

    AttestFactory(enrolment__user=learner, module_titles=["Signalen", "Gesprek"])

    [certificate] = account_data_export(user=learner)["learning"]["attests"]

    assert certificate["modules"] == ["Signalen", "Gesprek"]
    assert certificate["name"] == "Lies Peeters"
