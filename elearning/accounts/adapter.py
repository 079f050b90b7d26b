"""allauth's account adapter: the learner's language for new accounts and for mail."""

from allauth.account.adapter import DefaultAccountAdapter

from django.conf import settings
from django.utils import translation

OFFERED_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def offered_language(code):
    """`code` if the site speaks it, else the default language."""
    code = (code or "").split("-")[0]
    return code if code in OFFERED_LANGUAGES else settings.LANGUAGE_CODE


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # A learner who signs up on /fr/ reads French: keep that as their language.
        user.preferred_language = offered_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """Mail speaks the recipient's language, whichever page sent it."""
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        with translation.override(offered_language(language)):
            super().send_mail(template_prefix, email, context)
