"""Strings other packages show our visitors but do not translate (yet) in our languages.

makemessages extracts them from here into elearning/locale, so our catalogue fills the gap.
Django 5.2 changed the password-length message to "%d"; its Dutch catalogue still has only the
old "%(min_length)d" wording, so Dutch learners saw English when a password was too short.
wagtailmedia, where trainers upload recordings in the admin, ships no Dutch catalogue at all and
its French one lacks a few strings (the dashboard said "0 Media files"), so the whole media admin
was English for Dutch trainers. All of its strings are listed here: where Wagtail or Django
already translate the same msgid, our catalogue repeats their wording, so nothing else changes.
Remove an entry once the upstream catalogue has it.
"""

from django.utils.translation import gettext, ngettext


def _never_called():
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    )

    # wagtailmedia (checked against version 0.19.1)
    gettext("Collection")
    gettext("Add")
    gettext("Add/edit media you own")
    gettext("Edit")
    gettext("Edit any media")
    gettext("Audio file")
    gettext("Video file")
    gettext("title")
    gettext("file")
    gettext("duration")
    gettext("Duration in seconds")
    gettext("width")
    gettext("height")
    gettext("thumbnail")
    gettext("created at")
    gettext("uploaded by user")
    gettext("tags")
    gettext("media")
    gettext("media items")
    gettext("Search")
    gettext("Upload Audio")
    gettext("Upload Video")
    gettext("Popular tags")
    gettext("Uploading…")
    gettext("Upload")
    ngettext(
        "\n            There is one match\n        ",
        "\n            There are %(counter)s matches\n        ",
        0,
    )
    gettext("Latest media")
    gettext('Sorry, no media files match "<em>%(query_string)s</em>"')
    gettext(
        "You haven't uploaded any media in this collection. Why not <a "
        'href="%(wagtailmedia_add_url)s">upload one now</a>?'
    )
    gettext(
        "You haven't uploaded any media. Why not <a "
        'href="%(wagtailmedia_add_url)s">upload one now</a>?'
    )
    ngettext(
        '<span>%(total)s</span> Media file <span class="visuallyhidden '
        'w-sr-only">created in %(site_name)s</span>',
        '<span>%(total)s</span> Media files <span class="visuallyhidden '
        'w-sr-only">created in %(site_name)s</span>',
        0,
    )
    gettext("Change media file:")
    gettext("Add audio")
    gettext("Add video")
    gettext("Add audio or video")
    gettext("Delete %(title)s")
    gettext("Delete media file")
    ngettext(
        "Used %(usage_count)s time",
        "Used %(usage_count)s times",
        0,
    )
    gettext("Are you sure you want to delete this media file?")
    gettext("Yes, delete")
    gettext("No, don't delete")
    gettext("Editing %(title)s")
    gettext("Editing")
    gettext("Save")
    gettext("Delete")
    gettext("Filesize")
    gettext("File not found")
    gettext("Usage")
    gettext("Media")
    gettext("Popular Tags:")
    gettext("Clear")
    gettext("Title")
    gettext("File")
    gettext("Type")
    gettext("Uploaded")
    ngettext(
        "There is %(counter)s match",
        "There are %(counter)s matches",
        0,
    )
    gettext(
        "You haven't uploaded any media files in this collection. You can upload <a "
        'href="%(wagtailmedia_add_audio_url)s">audio</a> or <a '
        'href="%(wagtailmedia_add_video_url)s">video</a> files.'
    )
    gettext(
        "You haven't uploaded any media files. You can upload <a "
        'href="%(wagtailmedia_add_audio_url)s">audio</a> or <a '
        'href="%(wagtailmedia_add_video_url)s">video</a> files.'
    )
    gettext("Usage of %(title)s")
    gettext("Usage of")
    gettext("Field")
    gettext("Media permissions")
    gettext("Add a media permission")
    gettext("Your browser does not support the audio element.")
    gettext("Your browser does not support the video element.")
    gettext("Choose audio")
    gettext("Choose video")
    gettext("Choose a media item")
    gettext("Search media files")
    gettext("Search media")
    gettext("Media file '{0}' added.")
    gettext("The media file could not be saved due to errors.")
    gettext("Media file '{0}' updated")
    gettext("The media could not be saved due to errors.")
    gettext("The file could not be found. Please change the source or delete the media file")
    gettext("Media file '{0}' deleted.")
    gettext("(Private %s)")
    gettext("Edit this %s")
    ngettext(
        "%(count)s media file",
        "%(count)s media files",
        0,
    )
    gettext("Choose another media item")
    gettext("Edit this media item")
    gettext("Choose another audio item")
    gettext("Edit this audio item")
    gettext("Choose another video")
    gettext("Edit this video")
