import json

import pytest
from allauth.account.models import EmailAddress

from settings.oidc import oidc_providers_parse
from tests.factories import UserFactory

from .fake_idp import CLIENT_ID, CLIENT_SECRET, FakeIdentityProvider

PASSWORD = "correct-horse-battery"


@pytest.fixture
def make_learner(db):
    """A learner whose address is verified, so allauth lets them sign in."""

    def make(email="an@example.org", **fields):
        user = UserFactory(email=email, **fields)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client


@pytest.fixture
def fake_idp():
    """A running fake identity provider (tests/accounts/fake_idp.py), stopped afterwards."""
    idp = FakeIdentityProvider().start()
    yield idp
    idp.stop()


@pytest.fixture
def gent_sign_in(settings, fake_idp):
    """Gent's staff sign in through `fake_idp`, configured as OIDC_PROVIDERS would do it."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": oidc_providers_parse(
                json.dumps(
                    [
                        {
                            "municipality": "gent",
                            "name": "Stad Gent",
                            "server_url": fake_idp.issuer,
                            "client_id": CLIENT_ID,
                            "secret": CLIENT_SECRET,
                        }
                    ]
                )
            ),
        }
    }
    return fake_idp
