"""What celery beat starts, and how often: the sweeps that redo lost or stopped background work,
the flushes of counters kept in Redis. One beat process per installation (README, "Running in
production shape"). Intervals are in seconds."""

BEAT_SCHEDULE = {
    # Moves the searches counted in Redis into the database (search/counting.py).
    "search-tally-flush": {
        "task": "search.search_tally_flush",
        "schedule": 60,  # seconds
    },
    # Issues attests whose task was lost (broker down at completion, retries exhausted).
    "attest-sweep": {
        "task": "learners.attest_sweep",
        "schedule": 900,  # seconds
    },
    # Resends xAPI statements the store did not take (outage, worker restart); XAPI_* in base.py.
    "xapi-outbox-sweep": {
        "task": "learners.xapi_outbox_sweep",
        "schedule": 600,  # seconds
    },
    # Starts again the package exports and imports whose worker stopped (its lease lapsed) or
    # whose task was lost, and deletes staged files no run uses (courses/packaging/services.py).
    # With the two-minute lease, a killed import starts again within three minutes.
    "package-jobs-sweep": {
        "task": "packaging.package_jobs_sweep",
        "schedule": 60,  # seconds
    },
    # Processes recordings whose task was lost or whose worker died (its lease lapsed).
    "media-processing-sweep": {
        "task": "media.media_processing_sweep",
        "schedule": 60,  # seconds: a killed worker's job restarts within 1.5 leases
    },
    # Reminds confirmed participants of each intervision date in the next 24 hours, once.
    "intervision-reminders": {
        "task": "intervision.reminders_sweep",
        "schedule": 900,  # seconds
    },
    # Passes a freed place on when the person it was offered to did not accept it in time.
    "intervision-offers": {
        "task": "intervision.offers_sweep",
        "schedule": 300,  # seconds
    },
    # Deletes expired sessions (Django's clearsessions): a session holds who signed in, and how.
    "sessions-expired-clear": {
        "task": "accounts.sessions_expired_clear",
        "schedule": 3600,  # seconds
    },
}
