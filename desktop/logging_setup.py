"""Logging for an app that may have no console.

Double-clicked (a PyInstaller "windowed" build, ``pythonw``) there is no stdout or stderr at
all: ``sys.stdout`` is ``None``. So everything goes to a rotating file in the user's log
directory, and to stderr only when a console exists. ``tell`` is for sentences meant for the
person at the keyboard: printed plainly on the console and written to the log file.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

APP_NAME = "PairPad"
LOG_FILE_NAME = "pairpad.log"
MAX_LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Marks a record already printed by ``tell``, so the console does not show it twice.
_PRINTED = "pairpad_printed"

logger = logging.getLogger("desktop")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class _NotPrinted(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, _PRINTED, False)


def configure(level: str = "info") -> Path | None:
    """Send all logging (the launcher's, uvicorn's, pywebview's) to the log file and, when
    there is a console, to stderr. Returns the log file, or None if it cannot be written."""
    root = logging.getLogger()
    set_level(level)
    formatter = logging.Formatter(FORMAT)
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(formatter)
        console.addFilter(_NotPrinted())
        root.addHandler(console)
    log_file = log_dir() / LOG_FILE_NAME
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        # A read-only or full home directory must not stop the interview.
        logger.warning("cannot write the log file %s (%s); not logging to a file", log_file, error)
        return None
    file_handler.setFormatter(formatter)
    root.addHandler(file_handler)
    return log_file


def set_level(level: str) -> None:
    name = level.upper()
    if not isinstance(logging.getLevelName(name), int):
        logger.warning("unknown log level %r; using info", level)
        name = "INFO"
    logging.getLogger().setLevel(name)


def tell(message: str, *, error: bool = False) -> None:
    """A sentence for the interviewer: on the console if there is one, and in the log."""
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(message, file=stream, flush=True)
    logger.log(
        logging.ERROR if error else logging.INFO, message, extra={_PRINTED: stream is not None}
    )
