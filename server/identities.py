"""Who a ``join-session`` is: the person its ``userId`` names, or a new person when that
identity belongs to someone else.

Every userId that joins a room gets a secret, sent in the joiner's own ``session-state``
(``participantSecret``). The rules, in order (``docs/protocol.md`` explains why):

1. A userId the room has not seen is the joiner's.
2. The same secret again is the same person: a reconnect, a reload, another tab.
3. Anything else (a wrong secret, no secret at all, a candidate claiming an interviewer's
   userId or the reverse) gets a new userId: nobody can speak as someone else by copying
   the userId shown in the participants list, not even while its owner is away. A client
   that knows only the spec never sends a secret, so each of its joins after the first is
   a new participant; it keeps working, since ``session-state`` tells it its userId.

``claim`` decides without changing anything, ``record`` commits: a join is all or nothing.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from msgspec import UnsetType

from .messages import Role

# 128 bits: as hard to guess as the session id itself.
SECRET_BYTES = 16
NEW_ID_PREFIX = "user-"


def new_secret() -> str:
    return secrets.token_urlsafe(SECRET_BYTES)


@dataclass(frozen=True, slots=True)
class Identity:
    secret: str
    role: Role


@dataclass(frozen=True, slots=True)
class Claim:
    user_id: str  # the one asked for, or a new one
    identity: Identity


class IdentityBook:
    """The identities a room has handed out, at most ``max_entries``: beyond that the ones
    used longest ago and not in the room now are forgotten (their userIds become new again)."""

    def __init__(self, max_entries: int) -> None:
        self._max_entries = max_entries
        self._known: dict[str, Identity] = {}  # oldest use first

    def __len__(self) -> int:
        return len(self._known)

    def get(self, user_id: str) -> Identity | None:
        return self._known.get(user_id)

    def claim(self, requested: str, *, secret: str | UnsetType | None, role: Role) -> Claim:
        """Who the joiner is: ``requested``, or a new userId when that one is someone else's."""
        known = self._known.get(requested)
        if known is None:
            return Claim(requested, Identity(new_secret(), role))
        if known.role == role and isinstance(secret, str) and _same(secret, known.secret):
            return Claim(requested, known)
        return Claim(self._new_user_id(), Identity(new_secret(), role))

    def restore(self, user_id: str, identity: Identity) -> None:
        """An identity from the interview record (a restart), oldest use first."""
        self._known.pop(user_id, None)
        self._known[user_id] = identity

    def record(self, claim: Claim, *, in_room: Callable[[str], bool]) -> None:
        self._known.pop(claim.user_id, None)
        self._known[claim.user_id] = claim.identity
        if len(self._known) > self._max_entries:
            self._forget_oldest(in_room)

    def _forget_oldest(self, in_room: Callable[[str], bool]) -> None:
        for user_id in list(self._known):
            if len(self._known) <= self._max_entries:
                return
            if not in_room(user_id):
                del self._known[user_id]

    def _new_user_id(self) -> str:
        while True:
            user_id = NEW_ID_PREFIX + secrets.token_urlsafe(9)
            if user_id not in self._known:
                return user_id


def _same(presented: str, secret: str) -> bool:
    # Constant time: a LAN peer must not learn a secret byte by byte from response times.
    return hmac.compare_digest(presented.encode(), secret.encode())
