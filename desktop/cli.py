"""The launcher's command line, parsed into one typed, frozen ``Options``.

Only what differs from ``python -m server`` is a flag here. Everything server-side is the
server's own ``Settings``, so every ``PAIRPAD_*`` environment variable still applies.
Precedence for where to listen: a flag, then ``PAIRPAD_HOST`` / ``PAIRPAD_PORT``, then the
desktop defaults (all interfaces, port 8000).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from server import __version__
from server.settings import Settings

from .errors import StartupError

# The server alone listens on loopback by default; the desktop app exists to be joined from
# other laptops, so it listens on every interface.
DESKTOP_HOST = "0.0.0.0"


@dataclass(frozen=True, slots=True)
class Options:
    settings: Settings  # settings.port is the port to try first
    port_is_explicit: bool  # --port given: that port or an error, never another one
    window: bool  # False with --no-window: serve only, until Ctrl+C


def _port_number(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not between 0 and 65535")
    return port


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairpad",
        description="PairPad: a coding-interview room on your own network. Opens a window "
        "with the link candidates join.",
        epilog="Every other setting is a PAIRPAD_* environment variable (see docs/settings.md).",
    )
    parser.add_argument(
        "--host",
        help=f"interface to listen on (default: PAIRPAD_HOST or {DESKTOP_HOST}, every "
        "interface, so candidates can join)",
    )
    parser.add_argument(
        "--port",
        type=_port_number,
        help="port to listen on; PairPad fails if it is taken (default: PAIRPAD_PORT or "
        "8000, or the next free port when that one is taken; 0 picks any free port)",
    )
    parser.add_argument(
        "--no-window",
        dest="window",
        action="store_false",
        help="serve without a window: print the join addresses and run until Ctrl+C",
    )
    parser.add_argument("--version", action="version", version=f"PairPad {__version__}")
    return parser


@dataclass(frozen=True, slots=True)
class Flags:
    host: str | None
    port: int | None
    window: bool


def parse_flags(argv: Sequence[str]) -> Flags:
    """The flags as given; a bad flag, ``--help`` or ``--version`` exits (argparse)."""
    args = build_parser().parse_args(list(argv))
    return Flags(host=args.host, port=args.port, window=args.window)


def options_from(flags: Flags) -> Options:
    """Flags, then ``PAIRPAD_*`` variables, then the desktop defaults; a bad ``PAIRPAD_*``
    value raises ``StartupError`` with one readable line."""
    try:
        from_environment = Settings()
        if flags.host is not None:
            host = flags.host
        elif "host" in from_environment.model_fields_set:
            host = from_environment.host
        else:
            host = DESKTOP_HOST
        port = flags.port if flags.port is not None else from_environment.port
        settings = Settings(host=host, port=port)
    except ValidationError as error:
        raise StartupError(f"Invalid setting: {_describe(error)}.") from None
    return Options(settings=settings, port_is_explicit=flags.port is not None, window=flags.window)


def parse_options(argv: Sequence[str]) -> Options:
    return options_from(parse_flags(argv))


def _describe(error: ValidationError) -> str:
    # Flags were checked by argparse already, so a problem here comes from the environment.
    return "; ".join(
        f"PAIRPAD_{str(problem['loc'][0]).upper()}: {problem['msg']}" for problem in error.errors()
    )
