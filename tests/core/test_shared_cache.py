"""The shared cache holds plain data only: a page, Site, Theme or Locale pickled there would be
read back by another process, maybe one running another version of the code (or of Wagtail's
models) in the middle of a deploy."""

import pickle

import pytest

from django.core.cache import cache

from tests.factories import UserFactory


@pytest.fixture
def stored(monkeypatch):
    """Every value written to the shared cache (and written there as usual)."""
    values = []
    set_, set_many, add = cache.set, cache.set_many, cache.add

    def record_set(key, value, *args, **kwargs):
        values.append((key, value))
        return set_(key, value, *args, **kwargs)

    def record_set_many(mapping, *args, **kwargs):
        values.extend(mapping.items())
        return set_many(mapping, *args, **kwargs)

    def record_add(key, value, *args, **kwargs):
        values.append((key, value))
        return add(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", record_set)
    monkeypatch.setattr(cache, "set_many", record_set_many)
    monkeypatch.setattr(cache, "add", record_add)
    return values


def _holds_a_model_instance(value):
    return b"model_unpickle" in pickle.dumps(value)  # how every Django model instance pickles


@pytest.mark.django_db
def test_visiting_pages_and_searching_stores_no_model_instance(client, library_tree, stored):
    pages = library_tree["pages"]
    urls = [pages[role].url for role in ("home", "library", "course", "module", "tool")]
    urls += ["/nl/search/?q=signalen", "/nl/search/suggest/?q=sig"]
    for visitor in ("anonymous", "signed in"):
        if visitor == "signed in":
            client.force_login(UserFactory())
        for url in urls * 2:  # the second visit reads what the first one stored
            assert client.get(url).status_code == 200, url

    assert any(key.startswith("route:") for key, _value in stored)
    assert [key for key, value in stored if _holds_a_model_instance(value)] == []
