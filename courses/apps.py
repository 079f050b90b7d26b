from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import selectors, signal_handlers  # noqa: F401
        from .feeds import podcast_feed_response
        from .models import CoursePage, HomePage, ModulePage, PodcastPage, ToolPage
        from .models.podcast import FEED_ROUTE
        from .page_context import page_context_register, page_route_register

        page_context_register(HomePage, selectors.home_page_context)
        page_context_register(CoursePage, selectors.course_page_context)
        page_context_register(ModulePage, selectors.module_page_context)
        page_context_register(PodcastPage, selectors.podcast_page_context)
        page_context_register(ToolPage, selectors.tool_page_context)
        page_route_register(
            PodcastPage,
            FEED_ROUTE,
            lambda *, page, request: podcast_feed_response(show=page, request=request),
        )
