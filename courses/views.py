"""Views of course content outside the page tree."""

from django.http import Http404
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
    episode = (
        PodcastEpisodePage.objects.live()
        .filter(pk=page_id, audio__isnull=False)
        .select_related("audio")
        .first()
    )
    if episode is None or not episode.audio.file or episode_audio_extension(episode) != extension:
        raise Http404
    if not all(rule.accept_request(request) for rule in episode.get_view_restrictions()):
        raise Http404
    return protected_file_response(request, episode.audio.file)


def episode_audio_extension(episode):
    name = episode.audio.file.name
    return name.rsplit(".", 1)[-1].lower() if "." in name else "audio"
