"""The service's log lines: one JSON object per line (production's default) or plain text
(development's), every line written inside a request carrying that request's id.

`logging_config` is a `logging.config.dictConfig` dictionary; `serve` hands it to uvicorn,
which applies it in every worker process, so uvicorn's own lines are formatted alike.
"""

from __future__ import annotations

import logging
from typing import Any, Literal

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from graph_service.observability.current_request import current_request

LogFormat = Literal["json", "text"]

# Fields of every JSON line, renamed to the names log platforms expect; a request line adds
# request_id, method, path, operation, employee_id, outcome, status and duration_ms.
_JSON_FIELDS = "%(levelname)s %(name)s %(message)s"
_JSON_NAMES = {"levelname": "level", "name": "logger"}
# uvicorn passes a coloured copy of some messages as an extra; it is not a field.
_NOT_FIELDS = [*RESERVED_ATTRS, "color_message"]
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


class RequestIdFilter(logging.Filter):
    """Stamps a line written while a request is served with that request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        current = current_request()
        if current is not None and not hasattr(record, "request_id"):
            record.request_id = current.request_id
        return True


def json_formatter() -> logging.Formatter:
    """One JSON object per line: time, level, logger, message and the line's own fields."""
    return JsonFormatter(
        _JSON_FIELDS, rename_fields=_JSON_NAMES, reserved_attrs=_NOT_FIELDS, timestamp="time"
    )


def text_formatter() -> logging.Formatter:
    """A plain line, with the request id (or "-") after the logger's name."""
    return logging.Formatter(_TEXT_FORMAT, defaults={"request_id": "-"})


def logging_config(log_format: LogFormat, *, level: str = "INFO") -> dict[str, Any]:
    """Where and how every logger writes: one handler on stderr, in `log_format`."""
    formatter = json_formatter if log_format == "json" else text_formatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"service": {"()": formatter}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "service",
                "filters": ["request_id"],
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            # uvicorn's loggers keep their own levels (its log_level) but write here.
            "uvicorn": {"handlers": ["stderr"], "propagate": False},
            "uvicorn.error": {},
            # The service writes its own line per request (observability/middleware.py).
            "uvicorn.access": {"handlers": [], "propagate": False},
        },
        "root": {"handlers": ["stderr"], "level": level},
    }
