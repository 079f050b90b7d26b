import pytest
from allauth.account.models import EmailAddress

from tests.factories import UserFactory

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
def learner(make_learner):
    return make_learner()


@pytest.fixture
def learner_client(client, learner):
    client.force_login(learner)
    return client
