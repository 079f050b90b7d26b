"""The migration that adds the time requirement leaves existing modules as they were: none."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses.models import ModulePage
from tests.factories import (
    CoursePageFactory,
    LibraryPageFactory,
    ModulePageFactory,
    make_home,
    publish,
)

BEFORE = ("courses", "0011_tool_materials_courses_contact")
ADDED = ("courses", "0012_module_min_time_percent")


def migrate(target=None):
    """To `target` (app, name), or with no target forward to the latest migration of every app:
    the tests that follow in this process need the whole schema, whatever came after ADDED."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


# A real migration runs outside a transaction; the data migrations leave (root page, locales)
# is put back afterwards for the tests that follow.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_modules_get_no_time_requirement_and_the_migration_reverses():
    home = make_home()
    course = publish(CoursePageFactory(parent=publish(LibraryPageFactory(parent=home))))
    module = publish(ModulePageFactory(parent=course, completion_rule="viewed"))
    try:
        migrate(BEFORE)
        with connection.cursor() as cursor:
            columns = {
                column.name
                for column in connection.introspection.get_table_description(
                    cursor, ModulePage._meta.db_table
                )
            }
        assert "min_time_percent" not in columns
    finally:
        migrate()
    module = ModulePage.objects.get(pk=module.pk)
    assert (module.completion_rule, module.min_time_percent) == ("viewed", 0)
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []  # the whole schema
