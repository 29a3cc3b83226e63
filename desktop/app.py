"""The launcher from start to finish: bind the port → start the server thread and wait until it
accepts connections → say where it runs → window (or browser, or nothing with --no-window) →
on close or Ctrl+C stop the server gracefully, join its thread → exit 0."""

from __future__ import annotations

import logging
import sys
import webbrowser
from pathlib import Path

from server.app import create_app
from server.console_link import console_line, host_link
from server.network import system_addresses
from server.serve import ServerThread, uvicorn_config
from server.state import app_state

from . import ports
from .addresses import Announcement, join_urls, local_url
from .cli import Options
from .errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, StartupError
from .logging_setup import tell
from .signals import StopRequests
from .splash import close_splash
from .window import NativeWindow, NoGuiBackend

logger = logging.getLogger(__name__)

# Qt WebEngine and a cold disk can make the first start slow; the server itself needs < 1 s.
SERVER_START_TIMEOUT = 30.0
# uvicorn's graceful shutdown is bounded at 3 s (server.serve); this is a safety margin.
SERVER_STOP_TIMEOUT = 10.0


def run(options: Options, log_file: Path | None = None) -> int:
    stop = StopRequests()
    stop.install()
    try:
        return _serve(options, stop, log_file)
    except StartupError as error:
        return fail(error, window=options.window, log_file=log_file)
    finally:
        stop.uninstall()


def _serve(options: Options, stop: StopRequests, log_file: Path | None) -> int:
    settings = options.settings
    listener = ports.listen(settings.host, settings.port, explicit=options.port_is_explicit)
    settings = settings.model_copy(update={"port": listener.port})
    bound_address = str(listener.sock.getsockname()[0])
    # log_config=None: uvicorn's records go to our handlers (log file, console if any).
    app = create_app(settings)
    host_token = app_state(app).host_token
    config = uvicorn_config(app, settings, log_config=None)
    server = ServerThread(config, sock=listener.sock)
    try:
        try:
            server.start(timeout=SERVER_START_TIMEOUT)
        except RuntimeError as error:
            logger.error("the server did not start", exc_info=error)
            raise StartupError(f"PairPad's server could not start: {error}.", EXIT_FAILED) from None
        url = local_url(bound_address, listener.port)
        announcement = Announcement(
            local_url=url,
            join_urls=join_urls(settings.host, listener.port, system_addresses()),
            bind_host=settings.host,
            port=listener.port,
            fell_back_from=listener.requested if listener.fell_back else None,
        )
        for line in announcement.lines():
            tell(line)
        if options.window:
            # The window is the interviewer's: it opens the host link, which leaves the host
            # cookie behind and lands on the console.
            _window_or_browser(host_link(bound_address, listener.port, host_token), stop)
        else:
            close_splash()
            show_secret(console_line(bound_address, listener.port, host_token))
            tell("Serving without a window. Press Ctrl+C to stop.")
            stop.wait()
    finally:
        stopped = server.stop(timeout=SERVER_STOP_TIMEOUT)
    if not stopped:
        logger.error("the server thread did not end within %g s", SERVER_STOP_TIMEOUT)
        return EXIT_FAILED
    tell("PairPad stopped.")
    return EXIT_OK


def _window_or_browser(url: str, stop: StopRequests) -> None:
    """Blocks until the window is closed, or (without a window) until Ctrl+C / SIGTERM."""
    if stop.requested:
        return
    try:
        window = NativeWindow.load()
        stop.on_stop(window.close)
        window.show_url(url)
    except NoGuiBackend as reason:
        close_splash()
        logger.info("no window: %s", reason, exc_info=reason.__cause__)
        _open_in_browser(url, str(reason))
        stop.wait()


def _open_in_browser(url: str, reason: str) -> None:
    try:
        opened = webbrowser.open(url)
    except Exception:  # a broken $BROWSER must not stop the server
        logger.exception("could not start a web browser")
        opened = False
    if opened:
        tell(
            f"PairPad cannot open its window here ({reason}), so it opened the interviewer "
            "console in your web browser instead; press Ctrl+C to stop."
        )
    else:
        tell(f"PairPad cannot open its window here ({reason}); press Ctrl+C to stop.")
        show_secret(f"Open the interviewer console in a web browser: {url}")


def show_secret(line: str) -> None:
    """A line with the host token: on the console only. The log file keeps a note that it was
    shown, never the token: logs get attached to bug reports."""
    if sys.stdout is not None:
        print(line, flush=True)
    logger.info("the interviewer console's link was shown on the console")


def fail(error: StartupError, *, window: bool, log_file: Path | None) -> int:
    """Say why PairPad cannot start: printed (and logged), and in a window when one was
    wanted, because a double-clicked app has no console to print to."""
    close_splash()
    tell(str(error), error=True)
    if log_file is not None and error.exit_code != EXIT_USAGE:
        tell(f"Details are in {log_file}", error=True)
    if window:
        try:
            NativeWindow.load().show_error(str(error), str(log_file) if log_file else None)
        except Exception as reason:  # NoGuiBackend, or a GUI that already ran once
            logger.info("no window to show the error in: %s", reason)
    return error.exit_code
