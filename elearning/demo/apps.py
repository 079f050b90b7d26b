from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo that `make run` seeds (`seed_demo`): above every app, so it may call each one's
    demo seeding while none of them knows the others'."""

    name = "elearning.demo"
    label = "demo"
    verbose_name = _("Demo")
    default_auto_field = "django.db.models.BigAutoField"
