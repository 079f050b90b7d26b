"""Strings other packages show our visitors but do not translate (yet) in our languages.

makemessages extracts them from here into elearning/locale, so our catalogue fills the gap.
Django 5.2 changed the password-length message to "%d"; its Dutch catalogue still has only the
old "%(min_length)d" wording, so Dutch learners saw English when a password was too short.
Remove an entry once the upstream catalogue has it.
"""

from django.utils.translation import ngettext


def _never_called():
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        0,
    )
