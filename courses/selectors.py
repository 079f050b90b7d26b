"""Reads that span relations, shaped for templates with a fixed number of queries.

Each selector's query count does not grow with the size of the library: listings are paginated,
relations are fetched in bulk, translated snippets are looked up once per page.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import BooleanField, ExpressionWrapper, Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import Page

from elearning.core.generations import generation_process_value, generation_process_values_store
from elearning.core.page_cache import page_cache_generation

from .models import (
    CoursePage,
    LibraryPage,
    PodcastEpisodePage,
    PodcastPage,
    Theme,
    ToolPage,
    WebinarPage,
)

PODCAST_PAGE_SIZE = 20
LIBRARY_FORMATS = {
    "course": (CoursePage, _("Course")),
    "webinar": (WebinarPage, _("Webinar")),
    "tool": (ToolPage, _("Tool")),
    "podcast": (PodcastPage, _("Podcast")),
}
FORMAT_OF_MODEL = {model: key for key, (model, _label) in LIBRARY_FORMATS.items()}


def themes_in_locale(locale_id):
    """Every theme by translation key, in the locale or else in the default language.

    A small list of Theme objects, kept by each process until content changes (the page-cache
    generation).
    """
    key = f"themes:{page_cache_generation()}:{locale_id}"
    themes = generation_process_value(key)
    if themes is None:
        themes = {}
        candidates = Theme.objects.filter(
            Q(locale_id=locale_id) | Q(locale__language_code=settings.LANGUAGE_CODE)
        )
        for theme in candidates:  # the locale's own version wins over the default language's
            if theme.locale_id == locale_id or theme.translation_key not in themes:
                themes[theme.translation_key] = theme
        generation_process_values_store({key: themes})
    return themes


def localized_themes(themes, *, locale_id):
    """The same themes in the given locale; a theme not translated yet keeps its own name."""
    translated = themes_in_locale(locale_id)
    return [translated.get(theme.translation_key, theme) for theme in themes]


def themes_by_page(pages, *, locale_id):
    """{page id: [themes in locale]} for pages of any themed type, in two queries.

    The three page types keep their themes in three link tables; one UNION reads them all.
    """
    by_page = {page.pk: [] for page in pages}
    links = None
    for model in {type(page) for page in pages}:
        if not hasattr(model, "themes"):
            continue
        source = f"{model._meta.model_name}_id"
        ids = [page.pk for page in pages if type(page) is model]
        rows = model.themes.through.objects.filter(**{f"{source}__in": ids}).values_list(
            source, "theme__translation_key"
        )
        links = rows if links is None else links.union(rows, all=True)
    if links is None:
        return by_page
    themes = themes_in_locale(locale_id)
    for page_id, key in links:
        if key in themes:
            by_page[page_id].append(themes[key])
    return by_page


def _annotate_listing(pages, *, locale_id):
    themes = themes_by_page(pages, locale_id=locale_id)
    for page in pages:
        page.theme_list = sorted(themes[page.pk], key=lambda theme: theme.name)
        page.format_key = FORMAT_OF_MODEL.get(type(page), "")
        page.format_label = LIBRARY_FORMATS[page.format_key][1] if page.format_key else ""
        page.minutes = getattr(page, "total_duration_minutes", None) or getattr(
            page, "duration_minutes", None
        )
    return pages


def page_of(paginator, params):
    """The requested page of a listing; a missing, odd or too high number gives the first."""
    try:
        return paginator.page(params.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        return paginator.page(1)


def podcast_episodes(*, show):
    """The show's episodes a listener may hear: live, public, with an audio file; newest first."""
    return (
        PodcastEpisodePage.objects.child_of(show)
        .live()
        .public()
        .filter(audio__type="audio")
        .exclude(audio__file="")
        .select_related("audio")
        .order_by("-publication_date", "-path")
    )


def podcast_episode_listing(*, show, params):
    """One page of the show's episodes for its web page."""
    page_obj = page_of(Paginator(podcast_episodes(show=show), PODCAST_PAGE_SIZE), params)
    return {"episodes": list(page_obj), "page_obj": page_obj}


CARD_IMAGE = "fill-640x360|format-jpeg"


def card_images_attach(cards):
    """Each course card gets its course's image as `card_image` (None without one), with the
    rendition the card shows: three queries for the whole listing, none per card."""
    chosen = dict(
        CoursePage.objects.filter(
            pk__in=[card.pk for card in cards], image__isnull=False
        ).values_list("pk", "image_id")
    )
    images = {}
    if chosen:
        found = get_image_model().objects.filter(pk__in=set(chosen.values()))
        images = {image.pk: image for image in found.prefetch_renditions(CARD_IMAGE)}
    for card in cards:
        card.card_image = images.get(chosen.get(card.pk))
    return cards


def home_highlights(*, home):
    library = LibraryPage.objects.child_of(home).live().first()
    if library is None:
        return {"library": None, "featured_courses": [], "featured_tools": []}
    private = Page.objects.private_q()
    courses = list(
        CoursePage.objects.child_of(library).live().exclude(private).order_by("path")[:6]
    )
    tools = list(ToolPage.objects.child_of(library).live().exclude(private).order_by("path")[:4])
    _annotate_listing(courses + tools, locale_id=home.locale_id)
    card_images_attach(courses)
    return {"library": library, "featured_courses": courses, "featured_tools": tools}


def tool_courses(*, tool):
    """The courses that use the tool, in the tool page's language: a course linked in any
    language shows as its version in this one, only when that version is live and public."""
    linked = CoursePage.objects.filter(tools__translation_key=tool.translation_key).values(
        "translation_key"
    )
    return list(
        CoursePage.objects.live()
        .filter(locale_id=tool.locale_id, translation_key__in=linked)
        .exclude(Page.objects.private_q())
        .order_by("title")
    )


def course_parts(*, course):
    """The course's live parts in order, modules and webinars, as light pages in ONE query
    whatever the course's size: plain pages (enough for {% pageurl %}) carrying what an outline
    shows of each part (summary, duration, required, is_webinar) from the joined part tables."""
    return list(
        Page.objects.child_of(course)
        .live()
        .filter(Q(modulepage__isnull=False) | Q(webinarpage__isnull=False))
        .only("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
        .annotate(
            summary=Coalesce("modulepage__summary", "webinarpage__summary"),
            duration_minutes=Coalesce(
                "modulepage__duration_minutes", "webinarpage__duration_minutes"
            ),
            required=Coalesce("modulepage__required", Value(False)),
            is_webinar=ExpressionWrapper(Q(webinarpage__isnull=False), output_field=BooleanField()),
        )
        .order_by("path")
    )


def course_outline(*, course):
    """The course's parts in order (modules and webinars), with its people and themes."""
    return {
        "parts": course_parts(course=course),
        "course_themes": localized_themes(course.themes.all(), locale_id=course.locale_id),
        "course_trainers": list(course.trainers.all()),
        "course_audience": list(course.audience.all()),
    }


def module_navigation(*, module, course):
    """Where the learner is in the course: the course, its parts, the previous and next part."""
    parts = course_parts(course=course)
    ids = [part.pk for part in parts]
    # A draft seen in preview is not among the live parts: it has no neighbours then.
    index = ids.index(module.pk) if module.pk in ids else None
    return {
        "course": course,
        "parts": parts,
        "previous_part": parts[index - 1] if index else None,
        "next_part": parts[index + 1] if index is not None and index + 1 < len(parts) else None,
        "part_number": index + 1 if index is not None else None,
        "part_count": len(parts),
    }


def _opens_with(text, verdict):
    """Whether `text` starts with the verdict's word(s) ("Juist: eerst veiligheid." and "Juist."),
    ignoring case and the verdict's closing full stop."""
    words = str(verdict).rstrip(".").casefold()
    opening = (text or "").strip().casefold()
    return opening.startswith(words) and not opening[len(words) : len(words) + 1].isalpha()


def knowledge_check_feedback(*, module, params):
    """Score an answer sent with the page's plain GET form; the page works without JavaScript.

    Returns {"block_id", "choice", "correct", "feedback"} for the answered question, or None.
    """
    block_id, answer = params.get("check"), params.get("answer")
    if not block_id or answer is None:
        return None
    for block in module.body:
        if block.block_type == "knowledge_check" and block.id == block_id:
            choices = block.value["choices"]
            try:
                choice_index = int(answer)
            except ValueError:
                return None
            if not 0 <= choice_index < len(choices):
                return None
            choice = choices[choice_index]
            correct = bool(choice["correct"])
            verdict = _("Correct.") if correct else _("Not quite.")
            return {
                "block_id": block_id,
                "choice": choice_index,
                "correct": correct,
                "verdict": verdict,
                "verdict_in_feedback": _opens_with(choice["feedback"], verdict),
                "feedback": choice["feedback"],
            }
    return None


# What each page type shows, registered in CoursesConfig.ready() (courses/page_context.py).


def home_page_context(*, page, request, context):
    return home_highlights(home=page)


def course_page_context(*, page, request, context):
    return course_outline(course=page)


def module_page_context(*, page, request, context):
    return {
        **module_navigation(module=page, course=context["parent_page"]),
        "check_result": knowledge_check_feedback(module=page, params=request.GET),
    }


def tool_page_context(*, page, request, context):
    return {"tool_courses": tool_courses(tool=page)}


def podcast_page_context(*, page, request, context):
    return podcast_episode_listing(show=page, params=request.GET)
