"""A learner's private notes on reflection questions: saved, replaced, or removed when emptied."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..models import REFLECTION_NOTE_MAX_LENGTH, ReflectionNote


class UnknownReflection(Exception):
    """The module has no reflection question with that block id."""


def reflection_block(*, module, block_id):
    """The module's reflection block with this StreamField id, or None."""
    for block in module.body:
        if block.block_type == "reflection" and block.id == block_id:
            return block
    return None


def reflection_note_save(*, user, module, block_id, text):
    """Keep the learner's note on one reflection question of `module`; returns it, or None.

    An empty note (only spaces) removes the note: there is nothing left to keep or to print.
    Raises UnknownReflection for a block that is not a reflection question of this module, and
    ValidationError for a note past the maximum length; nothing is saved then.
    """
    if reflection_block(module=module, block_id=block_id) is None:
        raise UnknownReflection(block_id)
    text = text.replace("\r\n", "\n").strip()
    if len(text) > REFLECTION_NOTE_MAX_LENGTH:
        raise ValidationError(
            _("Your note is %(length)s characters long; keep it to %(limit)s at most.")
            % {"length": len(text), "limit": REFLECTION_NOTE_MAX_LENGTH}
        )
    notes = ReflectionNote.objects.filter(
        user=user, module_key=module.translation_key, block_id=block_id
    )
    if not text:
        notes.delete()
        return None
    note, _created = ReflectionNote.objects.update_or_create(
        user=user,
        module_key=module.translation_key,
        block_id=block_id,
        defaults={"text": text},
    )
    return note


def reflection_notes_erase(*, user):
    """Before an account is erased: the notes go (the user FK would also take them)."""
    ReflectionNote.objects.filter(user=user).delete()
