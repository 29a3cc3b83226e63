"""Keys stay out of the log: the access log would otherwise keep the host token of every
``/host?token=...`` and the interviewer key of every ``?key=...`` it saw, and logs get
attached to bug reports."""

from __future__ import annotations

import logging
import re

_SECRET_QUERY = re.compile(r"([?&](?:token|key)=)[^&\s\"]*")
REDACTED = "[redacted]"


def redact(text: str) -> str:
    return _SECRET_QUERY.sub(rf"\g<1>{REDACTED}", text)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def install() -> None:
    """On uvicorn's access and error loggers (a handshake refused shows its path there too);
    idempotent, as create_app may run more than once in a process."""
    for name in ("uvicorn.access", "uvicorn.error"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
