"""The feed as podcast directories and apps read it: the tags Apple Podcasts and the other
directories require, and the Podcasting 2.0 namespace's (https://podcastindex.org/namespace/1.0),
each read by two independent parsers, feedparser and gPodder's podcastparser."""

import calendar
import io
import uuid

import feedparser
import podcastparser
import pytest
from lxml import etree
from PIL import Image

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from courses.models import PodcastPage
from courses.models.podcast import podcast_guid_from_feed_url
from media.models import CustomRendition, MediaCaption
from tests.factories import PodcastPageFactory, publish

from .podcast_setup import SITE

PODCAST = "https://podcastindex.org/namespace/1.0"
# podcastparser 0.6.11 knows the namespace only by the address it had before it moved to
# podcastindex.org: to read our tags the way apps built on it will, the test hands it that one.
PODCAST_FORMER = "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md"
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:01.500\nWelkom bij deze aflevering.\n"


def feed_bytes(client, show):
    response = client.get(show.url + "feed/")
    assert response.status_code == 200
    return response.content


def podcastparser_read(body, show, *, namespace_as_known=False):
    if namespace_as_known:
        body = body.replace(PODCAST.encode(), PODCAST_FORMER.encode())
    return podcastparser.parse(SITE + show.url + "feed/", io.BytesIO(body))


def podcast_tags(body, name, *, item=None):
    """The Podcasting 2.0 elements `name` of the channel, or of its item number `item`."""
    channel = etree.fromstring(body).find("channel")
    parent = channel if item is None else channel.findall("item")[item]
    return parent.findall(f"{{{PODCAST}}}{name}")


@pytest.mark.django_db
def test_both_parsers_read_every_tag_the_directories_require(client, podcast, tone_mp3):
    body = feed_bytes(client, podcast["show"])
    strict = feedparser.parse(body)
    gpodder = podcastparser_read(body, podcast["show"])

    assert strict.bozo == 0
    assert gpodder["title"] == strict.feed.title == "Podcast"
    assert gpodder["description"] == strict.feed.subtitle == "Gesprekken met professionals."
    assert gpodder["language"] == strict.feed.language == "nl"
    assert gpodder["itunes_categories"] == [["Education"]]
    assert gpodder["explicit"] is False
    assert gpodder["itunes_author"] == "Interlokaal Platform Intrafamiliaal Geweld"
    assert gpodder["itunes_owner"] == {
        "name": "Interlokaal Platform Intrafamiliaal Geweld",
        "email": "podcast@example.org",
    }
    assert gpodder["cover_url"] == strict.feed.image.href
    assert [episode["guid"] for episode in gpodder["episodes"]] == [
        entry.id for entry in strict.entries
    ]
    for episode, entry in zip(gpodder["episodes"], strict.entries, strict=True):
        (enclosure,) = episode["enclosures"]
        assert enclosure == {
            "url": entry.enclosures[0].href,
            "file_size": len(tone_mp3),
            "mime_type": "audio/mpeg",
        }
        assert episode["guid"].startswith("vif-podcast-episode:")
        assert episode["published"] == calendar.timegm(entry.published_parsed) > 0
    assert [episode["published"] for episode in gpodder["episodes"]] == sorted(
        (episode["published"] for episode in gpodder["episodes"]), reverse=True
    )


@pytest.mark.django_db
def test_the_cover_in_the_feed_is_an_image_podcast_apps_accept(client, podcast):
    href = podcastparser_read(feed_bytes(client, podcast["show"]), podcast["show"])["cover_url"]

    rendition = CustomRendition.objects.get(file=href.removeprefix(f"{SITE}/uploads/"))
    with rendition.file.open("rb") as stream, Image.open(io.BytesIO(stream.read())) as cover:
        assert cover.format == "JPEG"
        assert cover.width == cover.height and 1400 <= cover.width <= 3000


def test_the_podcast_guid_is_the_namespace_uuid_of_the_feed_address():
    # The namespace's own examples.
    assert podcast_guid_from_feed_url("https://podnews.net/rss") == uuid.UUID(
        "9b024349-ccf0-5f69-a609-6b82873eab3c"
    )
    assert podcast_guid_from_feed_url("http://mp3s.nashownotes.com/pc20rss.xml/") == uuid.UUID(
        "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    )


@pytest.mark.django_db
def test_the_feed_names_its_podcast_guid_and_keeps_it_when_the_address_changes(client, podcast):
    show = podcast["show"]
    expected = str(podcast_guid_from_feed_url(f"{SITE}/nl/bibliotheek/podcast/feed/"))
    before = feedparser.parse(feed_bytes(client, show)).feed.podcast_guid

    show.slug = "stemmen-uit-het-werkveld"
    publish(show)
    cache.clear()
    after = feedparser.parse(feed_bytes(client, PodcastPage.objects.get(pk=show.pk)))

    assert before == expected
    assert after.feed.links[-1].href.endswith("/stemmen-uit-het-werkveld/feed/")
    assert after.feed.podcast_guid == expected  # the same podcast for every app and directory


@pytest.mark.django_db
def test_publishing_a_revision_older_than_the_guid_keeps_the_guid(podcast):
    show = podcast["show"]
    guid = show.podcast_guid
    PodcastPage.objects.filter(pk=show.pk).update(podcast_guid=None)
    draft = PodcastPage.objects.get(pk=show.pk)
    draft.slug = "stemmen-uit-het-werkveld"  # a new address, in a draft saved before the GUID
    old_revision = draft.save_revision()
    PodcastPage.objects.filter(pk=show.pk).update(podcast_guid=guid)

    old_revision.publish()

    published = PodcastPage.objects.get(pk=show.pk)
    assert published.url.endswith("/stemmen-uit-het-werkveld/")
    assert published.podcast_guid == guid


@pytest.mark.django_db
def test_each_language_is_a_podcast_with_its_own_guid(client, podcast):
    guids = {
        language: feedparser.parse(feed_bytes(client, podcast[key])).feed.podcast_guid
        for language, key in [("nl", "show"), ("fr", "show_fr"), ("en", "show_en")]
    }
    french_feed = f"{SITE}{podcast['show_fr'].url}feed/"

    assert len(set(guids.values())) == 3
    assert guids["fr"] == str(podcast_guid_from_feed_url(french_feed))


@pytest.mark.django_db
def test_a_translation_made_and_updated_by_wagtail_localize_has_its_own_guid(
    podcast, django_capture_on_commit_callbacks
):
    library = podcast["show"].get_parent()
    show = publish(PodcastPageFactory(parent=library, title="Tweede podcast", slug="tweede"))
    source, _created = TranslationSource.get_or_create_from_instance(show)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="fr")
    )
    with django_capture_on_commit_callbacks(execute=True):  # it publishes on commit
        translation.save_target(publish=True)
    french = show.get_translation(translation.target_locale)
    first_guid = french.podcast_guid

    show.owner_name = "IPIG"
    publish(show)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # the admin's "Sync translated pages"
    french.refresh_from_db()

    assert french.owner_name == "IPIG"  # synchronised from the original
    assert first_guid is not None and first_guid != show.podcast_guid
    assert french.podcast_guid == first_guid


@pytest.mark.django_db
def test_the_feed_is_locked_against_import_by_another_host(client, podcast):
    body = feed_bytes(client, podcast["show"])

    (locked,) = podcast_tags(body, "locked")
    assert (locked.text, locked.get("owner")) == ("yes", "podcast@example.org")
    assert feedparser.parse(body).feed.podcast_locked == {"owner": "podcast@example.org"}
    assert podcastparser_read(body, podcast["show"], namespace_as_known=True)["import_prohibited"]


@pytest.mark.django_db
def test_each_episode_links_its_captions_and_transcript_which_apps_can_fetch(
    client, podcast, tone_asset
):
    MediaCaption.objects.create(
        asset=tone_asset, language="nl", file=ContentFile(CAPTIONS.encode(), name="nl.vtt")
    )
    cache.clear()
    body = feed_bytes(client, podcast["show"])

    captions, text = podcast_tags(body, "transcript", item=0)
    assert (captions.get("type"), captions.get("language"), captions.get("rel")) == (
        "text/vtt",
        "nl",
        "captions",
    )
    assert (text.get("type"), text.get("language"), text.get("rel")) == ("text/plain", "nl", None)
    vtt = client.get(captions.get("url").removeprefix(SITE))
    assert vtt.status_code == 200 and vtt["Content-Type"] == "text/vtt; charset=utf-8"
    assert b"".join(vtt.streaming_content).decode() == CAPTIONS
    transcript = client.get(text.get("url").removeprefix(SITE))
    assert transcript.status_code == 200
    assert transcript["Content-Type"] == "text/plain; charset=utf-8"
    assert transcript.content.decode() == "Welkom bij deze aflevering."
    gpodder = podcastparser_read(body, podcast["show"], namespace_as_known=True)
    assert gpodder["episodes"][0]["transcript_url"] == text.get("url")


@pytest.mark.django_db
def test_the_transcript_address_answers_only_for_live_episodes_with_a_transcript(client, podcast):
    second, first = podcast["second"], podcast["first"]
    address = f"/podcast/episodes/{second.pk}/transcript.txt"
    assert client.get(address).status_code == 200

    second.transcript = ""
    publish(second)
    first.unpublish()
    cache.clear()
    body = feed_bytes(client, podcast["show"])

    assert client.get(address).status_code == 404
    assert all(tag.get("type") != "text/plain" for tag in podcast_tags(body, "transcript", item=0))
    assert client.get(f"/podcast/episodes/{first.pk}/transcript.txt").status_code == 404
    draft = podcast["draft"]
    assert client.get(f"/podcast/episodes/{draft.pk}/transcript.txt").status_code == 404


@pytest.mark.django_db
def test_the_speakers_of_an_episode_are_its_people_in_podcast_apps(client, podcast):
    second = podcast["second"]
    second.speakers = [
        ("speaker", {"name": "An Peeters", "role": "host"}),
        ("speaker", {"name": "Inspecteur Jan Janssens", "role": "guest"}),
    ]
    publish(second)
    cache.clear()

    body = feed_bytes(client, podcast["show"])
    gpodder = podcastparser_read(body, podcast["show"], namespace_as_known=True)

    people = [(tag.text, tag.get("role")) for tag in podcast_tags(body, "person", item=0)]
    assert people == [("An Peeters", "host"), ("Inspecteur Jan Janssens", "guest")]
    newest, older = gpodder["episodes"]
    assert [(person["name"], person["role"]) for person in newest["persons"]] == people
    assert "persons" not in older  # no speakers given: none claimed
    html = client.get(second.url).content.decode()
    with translation.override("nl"):
        listed = [
            f"<li>{name} ({translation.gettext(role.title()).lower()})</li>"
            for name, role in people
        ]
    assert all(item in html for item in listed), listed
    assert "<li>An Peeters (presentator)</li>" in html  # in the page's language
