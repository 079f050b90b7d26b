from django.urls import path

from .views import feeds, learner

app_name = "intervision"

# Under the language prefix (/nl/, /fr/, /en/): the agenda and the learner's own sessions.
urlpatterns = [
    path("intervision/", learner.agenda, name="agenda"),
    path("intervision/<id:pk>/", learner.session_detail, name="session_detail"),
    path("intervision/<id:pk>/sign-up/", learner.signup_create, name="signup_create"),
    path("account/sessions/", learner.my_sessions, name="my_sessions"),
    path("account/sessions/<id:signup_id>/cancel/", learner.signup_cancel, name="signup_cancel"),
    path("account/sessions/<id:signup_id>/accept/", learner.signup_accept, name="signup_accept"),
    path(
        "account/sessions/<id:signup_id>/invite.ics",
        feeds.signup_invite_download,
        name="signup_invite",
    ),
    path(
        "account/sessions/<id:signup_id>/substitute/",
        learner.signup_substitute,
        name="signup_substitute",
    ),
    path(
        "account/sessions/offers/<int:handover_id>/accept/",
        learner.handover_accept,
        name="handover_accept",
    ),
    path(
        "account/sessions/offers/<int:handover_id>/decline/",
        learner.handover_decline,
        name="handover_decline",
    ),
]

# Without a language prefix: calendar apps fetch the feed at one fixed address, without cookies.
feed_urlpatterns = [
    path("calendar/<str:token>.ics", feeds.personal_feed_view, name="intervision_feed"),
    path("calendar/reset/", feeds.personal_feed_reset, name="intervision_feed_reset"),
]
