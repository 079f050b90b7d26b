"""Who listens to the learner's record (signals.py), wired once from LearnersConfig.ready()."""

from django.conf import settings
from django.db.models.signals import pre_delete

from . import signals, xapi

# Learning records for the external store (off unless XAPI_LRS_ENDPOINT is set).
signals.module_started.connect(xapi.module_started_record, dispatch_uid="learners.xapi.started")
signals.module_completed.connect(
    xapi.module_completed_record, dispatch_uid="learners.xapi.module_completed"
)
signals.knowledge_check_passed.connect(
    xapi.knowledge_check_passed_record, dispatch_uid="learners.xapi.passed"
)
signals.course_completed.connect(
    xapi.course_completed_record, dispatch_uid="learners.xapi.course_completed"
)

# Whenever a user is deleted (account erasure, the admin, a shell), statements about them that
# were not sent yet never will be; sent ones lose the link. Before the delete, not through
# on_delete: unsent rows go, sent rows stay (the FK's SET_NULL covers only the latter).
pre_delete.connect(
    xapi.user_pre_delete_forget,
    sender=settings.AUTH_USER_MODEL,
    dispatch_uid="learners.xapi.user_pre_delete",
)
