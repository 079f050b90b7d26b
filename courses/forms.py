"""Admin forms of course pages: rules that hold when a page goes out, not for every draft."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

# What the admin proposes for a new module's time requirement (in % of its duration). The
# field's own default stays 0 (none): modules made before the requirement existed, packages
# without it and old revisions keep their completion rule unchanged.
NEW_MODULE_MIN_TIME_PERCENT = 50


class ModulePageForm(WagtailAdminPageForm):
    """A new module starts with a time requirement, so that completing it takes some study."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "min_time_percent" in self.fields:
            self.initial["min_time_percent"] = NEW_MODULE_MIN_TIME_PERCENT


class WebinarPageForm(WagtailAdminPageForm):
    """A recorded webinar goes out only with captions (accessibility law for public bodies,
    WCAG 2.1 success criterion 1.2.2). A draft may be saved without them; publishing and
    submitting for moderation may not."""

    def clean(self):
        cleaned = super().clean()
        recording = cleaned.get("recording")
        going_out = not self.is_deferred_validation  # drafts defer required-field checks
        if going_out and recording is not None and not recording.captions.exists():
            self.add_error(
                "recording",
                _(
                    "A recorded webinar needs captions before it is published or submitted: "
                    "add a WebVTT file under Captions in the menu, then try again."
                ),
            )
        return cleaned
