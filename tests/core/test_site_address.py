"""The site's address (SITE_URL) is the one source of every absolute link that leaves the site:
pages, feeds, mails, calendar invites, the attest PDF and its QR code, course packages and the
catalogue. Never the host a request named (the test client's "testserver"), never the host the
default Wagtail site was created with ("localhost"), never the address in use before a move.

xAPI ids are the exception: they come from XAPI_ACTIVITY_IRI and stay when the site moves.
"""

import io
import json
import re
import uuid
import zipfile
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Site

from courses.models import CoursePackage, JobStatus, PackageExport
from courses.packaging.services import package_export_file
from courses.packaging.standards import cartridge_write, scorm_write
from elearning.core.sites import page_full_url, site_address_apply, site_url
from elearning.intervision import emails
from elearning.intervision.models import Mode
from elearning.intervision.notifications import Notice
from elearning.intervision.services import feed_token_ensure
from elearning.learners import attests, xapi
from elearning.learners.models import XapiStatement
from elearning.learners.services import attests as issuing
from elearning.learners.services import course_completion_refresh
from tests.factories import (
    AudioAssetFactory,
    IntervisionSessionFactory,
    PodcastEpisodePageFactory,
    PodcastPageFactory,
    SignUpFactory,
    publish,
)
from tests.learners.conftest import (  # noqa: F401 - a fixture used below
    ATTEST_COMPLETED_AT,
    attest_course,
    attest_enrolment,
)

pytestmark = pytest.mark.django_db

SITE = "https://leren.example.be"
# Hosts no absolute link may name: the test client's, Wagtail's first default site's, the
# development default's and settings/test.py's SITE_URL (the address before the "move" here).
FORBIDDEN_HOSTS = {"testserver", "localhost", "127.0.0.1", "leerplatform.test"}
ABSOLUTE_URL = re.compile(r"""https?://[^\s"'<>\\]+""")


@pytest.fixture
def leren(settings):
    """The site at https://leren.example.be: SITE_URL set, and the default Wagtail site given
    its address as `migrate` does (again by make_home for trees built after this)."""
    settings.SITE_URL = SITE
    site_address_apply()
    return SITE


@pytest.fixture
def dutch():
    with translation.override("nl"):
        yield


def addresses_in(text):
    """Every absolute address in a text: HTML, XML, JSON, a mail body, an iCalendar file."""
    return [url.rstrip(".,;)") for url in ABSOLUTE_URL.findall(text)]


def assert_at_the_site(text, *, expected):
    """No address in `text` names a host other than SITE's among ours, and `expected` (one
    address or several) is there: the link is there, and at SITE_URL."""
    found = addresses_in(text)
    wrong = [url for url in found if urlsplit(url).hostname in FORBIDDEN_HOSTS]
    assert wrong == [], f"addresses at a wrong host: {wrong}"
    assert "//testserver" not in text and "//localhost" not in text
    for url in [expected] if isinstance(expected, str) else expected:
        assert url.startswith(SITE + "/"), url
        assert url in found, f"{url} is not among {found}"


# --- Pages and the podcast feed ---------------------------------------------------------------


@pytest.fixture
def podcast(library_tree, leren):
    show = publish(PodcastPageFactory(parent=library_tree["pages"]["library"]))
    episode = publish(
        PodcastEpisodePageFactory(
            parent=show, title="Signalen bij kinderen", audio=AudioAssetFactory()
        )
    )
    return {"show": show, "episode": episode}


@pytest.mark.parametrize("role", ["course", "module"])
def test_pages_name_their_translations_at_the_site_address(client, library_tree, leren, role):
    page = library_tree["pages"][role]

    html = client.get(page.url).content.decode()

    french = library_tree["translations"][(role, "fr")]
    english = library_tree["translations"][(role, "en")]
    assert f'<link rel="alternate" hreflang="fr" href="{SITE}{french.url}">' in html
    assert_at_the_site(html, expected=[SITE + french.url, SITE + english.url])


def test_the_podcast_page_and_its_feed_are_at_the_site_address(client, podcast):
    show, episode = podcast["show"], podcast["episode"]

    html = client.get(show.url).content.decode()
    feed = client.get(show.url + "feed/").content.decode()

    # Not translated: no alternate language version to name (the switcher says so and leads to
    # the other languages' home pages by path), so no absolute address at all, and none wrong.
    assert_at_the_site(html, expected=[])
    assert 'rel="alternate" hreflang' not in html
    enclosure = site_url(reverse("podcast_audio", args=[episode.pk, "mp3"]))
    assert f"<link>{SITE}{show.url}</link>" in feed
    assert_at_the_site(
        feed, expected=[SITE + show.url, SITE + show.url + "feed/", SITE + episode.url, enclosure]
    )


def test_links_follow_a_new_address_before_migrate_gives_it_to_the_wagtail_site(podcast, settings):
    settings.SITE_URL = "https://leren.gent.be"  # the default Site still has leren.example.be

    assert page_full_url(podcast["episode"]) == "https://leren.gent.be" + podcast["episode"].url


# --- The attest: its PDF, QR code and mail ----------------------------------------------------


def test_the_attest_pdf_its_qr_code_and_its_mail_name_the_site_address(
    attest_course,  # noqa: F811
    learner,
    leren,
    monkeypatch,
    dutch,
):
    encoded = []
    qr_code_svg = attests._qr_code_svg
    monkeypatch.setattr(
        attests, "_qr_code_svg", lambda url: encoded.append(url) or qr_code_svg(url)
    )
    enrolment = attest_enrolment(learner, attest_course)
    assert course_completion_refresh(enrolment=enrolment, now=ATTEST_COMPLETED_AT)

    attest = issuing.attest_issue(enrolment_id=enrolment.pk)

    verify = f"{SITE}/nl/attest/{attest.code}/"
    assert encoded == [verify]
    with attest.pdf.open("rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert_at_the_site(text, expected=verify)
    [message] = mail.outbox
    assert_at_the_site(message.body, expected=[verify, site_url(reverse("learners:dashboard"))])


# --- Intervision: the mail, its invite, the invite download and the personal feed -------------


@pytest.fixture
def signup(learner, leren, dutch):
    session = IntervisionSessionFactory(
        mode=Mode.ONLINE, address="", join_url="https://meet.example.org/intervisie-7"
    )
    return SignUpFactory(session=session, user=learner)


def unfolded(ics):
    """The iCalendar text with its long lines joined again (RFC 5545 folds them at 75)."""
    text = ics if isinstance(ics, str) else ics.decode()
    return text.replace("\r\n ", "").replace("\r\n\t", "")


def event_urls(ics):
    events = Calendar.from_ical(ics).walk("VEVENT")
    assert events
    return [str(event["URL"]) for event in events], [str(event["UID"]) for event in events]


def test_the_intervision_mail_and_its_invite_name_the_site_address(signup):
    assert emails.signup_message_send(signup_id=signup.pk, notice=Notice.CONFIRMED)

    [message] = mail.outbox
    [(_name, invite, _type)] = message.attachments
    session_url = site_url(reverse("intervision:session_detail", args=[signup.session.pk]))
    assert_at_the_site(message.body, expected=site_url(reverse("intervision:my_sessions")))
    assert_at_the_site(unfolded(invite), expected=session_url)
    urls, uids = event_urls(invite)
    assert urls == [session_url]
    assert all(uid.endswith("@leren.example.be") for uid in uids)


def test_the_invite_download_and_the_personal_feed_name_the_site_address(client, signup, learner):
    client.force_login(learner)
    token = feed_token_ensure(user=learner)
    session_url = site_url(reverse("intervision:session_detail", args=[signup.session.pk]))

    page = client.get(reverse("intervision:my_sessions")).content.decode()
    download = client.get(reverse("intervision:signup_invite", args=[signup.pk])).content
    feed = client.get(reverse("intervision_feed", args=[token])).content

    assert_at_the_site(page, expected=f"{SITE}/calendar/{token}.ics")
    for ics in (download, feed):
        assert_at_the_site(unfolded(ics), expected=session_url)
        urls, uids = event_urls(ics)
        assert urls == [session_url]
        assert all(uid.endswith("@leren.example.be") for uid in uids)


# --- xAPI: ids from XAPI_ACTIVITY_IRI, which a move leaves alone -----------------------------


def statement_about(module, course, user):
    xapi.xapi_outbox_add(
        user=user,
        verb="attempted",
        kind="module",
        key=module.translation_key,
        course_key=course.translation_key,
        at=timezone.now(),
    )
    return XapiStatement.objects.order_by("-pk").first().payload


def test_xapi_ids_stay_when_the_site_moves(library_tree, learner, leren, settings):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xapi/"  # nothing is sent: no commit here
    settings.XAPI_ACTIVITY_IRI = f"{SITE}/xapi/"  # set once, when the site was installed here
    module, course = library_tree["pages"]["module"], library_tree["pages"]["course"]
    before = statement_about(module, course, learner)

    settings.SITE_URL = "https://leren.gent.be"
    site_address_apply()
    after = statement_about(module, course, learner)

    module_id = f"{SITE}/xapi/activities/module/{module.translation_key}"
    course_id = f"{SITE}/xapi/activities/course/{course.translation_key}"
    for statement in (before, after):
        assert statement["object"]["id"] == module_id
        assert statement["context"]["contextActivities"]["parent"][0]["id"] == course_id
        assert statement["actor"]["account"]["homePage"] == SITE
        assert_at_the_site(json.dumps(statement), expected=[module_id, course_id])
    assert before["actor"] == after["actor"]


def test_xapi_ids_begin_with_the_iri_wherever_the_site_is(library_tree, learner, leren, settings):
    settings.XAPI_LRS_ENDPOINT = "http://127.0.0.1:9/xapi/"
    settings.XAPI_ACTIVITY_IRI = "https://vif.example.org/lrs-ids/"
    module, course = library_tree["pages"]["module"], library_tree["pages"]["course"]

    statement = statement_about(module, course, learner)

    assert statement["object"]["id"] == (
        f"https://vif.example.org/lrs-ids/activities/module/{module.translation_key}"
    )
    assert statement["actor"]["account"]["homePage"] == "https://vif.example.org"
    assert SITE not in json.dumps(statement)


# --- Course packages, SCORM, Common Cartridge and the catalogue --------------------------------


@pytest.fixture
def packaged(library_tree, leren, dutch):
    """The course of library_tree, whose first module links the webinar outside the course."""
    module, webinar = library_tree["pages"]["module"], library_tree["pages"]["webinar"]
    link = f'<p>Zie ook <a linktype="page" id="{webinar.pk}">het webinar</a>.</p>'
    module.body = [{"type": "text", "id": str(uuid.uuid4()), "value": link}]
    publish(module)
    return library_tree["pages"]["course"]


def zip_texts(raw):
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {
            name: archive.read(name).decode()
            for name in archive.namelist()
            if name.endswith((".json", ".xml", ".html", ".js"))
        }


def test_a_package_names_the_site_in_its_provenance_and_links(packaged, library_tree):
    out = io.BytesIO()
    package_export_file(course=packaged, out=out)

    texts = zip_texts(out.getvalue())
    manifest = json.loads(texts["manifest.json"])
    assert manifest["provenance"]["site"] == SITE
    webinar = SITE + library_tree["pages"]["webinar"].url
    assert_at_the_site(texts["content.json"], expected=webinar)


@pytest.mark.parametrize("write", [scorm_write, cartridge_write], ids=["scorm", "cartridge"])
def test_scorm_and_cartridge_pages_link_the_site_address(packaged, library_tree, write):
    out = io.BytesIO()
    write(course=packaged, out=out, language=None)

    texts = zip_texts(out.getvalue())
    module = SITE + library_tree["pages"]["module"].url
    webinar = SITE + library_tree["pages"]["webinar"].url
    assert_at_the_site("\n".join(texts.values()), expected=[module, webinar])


def test_the_catalogue_offers_downloads_at_the_site_address(client, packaged):
    package_export_file(course=packaged, out=io.BytesIO())
    package = CoursePackage.objects.get(course=packaged)
    CoursePackage.objects.filter(pk=package.pk).update(offered=True)
    PackageExport.objects.create(
        package=package,
        version=package.version,
        status=JobStatus.READY,
        size=1,
        sha256="0" * 64,
        finished_at=timezone.now(),
    )

    response = client.get(reverse("course_package_catalogue"))

    catalogue = response.json()
    download = site_url(reverse("course_package_download", args=[package.key, package.version]))
    assert catalogue["site"] == SITE
    assert [entry["download"] for entry in catalogue["packages"]] == [download]
    assert_at_the_site(response.content.decode(), expected=download)


# --- The default Wagtail site follows SITE_URL after every migrate ----------------------------


def test_migrate_gives_the_default_site_the_address(settings, library_tree):
    settings.SITE_URL = "https://leren.gent.be:8443"

    call_command("migrate", verbosity=0, interactive=False)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("leren.gent.be", 8443)
    # Wagtail's own root_url cannot say https on that port; our links can.
    module = library_tree["pages"]["module"]
    assert page_full_url(module) == "https://leren.gent.be:8443" + module.url


def test_the_address_of_another_site_is_left_alone(settings, library_tree):
    home = library_tree["pages"]["home"]
    Site.objects.create(hostname="leren.example.be", port=443, root_page=home)
    settings.SITE_URL = SITE

    site_address_apply()

    assert Site.objects.get(is_default_site=True).hostname == "leerplatform.test"
