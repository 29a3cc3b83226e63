"""The record's storage in process: the file (migrations, a bad file moved aside), the writer's
batches, keyframes, and seeking with and without them."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from pycrdt import Doc, Text

from server.document import CodeDocument
from server.record import NewSession, Recorder, reads, schema, writer
from server.record.database import FILE_NAME, open_for_writing


def test_a_new_file_is_migrated_to_the_current_schema(tmp_path):
    db = open_for_writing(tmp_path)

    assert schema.version_of(db) == schema.SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_migration_keeps_the_data_and_a_failed_one_changes_nothing(tmp_path, monkeypatch):
    db = open_for_writing(tmp_path)
    db.execute("INSERT INTO sessions (id, title, language, created_at) VALUES ('s', 't', 'sql', 1)")
    db.close()

    def add_notes(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE sessions ADD COLUMN notes TEXT NOT NULL DEFAULT ''")

    def broken(connection: sqlite3.Connection) -> None:
        connection.execute("ALTER TABLE sessions ADD COLUMN half TEXT")
        raise sqlite3.OperationalError("disk I/O error")

    shipped = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, add_notes))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    migrated = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    schema.migrate(migrated)
    assert schema.version_of(migrated) == shipped + 1
    assert migrated.execute("SELECT id, notes FROM sessions").fetchall() == [("s", "")]

    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS, broken))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(migrated)
    assert schema.version_of(migrated) == shipped + 1
    columns = [row[1] for row in migrated.execute("PRAGMA table_info(sessions)")]
    assert "half" not in columns


def test_a_version_1_record_gains_notes_questions_and_identities_and_keeps_its_data(tmp_path):
    """A file made by the first schema (as PairPads before the interviewer's seat wrote it)."""
    old = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    old.execute("BEGIN")
    schema.MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute("COMMIT")
    old.execute(
        "INSERT INTO sessions (id, title, language, created_at, last_seq) "
        "VALUES ('old', 'Before', 'python', 5, 2)"
    )
    old.execute("INSERT INTO events VALUES (1, 1, 5, 'chat', '{\"text\": \"hi\"}')")
    old.execute("INSERT INTO updates VALUES (1, 2, 6, 'ada', x'00')")
    old.close()

    db = open_for_writing(tmp_path)

    assert schema.version_of(db) == schema.SCHEMA_VERSION
    row = db.execute(
        "SELECT id, title, last_seq, prompt, starter_code, interviewer_key FROM sessions"
    ).fetchall()
    assert row == [("old", "Before", 2, "", "{}", None)]
    assert db.execute("SELECT count(*) FROM events").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM updates").fetchone() == (1,)
    for table in ("notes", "identities"):
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    titles = [title for (title,) in db.execute("SELECT title FROM templates ORDER BY title")]
    assert titles == ["Count log levels", "Top customer per country (SQL)", "Two sum"]


@pytest.mark.parametrize(
    "content", [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 4000]
)
def test_an_unreadable_file_is_moved_aside_with_one_sentence_never_deleted(
    tmp_path, caplog, content
):
    (tmp_path / FILE_NAME).write_bytes(content)

    with caplog.at_level(logging.ERROR):
        db = open_for_writing(tmp_path)

    moved = [path for path in tmp_path.iterdir() if ".unreadable-" in path.name]
    assert len(moved) == 1
    assert moved[0].read_bytes() == content
    assert schema.version_of(db) == schema.SCHEMA_VERSION
    (message,) = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert "moved it to" in message
    assert "nothing was deleted" in message


def test_a_file_from_a_newer_pairpad_is_moved_aside_not_rewritten(tmp_path):
    newer = sqlite3.connect(tmp_path / FILE_NAME)
    newer.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    newer.close()

    open_for_writing(tmp_path)

    (moved,) = [path for path in tmp_path.iterdir() if ".unreadable-" in path.name]
    assert schema.version_of(sqlite3.connect(moved)) == schema.SCHEMA_VERSION + 1


def typing_updates(text: str) -> list[bytes]:
    doc: Doc[Text] = Doc()
    code = doc.get("code", type=Text)
    updates = []
    for char in text:
        before = doc.get_state()
        code.insert(len(code), char)
        updates.append(doc.get_update(before))
    return updates


async def test_keyframes_make_seeking_replay_few_updates_and_give_the_same_code(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(writer, "KEYFRAME_EVERY", 10)
    recorder = Recorder(tmp_path)
    recorder.start()
    document = CodeDocument()
    record = recorder.attach("s1", document)
    recorder.new_session("s1", NewSession("", "python", 1000))
    text = "print('hello, keyframes')\n" * 3
    for index, update in enumerate(typing_updates(text)):
        document.apply_update(update)
        record.code("id-ada", update)
        if index % 7 == 0:
            await recorder.flushed()  # batches end, the writer asks for keyframes

    await recorder.flushed()
    history = await recorder.read(reads.history, "s1")
    await recorder.stop()

    db = sqlite3.connect(tmp_path / FILE_NAME)
    (keyframes,) = db.execute("SELECT count(*) FROM keyframes").fetchone()
    assert keyframes >= 3
    code_times = [event["t"] for event in history if event["type"] == "code"]
    path = Path(tmp_path / FILE_NAME)
    assert reads.run(path, reads.code_at, "s1", code_times[-1]) == text
    monkeypatch.setattr(writer, "KEYFRAME_EVERY", 10**9)
    db.execute("DELETE FROM keyframes")
    db.commit()
    assert reads.run(path, reads.code_at, "s1", code_times[-1]) == text


async def test_a_keystroke_costs_the_event_loop_one_put_and_batches_share_a_commit(
    tmp_path, monkeypatch
):
    transactions = 0
    real_commit = writer.RecordWriter._commit

    def counting_commit(self: writer.RecordWriter, batch: list[tuple[object, ...]]) -> object:
        nonlocal transactions
        transactions += 1
        return real_commit(self, batch)  # type: ignore[arg-type]

    monkeypatch.setattr(writer.RecordWriter, "_commit", counting_commit)
    recorder = Recorder(tmp_path)
    recorder.start()
    record = recorder.attach("s1", CodeDocument())
    recorder.new_session("s1", NewSession("", "python", 1000))
    puts: list[tuple[object, ...]] = []
    real_put = record._put

    def counting_put(item: tuple[object, ...]) -> None:
        puts.append(item)
        real_put(item)

    record._put = counting_put  # type: ignore[misc]
    for update in typing_updates("x" * 500):
        record.code("id-ada", update)
    await recorder.flushed()
    (rows,) = (
        sqlite3.connect(tmp_path / FILE_NAME).execute("SELECT count(*) FROM updates").fetchone()
    )
    await recorder.stop()

    assert len(puts) == 500
    assert rows == 500
    assert transactions <= 3  # 500 keystrokes, a batch or two (and the barrier's)


async def test_code_at_any_instant_is_found_through_the_keyframes_around_it(tmp_path):
    """The updates table has no index on time: keyframes bound the search. Several updates
    share a millisecond, keyframes fall between them, and every instant gives its text."""
    recorder = Recorder(tmp_path)
    recorder.start()
    recorder.new_session("s1", NewSession("", "python", 1000))
    text = "def f(x):\n    return x * 2\n" * 2
    document = CodeDocument()
    expected: dict[int, str] = {}
    start = int(time.time() * 1000) + 60_000  # after the session-created event
    for index, update in enumerate(typing_updates(text)):
        t_ms = start + (index // 3) * 10  # three keystrokes per 10 ms
        document.apply_update(update)
        recorder._put((writer.UPDATE, "s1", t_ms / 1000, "id-ada", update))
        expected[t_ms] = text[: index + 1]
        if index % 11 == 10:
            state = document.update_since(None)
            recorder._put((writer.KEYFRAME, "s1", t_ms / 1000, state, document.code))
    await recorder.flushed()

    for t_ms, code in expected.items():
        for at in (t_ms, t_ms + 9):
            assert await recorder.read(reads.code_at, "s1", at) == code
    assert await recorder.read(reads.code_at, "s1", start - 1) == ""
    await recorder.stop()


def test_version_1_files_keep_every_update_and_can_seek_after_the_migration(tmp_path):
    """Version 2 moved the updates into a rowid table: a file written by version 1 keeps its
    rows, in order, and ``code?at`` still works on it."""
    path = tmp_path / FILE_NAME
    old = sqlite3.connect(path, isolation_level=None)
    schema.MIGRATIONS[0](old)
    old.execute("PRAGMA user_version = 1")
    old.execute(
        "INSERT INTO sessions (key, id, title, language, created_at) "
        "VALUES (1, 's', '', 'python', 1)"
    )
    rows = [
        (1, seq, 1000 + seq, "id-ada", update)
        for seq, update in enumerate(typing_updates("abc"), 1)
    ]
    old.executemany(
        "INSERT INTO updates (session, seq, t, user_id, data) VALUES (?, ?, ?, ?, ?)", rows
    )
    old.close()

    migrated = open_for_writing(tmp_path)
    assert schema.version_of(migrated) == schema.SCHEMA_VERSION
    assert migrated.execute("SELECT * FROM updates ORDER BY seq").fetchall() == rows
    migrated.close()
    assert [reads.run(path, reads.code_at, "s", t) for t in (1000, 1001, 1002, 1003)] == [
        "",
        "a",
        "ab",
        "abc",
    ]


@pytest.mark.skipif(not hasattr(os, "SCHED_IDLE"), reason="SCHED_IDLE is Linux's")
def test_the_writer_thread_gets_the_cpu_only_when_the_event_loop_does_not_want_it(tmp_path):
    recorder = Recorder(tmp_path)
    writer_thread = recorder._writer._thread
    loop_thread_policy = os.sched_getscheduler(0)
    recorder._writer.start()
    try:
        written = threading.Event()  # the thread has run past its start
        recorder._writer.put((writer.BARRIER, None, lambda _: written.set()))
        assert written.wait(10)
        assert writer_thread.native_id is not None
        # On Linux a thread's id is a pid for the scheduler calls.
        assert os.sched_getscheduler(writer_thread.native_id) == os.SCHED_IDLE
        assert os.sched_getscheduler(0) == loop_thread_policy  # the caller is unchanged
    finally:
        recorder._writer.stop()
