"""The world the role matrix walks: people in each role, and for two trainers each an object
of every kind an admin address can name (tests/accounts/test_role_matrix.py).

"own" objects belong to the trainer who asks (or, for a SPOC, to their municipality); "other"
objects to a colleague (or another municipality). Objects nobody owns (the library, groups,
sites, locales, workflows) are "shared".
"""

import uuid

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount, SocialApp, SocialToken
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.http import urlsafe_base64_encode

from taggit.models import Tag
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale, Page, Site, UploadedFile, Workflow
from wagtail_localize.models import (
    OverridableSegment,
    StringSegment,
    Translation,
    TranslationSource,
)

from courses.models import CoursePackage, PackageExport, PackageImport
from elearning.accounts.roles import COORDINATORS, MODERATORS, TRAINERS
from elearning.core.models import HelpLine, Municipality
from elearning.reports.models import MunicipalCoordinator
from media.models import CustomDocument, CustomImage, MediaAsset, MediaCaption
from search.models import SynonymGroup
from tests.factories import (
    CoursePageFactory,
    IntervisionSessionFactory,
    LibraryPageFactory,
    SignUpFactory,
    ThemeFactory,
    TrainerFactory,
    UserFactory,
    WebinarPageFactory,
    make_home,
    publish,
)

VTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nWelkom.\n"


def member_of(group_name, email, **fields):
    user = UserFactory(email=email, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def people():
    gent, eeklo = Municipality.objects.get(name="Gent"), Municipality.objects.get(name="Eeklo")
    spoc = UserFactory(email="spoc@eeklo.example.org", municipality=eeklo)
    MunicipalCoordinator.objects.create(user=spoc, municipality=eeklo)
    gent_spoc = UserFactory(email="spoc@gent.example.org", municipality=gent)
    assert spoc.groups.filter(name=COORDINATORS).exists()
    return {
        "learner": UserFactory(email="leerder@example.org", municipality=gent),
        "trainer": member_of(TRAINERS, "trainer@example.org"),
        "colleague": member_of(TRAINERS, "collega@example.org"),
        "spoc": spoc,
        "gent_spoc": gent_spoc,
        "moderator": member_of(MODERATORS, "redactie@example.org"),
        "municipalities": {"own": eeklo, "other": gent},
        "coordinators": {
            "own": MunicipalCoordinator.objects.get(user=spoc),
            "other": MunicipalCoordinator.objects.create(user=gent_spoc, municipality=gent),
        },
    }


def _page_in_moderation(page, user):
    """A draft of `user`'s, submitted to the moderation workflow (as the admin's button does)."""
    revision = page.save_revision(user=user)
    workflow_state = page.get_workflow().start(page, user)
    return revision, workflow_state


def _pages_of(owner, library, *, name):
    course = CoursePageFactory(parent=library, title=f"Opleiding van {name}", owner=owner)
    course.image = CustomImage.objects.create(
        title=f"Beeld {name}", file=get_test_image_file(), uploaded_by_user=owner
    )
    course.save()
    webinar = WebinarPageFactory(
        parent=course, title=f"Webinar van {name}", owner=owner, live=False
    )
    revision, workflow_state = _page_in_moderation(webinar, owner)
    return course, webinar, revision, workflow_state


def _translation(page):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    translation.save_target(user=page.owner, publish=False)  # the French draft, untranslated
    return source, translation


def _files_of(owner, *, name):
    asset = MediaAsset.objects.create(
        title=f"Opname {name}",
        file=ContentFile(b"\x1aE\xdf\xa3 opname", name=f"{name}.webm"),
        type="video",
        duration=60,
        uploaded_by_user=owner,
    )
    return {
        "image": CustomImage.objects.create(
            title=f"Foto {name}", file=get_test_image_file(), uploaded_by_user=owner
        ),
        "document": CustomDocument.objects.create(
            title=f"Slides {name}",
            file=ContentFile(b"%PDF-1.4 slides", name=f"{name}.pdf"),
            uploaded_by_user=owner,
        ),
        "asset": asset,
        "caption": MediaCaption.objects.create(
            asset=asset, language="nl", file=ContentFile(VTT, name=f"{name}.vtt"), cue_count=1
        ),
        "uploaded_file": UploadedFile.objects.create(
            file=ContentFile(b"upload", name=f"{name}.bin"), uploaded_by_user=owner
        ),
    }


def _session_of(facilitator, learner, *, name):
    session = IntervisionSessionFactory(
        title=f"Intervisie van {name}", address="Stadhuis", facilitator=facilitator
    )
    return session, SignUpFactory(session=session, user=learner)


def _packages_of(owner, course):
    package = CoursePackage.objects.create(key=uuid.uuid4(), course=course)
    export = PackageExport.objects.create(package=package, requested_by=owner)
    package_import = PackageImport.objects.create(
        file=ContentFile(b"PK", name="package.zip"),
        uploaded_by=owner,
        key=uuid.uuid4(),
        version=1,
        title=course.title,
    )
    return export, package_import


def _django_admin_rows(learner):
    """One row of every model the Django admin lists, so its object addresses are real."""
    app = SocialApp.objects.create(provider="openid_connect", name="Stad", client_id="x")
    account = SocialAccount.objects.create(user=learner, provider="openid_connect", uid="1")
    return {
        "account.emailaddress": EmailAddress.objects.create(user=learner, email=learner.email),
        "auth.group": Group.objects.get(name=TRAINERS),
        "axes.accessattempt": AccessAttempt.objects.create(
            username="x", ip_address="127.0.0.1", failures_since_start=1
        ),
        "axes.accessfailurelog": AccessFailureLog.objects.create(
            username="x", ip_address="127.0.0.1"
        ),
        "axes.accesslog": AccessLog.objects.create(username="x", ip_address="127.0.0.1"),
        "socialaccount.socialapp": app,
        "socialaccount.socialaccount": account,
        "socialaccount.socialtoken": SocialToken.objects.create(app=app, account=account),
        "taggit.tag": Tag.objects.create(name="matrix", slug="matrix"),
    }


def world_build():
    """Everyone and everything the matrix needs; returns {"people": ..., "own": {kind: value},
    "other": {kind: value}, "shared": {kind: value}} with values as they go into addresses."""
    Locale.objects.get_or_create(language_code="fr")
    who = people()
    home = make_home()
    library = publish(LibraryPageFactory(parent=home))
    collection = Collection.get_first_root_node().add_child(name="Webinars")
    scopes = {}
    for scope, owner, name in (
        ("own", who["trainer"], "mij"),
        ("other", who["colleague"], "collega"),
    ):
        course, webinar, revision, workflow_state = _pages_of(owner, library, name=name)
        source, translation = _translation(course)
        files = _files_of(owner, name=name)
        session, signup = _session_of(owner, who["learner"], name=name)
        export, package_import = _packages_of(owner, course)
        profile = TrainerFactory(name=f"Trainer {name}", user=owner)
        editing = EditingSession.objects.create(
            user=owner,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(webinar.pk),
            last_seen_at=timezone.now(),
        )
        scopes[scope] = {
            "page": webinar.pk,
            "parent_page": course.pk,
            "course": course.pk,
            "revision": revision.pk,
            "workflow_state": workflow_state.pk,
            "task_state": workflow_state.current_task_state.pk,
            "task": workflow_state.current_task_state.task_id,
            "translation": translation.pk,
            "translation_source": source.pk,
            "string_segment": StringSegment.objects.filter(source=source).first().pk,
            "overridable_segment": OverridableSegment.objects.filter(source=source).first().pk,
            "image": files["image"].pk,
            "document": files["document"].pk,
            "asset": files["asset"].pk,
            "caption": files["caption"].pk,
            "uploaded_file": files["uploaded_file"].pk,
            "session": session.pk,
            "signup": signup.pk,
            "export": export.pk,
            "import": package_import.pk,
            "trainer_profile": profile.pk,
            "editing_session": editing.pk,
            "coordinator": who["coordinators"][scope].pk,
            "municipality": who["municipalities"][scope].pk,
        }
    learner = who["learner"]
    django_admin = _django_admin_rows(learner)
    shared = {
        "place": library.pk,
        "collection": collection.pk,
        "theme": ThemeFactory().pk,
        # Seeded by migration core/0004; no rule opens them: administrators alone keep them.
        "help_line": HelpLine.objects.order_by("pk").first().pk,
        "user": learner.pk,
        "group": Group.objects.get(name=TRAINERS).pk,
        "site": Site.objects.get(is_default_site=True).pk,
        "locale": Locale.objects.get(language_code="fr").pk,
        "workflow": Workflow.objects.get(name="Moderators approval").pk,
        "query": Query.get("babobox").pk,
        "synonym_group": SynonymGroup.objects.create(language="nl", terms="VIF, IFG").pk,
        "redirect": Redirect.objects.create(old_path="/oud", redirect_link="/nieuw").pk,
        "uidb64": urlsafe_base64_encode(str(learner.pk).encode()),
        "django_admin": {label: row.pk for label, row in django_admin.items()},
        "group_content_type": ContentType.objects.get_for_model(Group).pk,
    }
    return {"people": who, "own": scopes["own"], "other": scopes["other"], "shared": shared}
