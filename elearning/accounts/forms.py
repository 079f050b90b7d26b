"""User forms: the Wagtail admin's, with the profile fields, and the learner's own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.users.forms import UserCreationForm, UserEditForm

from .models import User
from .services import PROFILE_FIELDS as PROFILE_FORM_FIELDS

PROFILE_FIELDS = {"municipality", "organisation", "sector", "preferred_language"}


class ProfileUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class ProfileUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS


class ProfileForm(forms.ModelForm):
    """What a learner edits about themselves on the site (never email, roles or password)."""

    class Meta:
        model = User
        fields = list(PROFILE_FORM_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].empty_label = _("(none)")
        self.fields["sector"].empty_label = _("(none)")


class AccountDeleteForm(forms.Form):
    """Deleting an account is final, so the learner confirms it with their password; a learner
    who signs in through their municipality has none, and confirms with their address instead."""

    password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if not user.has_usable_password():
            del self.fields["password"]
            self.fields["email"] = forms.EmailField(
                label=_("Your email address"),
                help_text=_(
                    "You sign in through your municipality: type the address of your account."
                ),
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your current password. Nothing was deleted."), code="invalid"
            )
        return password

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("That is not the address of your account. Nothing was deleted."), code="invalid"
            )
        return email
