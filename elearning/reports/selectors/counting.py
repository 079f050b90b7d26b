"""The pieces every part of ReportFigures counts with (figures.py): grouped queries, and a
count per place handed to the disclosure together with its sum."""

import datetime

from django.utils import timezone

ALL = "all"  # the figure over every municipality in sight


def as_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def grouped(queryset, fields, **aggregates):
    """{(field values): {aggregate: value}} of one grouped query (dates as local dates)."""
    rows = queryset.values(*fields).annotate(**aggregates)
    return {tuple(as_date(row[f]) for f in fields): row for row in rows}


def most_per_group(rows, measure):
    """{group: the most `measure` of one course or session in it} from rows keyed
    (group..., course or session)."""
    most = {}
    for key, row in rows.items():
        group = key[:-1]
        most[group] = max(most.get(group, 0), row[measure])
    return most


def per_place(figures, key, value_of, *, known=False):
    """One count per place (the municipalities in sight and "not given") and their sum;
    "not given" is shown by no filter, but taken as known (a reader may know that nobody
    is without a municipality)."""
    parts = []
    for where in figures.places:
        figures.disclosure.count(
            (*key, where),
            value_of(where),
            published=where is not None,
            known=known or where is None,
        )
        parts.append((*key, where))
    total = sum(figures.disclosure.value(part) for part in parts)
    figures.disclosure.count((*key, ALL), total, known=known)
    figures.disclosure.equal((*key, ALL), parts)


def everyone_once(figures, key, parts):
    """People of "all municipalities" are at most those of each municipality together
    (someone who moved counts in both); when nobody did, exactly: a reader may assume so."""
    figures.disclosure.at_most((*key, ALL), parts)
    figures.disclosure.equal((*key, ALL), parts)


def per_sector(figures, measure, where, *, accounts, erased_most):
    """One count per sector of a place (the people with an account, plus at most the erased
    ones of that group), and the place's everyone: not published, but equal to their sum.
    Returns everyone's key and value."""
    cells = []
    for sector in figures.sectors:
        group = (where, sector)
        value = accounts.get(group, {}).get(measure, 0) + erased_most.get(group, 0)
        figures.disclosure.count((measure, where, sector), value)
        cells.append((measure, where, sector))
    everyone = (measure, where)
    total = sum(figures.disclosure.value(cell) for cell in cells)
    figures.disclosure.count(everyone, total, published=False)
    figures.disclosure.equal(everyone, cells)
    return everyone, total
