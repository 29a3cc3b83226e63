"""Why a room refuses a join or a session: exceptions the socket and the REST layer turn into
answers (an error and a close code, or an HTTP status)."""

from __future__ import annotations

from . import messages as m


class SessionFull(Exception):
    close_code = m.CloseCode.SESSION_FULL


class AlreadyJoined(m.ProtocolError):
    pass


class TooManySessions(Exception):
    pass
