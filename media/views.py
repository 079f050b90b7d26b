"""Admin screens of the media app: where processing stands, and starting it over."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtailmedia import get_permission_policy

from .models import MediaAsset, ProcessingStatus
from .services import media_processing_request

PER_PAGE = 50
# Problems first: failed, then in progress, then waiting, then ready (newest first within).
STATUS_ORDER = Case(
    When(processing_status=ProcessingStatus.FAILED, then=Value(0)),
    When(processing_status=ProcessingStatus.PROCESSING, then=Value(1)),
    When(processing_status=ProcessingStatus.PENDING, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
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
    elif asset.processing_status == ProcessingStatus.PROCESSING:
        messages.warning(request, _("“%(title)s” is being processed right now.") % {"title": asset})
    else:
        media_processing_request(asset_id=asset.pk)
        messages.success(request, _("“%(title)s” will be processed again.") % {"title": asset})
    return redirect("media_processing:index")
