"""Every use of another package's private names, each behind one small function.

The route cache (route_cache.py) and the one-query page route (courses HomePage.route) save
queries by reaching into caches that Wagtail and django-treebeard keep for themselves. No
public API offers the same (priming a request's Site, route or site root paths; giving a page
its parent), so the uses are gathered here and
nowhere else: tests/core/test_upstream_internals.py checks each one against the installed
package and fails when an upgrade changes it, and a test there proves that no other module
names them.

The package importer also fills an image's or document's size and hash as Wagtail's own upload
form does (no public method does it for a file saved by code).

Checked against Wagtail 7.4.4 and django-treebeard 5.3.1.
"""

# --- Wagtail 7.4.4: the per-request caches of wagtail.models ---------------------------------
# Site.find_for_request(request) keeps its answer in request._wagtail_site;
# Page.route_for_request(request, path) keeps the RouteResult in request._wagtail_route_for_request;
# Page.get_url(request=request) keeps Site.get_site_root_paths() in
# request._wagtail_cached_site_root_paths.

_SITE = "_wagtail_site"
_ROUTE = "_wagtail_route_for_request"
_ROOT_PATHS = "_wagtail_cached_site_root_paths"


def request_site_known(request):
    """The Site Wagtail found for this request already, or None (no lookup is made)."""
    return getattr(request, _SITE, None)


def request_site_give(request, site):
    """Site.find_for_request(request) answers `site` without a query."""
    setattr(request, _SITE, site)


def request_route_known(request):
    """The RouteResult Wagtail found for this request already, or None (no lookup is made)."""
    return getattr(request, _ROUTE, None)


def request_route_give(request, route):
    """Page.route_for_request(request, path) answers `route` without routing."""
    setattr(request, _ROUTE, route)


def request_root_paths_known(request):
    """The site root paths page links of this request were built with, or None."""
    return getattr(request, _ROOT_PATHS, None)


def request_root_paths_give(request, root_paths):
    """Page.get_url(request=request) uses these root paths instead of reading them."""
    setattr(request, _ROOT_PATHS, root_paths)


# --- Wagtail 7.4.4: an uploaded file's size and hash --------------------------------------------
# The admin's upload forms call AbstractImage._set_image_file_metadata() and
# AbstractDocument._set_document_file_metadata(): file_size and file_hash (duplicate detection).


def image_file_metadata_set(image):
    """Give a new image its file size and hash, as Wagtail's upload form does."""
    image._set_image_file_metadata()


def document_file_metadata_set(document):
    """Give a new document its file size and hash, as Wagtail's upload form does."""
    document._set_document_file_metadata()


# --- django-treebeard 5.3.1: MP_Node.get_parent() keeps the parent in _cached_parent_obj ----
# (Wagtail 7.4.4 sets it too, in Page.get_children of a specific page's tree).

_PARENT = "_cached_parent_obj"


def page_parent_known(page):
    """The parent page that page.get_parent() will answer without a query, or None."""
    return getattr(page, _PARENT, None)


def page_parent_give(page, parent):
    """page.get_parent() answers `parent` without a query."""
    setattr(page, _PARENT, parent)


# --- Wagtail 7.4.4: the receiver that mails the start of a workflow -----------------------------
# wagtail.admin.signal_handlers.register_signal_handlers() (run by WagtailAdminAppConfig.ready)
# connects its WorkflowStateSubmissionEmailNotifier to workflow_submitted under this
# dispatch_uid. Django ignores a second connect under a uid already taken, so a receiver
# connected first under the same uid (from an app listed before wagtail.admin) stands instead.

WORKFLOW_SUBMITTED_MAIL_UID = "workflow_state_submitted_email_notification"


def workflow_submitted_mail_replace(receiver):
    """Connect `receiver` in the place of Wagtail's "workflow submitted" mail; must run before
    wagtail.admin's ready(). Held strongly: were it collected, the uid would free up for
    Wagtail's own."""
    from wagtail.models import WorkflowState
    from wagtail.signals import workflow_submitted

    workflow_submitted.connect(
        receiver, sender=WorkflowState, weak=False, dispatch_uid=WORKFLOW_SUBMITTED_MAIL_UID
    )
