"""What the progress rules need to know about modules and courses, cached per content version.

Every heartbeat needs a module's completion rule, its media and their durations, its
knowledge-check ids and its course's required modules. Reading the StreamField for that on each
heartbeat would cost more than the heartbeat itself, so the facts are kept in the shared cache
under the page-cache generation (raised on every publish), like the rendered pages.
"""

from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Q

from courses.models import CompletionRule, CoursePage, ModulePage
from elearning.core.generations import generation_value, generation_values, generation_values_store
from elearning.core.page_cache import page_cache_generation

MEDIA_BLOCKS = {"video": "video", "audio": "audio"}


@dataclass(frozen=True)
class ModuleFacts:
    page_id: int
    module_key: UUID
    course_key: UUID
    course_id: int
    rule: CompletionRule
    min_watched_percent: int
    min_score_percent: int
    media_durations: dict  # media asset id -> duration in seconds (0 when not known yet)
    check_ids: tuple
    required: bool
    duration_minutes: int = 0
    min_time_percent: int = 0  # 0: no time required

    @property
    def required_seconds(self):
        """The time the learner must spend on the module, in seconds (0 when none)."""
        return round(self.duration_minutes * 60 * self.min_time_percent / 100)


def _module_facts(module, course):
    media, checks = {}, []
    for block in module.body:
        if block.block_type in MEDIA_BLOCKS:
            asset = block.value[MEDIA_BLOCKS[block.block_type]]
            if asset is not None:
                media[asset.pk] = float(asset.duration or 0)
        elif block.block_type == "knowledge_check":
            checks.append(block.id)
    return ModuleFacts(
        page_id=module.pk,
        module_key=module.translation_key,
        course_key=course.translation_key,
        course_id=course.pk,
        rule=CompletionRule(module.completion_rule),
        min_watched_percent=module.min_watched_percent,
        min_score_percent=module.min_score_percent,
        media_durations=media,
        check_ids=tuple(checks),
        required=module.required,
        duration_minutes=module.duration_minutes,
        min_time_percent=module.min_time_percent,
    )


def module_facts(page_ids):
    """{page id: ModuleFacts} for the live modules among `page_ids` (others are left out)."""
    generation = page_cache_generation()
    # "v2": facts cached before the time requirement existed are not read back.
    keys = {page_id: f"learners:module:v2:{generation}:{page_id}" for page_id in set(page_ids)}
    found = generation_values(list(keys.values()))
    facts = {page_id: found[key] for page_id, key in keys.items() if key in found}
    missing = [page_id for page_id in keys if page_id not in facts]
    if missing:
        modules = list(ModulePage.objects.live().filter(pk__in=missing))
        parents = {
            course.path: course
            for course in CoursePage.objects.filter(
                path__in={module.path[: -ModulePage.steplen] for module in modules}
            )
        }
        fresh = {}
        for module in modules:
            course = parents.get(module.path[: -ModulePage.steplen])
            if course is not None:
                fresh[module.pk] = _module_facts(module, course)
        # Unknown ids are remembered too (as None), so probing them costs no query next time.
        generation_values_store(
            {keys[page_id]: fresh.get(page_id) for page_id in missing},
            timeout=settings.PAGE_CACHE_TIMEOUT,
        )
        facts.update(fresh)
    return {page_id: fact for page_id, fact in facts.items() if fact is not None}


def course_required_module_keys(course_key):
    """Translation keys of the course's live required modules, across its languages."""
    generation = page_cache_generation()
    key = f"learners:course-required:{generation}:{course_key}"
    required = generation_value(key)
    if required is None:
        courses = CoursePage.objects.filter(translation_key=course_key).values_list("path", "depth")
        children = Q(pk__in=[])
        for path, depth in courses:
            children |= Q(path__startswith=path, depth=depth + 1)
        required = frozenset(
            ModulePage.objects.live()
            .filter(children, required=True)
            .values_list("translation_key", flat=True)
        )
        generation_values_store({key: required}, timeout=settings.PAGE_CACHE_TIMEOUT)
    return required
