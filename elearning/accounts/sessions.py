"""The session engine (SESSION_ENGINE): Django's cached_db, with rows that name their account.

https://docs.djangoproject.com/en/5.2/topics/http/sessions/#extending-database-backed-session-engines
The cache keys and the signing salt are cached_db's own, so sessions carried over from
Django's table (migration accounts 0002) stay valid.
"""

from django.apps import apps
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.cached_db import SessionStore as CachedDbSessionStore
from django.core.exceptions import ValidationError


def session_user_id(data):
    """The id of the account signed in with this session's data, or None."""
    value = data.get(SESSION_KEY)
    if value is None:
        return None
    try:
        return get_user_model()._meta.pk.to_python(value)
    except ValidationError:
        return None


class SessionStore(CachedDbSessionStore):
    @classmethod
    def get_model_class(cls):
        # Through the app registry: the model names this store (get_session_store_class), and
        # an import back would close a cycle.
        return apps.get_model("accounts", "AccountSession")

    def create_model_instance(self, data):
        session = super().create_model_instance(data)
        session.user_id = session_user_id(data)
        return session

    async def acreate_model_instance(self, data):
        session = await super().acreate_model_instance(data)
        session.user_id = session_user_id(data)
        return session
