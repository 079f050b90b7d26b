"""Reads of the media app: who may fetch a recording's files."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex
from wagtailmedia import get_permission_policy


def recording_pages(*, asset):
    """The pages that use the recording (module and tool blocks, webinars, podcast episodes),
    as Wagtail's reference index knows them: for a live page, its published content."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(asset)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(page_id) for page_id in ids])


def recording_viewable(*, asset, request):
    """Whether this request may fetch the recording, its poster and its captions.

    A recording follows the pages that use it: anyone may who may see one of them live (no view
    restriction, or one the request passes: signed in, in the group, the password given).
    Otherwise only people who may edit the recording or one of those pages, for the admin's
    previews; a recording used nowhere is theirs alone.
    """
    pages = list(recording_pages(asset=asset))
    for page in pages:
        if page.live and all(
            restriction.accept_request(request) for restriction in page.get_view_restrictions()
        ):
            return True
    user = request.user
    if not user.is_authenticated:
        return False
    if get_permission_policy().user_has_permission_for_instance(user, "change", asset):
        return True
    return any(page.permissions_for_user(user).can_edit() for page in pages)
