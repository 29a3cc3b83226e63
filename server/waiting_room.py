"""Who may come in: the waiting room, and the identities an interviewer removed.

With the waiting room on, a candidate whose identity the room has not let in before waits
here: their join is kept, unanswered but for a ``waiting`` message (no code, no participants,
no chat), until an interviewer admits it (then it completes like any join) or turns it away.
A removed identity always waits, whether the waiting room is on or not: that is how an
interviewer lets someone back.

What identifies a removed person is what the server can check: their userId (a reconnect the
identity rules accept as the same person) and the participant secret issued to it (any join
that presents it, whatever userId it asks for). A browser that throws both away and joins as
somebody new is somebody new; turning the waiting room on is the answer to that.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from msgspec import UnsetType

from . import messages as m

if TYPE_CHECKING:
    from .session_socket import Connection


@dataclass(frozen=True, slots=True)
class JoinRequest:
    """A join-session, checked and kept as it came, so it can complete later."""

    connection: Connection
    user_id: str
    username: str
    crdt: bool
    state_vector: bytes | None
    secret: str | UnsetType | None


@dataclass(frozen=True, slots=True)
class WaitingJoin:
    request: JoinRequest
    removed_ids: tuple[str, ...]  # the removed identities this join is (see Removals)

    @property
    def removed(self) -> bool:
        return bool(self.removed_ids)

    def person(self, waiting_id: str) -> m.WaitingPerson:
        request = self.request
        return m.WaitingPerson(waiting_id, request.user_id, request.username, self.removed)


class WaitingRoomFull(Exception):
    close_code = m.CloseCode.SESSION_FULL


class WaitingRoom:
    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._joins: dict[str, WaitingJoin] = {}  # by waitingId, oldest first

    def __len__(self) -> int:
        return len(self._joins)

    def add(self, request: JoinRequest, *, removed_ids: tuple[str, ...]) -> str:
        if len(self._joins) >= self._capacity:
            raise WaitingRoomFull(
                f"The waiting room is full ({self._capacity} people); try again later"
            )
        waiting_id = "w-" + secrets.token_urlsafe(9)
        self._joins[waiting_id] = WaitingJoin(request, removed_ids)
        return waiting_id

    def holds(self, connection: Connection) -> bool:
        return any(join.request.connection is connection for join in self._joins.values())

    def take(self, waiting_id: str) -> WaitingJoin | None:
        return self._joins.pop(waiting_id, None)

    def take_all_not_removed(self) -> list[WaitingJoin]:
        taken = [join for join in self._joins.values() if not join.removed]
        self._joins = {key: join for key, join in self._joins.items() if join.removed}
        return taken

    def drop(self, connection: Connection) -> bool:
        """The connection left or went away: True when it was waiting."""
        for waiting_id, join in self._joins.items():
            if join.request.connection is connection:
                del self._joins[waiting_id]
                return True
        return False

    def people(self) -> list[m.WaitingPerson]:
        return [join.person(waiting_id) for waiting_id, join in self._joins.items()]


class Removals:
    """The identities interviewers removed: userId → the secret issued to it."""

    def __init__(self) -> None:
        self._secrets: dict[str, str | None] = {}

    def add(self, user_id: str, secret: str | None) -> None:
        self._secrets[user_id] = secret

    def matching(self, user_id: str, presented: str | UnsetType | None) -> tuple[str, ...]:
        """The removed identities a join is: its userId, or the owner of the secret it shows."""
        return tuple(
            removed_id
            for removed_id, secret in self._secrets.items()
            if removed_id == user_id or _same_secret(presented, secret)
        )

    def has(self, user_id: str) -> bool:
        return user_id in self._secrets

    def secret_of(self, user_id: str) -> str | None:
        return self._secrets.get(user_id)

    def forgive(self, user_ids: tuple[str, ...]) -> None:
        """An interviewer let this person back in."""
        for user_id in user_ids:
            self._secrets.pop(user_id, None)


def _same_secret(presented: str | UnsetType | None, secret: str | None) -> bool:
    if not isinstance(presented, str) or secret is None:
        return False
    return hmac.compare_digest(presented.encode(), secret.encode())
