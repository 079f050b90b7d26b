"""`make run` seeds a realistic demo library, and seeding again changes nothing."""

import io
import json
import re
import stat
from pathlib import Path

import feedparser
import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Page

from courses.models import (
    CoursePackage,
    CoursePage,
    ModulePage,
    PackageOrigin,
    PodcastEpisodePage,
    PodcastPage,
    Theme,
    ToolPage,
    WebinarPage,
)
from elearning.demo.seeding import demo_seed
from elearning.intervision.models import Meeting
from media.models import MediaAsset


@pytest.fixture
def seeded(db):
    return {email: password for email, password, _created in demo_seed()}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Page,
            CoursePage,
            ModulePage,
            WebinarPage,
            ToolPage,
            PodcastPage,
            PodcastEpisodePage,
            MediaAsset,
            Theme,
        )
    } | {
        "users": get_user_model().objects.count(),
        "intervision dates": Meeting.objects.count(),
    }


def _seeding_twice_changes_nothing(client):
    before = counts()
    demo_seed()
    assert counts() == before


def _the_six_series_each_have_two_to_four_modules_with_check_and_reflection(client):
    courses = CoursePage.objects.filter(locale__language_code="nl")
    assert courses.count() == 6
    for course in courses:
        modules = ModulePage.objects.child_of(course).live()
        assert 2 <= modules.count() <= 4, course.title
        for module in modules:
            kinds = [block.block_type for block in module.body]
            assert "knowledge_check" in kinds and "reflection" in kinds, module.title
            assert 1 <= module.duration_minutes <= 20


def _babobox_is_three_times_twenty_minutes(client):
    babobox = CoursePage.objects.get(locale__language_code="nl", slug__startswith="babobox")
    durations = list(
        ModulePage.objects.child_of(babobox).values_list("duration_minutes", flat=True)
    )
    assert durations == [20, 20, 20]
    assert babobox.total_duration_minutes == 60


def _titles_and_summaries_exist_in_french_and_english(client):
    for language in ("fr", "en"):
        courses = CoursePage.objects.filter(locale__language_code=language, live=True)
        assert courses.count() == 6
        nl_titles = set(
            CoursePage.objects.filter(locale__language_code="nl").values_list("title", flat=True)
        )
        assert not nl_titles & set(courses.values_list("title", flat=True))


def _two_recorded_webinars_and_the_tools(client):
    webinars = WebinarPage.objects.filter(locale__language_code="nl")
    assert webinars.count() == 2
    assert all(webinar.is_recorded and not webinar.is_upcoming for webinar in webinars)
    tool_titles = " ".join(
        ToolPage.objects.filter(locale__language_code="nl").values_list("title", flat=True)
    )
    for name in ("Babobox", "Barst", "postkaart"):
        assert name.lower() in tool_titles.lower()


def _the_tools_offer_a_handout_their_courses_and_a_contact(client):
    for language in ("nl", "fr", "en"):
        tools = {
            tool.slug: tool
            for tool in ToolPage.objects.filter(locale__language_code=language, live=True)
        }
        assert len(tools) == 7
        babobox = client.get(tools["babobox-kit"].url).content.decode()
        materials = re.search(r'id="materials-title".*?</section>', babobox, re.S).group(0)
        assert re.search(r"\(PDF, [0-9.,]+\s(KB|Kio)\)", materials), materials
        (handout,) = {block.value["document"] for block in tools["babobox-kit"].materials}
        with handout.open_file() as stream:
            assert stream.read(5) == b"%PDF-"
        contact = re.search(r'id="contact-title".*?</section>', babobox, re.S).group(0)
        assert 'href="mailto:vif@leerplatform.test"' in contact
        course = (
            CoursePage.objects.get(locale__language_code="nl", slug__startswith="babobox")
            .get_translations(inclusive=True)
            .get(locale__language_code=language)
        )
        courses = re.search(r'id="courses-title".*?</section>', babobox, re.S).group(0)
        assert f'href="{course.url}"' in courses
        guide = client.get(tools["stappenplan-vermoeden-ifg"].url).content.decode()
        (steps,) = re.findall(r"<ol>.*?</ol>", guide.split('class="module-body"')[1], re.S)
        assert steps.count("<li>") == 7


def _the_podcast_feed_plays_two_episodes_in_every_language(client):
    for language in ("nl", "fr", "en"):
        show = PodcastPage.objects.get(locale__language_code=language, live=True)
        feed = feedparser.parse(client.get(show.url + "feed/").content)
        assert feed.bozo == 0 and feed.feed.language == language
        assert len(feed.entries) == 2
        for entry in feed.entries:
            (enclosure,) = entry.enclosures
            assert enclosure.type == "audio/mpeg" and int(enclosure.length) > 0


def _demo_accounts_can_sign_in(client, passwords):
    admin = get_user_model().objects.get(email="admin@example.org")
    assert admin.is_superuser
    assert admin.check_password(passwords["admin@example.org"])
    trainer = get_user_model().objects.get(email="trainer@example.org")
    assert list(trainer.groups.values_list("name", flat=True)) == ["Trainers"]
    assert trainer.check_password(passwords["trainer@example.org"])
    learner = get_user_model().objects.get(email="learner@example.org")
    assert not learner.is_staff
    assert learner.check_password(passwords["learner@example.org"])
    # Made for this installation: no password of the code (the old fixed ones) opens them.
    assert not admin.check_password("demo-admin-VIF-2026")
    assert len(set(passwords.values())) == len(passwords) == 4
    # The demo learner signs in on the site straight away (no email confirmation first).
    response = client.post(
        "/nl/account/login/",
        {"login": "learner@example.org", "password": passwords["learner@example.org"]},
    )
    assert response.status_code == 302 and "confirm-email" not in response.url
    client.logout()


def _the_agenda_offers_the_demo_sessions(client):
    from elearning.intervision.models import IntervisionSession

    html = client.get("/nl/intervision/").content.decode()
    for session in IntervisionSession.objects.all():
        assert session.title in html
        assert session.facilitator.email == "trainer@example.org"
    assert IntervisionSession.objects.count() == 2
    series = IntervisionSession.objects.get(title__startswith="Intervisie partnergeweld")
    assert series.meetings.count() == 3 and series.course is not None


def _the_courses_came_through_the_package_importer(client):
    packages = CoursePackage.objects.all()
    assert packages.count() == 6
    assert {package.origin for package in packages} == {PackageOrigin.IMPORTED}
    assert all(package.version == 1 for package in packages)


def _every_module_has_its_own_text_in_french_and_english(client):
    for module in ModulePage.objects.filter(locale__language_code="nl"):
        source = [block.block_type for block in module.body]
        texts = {}
        for language in ("fr", "en"):
            version = ModulePage.objects.get(
                translation_key=module.translation_key, locale__language_code=language, live=True
            )
            assert [block.block_type for block in version.body] == source, version.title
            texts[language] = str(version.body)
        assert len({str(module.body), *texts.values()}) == 3, module.title


def _recordings_play_with_captions_in_three_languages(client):
    babobox = CoursePage.objects.get(locale__language_code="fr", slug__startswith="babobox")
    for module in ModulePage.objects.child_of(babobox):
        first = module.body[0]
        assert first.block_type == "video"
        asset = first.value["video"]
        assert set(asset.captions.values_list("language", flat=True)) == {"nl", "fr", "en"}
        assert 60 <= asset.duration <= 180
    for webinar in WebinarPage.objects.filter(live=True):
        asset = webinar.recording
        assert set(asset.captions.values_list("language", flat=True)) == {"nl", "fr", "en"}
        starts = [chapter.value["start_seconds"] for chapter in webinar.chapters]
        assert starts[0] == 0 and starts == sorted(set(starts)) and starts[-1] < asset.duration
        assert webinar.transcript


def _the_podcast_has_square_artwork_and_audio_in_each_language(client):
    for language in ("nl", "fr", "en"):
        show = PodcastPage.objects.get(locale__language_code=language, live=True)
        assert show.artwork.width == show.artwork.height >= 1400
        feed = feedparser.parse(client.get(show.url + "feed/").content)
        assert feed.feed.image.href
    audio = {
        episode.audio_id
        for episode in PodcastEpisodePage.objects.filter(slug="signalen-bij-kinderen")
    }
    assert len(audio) == 3  # spoken in the page's own language


def _course_images_have_alt_text_in_their_language(client):
    for course in CoursePage.objects.filter(locale__language_code="nl"):
        alts = {
            version.locale.language_code: version.image.alt_text
            for version in course.get_translations(inclusive=True).specific()
        }
        assert len(set(alts.values())) == 3 and all(alts.values()), alts


def _every_module_asks_for_more_than_a_visit(client):
    """Video modules are watched (80 %) and their check passed; the others take half their
    duration, and their check passed: no module completes by opening it."""
    for module in ModulePage.objects.all():
        kinds = {block.block_type for block in module.body}
        has_check = "knowledge_check" in kinds
        if "video" in kinds:
            expected = ("watched_and_check" if has_check else "watched", 80, 0)
            assert all(
                block.value["video"].duration
                for block in module.body
                if block.block_type == "video"
            )
        else:
            expected = ("check_passed" if has_check else "viewed", module.min_watched_percent, 50)
        actual = (module.completion_rule, module.min_watched_percent, module.min_time_percent)
        assert actual == expected, module.title


def _the_seeded_site_serves_every_language(client):
    for language in ("nl", "fr", "en"):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()


def test_the_seeded_library_is_complete_in_three_languages(seeded, client):
    """One seeding (it takes seconds) for every content check."""
    _the_six_series_each_have_two_to_four_modules_with_check_and_reflection(client)
    _babobox_is_three_times_twenty_minutes(client)
    _titles_and_summaries_exist_in_french_and_english(client)
    _two_recorded_webinars_and_the_tools(client)
    _the_tools_offer_a_handout_their_courses_and_a_contact(client)
    _the_podcast_feed_plays_two_episodes_in_every_language(client)
    _demo_accounts_can_sign_in(client, seeded)
    _the_agenda_offers_the_demo_sessions(client)
    _the_seeded_site_serves_every_language(client)
    _the_courses_came_through_the_package_importer(client)
    _every_module_has_its_own_text_in_french_and_english(client)
    _recordings_play_with_captions_in_three_languages(client)
    _the_podcast_has_square_artwork_and_audio_in_each_language(client)
    _course_images_have_alt_text_in_their_language(client)
    _every_module_asks_for_more_than_a_visit(client)
    _the_demo_passwords_are_kept_for_this_installation_only(seeded)


def test_seeding_again_changes_nothing(seeded, client):
    _seeding_twice_changes_nothing(client)


def _the_demo_passwords_are_kept_for_this_installation_only(passwords):
    path = Path(settings.DEMO_PASSWORDS_FILE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text()) == passwords


@pytest.mark.django_db
@override_settings(DEMO_SEED_ALLOWED=False)
def test_production_settings_refuse_the_demo_unless_told_what_it_does():
    with pytest.raises(CommandError, match="--create-demo-accounts-on-a-production-site"):
        call_command("seed_demo", stdout=io.StringIO())
    assert not get_user_model().objects.exists()
    assert not CoursePage.objects.exists()
