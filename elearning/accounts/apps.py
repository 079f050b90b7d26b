from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    name = "elearning.accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers  # noqa: F401


class UsersAdminConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with our user admin (replaces "wagtail.users" in INSTALLED_APPS)."""

    user_viewset = "elearning.accounts.viewsets.UserViewSet"
