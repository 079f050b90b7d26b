"""The files of recordings and captions, to whoever may have them; and the admin screens of
the media app: where processing stands, and starting it over; captions; recordings, captions,
images and documents on published pages kept for moderators; the image chooser's format step for
who may choose the image."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from wagtail import hooks
from wagtail.admin.views.generic import models as generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.documents.views import documents as document_views
from wagtail.documents.views import multiple as document_multiple_views
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permission_policy
from wagtail.images.views import chooser as image_chooser_views
from wagtail.images.views import images as image_views
from wagtail.images.views import multiple as image_multiple_views
from wagtailmedia import get_permission_policy
from wagtailmedia.views import media as wagtailmedia_views

from .forms import LIVE_FILE_REFUSAL, LIVE_REFUSAL
from .models import RECORDING_FILES, MediaAsset, MediaCaption, ProcessingStatus
from .selectors import (
    captions_manageable_by,
    document_viewable,
    media_change_allowed,
    media_live_change_refused,
    recording_viewable,
)
from .sending import protected_file_response
from .services import media_processing_restart

PER_PAGE = 50
# Problems first: failed, then in progress, then waiting, then ready (newest first within).
STATUS_ORDER = Case(
    When(processing_status=ProcessingStatus.FAILED, then=Value(0)),
    When(processing_status=ProcessingStatus.PROCESSING, then=Value(1)),
    When(processing_status=ProcessingStatus.PENDING, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


@require_safe
def recording_file(request, asset_id, variant, extension):
    """One of a recording's files (original, web version, poster, thumbnail): a page that plays
    it links here, and the file follows the pages that use the recording.

    The extension tells browsers and download managers what the file is when the address is
    made; the current file is sent whatever it says (a cached page may name a replaced one)."""
    if variant not in RECORDING_FILES:
        raise Http404
    asset = get_object_or_404(MediaAsset, pk=asset_id)
    if not recording_viewable(asset=asset, request=request):
        raise Http404  # not found rather than forbidden: a private recording is not announced
    return protected_file_response(request, getattr(asset, RECORDING_FILES[variant]))


@require_safe
def caption_file(request, asset_id, language):
    caption = get_object_or_404(
        MediaCaption.objects.select_related("asset"), asset_id=asset_id, language=language
    )
    if not recording_viewable(asset=caption.asset, request=request):
        raise Http404
    return protected_file_response(request, caption.file, content_type="text/vtt; charset=utf-8")


MAX_ROW_ID = 2**63 - 1


@require_safe
def document_file(request, document_id, document_filename):
    """A document at Wagtail's own address (it answers instead of Wagtail's serve view), by
    Wagtail's own rules: the `before_serve_document` hooks, among them Wagtail's collection view
    restrictions, may answer first (a sign-in or password page); then the pages that use it
    (media/selectors.py); the download is announced with `document_served` as Wagtail does. Then
    the file leaves like every private file."""
    if int(document_id) > MAX_ROW_ID:
        raise Http404
    document = get_object_or_404(get_document_model(), pk=document_id)
    if document.filename != document_filename:
        raise Http404
    for hook in hooks.get_hooks("before_serve_document"):
        answer = hook(document, request)
        if isinstance(answer, HttpResponseBase):
            return answer
    if not document_viewable(document=document, request=request):
        raise Http404  # as for recordings: a document of a private page is not announced
    document_served.send(sender=type(document), instance=document, request=request)
    return protected_file_response(
        request,
        document.file,
        content_type=document.content_type,
        disposition=document.content_disposition,
    )


def _require_media_editor(user):
    """Whoever may edit recordings in some collection (editors, trainers) sees processing."""
    if not get_permission_policy().user_has_any_permission(user, ["add", "change"]):
        raise PermissionDenied


def processing_index(request):
    _require_media_editor(request.user)
    status = request.GET.get("status", "")
    if status not in ProcessingStatus.values:
        status = ""
    assets = MediaAsset.objects.annotate(status_order=STATUS_ORDER).order_by(
        "status_order", "-created_at", "-pk"
    )
    if status:
        assets = assets.filter(processing_status=status)
    page = Paginator(assets, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "media/admin/processing_index.html",
        {"page_obj": page, "status": status, "statuses": ProcessingStatus.choices},
    )


@require_POST
def processing_retry(request, asset_id):
    _require_media_editor(request.user)
    asset = MediaAsset.objects.filter(pk=asset_id).first()
    if asset is not None and not asset.is_editable_by_user(request.user):
        raise PermissionDenied
    if asset is None:
        messages.error(request, _("This video or audio no longer exists."))
    elif media_processing_restart(asset_id=asset.pk):
        messages.success(request, _("“%(title)s” will be processed again.") % {"title": asset})
    else:
        # A worker holds it and keeps renewing its claim; if that worker died, the claim
        # lapses within minutes and the sweep takes it over (or this button, then).
        messages.warning(
            request,
            _(
                "“%(title)s” is being processed right now. If processing has stopped, you can "
                "start it again in a few minutes."
            )
            % {"title": asset},
        )
    return redirect("media_processing:index")


# --- Recordings and captions on published pages ----------------------------------------------


def _live_refusal(request, asset):
    """Refuse a change to what a published page shows, unless the user may (a moderator)."""
    if media_change_allowed(user=request.user, asset=asset):
        return None
    messages.error(request, LIVE_REFUSAL)
    return redirect("wagtailmedia:edit", asset.pk)


def media_delete(request, media_id):
    """wagtailmedia's delete, refused for a recording a published page shows (it would vanish
    from the page); wagtailmedia itself checks ownership. Registered in front of its URL."""
    asset = get_object_or_404(MediaAsset, pk=media_id)
    if not get_permission_policy().user_has_permission_for_instance(request.user, "delete", asset):
        raise PermissionDenied
    return _live_refusal(request, asset) or wagtailmedia_views.delete(request, media_id)


def media_usage(request, media_id):
    """wagtailmedia's usage list (the pages showing a recording), for who may change the
    recording: wagtailmedia itself only asks for some media permission. Registered in front."""
    asset = get_object_or_404(MediaAsset, pk=media_id)
    if not get_permission_policy().user_has_permission_for_instance(request.user, "change", asset):
        raise PermissionDenied
    return wagtailmedia_views.usage(request, media_id)


# Wagtail's delete views of images and documents, registered in front of their URLs: Wagtail
# checks that the person may delete the item (their own upload); these refuse it while a
# published page shows it (it would vanish from the page), unless the person is a moderator.


def _delete_unless_live(*, model, policy, wagtail_view, id_kwarg, edit_url=None):
    """Wagtail's delete view of an image or document, unless the person may delete the item but
    a published page shows it: then a message on the item's edit page, or a 403 for the upload
    screen's script (`edit_url` None: no page to show a message on)."""

    def view(request, **kwargs):
        item = get_object_or_404(model(), pk=kwargs[id_kwarg])
        may_delete = policy.user_has_permission_for_instance(request.user, "delete", item)
        if may_delete and media_live_change_refused(user=request.user, item=item):
            if edit_url is None:
                raise PermissionDenied
            messages.error(request, LIVE_FILE_REFUSAL)
            return redirect(edit_url, item.pk)
        return wagtail_view.as_view()(request, **kwargs)

    return view


_IMAGES = {"model": get_image_model, "policy": image_permission_policy, "id_kwarg": "image_id"}
_DOCUMENTS = {"model": get_document_model, "policy": document_permission_policy}
image_delete = _delete_unless_live(
    **_IMAGES, wagtail_view=image_views.DeleteView, edit_url="wagtailimages:edit"
)
image_delete_just_uploaded = _delete_unless_live(
    **_IMAGES, wagtail_view=image_multiple_views.DeleteView
)
document_delete = _delete_unless_live(
    **_DOCUMENTS,
    wagtail_view=document_views.DeleteView,
    id_kwarg="document_id",
    edit_url="wagtaildocs:edit",
)
document_delete_just_uploaded = _delete_unless_live(
    **_DOCUMENTS, wagtail_view=document_multiple_views.DeleteView, id_kwarg="doc_id"
)


def image_select_format(request, image_id):
    """The image chooser's last step (title, size and preview of the image, then the HTML to
    insert), for who may choose that image: Wagtail's own view only asks for admin access.
    Registered in front of its URL."""
    image = get_object_or_404(get_image_model(), pk=image_id)
    if not image_permission_policy.user_has_permission_for_instance(request.user, "choose", image):
        raise PermissionDenied
    return image_chooser_views.viewset.select_format_view(request, image_id=image_id)


class CaptionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return captions_manageable_by(user=self.request.user).select_related("asset")


class ManageableCaptionMixin:
    """Captions of a recording someone else uploaded are not found (history and usage by URL;
    their listings are of log entries and references, so only the object lookup narrows)."""

    def get_base_object_queryset(self):
        return captions_manageable_by(user=self.request.user)


class ReadOnlyWhenLiveMixin(ManageableCaptionMixin):
    """Edit and delete: not found for a colleague's captions; those of a recording on a
    published page are read-only unless the user may change what published pages show."""

    def get_queryset(self):
        return captions_manageable_by(user=self.request.user)

    def get(self, request, *args, **kwargs):
        return self._refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self._refusal() or super().post(request, *args, **kwargs)

    def _refusal(self):
        if media_change_allowed(user=self.request.user, asset=self.object.asset):
            return None
        messages.error(self.request, LIVE_REFUSAL)
        return redirect("captions:index")


class CaptionEditView(ReadOnlyWhenLiveMixin, generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()


class CaptionDeleteView(ReadOnlyWhenLiveMixin, generic.DeleteView):
    pass


class CaptionHistoryView(ManageableCaptionMixin, HistoryView):
    pass


class CaptionUsageView(ManageableCaptionMixin, UsageView):
    pass
