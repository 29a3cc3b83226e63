"""``python -m desktop`` and the ``pairpad`` command: start PairPad with its window.

``--help`` lists the flags; every server setting is also a ``PAIRPAD_*`` environment variable.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Sequence

from . import app, logging_setup
from .cli import options_from, parse_flags
from .errors import EXIT_FAILED, StartupError


def main(argv: Sequence[str] | None = None) -> int:
    code = _run(argv)
    _exit_now_if_threads_linger(code)
    return code


def _exit_now_if_threads_linger(code: int) -> None:
    """Exit without waiting for threads that can never finish.

    Closing pywebview's window while a page is loading can leave one of pywebview's own
    (non-daemon) threads waiting forever for a JavaScript result: it waits on a semaphore
    without a timeout, and nothing releases it once the window is gone. Python would wait for
    that thread at exit, and "closing the window quits PairPad" would hang. By now the server
    has stopped and joined, so nothing of ours is left to finish.
    """
    lingering = [
        thread
        for thread in threading.enumerate()
        if thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
    ]
    if not lingering:
        return
    logging.getLogger("desktop").info(
        "exiting without waiting for %s", ", ".join(thread.name for thread in lingering)
    )
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(code)


def _run(argv: Sequence[str] | None) -> int:
    flags = parse_flags(sys.argv[1:] if argv is None else argv)
    log_file = logging_setup.configure()
    try:
        options = options_from(flags)
    except StartupError as error:
        return app.fail(error, window=flags.window, log_file=log_file)
    logging_setup.set_level(options.settings.log_level)
    try:
        return app.run(options, log_file)
    except Exception:
        # A bug, not a user mistake: the traceback goes to the log, a sentence to the user.
        logging.getLogger("desktop").exception("PairPad stopped unexpectedly")
        problem = StartupError("PairPad stopped because of an unexpected error.", EXIT_FAILED)
        return app.fail(problem, window=flags.window, log_file=log_file)


if __name__ == "__main__":
    sys.exit(main())
