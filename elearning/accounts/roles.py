"""Roles in the Wagtail admin: trainers write, Moderators (our editors) approve and publish.

Trainers add pages anywhere in the tree (webinars, modules, courses, in every library that
exists now or later, since their permission sits on the root page) and edit and delete only the
pages they own (Wagtail's "add" permission: the owner is who created the page). They upload
images, documents and recordings and edit or delete only their own uploads (Wagtail's collection
"add" permission), pick any image or document and their own recordings in page forms, and pick
themes and trainers. They submit their work for moderation and can never publish, lock or
bulk-delete; a recording, image or document on a published page (and a recording's captions)
stays as it is until a moderator changes it (media/selectors.py).

Moderators are our editors. Wagtail's own migrations create the groups "Moderators" and
"Editors" and the workflow "Moderators approval", a single group approval task for Moderators,
assigned to the root page, so every page submitted anywhere lands with the Moderators. Approving
the last task publishes the page. We reuse that workflow instead of running a parallel one, and
only put it back when it went missing.

`roles_ensure` (services.py) writes them after every migrate (signal_handlers.py). It adds what
a role lacks and never removes what an administrator granted on purpose: Wagtail's group admin
(Settings > Groups) stays the place to adjust a role. A group is known by its name, so renaming
"Trainers" there means the next migrate creates a fresh "Trainers" group beside it.
"""

from django.utils.translation import gettext_noop

TRAINERS = "Trainers"
COORDINATORS = (
    "Municipal coordinators"  # the SPOCs; which municipality: reports.MunicipalCoordinator
)
MODERATORS = "Moderators"  # created by Wagtail's migrations; the name its workflow refers to
# Stored in English by Wagtail's migration; shown translated (moderation.DefaultModerationName).
MODERATION_WORKFLOW = gettext_noop("Moderators approval")

TRAINER_PERMISSIONS = (
    "wagtailadmin.access_admin",
    # Themes and trainers are listed for reference and picked in page forms (Wagtail's snippet
    # chooser needs admin access only); editors maintain them.
    "courses.view_theme",
    "courses.view_trainer",
    # Captions go with the recordings trainers upload (accessibility law: no recorded webinar
    # without them); the captions admin narrows these to the captions of their own recordings.
    "media.add_mediacaption",
    "media.change_mediacaption",
    "media.delete_mediacaption",
    "media.view_mediacaption",
    # Trainers plan intervision sessions and run their own (the admin lists a trainer only
    # the sessions they facilitate). A session with people signed up is cancelled, never
    # deleted, so they are told: no delete. Our viewset checks only add and change.
    "intervision.add_intervisionsession",
    "intervision.change_intervisionsession",
    # The reports of the courses they teach or own, and of the sessions they facilitate.
    "reports.view_course_reports",
)
# A SPOC opens the admin for their municipality's aggregated reports, and nothing else.
COORDINATOR_PERMISSIONS = ("wagtailadmin.access_admin", "reports.view_municipal_reports")
# "add" alone: Wagtail lets a trainer edit the pages they own and delete those of them that are
# not live; "change" would open every page to every trainer. Without publish_page, Wagtail
# offers trainers "Submit for moderation" instead of "Publish".
TRAINER_PAGE_PERMISSIONS = ("wagtailcore.add_page",)
# Wagtail checks media.CustomImage, media.CustomDocument and media.MediaAsset against the
# permissions of the models they extend (the `auth_model` of each permission policy), granted
# per collection. "add" without "change": a trainer edits and deletes only their own uploads.
# wagtailmedia has no "choose": its chooser lists what one may change, so a trainer picks their
# own recordings.
TRAINER_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
    "wagtailmedia.add_media",
)
# Grants that earlier versions gave trainers and that let any trainer change anyone's pages and
# files; migration accounts/0002 withdraws them once from existing installations.
TRAINER_GRANTS_WITHDRAWN = {
    "pages": ("wagtailcore.change_page",),
    "collections": (
        "wagtailimages.change_image",
        "wagtaildocs.change_document",
        "wagtailmedia.change_media",
    ),
}
# Moderators (our editors) see and manage every intervision session, whoever facilitates it,
# exchange courses with other sites (course packages: export, offer, import), and curate the
# search: promoted results for key queries, the synonyms each language's search applies, and the
# report of what visitors search for; they see every learning report.
MODERATOR_PERMISSIONS = (
    # Captions of every recording, those on published pages included.
    "media.add_mediacaption",
    "media.change_mediacaption",
    "media.delete_mediacaption",
    "media.view_mediacaption",
    "media.change_live_media",
    "intervision.add_intervisionsession",
    "intervision.change_intervisionsession",
    "intervision.delete_intervisionsession",
    "courses.export_coursepackage",
    "courses.import_coursepackage",
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
    "site_search.add_synonymgroup",
    "site_search.change_synonymgroup",
    "site_search.delete_synonymgroup",
    "site_search.view_synonymgroup",
    "reports.view_all_reports",
    # Which contact, privacy, accessibility and cookie pages the footer links (Settings >
    # Footer pages); the help lines stay with administrators.
    "core.change_footerpages",
)
# The apps whose permissions the roles need; signal_handlers.py creates them before roles_ensure.
ROLE_APP_LABELS = frozenset(
    label.split(".")[0]
    for label in TRAINER_PERMISSIONS
    + TRAINER_PAGE_PERMISSIONS
    + TRAINER_COLLECTION_PERMISSIONS
    + MODERATOR_PERMISSIONS
    + COORDINATOR_PERMISSIONS
)
