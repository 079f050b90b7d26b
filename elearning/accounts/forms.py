"""Wagtail admin forms for users, with the platform's profile fields."""

from wagtail.users.forms import UserCreationForm, UserEditForm

PROFILE_FIELDS = {"municipality", "organisation", "sector", "preferred_language"}


class ProfileUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PROFILE_FIELDS


class ProfileUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PROFILE_FIELDS
