from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import ProfileUserCreationForm, ProfileUserEditForm


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin, showing municipality, organisation, sector and language too."""

    def get_form_class(self, for_update=False):
        return ProfileUserEditForm if for_update else ProfileUserCreationForm
