"""Admin hooks of the accounts app: Wagtail's own checks, completed where they stop short."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied


@hooks.register("before_move_page")
def refuse_moving_what_one_may_not_move(request, page_to_move, destination):
    """Wagtail checks the move itself (POST) but shows its confirmation to anyone with admin
    access; a trainer asking to move another trainer's page is refused before the form."""
    if not page_to_move.permissions_for_user(request.user).can_move_to(destination):
        return permission_denied(request)
    return None
