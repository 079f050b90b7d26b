"""Views of course content outside the page tree."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe

from media.sending import protected_file_response

from .models import PodcastEpisodePage


@require_safe
def podcast_audio(request, page_id, extension):
    """A published episode's audio, at an address that never changes.

    Podcast apps keep the enclosure address of a feed and download later, sometimes days later,
    and seek with byte ranges. The file leaves as every private file does (media/sending.py):
    with its ranges, through nginx, or by a freshly signed address on object storage. Only live
    episodes whose view restrictions the request passes answer, so a recording used nowhere
    public stays private.
    """
    episode = _listened_episode(request, page_id)
    if episode is None or not episode.audio.file or episode_audio_extension(episode) != extension:
        raise Http404
    return protected_file_response(request, episode.audio.file)


@require_safe
def podcast_transcript(request, page_id):
    """A live episode's transcript as plain text: the feed's podcast:transcript, which podcast
    apps show beside the player (the captions are the timed version)."""
    episode = _listened_episode(request, page_id)
    if episode is None or not episode.transcript.strip():
        raise Http404
    response = HttpResponse(episode.transcript, content_type="text/plain; charset=utf-8")
    response["Content-Language"] = episode.locale.language_code
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _listened_episode(request, page_id):
    """The live episode `page_id` if the request passes its view restrictions, else None."""
    episode = (
        PodcastEpisodePage.objects.live()
        .filter(pk=page_id, audio__isnull=False)
        .select_related("audio", "locale")
        .first()
    )
    if episode is None:
        return None
    if not all(rule.accept_request(request) for rule in episode.get_view_restrictions()):
        return None
    return episode


def episode_audio_extension(episode):
    name = episode.audio.file.name
    return name.rsplit(".", 1)[-1].lower() if "." in name else "audio"
