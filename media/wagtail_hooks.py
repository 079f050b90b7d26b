from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtailmedia import get_permission_policy

from . import views
from .admin_api import PermittedDocumentsAPIViewSet, PermittedImagesAPIViewSet
from .forms import LIVE_FILE_REFUSAL, CaptionForm, CheckedFileInput
from .models import MediaCaption
from .selectors import media_live_change_refused


class CaptionViewSet(ModelViewSet):
    model = MediaCaption
    icon = "media"
    menu_label = _("Captions")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["asset", "language", "cue_count", "updated_at"]
    list_filter = ["language"]
    search_fields = ["asset__title"]
    # A copy would only repeat a language the recording already has.
    copy_view_enabled = False
    index_view_class = views.CaptionIndexView
    edit_view_class = views.CaptionEditView
    delete_view_class = views.CaptionDeleteView
    history_view_class = views.CaptionHistoryView
    usage_view_class = views.CaptionUsageView
    edit_handler = ObjectList(
        [
            FieldPanel("asset"),
            FieldPanel("language"),
            FieldPanel("file", widget=CheckedFileInput(link=lambda caption: caption.url)),
        ],
        base_form_class=CaptionForm,
    )


@hooks.register("register_admin_viewset")
def register_caption_viewset():
    return CaptionViewSet("captions")


class ProcessingMenuItem(MenuItem):
    def is_shown(self, request):
        return get_permission_policy().user_has_any_permission(request.user, ["add", "change"])


@hooks.register("register_admin_urls")
def register_processing_urls():
    urls = [
        path("", views.processing_index, name="index"),
        path("<id:asset_id>/retry/", views.processing_retry, name="retry"),
    ]
    return [path("media-processing/", include((urls, "media_processing")))]


@hooks.register("register_admin_urls", order=-1)
def register_media_guard_urls():
    """Our delete and usage of a recording, in front of wagtailmedia's at the same addresses
    (order=-1: the admin tries URL hooks in order): a recording on a published page is not
    deleted by someone who may not change it, and a colleague's recording is not shown."""
    return [
        path("media/delete/<int:media_id>/", views.media_delete, name="media_delete"),
        path("media/usage/<int:media_id>/", views.media_usage, name="media_usage"),
    ]


@hooks.register("register_admin_urls", order=-1)
def register_image_and_document_guard_urls():
    """Our delete of an image or document (a published page's stays), and the image chooser's
    format step for who may choose the image, in front of Wagtail's at the same addresses."""
    return [
        path("images/<int:image_id>/delete/", views.image_delete, name="image_delete"),
        path(
            "images/multiple/<int:image_id>/delete/",
            views.image_delete_just_uploaded,
            name="image_delete_just_uploaded",
        ),
        path(
            "images/chooser/<int:image_id>/select_format/",
            views.image_select_format,
            name="image_select_format",
        ),
        path("documents/delete/<int:document_id>/", views.document_delete, name="document_delete"),
        path(
            "documents/multiple/<int:doc_id>/delete/",
            views.document_delete_just_uploaded,
            name="document_delete_just_uploaded",
        ),
    ]


LISTINGS = {get_image_model(): "wagtailimages:index", get_document_model(): "wagtaildocs:index"}


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_live_files(request, action_type, objects, action_class_instance):
    """Bulk delete, move to a collection or tag: not for images and documents a published page
    shows, unless the person may change those (media/selectors.py)."""
    index = LISTINGS.get(action_class_instance.model)
    if index is None:
        return None
    if any(media_live_change_refused(user=request.user, item=item) for item in objects):
        messages.error(request, LIVE_FILE_REFUSAL)
        return redirect(get_valid_next_url_from_request(request) or reverse(index))
    return None


@hooks.register("construct_admin_api", order=1)
def narrow_image_and_document_api(router):
    """In place of Wagtail's endpoints (its hooks run first, order 0): media/admin_api.py."""
    router.register_endpoint("images", PermittedImagesAPIViewSet)
    router.register_endpoint("documents", PermittedDocumentsAPIViewSet)


@hooks.register("register_admin_menu_item")
def register_processing_menu_item():
    return ProcessingMenuItem(
        _("Video processing"), reverse("media_processing:index"), icon_name="media", order=320
    )


@hooks.register("insert_global_admin_js")
def upload_progress_js():
    """A progress bar for large recordings (media/static/media/js/upload_progress.js)."""
    return format_html(
        '<script src="{}" data-progress-text="{}" data-failed-text="{}" defer></script>',
        static("media/js/upload_progress.js"),
        _("Uploaded {percent}% ({done} of {total} MB)"),
        _("The upload failed. Check the connection and try again."),
    )
