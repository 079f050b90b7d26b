"""Ids in addresses: a number no database row can have is "not found", never a server error.

SQLite stores at most 64-bit integers; Django's <int:...> takes any number of digits, and a
lookup with a larger one raised OverflowError (a 500) before the ids were bounded.
"""

import re
import uuid

import pytest

from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse

from tests.factories import UserFactory

BEYOND_64_BITS = [2**63, 2**64, 10**30]
# What stands in for the other parts of an address while the ids are tried.
FILLERS = {"str": "x", "slug": "x", "path": "x", "uuid": str(uuid.uuid4())}
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes(patterns=None, prefix=""):
    """Every address pattern of the site (the admin's included), as its route text."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern)


def addresses_with_id(number):
    """Each route that takes a number, with `number` in every numeric place."""

    def fill(match):
        kind = match.group(1) or "str"
        return str(number) if kind in {"int", "id"} else FILLERS.get(kind, "x")

    for route in sorted(set(routes())):
        kinds = {match.group(1) for match in CONVERTER.finditer(route)}
        if kinds & {"int", "id"}:
            yield "/" + CONVERTER.sub(fill, route).lstrip("^").rstrip("$")


@pytest.mark.django_db
@pytest.mark.parametrize("number", BEYOND_64_BITS)
def test_no_address_fails_on_an_id_beyond_64_bits(client, library_tree, number):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    client.raise_request_exception = False
    addresses = list(addresses_with_id(number))
    assert f"/podcast/episodes/{number}/audio.x" in addresses  # the walk sees ours

    failures = []
    for address in addresses:
        for method in (client.get, client.post):
            status = method(address).status_code
            if status >= 500:
                failures.append(f"{method.__name__.upper()} {address}: {status}")
    assert failures == []


@pytest.mark.django_db
@pytest.mark.parametrize("number", BEYOND_64_BITS)
def test_the_podcast_audio_of_an_impossible_episode_is_not_found(client, number):
    response = client.get(f"/podcast/episodes/{number}/audio.mp3", follow=True)
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("number", BEYOND_64_BITS)
def test_an_answer_to_a_check_of_an_impossible_module_is_not_found(client, number):
    client.force_login(UserFactory())
    address = reverse("learners:knowledge_check", args=[1, "abc"]).replace("/1/", f"/{number}/")
    assert client.post(address, {"answer": "0"}).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["export", "offer"])
@pytest.mark.parametrize("number", BEYOND_64_BITS)
def test_the_package_admin_does_not_find_an_impossible_course(client, action, number):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    address = reverse(f"course_packages:{action}", args=[1]).replace("/1/", f"/{number}/")
    assert client.post(address, follow=True).status_code == 404


def test_the_largest_id_a_database_holds_still_reaches_its_view():
    largest = resolve(f"/podcast/episodes/{2**63 - 1}/audio.mp3")
    assert largest.url_name == "podcast_audio"
    assert largest.kwargs["page_id"] == 2**63 - 1
    with pytest.raises(Resolver404):
        resolve(f"/podcast/episodes/{2**63}/audio.mp3")
