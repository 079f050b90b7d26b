"""Background work of the search: counting what visitors searched for, off the request."""

from celery import shared_task

from .services import search_query_record


@shared_task(ignore_result=True, retry_backoff=True, max_retries=3)
def search_query_record_task(query_string, found):
    """Count one search for today; a lost count is no loss to the visitor, so no acks_late."""
    search_query_record(query_string=query_string, found=found)
