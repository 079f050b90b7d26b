"""The registry through which the apps above accounts put their data in the download and the
erasure (elearning/accounts/personal_data.py)."""

import pytest
from allauth.account.models import EmailAddress

from elearning.accounts import personal_data
from elearning.accounts.models import User
from elearning.accounts.services import account_data_export, account_erase


def test_the_apps_register_their_sections_in_the_order_of_the_download():
    sections = {section.name: section for section in personal_data.personal_data_sections()}
    assert list(sections) == [
        "learning",
        "reflection_notes",
        "intervision",
        "intervision_place_offers",
        "evaluations",
    ]
    erased = [name for name, section in sections.items() if section.erase is not None]
    assert erased == ["learning", "reflection_notes", "intervision", "evaluations"]


@pytest.mark.django_db
def test_the_download_holds_the_account_sections_then_the_registered_ones(learner):
    assert list(account_data_export(user=learner)) == [
        "account",
        "email_addresses",
        "sign_ins",
        "municipality_sign_ins",
        "learning",
        "reflection_notes",
        "intervision",
        "intervision_place_offers",
        "evaluations",
    ]


@pytest.mark.django_db
def test_a_failing_section_rolls_the_whole_erasure_back(learner, monkeypatch):
    erased = []

    def forget_the_name(*, user):
        erased.append("forget_the_name")
        User.objects.filter(pk=user.pk).update(first_name="")

    def fail(*, user):
        erased.append("fail")
        raise RuntimeError("storage unavailable")

    for name, erase in (("forget_the_name", forget_the_name), ("fail", fail)):
        section = personal_data.PersonalDataSection(name=name, erase=erase)
        monkeypatch.setitem(personal_data.SECTIONS, name, section)
    learner.first_name = "An"
    learner.save()

    with pytest.raises(RuntimeError):
        account_erase(user=learner)

    assert erased == ["forget_the_name", "fail"]
    kept = User.objects.get(pk=learner.pk)
    assert kept.first_name == "An"
    assert EmailAddress.objects.filter(user=kept).exists()
