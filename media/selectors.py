"""Reads of the media app: who may fetch a recording's files, and who may change a recording,
its captions, an image or a document.

What a published page shows changes only through a moderator (issue 17): a trainer who could
replace the file or the captions of a recording on a live page, or the file, title or alt text of
an image or document on it, would change what learners see without review ("Defaced by ...").
So a recording, image or document used on a live page, and a recording's captions, are read-only
for everyone without the permission "media.change_live_media" (Moderators and administrators
have it). A trainer who wants something else on a published page uploads it, chooses it in the
page and submits the page for moderation.

Ownership is Wagtail's rule for collection members (wagtailmedia's permission policy): "add"
alone lets someone change only what they uploaded; "change" lets them change anything.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef

from wagtail.documents.permissions import permission_policy as document_permission_policy
from wagtail.models import Page, ReferenceIndex
from wagtailmedia import get_permission_policy

from .models import MediaCaption

LIVE_CHANGE_PERMISSION = "media.change_live_media"


def pages_using(*, item):
    """The pages that use `item`, a recording, image or document (in a page field, a block or a
    rich text link).

    Wagtail's reference index holds what each page row refers to, and the row of a live page
    holds its published content (drafts live in revisions), so a draft that drops or adds the
    item changes nothing here until it is published.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(item)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids])


def media_live_pages(*, item):
    """The live pages that show `item`."""
    return pages_using(item=item).filter(live=True)


def recording_viewable(*, asset, request):
    """Whether this request may fetch the recording, its poster and its captions.

    A recording follows the pages that use it (see _follows_pages); one used nowhere is for the
    people who may edit it alone.
    """
    return _follows_pages(
        item=asset,
        request=request,
        policy=get_permission_policy(),
        unused_is_public=False,
    )


def document_viewable(*, document, request):
    """Whether this request may fetch the document, once Wagtail's own rules (collection view
    restrictions) let it through.

    A document used on pages follows them (see _follows_pages): one linked only from a draft or
    from a page for Moderators is not public because its collection is. A document used nowhere
    keeps Wagtail's rule alone: editors share such files by their address.
    """
    return _follows_pages(
        item=document,
        request=request,
        policy=document_permission_policy,
        unused_is_public=True,
    )


def _follows_pages(*, item, request, policy, unused_is_public):
    """Anyone may who may see a live page that uses `item` (no view restriction, or one the
    request passes: signed in, in the group, the password given); otherwise only people who may
    edit `item` or one of those pages, for the admin's previews."""
    pages = list(pages_using(item=item))
    if not pages and unused_is_public:
        return True
    for page in pages:
        if page.live and all(
            restriction.accept_request(request) for restriction in page.get_view_restrictions()
        ):
            return True
    user = request.user
    if not user.is_authenticated:
        return False
    if policy.user_has_permission_for_instance(user, "change", item):
        return True
    return any(page.permissions_for_user(user).can_edit() for page in pages)


def media_live_change_allowed(*, user):
    """Whether `user` may change recordings (and captions), images and documents that
    published pages show."""
    return user.is_active and user.has_perm(LIVE_CHANGE_PERMISSION)


def media_live_change_refused(*, user, item):
    """Whether `item` (a recording, image or document) is on a published page that `user` may
    not change through it."""
    return not media_live_change_allowed(user=user) and media_live_pages(item=item).exists()


def media_change_allowed(*, user, asset):
    """Whether `user` may replace, edit or delete `asset` and its captions now."""
    if not get_permission_policy().user_has_permission_for_instance(user, "change", asset):
        return False
    return not media_live_change_refused(user=user, item=asset)


def media_assets_owned_by(*, user):
    """The recordings `user` may change (their own uploads, or all with "change")."""
    return get_permission_policy().instances_user_has_permission_for(user, "change")


def captions_manageable_by(*, user):
    """The captions of the recordings `user` may change (whether live or not)."""
    return MediaCaption.objects.filter(
        Exists(media_assets_owned_by(user=user).filter(pk=OuterRef("asset_id")))
    )
