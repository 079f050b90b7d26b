"""Background work of the search: counting what visitors searched for, off the request."""

from celery import shared_task

from .counting import search_tally_flush
from .services import search_query_record


@shared_task(
    name="search.search_query_record", ignore_result=True, retry_backoff=True, max_retries=3
)
def search_query_record_task(query_string, found):
    """Count one search for today (without Redis); a lost count is no loss to the visitor, so
    no acks_late."""
    search_query_record(query_string=query_string, found=found)


@shared_task(name="search.search_tally_flush", ignore_result=True)
def search_tally_flush_task():
    """Move the searches counted in Redis into the database (periodic, see settings)."""
    search_tally_flush()
