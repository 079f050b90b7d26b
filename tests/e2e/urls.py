"""The site's URLs plus image renditions under /uploads/images/, as nginx serves them in
production and runserver with DEBUG (the live server runs without DEBUG). Every other upload is
sent by the site's own views, byte ranges included (media/sending.py)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from elearning.urls import RENDITIONS_FOLDER
from elearning.urls import urlpatterns as site_urlpatterns


def rendition(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT / RENDITIONS_FOLDER)


urlpatterns = [
    re_path(rf"^{settings.MEDIA_URL.strip('/')}/{RENDITIONS_FOLDER}/(?P<path>.+)$", rendition),
    *site_urlpatterns,
]
