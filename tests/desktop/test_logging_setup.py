"""The log file of an app without a console, and sentences shown once on a console."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop import logging_setup


@pytest.fixture
def root_logger(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[logging.Logger]:
    """The root logger, restored afterwards; the log directory under tmp_path."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_logs_rotate_in_the_user_log_directory(root_logger: logging.Logger, tmp_path: Path):
    log_file = logging_setup.configure("info")
    assert log_file is not None
    assert log_file.parent == logging_setup.log_dir()
    assert log_file.is_relative_to(tmp_path / "state")
    assert log_file.parent.parent.name == "PairPad"
    handler = next(h for h in root_logger.handlers if isinstance(h, RotatingFileHandler))
    assert handler.maxBytes == logging_setup.MAX_LOG_BYTES
    assert handler.backupCount == logging_setup.LOG_BACKUPS

    logging.getLogger("uvicorn.access").info("GET / 200")
    handler.flush()
    assert "uvicorn.access: GET / 200" in log_file.read_text()


def test_tell_prints_once_and_logs_to_the_file(
    root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
):
    log_file = logging_setup.configure("info")
    assert log_file is not None
    logging_setup.tell("PairPad is running at http://127.0.0.1:8000")
    logging_setup.tell("Port 80 is taken.", error=True)
    captured = capsys.readouterr()
    assert captured.out == "PairPad is running at http://127.0.0.1:8000\n"
    # The console handler leaves out what was just printed: no duplicate line.
    assert captured.err == "Port 80 is taken.\n"
    text = log_file.read_text()
    assert "INFO desktop: PairPad is running at http://127.0.0.1:8000" in text
    assert "ERROR desktop: Port 80 is taken." in text


def test_an_unwritable_log_directory_does_not_stop_the_app(
    root_logger: logging.Logger, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setattr(logging_setup, "log_dir", lambda: blocker / "log")
    assert logging_setup.configure("info") is None
    logging_setup.tell("still running")


def test_an_unknown_level_falls_back_to_info(root_logger: logging.Logger):
    logging_setup.set_level("chatty")
    assert root_logger.level == logging.INFO
    logging_setup.set_level("debug")
    assert root_logger.level == logging.DEBUG
