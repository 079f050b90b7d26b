"""System checks of the installation's configuration (`manage.py check --deploy`)."""

import os

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.compatibility, deploy=True)
def xapi_activity_iri_set(app_configs, **kwargs):
    """While statements go to a store, their ids must not follow SITE_URL: a move to another
    address would start every activity and learner anew at the store."""
    if not settings.XAPI_LRS_ENDPOINT or os.environ.get("XAPI_ACTIVITY_IRI", "").strip():
        return []
    return [
        checks.Warning(
            "XAPI_ACTIVITY_IRI is not set: the ids of xAPI activities and learners follow SITE_URL "
            f"({settings.XAPI_ACTIVITY_IRI}) and would change if the site moved.",
            hint=f"Set XAPI_ACTIVITY_IRI={settings.XAPI_ACTIVITY_IRI} once and never change it.",
            id="vif.W001",
        )
    ]
