"""Background work of the search: counting what visitors searched for, off the request."""

from celery import shared_task

from elearning.core.retries import DATABASE_RETRY

from .counting import search_tally_flush
from .services import search_query_record


@shared_task(name="search.search_query_record", ignore_result=True, **DATABASE_RETRY)
def search_query_record_task(query_string, found):
    """Count one search for today (without Redis). Retried while the database is out of reach;
    after the last try the count is lost, which is no loss to the visitor (so no acks_late)."""
    search_query_record(query_string=query_string, found=found)


@shared_task(name="search.search_tally_flush", ignore_result=True)
def search_tally_flush_task():
    """Move the searches counted in Redis into the database (periodic, see settings).

    Not retried: a failed flush puts the tallies back in Redis, and the next run (a minute
    later) moves them."""
    search_tally_flush()
