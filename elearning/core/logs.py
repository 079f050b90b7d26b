"""Structured logs: one JSON object per line in production, a request id on every line.

Every logger stays a standard library logger (Django's django.request and django.security,
Celery's, ours): settings.LOGGING formats them all with `log_formatter`, which adds what
structlog's context variables hold. The request id is bound there for the duration of a request
(`RequestIdMiddleware`) and the task id for the duration of a Celery task
(`task_logs_connect`), so a line logged deep inside a service carries both without being
passed them. Logs carry no personal data: paths without query strings, and for URLs that hold
a secret (a calendar feed token, an attest code) the route pattern instead of the path.
"""

import logging
import re
import time
import uuid

import structlog
from celery.signals import task_postrun, task_prerun

REQUEST_ID_HEADER = "X-Request-ID"
# An id from the proxy in front (nginx's $request_id, a load balancer's) is kept so that its
# lines and ours match; anything else in that header is untrusted input and replaced.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9._-]{8,64}")
# URL keyword arguments whose values must not reach a log: the route is logged instead.
SECRET_URL_ARGUMENTS = ("token", "key", "code", "uid", "secret", "signature")
REQUEST_FIELDS = ("method", "path", "status", "duration_ms")

request_logger = logging.getLogger("elearning.requests")


def log_formatter(*, renderer="json"):
    """A logging.Formatter for settings.LOGGING ("()": this function): JSON or readable console."""
    pre_chain = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
        # Only these extras: Django's own pass the request object, whose repr has the query string.
        structlog.stdlib.ExtraAdder(allow=REQUEST_FIELDS),
        _secret_path_redact,
    ]
    if renderer == "json":
        final = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    elif renderer == "console":
        final = [structlog.dev.ConsoleRenderer(colors=False)]
    else:
        raise ValueError(f"DJANGO_LOG_FORMAT must be json or console, not {renderer!r}.")
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=pre_chain,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, *final],
    )


def request_id_choose(header_value):
    """The incoming id when it is a sane token, else a new one."""
    if header_value and REQUEST_ID_PATTERN.fullmatch(header_value):
        return header_value
    return uuid.uuid4().hex


def request_log_path(request):
    """The path to log: the route pattern where the URL carries a secret."""
    match = getattr(request, "resolver_match", None)
    if match and any(part in name for name in match.kwargs for part in SECRET_URL_ARGUMENTS):
        return "/" + match.route
    return request.path


def _secret_path_redact(logger, method_name, event_dict):
    """Django's "Not Found: <path>" and the like name the route where the path holds a secret."""
    request = getattr(event_dict.get("_record"), "request", None)
    if request is not None and isinstance(event_dict.get("event"), str):
        event_dict["event"] = event_dict["event"].replace(request.path, request_log_path(request))
    return event_dict


class RequestIdMiddleware:
    """Gives each request an id (X-Request-ID in and out) and logs one line when it is answered.

    First in MIDDLEWARE, so that answers from the page cache and redirects get the id too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_choose(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = request_id
        # Bound until request_finished (request_context_clear): Django logs a 404 or a 500
        # after the middleware has returned the answer.
        structlog.contextvars.bind_contextvars(request_id=request_id)
        started = time.monotonic()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request_log_path(request),
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response


def request_context_clear(**kwargs):
    structlog.contextvars.unbind_contextvars("request_id")


def _task_context_bind(task_id=None, task=None, **kwargs):
    structlog.contextvars.bind_contextvars(task_id=task_id, task=getattr(task, "name", None))


def _task_context_unbind(**kwargs):
    structlog.contextvars.unbind_contextvars("task_id", "task")


def task_logs_connect():
    """Binds the task id and name to the log lines of each task a worker runs."""
    task_prerun.connect(_task_context_bind, weak=False)
    task_postrun.connect(_task_context_unbind, weak=False)
