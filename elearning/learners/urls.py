from django.urls import path

from .views import attests, learning, reflections

app_name = "learners"

# Under the language prefix (/nl/, /fr/, /en/): pages a person reads.
urlpatterns = [
    path("account/learning/", learning.dashboard, name="dashboard"),
    path(
        "learning/modules/<id:module_id>/checks/<str:block_id>/",
        learning.knowledge_check_submit,
        name="knowledge_check",
    ),
    path(
        "learning/modules/<id:module_id>/reflections/<str:block_id>/",
        reflections.reflection_note_submit,
        name="reflection_note",
    ),
    path("learning/reflections/", reflections.reflections, name="reflections"),
    path(
        "account/learning/attests/<str:code>.pdf", attests.attest_download, name="attest_download"
    ),
    path("attest/", attests.attest_verify, name="attest_verify"),
    path("attest/<str:code>/", attests.attest_verify, name="attest_verify_code"),
]

# Without a language prefix: the JSON endpoint the module page's script calls.
api_urlpatterns = [
    path("api/progress/events", learning.progress_events, name="progress_events"),
]
