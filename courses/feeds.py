"""The podcast's RSS 2.0 feed with Apple's podcast tags and the Podcasting 2.0 namespace's
(https://podcastindex.org/namespace/1.0: guid, locked, transcript, person), as podcast apps
read it.

Built with ElementTree, so every title and text is escaped by the XML writer. Each language has
its own show page and therefore its own feed. Every address in it is at SITE_URL (podcast apps
keep them), whatever host the app asked.
"""

import logging
import mimetypes
from datetime import UTC
from email.utils import format_datetime
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.urls import reverse

from elearning.core.sites import page_full_url, site_url

from .models.podcast import FEED_ROUTE, podcast_guid_from_feed_url
from .podcast_artwork import artwork_size_accepted
from .selectors import podcast_episodes
from .views import episode_audio_extension

logger = logging.getLogger(__name__)

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
ATOM = "http://www.w3.org/2005/Atom"
PODCAST = "https://podcastindex.org/namespace/1.0"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("atom", ATOM)
ET.register_namespace("podcast", PODCAST)
FEED_CONTENT_TYPE = "application/rss+xml; charset=utf-8"
# Apple asks for square artwork of 1400 to 3000 pixels, JPEG or PNG. The page only takes artwork
# of that shape (courses/podcast_artwork.py), so the feed serves it at its own size: a resizing
# filter would never upscale, and an 800 x 600 image gave a 600 x 600 cover apps refuse.
ARTWORK_FILTER = "original|format-jpeg"


def podcast_feed_response(*, show, request):
    body = podcast_feed_xml(show=show)
    return HttpResponse(body, content_type=FEED_CONTENT_TYPE)


def podcast_feed_xml(*, show):
    """The feed document (UTF-8 bytes): the show as channel, its playable episodes as items."""
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    _channel_describe(channel, show=show)
    episodes = podcast_episodes(show=show).select_related("locale")
    for episode in episodes.prefetch_related("audio__captions"):
        _item_add(channel, episode=episode)
    return ET.tostring(rss, encoding="utf-8", xml_declaration=True)


def itunes_duration(seconds):
    """HH:MM:SS, the form every podcast app reads."""
    hours, rest = divmod(round(seconds or 0), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}"


def episode_guid(episode):
    """Never changes with the title or slug (apps would list the episode again as new); one per
    language, because every translation is an episode of its own language's feed."""
    return f"vif-podcast-episode:{episode.translation_key}:{episode.locale.language_code}"


def _text(parent, tag, text, **attributes):
    element = ET.SubElement(parent, tag, **attributes)
    element.text = str(text)
    return element


def _itunes(name):
    return f"{{{ITUNES}}}{name}"


def _podcast(name):
    return f"{{{PODCAST}}}{name}"


def _channel_describe(channel, *, show):
    show_url = page_full_url(show)
    _text(channel, "title", show.title)
    _text(channel, "link", show_url)
    _text(channel, "description", show.summary)
    _text(channel, "language", show.language_code)
    feed_url = show_url + show.reverse_subpage(FEED_ROUTE)
    ET.SubElement(channel, f"{{{ATOM}}}link", href=feed_url, rel="self", type="application/rss+xml")
    _text(channel, _itunes("author"), show.owner_name)
    owner = ET.SubElement(channel, _itunes("owner"))
    _text(owner, _itunes("name"), show.owner_name)
    _text(owner, _itunes("email"), show.owner_email)
    artwork_url = _artwork_url(show)
    if artwork_url:
        ET.SubElement(channel, _itunes("image"), href=artwork_url)
    ET.SubElement(channel, _itunes("category"), text=show.itunes_category)
    _text(channel, _itunes("explicit"), "true" if show.explicit else "false")
    # Stored at the first publication (courses/models/podcast.py); derived here only for a show
    # published without it (saved with clean=False).
    guid = show.podcast_guid or podcast_guid_from_feed_url(feed_url)
    _text(channel, _podcast("guid"), guid)
    # No other host may import this feed; the owner address confirms a move the owner wants.
    _text(channel, _podcast("locked"), "yes", owner=show.owner_email)


def _item_add(channel, *, episode):
    item = ET.SubElement(channel, "item")
    _text(item, "title", episode.title)
    _text(item, "link", page_full_url(episode))
    _text(item, "guid", episode_guid(episode), isPermaLink="false")
    pub_date = format_datetime(episode.publication_date.astimezone(UTC), usegmt=True)
    _text(item, "pubDate", pub_date)
    _text(item, "description", episode.summary)
    audio_file = episode.audio.file
    ET.SubElement(
        item,
        "enclosure",
        url=site_url(podcast_audio_path(episode)),
        length=str(_file_size(audio_file)),
        type=mimetypes.guess_type(audio_file.name)[0] or "application/octet-stream",
    )
    if episode.audio.duration:  # 0 until the recording has been probed: better none than wrong
        _text(item, _itunes("duration"), itunes_duration(episode.audio.duration))
    if episode.episode_number:
        _text(item, _itunes("episode"), episode.episode_number)
    if episode.season:
        _text(item, _itunes("season"), episode.season)
    _transcripts_add(item, episode=episode)
    for speaker in episode.speakers:
        _text(item, _podcast("person"), speaker.value["name"], role=speaker.value["role"])


def _transcripts_add(item, *, episode):
    """The captions of the episode's recording (timed, one per language) and its transcript."""
    for caption in episode.audio.captions.all():
        attributes = {"type": "text/vtt", "language": caption.language, "rel": "captions"}
        ET.SubElement(item, _podcast("transcript"), url=site_url(caption.url), **attributes)
    if episode.transcript.strip():
        ET.SubElement(
            item,
            _podcast("transcript"),
            url=site_url(reverse("podcast_transcript", args=[episode.pk])),
            type="text/plain",
            language=episode.locale.language_code,
        )


def podcast_audio_path(episode):
    """The episode's stable audio address (courses/views.py redirects to the file)."""
    return reverse("podcast_audio", args=[episode.pk, episode_audio_extension(episode)])


def _file_size(field_file):
    """Bytes, as the storage reports them; 0 (allowed by RSS) when the file cannot be read."""
    try:
        return field_file.size
    except Exception:  # each storage fails its own way: OSError on disk, ClientError on S3
        logger.warning("podcast feed: cannot read the size of %s", field_file.name, exc_info=True)
        return 0


def _artwork_url(show):
    artwork = show.artwork
    if artwork is None:
        return ""
    if not artwork_size_accepted(width=artwork.width, height=artwork.height):
        # Chosen before artwork was checked: directories would refuse the whole feed for it.
        logger.warning("podcast feed: the artwork of %s is not 1400 to 3000 px square", show.pk)
        return ""
    try:
        rendition = show.artwork.get_rendition(ARTWORK_FILTER)
    except OSError:  # Wagtail's SourceImageIOError: the original image is missing
        logger.warning("podcast feed: the artwork of %s cannot be read", show.pk)
        return ""
    return site_url(rendition.url)
