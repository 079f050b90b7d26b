import pytest

from django.contrib.auth import authenticate, get_user_model
from django.db import IntegrityError, transaction


@pytest.mark.django_db
def test_people_sign_in_with_their_email_address_in_any_case(rf):
    User = get_user_model()
    User.objects.create_user(email="An.Peeters@Example.ORG", password="correct-horse-battery")
    user = authenticate(
        rf.post("/admin/login/"),
        username="an.peeters@example.org",
        password="correct-horse-battery",
    )
    assert user is not None
    assert user.email == "an.peeters@example.org"
    shouted = authenticate(
        rf.post("/admin/login/"),
        username="AN.PEETERS@example.org",
        password="correct-horse-battery",
    )
    assert shouted == user


@pytest.mark.django_db
def test_an_email_address_belongs_to_one_account_only():
    User = get_user_model()
    User.objects.create_user(email="an@example.org", password="x" * 12)
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="AN@example.org")


@pytest.mark.django_db
def test_a_user_has_a_municipality_and_a_sector_from_the_seeded_lists():
    from elearning.core.models import Municipality, Sector

    assert Municipality.objects.count() == 15
    assert Municipality.objects.get(is_coordinator=True).name == "Gent"
    assert set(Sector.objects.values_list("code", flat=True)) == {
        "prevention",
        "care",
        "police_justice",
    }
