"""The relevance scenario's work inside Django (run through inproc.py, never imported by run.py)."""

import time

from django.test import Client


def evaluate():
    """Ask the search page every query of the relevance set, as a visitor would (the request
    goes through the whole middleware stack of the production settings)."""
    from tests.search.relevance import client_fetch, relevance_evaluate

    started = time.monotonic()
    # The production settings allow only the bench's hosts (DJANGO_ALLOWED_HOSTS).
    result = relevance_evaluate(client_fetch(Client(HTTP_HOST="127.0.0.1")))
    return {**result, "seconds": round(time.monotonic() - started, 1)}
