"""The interviewer's controls, as a part of every Room: restrictions on candidates (lock
editing, disable Run), the door (removals and the waiting room), the timer, integrity notices
and the private notes. Handlers check that the sender is an interviewer; these methods only
change the room and pick who hears of it. Host-only frames (the waiting list, the notes) go
through ``_tell_interviewers``, never to a candidate's socket.

A mixin, so Room keeps one namespace and its state: it uses the room's members declared
below, and ``Room.__init__`` calls ``_init_controls``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from . import messages as m
from . import ratelimit
from .identities import Claim, Identity, IdentityBook
from .integrity import checked_signal, notice
from .notes import PrivateNotes
from .record import KeptIdentity
from .refusals import SessionFull
from .settings import Settings
from .timer import SharedTimer
from .waiting_room import JoinRequest, Removals, WaitingJoin, WaitingRoom, WaitingRoomFull
from .wire_values import b64encode, now_ms
from .yjs_update import RefusedUpdate

if TYPE_CHECKING:
    from .record import SessionRecord
    from .rooms import Participant
    from .session_socket import Connection


class InterviewerControls:
    if TYPE_CHECKING:
        # What the controls use of the Room they are a part of.
        created_at: float
        record: SessionRecord
        _settings: Settings
        _participants: dict[str, Participant]
        _identities: IdentityBook

        def leave(self, connection: Connection) -> None: ...
        def _enter(self, request: JoinRequest) -> None: ...
        def _author(self, connection: Connection) -> str: ...
        def _joined(self) -> tuple[Connection, ...]: ...
        def _broadcast(self, frame: m.Frame, *, exclude: Connection | None = None) -> None: ...

    def _init_controls(self, settings: Settings) -> None:
        self.controls = m.Controls(editingLocked=False, runDisabled=False, waitingRoom=False)
        self.timer = SharedTimer()
        self.notes = PrivateNotes(
            max_bytes=settings.max_notes_bytes,
            max_pending_bytes=settings.max_pending_update_bytes,
        )
        self._waiting = WaitingRoom(settings.max_waiting_per_room)
        self._removed = Removals()

    def set_controls(self, connection: Connection, change: m.SetControls) -> None:
        controls = self.controls
        if change.editingLocked is not None:
            controls.editingLocked = change.editingLocked
        if change.runDisabled is not None:
            controls.runDisabled = change.runDisabled
        if change.waitingRoom is not None:
            controls.waitingRoom = change.waitingRoom
        self._broadcast(m.controls_updated(self._author(connection), controls))
        if not controls.waitingRoom:
            # The door is open again: everyone waiting comes in, except removed people, whom
            # only an interviewer's admit lets back.
            for join in self._waiting.take_all_not_removed():
                self._let_in(join.request)
            self._tell_interviewers(self._waiting_list())

    def is_waiting(self, connection: Connection) -> bool:
        return self._waiting.holds(connection)

    def remove(self, user_id: str) -> None:
        """Close every socket of a candidate; their identity waits at the door from now on."""
        target = self._participants.get(user_id)
        if target is None:
            raise m.ProtocolError(f"Nobody with the userId {user_id!r} is in this interview")
        if target.person.role == m.INTERVIEWER:
            raise m.ProtocolError("An interviewer cannot be removed")
        identity = self._identities.get(user_id)
        self._removed.add(user_id, identity.secret if identity else None)
        self._keep_identity(user_id)
        for connection in list(target.connections):
            connection.send_error(m.REMOVED)
            connection.close(m.CloseCode.REMOVED, m.REMOVED)
            self.leave(connection)

    def admit_waiting(self, waiting_id: str) -> None:
        join = self._take_waiting(waiting_id)
        self._removed.forgive(join.removed_ids)
        for user_id in join.removed_ids:
            self._keep_identity(user_id)
        self._let_in(join.request)
        self._tell_interviewers(self._waiting_list())

    def deny_waiting(self, waiting_id: str) -> None:
        connection = self._take_waiting(waiting_id).request.connection
        connection.send_error(m.NOT_LET_IN)
        connection.close(m.CloseCode.REMOVED, m.NOT_LET_IN)
        self._tell_interviewers(self._waiting_list())

    def control_timer(self, connection: Connection, control: m.TimerControl) -> None:
        now = now_ms()
        if control.action == "start":
            self.timer.start(now, mode=control.mode, duration_ms=control.durationMs)
        elif control.action == "pause":
            self.timer.pause(now)
        else:
            self.timer.reset(mode=control.mode, duration_ms=control.durationMs)
        self.timer.changed_by = self._author(connection)
        self._broadcast(m.timer_updated(self.timer.view(now)))

    def report_integrity(self, connection: Connection, report: m.IntegritySignal) -> None:
        """A participant's own page reports a long paste or absence: everyone sees it."""
        participant = self._participants[self._author(connection)]
        signal = checked_signal(
            report, settings=self._settings, room_age_ms=now_ms() - int(self.created_at * 1000)
        )
        self._take_integrity_report(participant)
        shown = notice(participant.person, signal, ts=now_ms())
        self._broadcast(m.integrity_notice(shown))
        # "paste" {userId, username, kind, ts, chars} / "focus" {..., awayMs}: as the room saw it
        self._record(signal.kind, **msgspec.to_builtins(shown))

    def _take_integrity_report(self, participant: Participant) -> None:
        per_minute = self._settings.integrity_signals_per_minute
        if participant.integrity_reports is None:
            participant.integrity_reports = ratelimit.per_minute(per_minute, burst_cap=3.0)
        if not participant.integrity_reports.take():
            raise m.ProtocolError(
                f"Too many integrity reports: at most {per_minute:g} a minute; this one was refused"
            )

    def _record(self, event_type: str, **fields: object) -> None:
        """The one place where the interview record (server/record/) hears of the controls'
        events (integrity notices, for the replay's timeline)."""
        self.record.record_event(event_type, **fields)

    def _held_at_the_door(self, request: JoinRequest) -> bool:
        """True when this join waits for an interviewer: a removed identity always does; with
        the waiting room on, so does a candidate the room has not let in before."""
        connection = request.connection
        if self._waiting.holds(connection):
            raise m.ProtocolError(
                "You are in the waiting room already: an interviewer will let you in"
            )
        if connection.role == m.INTERVIEWER:
            return False
        claim = self._claim(request)
        # The userId asked for, not the one granted: a removed spec client (it has no secret)
        # asking for its own userId again is held, not let in as a stranger.
        removed_ids = self._removed.matching(request.user_id, request.secret)
        let_in_before = self._identities.get(claim.user_id) is not None
        if not removed_ids and (let_in_before or not self.controls.waitingRoom):
            return False
        try:
            waiting_id = self._waiting.add(request, removed_ids=removed_ids)
        except WaitingRoomFull as error:
            raise SessionFull(str(error)) from error
        if removed_ids:
            connection.send_error(m.REMOVED)
        connection.send(m.waiting(waiting_id))
        self._tell_interviewers(self._waiting_list())
        return True

    def _claim(self, request: JoinRequest) -> Claim:
        return self._identities.claim(
            request.user_id,
            secret=request.secret,
            role=request.connection.role,
        )

    def _take_waiting(self, waiting_id: str) -> WaitingJoin:
        join = self._waiting.take(waiting_id)
        if join is None:
            raise m.ProtocolError(f"Nobody is waiting with the waitingId {waiting_id!r}")
        return join

    def _let_in(self, request: JoinRequest) -> None:
        """Complete a join that waited; what refuses it now is told to the joiner alone."""
        connection = request.connection
        try:
            self._enter(request)
        except SessionFull as error:
            connection.send_error(str(error))
            connection.close(error.close_code, str(error))
        except RefusedUpdate as error:
            connection.send_error(f"Invalid payload: `payload.stateVector` {error}")
        except m.ProtocolError as error:
            connection.send_error(str(error))

    def edit_notes(self, connection: Connection, update_b64: str, update: bytes) -> None:
        """An interviewer's edit of the private notes, to the other interviewers only (and
        the record, whose writer thread batches it like the code's)."""
        fix = self.notes.apply_update(update)
        author = self._author(connection)
        self.record.notes(author, update)
        frame = m.notes_update(m.NotesUpdate(author, update_b64))
        self._tell_interviewers(frame, exclude=connection)
        if fix is not None:
            self.record.notes(m.SERVER_USER_ID, fix)
            self._tell_interviewers(m.notes_update(m.NotesUpdate(m.SERVER_USER_ID, b64encode(fix))))

    def replace_notes(self, text: str) -> None:
        """The host's PUT /notes: the whole text, as a minimal edit every interviewer merges."""
        update = self.notes.replace_text(text)
        if update is not None:
            self.record.notes(m.SERVER_USER_ID, update)
            frame = m.notes_update(m.NotesUpdate(m.SERVER_USER_ID, b64encode(update)))
            self._tell_interviewers(frame)

    def _keep_identity(self, user_id: str) -> None:
        """Tell the record who holds ``user_id`` now, so a restart keeps the identity rules
        (and the removals) as they were."""
        identity = self._identities.get(user_id)
        removed_secret = self._removed.secret_of(user_id)
        secret = identity.secret if identity else removed_secret
        if secret is None:
            return
        kept = KeptIdentity(
            secret=secret,
            role=identity.role if identity else m.CANDIDATE,
            removed=self._removed.has(user_id),
        )
        self.record.identity(user_id, kept)

    def _restore_identities(self, kept: list[tuple[str, KeptIdentity]]) -> None:
        """The identities from the record, oldest use first (see ``_keep_identity``)."""
        for user_id, identity in kept[-self._settings.max_identities_per_room :]:
            role = m.INTERVIEWER if identity.role == m.INTERVIEWER else m.CANDIDATE
            self._identities.restore(user_id, Identity(identity.secret, role))
        for user_id, identity in kept:
            if identity.removed:
                self._removed.add(user_id, identity.secret)

    def _send_interviewer_state(self, connection: Connection) -> None:
        """What only an interviewer's join brings: the private notes, who waits."""
        notes = m.NotesUpdate(
            m.SERVER_USER_ID,
            b64encode(self.notes.update_since(None)),
            stateVector=b64encode(self.notes.state_vector()),
            sync=True,
        )
        connection.send(m.notes_update(notes))
        if self._waiting:
            connection.send(self._waiting_list())

    def _waiting_list(self) -> m.Frame:
        return m.waiting_list(self._waiting.people())

    def _tell_interviewers(self, frame: m.Frame, *, exclude: Connection | None = None) -> None:
        """Host-only frames: interviewers' sockets only, never a candidate's."""
        for connection in self._joined():
            if connection.role == m.INTERVIEWER and connection is not exclude:
                connection.send(frame)

    def _refuse_if_locked(self, connection: Connection) -> None:
        if self.controls.editingLocked and connection.role != m.INTERVIEWER:
            raise m.ProtocolError(m.EDITING_LOCKED)

    def _refuse_if_run_disabled(self, connection: Connection) -> None:
        if self.controls.runDisabled and connection.role != m.INTERVIEWER:
            raise m.ProtocolError(m.RUN_DISABLED)
