"""allauth's adapters: the learner's language for new accounts and for mail, links in mail at
SITE_URL, and the municipality and name of learners who sign up through their municipality's own
sign-in."""

from types import SimpleNamespace
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialAccount

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils import translation

from elearning.core.clients import client_address
from elearning.core.models import Municipality
from elearning.core.sites import site_root_url, site_url

OFFERED_LANGUAGES = {code for code, _name in settings.LANGUAGES}
# What the platform keeps of a provider's claims: who the person is there, and what the account
# was made from. Anything else a provider sends (birth date, national number...) is dropped.
KEPT_CLAIMS = ("sub", "email", "email_verified", "name", "given_name", "family_name")
# The links allauth puts in its mails, built from the host of the request that sent them.
MAIL_LINKS = ("activate_url", "password_reset_url", "signup_url")


def offered_language(code):
    """`code` if the site speaks it, else the default language."""
    code = (code or "").split("-")[0]
    return code if code in OFFERED_LANGUAGES else settings.LANGUAGE_CODE


def kept_claims(extra_data):
    """The provider's data of a social account (userinfo, id_token) reduced to KEPT_CLAIMS."""
    return {
        source: {claim: claims[claim] for claim in KEPT_CLAIMS if claim in claims}
        for source, claims in extra_data.items()
        if isinstance(claims, dict)
    }


def at_site_url(url):
    """The same path, query and fragment at SITE_URL."""
    parts = urlsplit(url)
    return site_url(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))


def mail_site():
    """The site as allauth's mail templates name it ("Hello from ..."): SITE_URL's host."""
    host = urlsplit(site_root_url()).netloc
    return SimpleNamespace(name=host, domain=host)


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request):
        """allauth's rate limits count per client as every other limit does (behind the proxy
        too): see elearning/core/clients.py."""
        address = client_address(request)
        if not address:
            raise PermissionDenied("Unable to determine client IP address")
        return address

    def get_logout_redirect_url(self, request):
        """Signing out lands on the home page in the language of the page the form was on (its
        action carries that page's language prefix), not in the browser's language."""
        return f"/{offered_language(translation.get_language())}/"

    def save_user(self, request, user, form, commit=True):
        # A learner who signs up on /fr/ reads French: keep that as their language.
        user.preferred_language = offered_language(translation.get_language())
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """Mail speaks the recipient's language, whichever page sent it, and its links and the
        site it names are SITE_URL's, never the host a client's request named."""
        user = context.get("user")
        language = getattr(user, "preferred_language", None) or translation.get_language()
        context = {**context, "current_site": mail_site()}
        for key in MAIL_LINKS:
            if isinstance(context.get(key), str):
                context[key] = at_site_url(context[key])
        with translation.override(offered_language(language)):
            super().send_mail(template_prefix, email, context)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Sign-in through a municipality's identity provider (see settings/oidc.py).

    The provider id is the municipality's slug: a learner who signs up through Gent's provider
    works for Gent. The municipality is set once, at sign-up; the learner can change it later.
    """

    def pre_social_login(self, request, sociallogin):
        sociallogin.account.extra_data = kept_claims(sociallogin.account.extra_data)
        if sociallogin.account.pk:
            # allauth has just stored the provider's latest data in full: store only what we keep.
            SocialAccount.objects.filter(pk=sociallogin.account.pk).update(
                extra_data=sociallogin.account.extra_data
            )

    def populate_user(self, request, sociallogin, data):
        """Name and address from the provider's claims (given_name/family_name, else name)."""
        user = super().populate_user(request, sociallogin, data)
        user.email = (user.email or "").lower()
        user.preferred_language = offered_language(translation.get_language())
        return user

    def save_user(self, request, sociallogin, form=None):
        sociallogin.user.municipality = Municipality.objects.filter(
            slug=sociallogin.account.provider
        ).first()
        return super().save_user(request, sociallogin, form=form)
