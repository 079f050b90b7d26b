from wagtail import hooks

from courses.models import ModulePage

from .services import progress_record_view


@hooks.register("before_serve_page")
def record_module_view(page, request, serve_args, serve_kwargs):
    """A signed-in learner opening a module starts their record (and meets a "viewed" rule)."""
    if request.method == "GET" and request.user.is_authenticated and isinstance(page, ModulePage):
        # Kept on the request: the page shows it without reading it again.
        request.learner_progress = progress_record_view(user=request.user, module_id=page.pk)
