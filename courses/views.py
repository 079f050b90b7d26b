"""Views of course content outside the page tree."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from .models import PodcastEpisodePage


@require_safe
def podcast_audio(request, page_id, extension):
    """A published episode's audio, at an address that never changes.

    Podcast apps keep the enclosure address of a feed and download later, sometimes days later.
    On object storage the file's own address is signed and expires, so the feed names this view,
    which redirects to a freshly signed address each time. Only episodes that are live answer,
    so a recording used nowhere public stays private.
    """
    episode = (
        PodcastEpisodePage.objects.live()
        .filter(pk=page_id, audio__isnull=False)
        .select_related("audio")
        .first()
    )
    if episode is None or not episode.audio.file or episode_audio_extension(episode) != extension:
        raise Http404
    response = redirect(episode.audio.file.url)
    response["Cache-Control"] = "no-store"  # the target address expires
    return response


def episode_audio_extension(episode):
    name = episode.audio.file.name
    return name.rsplit(".", 1)[-1].lower() if "." in name else "audio"
