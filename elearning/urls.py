from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from courses import views as course_views
from elearning.accounts import views as account_views
from elearning.core import views as core_views
from elearning.intervision.urls import feed_urlpatterns as intervision_feed_urlpatterns
from elearning.learners.urls import api_urlpatterns as learners_api_urlpatterns
from media import urls as media_urls
from media import views as media_views
from search import views as search_views

RENDITIONS_FOLDER = "images"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("healthz/live", core_views.healthz_live, name="healthz_live"),
    path(".well-known/security.txt", core_views.security_txt, name="security_txt"),
    path("site-identity.css", core_views.site_identity_stylesheet, name="site_identity_css"),
    # In front of Wagtail's address of the same name: signing out by POST only (accounts/views.py).
    path("admin/logout/", account_views.admin_logout, name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    # Documents at Wagtail's own addresses, by Wagtail's rules, sent like every private file.
    re_path(
        r"^documents/(?P<document_id>\d+)/(?P<document_filename>.*)$",
        media_views.document_file,
    ),
    path("documents/", include(wagtaildocs_urls)),
    # Recordings and captions, sent after a permission check (media/views.py).
    path("files/", include(media_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include((learners_api_urlpatterns, "learners_api"))),
    # Other installations discover and pull course packages here (courses/packaging/urls.py).
    path("", include("courses.packaging.urls")),
    path("", include(intervision_feed_urlpatterns)),
    # Podcast apps download episodes from here (a stable address; see courses/views.py).
    path(
        "podcast/episodes/<id:page_id>/audio.<str:extension>",
        course_views.podcast_audio,
        name="podcast_audio",
    ),
    path(
        "podcast/episodes/<id:page_id>/transcript.txt",
        course_views.podcast_transcript,
        name="podcast_transcript",
    ),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("account/", include("elearning.accounts.urls")),
    path("account/", include("allauth.urls")),
    path("", include("elearning.learners.urls")),
    path("", include("elearning.intervision.urls")),
    path("", include("elearning.reports.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    # Image renditions are the only public uploads (Wagtail writes them to images/ of the
    # default storage); in production nginx serves that folder alone. Everything else under
    # /uploads/ is not found: views send it after a permission check (media/sending.py).
    urlpatterns = (
        static(
            f"{settings.MEDIA_URL}{RENDITIONS_FOLDER}/",
            document_root=settings.MEDIA_ROOT / RENDITIONS_FOLDER,
        )
        + urlpatterns
    )
