"""Limits per client behind the reverse proxy (elearning/core/clients.py): every request arrives
from the proxy's address, and the client is the entry the proxy appended to X-Forwarded-For."""

import pytest
from axes.models import AccessAttempt

from elearning.learners.views import attests as attest_views
from tests.accounts.test_signup_and_login import url

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
LIMIT = 3


@pytest.fixture
def lookups_limited(monkeypatch, rate_limit_clock):
    """Attest look-ups limited to LIMIT a minute, in one fixed minute."""
    monkeypatch.setattr(attest_views, "VERIFICATIONS_PER_MINUTE", LIMIT)


def look_up(client, forwarded_for):
    return client.get(
        "/en/attest/",
        {"code": "ABCDEFGHJKMN"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_behind_the_proxy_each_client_has_its_own_attest_lookup_limit(
    client, settings, lookups_limited
):
    settings.TRUSTED_PROXY_COUNT = 1
    first = [look_up(client, "203.0.113.5").status_code for _ in range(LIMIT + 1)]
    other = look_up(client, "198.51.100.7")

    assert first == [200] * LIMIT + [429]
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("proxies", "forwarded_for"),
    [
        (0, "192.0.2.{n}"),  # no proxy in front: the header is the client's own invention
        (1, "192.0.2.{n}, 203.0.113.5"),  # the proxy appended the real one on the right
    ],
    ids=["no-proxy", "one-proxy"],
)
def test_addresses_a_client_makes_up_do_not_escape_the_limit(
    client, settings, lookups_limited, proxies, forwarded_for
):
    settings.TRUSTED_PROXY_COUNT = proxies
    answers = [look_up(client, forwarded_for.format(n=n)).status_code for n in range(1, LIMIT + 2)]
    assert answers == [200] * LIMIT + [429]


def test_the_sign_in_log_keeps_the_clients_address_not_the_proxys(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        url("account_login"),
        {"login": "someone@example.org", "password": "wrong-password"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.5",
    )
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["203.0.113.5"]


def test_allauths_limits_count_per_client_behind_the_proxy(client, settings):
    """allauth allows 20 password-reset requests a minute per client address."""
    settings.TRUSTED_PROXY_COUNT = 1

    def reset(n, client_address):
        return client.post(
            url("account_reset_password"),
            {"email": f"someone{n}@example.org"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=client_address,
        )

    first = [reset(n, "203.0.113.5").status_code for n in range(21)]
    other = reset(99, "198.51.100.7")

    assert first[:20] == [302] * 20 and first[20] == 429
    assert other.status_code == 302
