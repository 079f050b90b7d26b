"""Production logs: JSON lines with a request id, echoed to the client (elearning/core/logs.py)."""

import copy
import io
import json
import logging
import logging.config
import re

import pytest

from django.conf import settings

from elearning.celery import app
from elearning.core.logs import log_formatter
from settings import base

GENERATED_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def json_logs():
    """Production's logging configuration, its stderr stream swapped for one the test reads."""
    stream = io.StringIO()
    config = copy.deepcopy(base.LOGGING)
    config["formatters"]["structured"]["renderer"] = "json"
    config["handlers"]["console"]["stream"] = stream
    config["loggers"]["elearning.requests"]["level"] = "INFO"
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


def _request_lines(lines):
    return [line for line in lines if line["logger"] == "elearning.requests"]


@pytest.mark.django_db
def test_a_request_logs_one_json_line_with_the_id_it_answers_with(client, json_logs):
    response = client.get("/healthz?token=s3cr3t-in-the-query")
    request_id = response["X-Request-ID"]
    assert GENERATED_ID.fullmatch(request_id)
    (line,) = _request_lines(json_logs())
    assert line["request_id"] == request_id
    assert line["level"] == "info"
    assert line["event"] == "request"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["duration_ms"] >= 0
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z", line["time"])


@pytest.mark.django_db
def test_the_proxys_request_id_is_kept(client, json_logs):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="3f2a9c0e-nginx.7")
    assert response["X-Request-ID"] == "3f2a9c0e-nginx.7"
    assert _request_lines(json_logs())[0]["request_id"] == "3f2a9c0e-nginx.7"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hostile",
    ["abcdefgh\nlevel=critical", "a" * 500, "<script>alert(1)</script>", "short", "x y z w q r s"],
)
def test_a_hostile_request_id_is_replaced(client, json_logs, hostile):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=hostile)
    assert GENERATED_ID.fullmatch(response["X-Request-ID"])
    output = json_logs()
    assert _request_lines(output)[0]["request_id"] == response["X-Request-ID"]
    assert hostile not in json.dumps(output)


@pytest.mark.django_db
def test_djangos_own_warnings_carry_the_request_id(client, json_logs):
    response = client.get("/nl/no-such-page/")
    assert response.status_code == 404
    (warning,) = [line for line in json_logs() if line["logger"] == "django.request"]
    assert warning["level"] == "warning"
    assert warning["request_id"] == response["X-Request-ID"]
    assert warning["event"] == "Not Found: /nl/no-such-page/"


@pytest.mark.django_db
def test_a_secret_in_the_url_is_not_logged(client, json_logs):
    client.get("/calendar/personal-feed-secret-0123456789.ics")
    output = json_logs()
    assert "personal-feed-secret" not in json.dumps(output)
    assert _request_lines(output)[0]["path"] == "/calendar/<str:token>.ics"
    (warning,) = [line for line in output if line["logger"] == "django.request"]
    assert warning["event"] == "Not Found: /calendar/<str:token>.ics"


@app.task(name="tests.core.log_a_warning")
def log_a_warning():
    logging.getLogger("elearning.tests").warning("inside a task")


def test_a_tasks_log_lines_carry_its_id(json_logs):
    result = log_a_warning.apply()
    (line,) = [line for line in json_logs() if line["logger"] == "elearning.tests"]
    assert line["task_id"] == result.id
    assert line["task"] == "tests.core.log_a_warning"
    assert line["event"] == "inside a task"


def test_development_logs_are_readable_lines():
    from settings import dev

    options = dict(dev.LOGGING["formatters"]["structured"])
    factory = options.pop("()")
    assert factory == "elearning.core.logs.log_formatter"
    record = logging.LogRecord("elearning.tests", logging.WARNING, __file__, 1, "hello", (), None)
    text = log_formatter(**options).format(record)
    assert "hello" in text
    assert "[warning" in text
    assert not text.startswith("{")


@pytest.mark.django_db
def test_lines_after_a_request_carry_no_request_id(client, json_logs):
    client.get("/healthz")
    logging.getLogger("elearning.tests").warning("between requests")
    (line,) = [line for line in json_logs() if line["logger"] == "elearning.tests"]
    assert "request_id" not in line


def test_an_unknown_log_format_stops_the_start_with_its_name():
    with pytest.raises(ValueError, match="DJANGO_LOG_FORMAT must be json or console, not 'xml'"):
        log_formatter(renderer="xml")
