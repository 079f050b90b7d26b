"""Hand-written SQL for the two statements every heartbeat runs (see services._events_apply).

The ORM builds these queries anew on each request, and on the progress API that compilation
costs about as much CPU as the rest of the request's Python. Identifiers come from the model
and are quoted; every value is a parameter, converted by the model's own fields.
"""

from django.db import connections, router

from .models import ModuleProgress


def progress_rows_locked(*, user, module_keys):
    """{module key: ModuleProgress} of the learner's existing rows, locked in key order."""
    meta = ModuleProgress._meta
    connection = connections[router.db_for_write(ModuleProgress)]
    quote = connection.ops.quote_name
    key_field = meta.get_field("module_key")
    keys = sorted(module_keys)
    sql = (
        f"SELECT * FROM {quote(meta.db_table)} "  # noqa: S608
        f"WHERE {quote(meta.get_field('user').column)} = %s "
        f"AND {quote(key_field.column)} IN ({', '.join(['%s'] * len(keys))}) "
        f"ORDER BY {quote(key_field.column)}"
    )
    if connection.features.has_select_for_update:
        sql += " FOR UPDATE"
    params = [user.pk, *(key_field.get_db_prep_value(key, connection) for key in keys)]
    rows = ModuleProgress.objects.db_manager(connection.alias).raw(sql, params)
    locked = {}
    for row in rows:
        row.user = user  # known: spares a query when a signal reads progress.user
        locked[row.module_key] = row
    return locked


def fields_write(instance, names):
    """save(update_fields=names) for one row, as one UPDATE without the query compiler."""
    model = type(instance)
    meta = model._meta
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = [meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    params = [
        field.get_db_prep_save(getattr(instance, field.attname), connection) for field in fields
    ]
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, instance.pk])
