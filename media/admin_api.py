"""The admin API's image and document endpoints (/admin/api/main/images/, .../documents/), for
who works with images or documents.

Wagtail registers them for every admin user: titles, sizes, thumbnails and file addresses of
every image and document, whatever one's collection permissions, so a municipal coordinator
(who only reads reports) could list them all. The translation editor of wagtail-localize shows
a chosen image or document through them. These endpoints answer those with a permission on
images (documents) and list what they may choose or change; registered in place of Wagtail's
(wagtail_hooks.py).
"""

from rest_framework.exceptions import PermissionDenied

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.images.permissions import permission_policy as image_permission_policy

ANY_PERMISSION = ["add", "change", "delete", "choose"]
SHOWN = ["choose", "change"]


class PermittedItemsMixin:
    permission_policy = None

    def check_permissions(self, request):
        super().check_permissions(request)
        if not self.permission_policy.user_has_any_permission(request.user, ANY_PERMISSION):
            raise PermissionDenied

    def get_queryset(self):
        shown = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, SHOWN
        )
        return super().get_queryset().filter(pk__in=shown.values("pk"))


class PermittedImagesAPIViewSet(PermittedItemsMixin, ImagesAdminAPIViewSet):
    permission_policy = image_permission_policy


class PermittedDocumentsAPIViewSet(PermittedItemsMixin, DocumentsAdminAPIViewSet):
    permission_policy = document_permission_policy
