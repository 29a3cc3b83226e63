"""The one exception the launcher shows to a person rather than as a traceback."""

from __future__ import annotations

# Exit codes: 2 is what argparse uses for a bad command line; a port or a setting the user
# chose that cannot work is the same kind of mistake.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class StartupError(Exception):
    """PairPad cannot start; ``str(error)`` is one plain sentence saying why and what to do."""

    def __init__(self, message: str, exit_code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.exit_code = exit_code
