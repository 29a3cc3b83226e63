"""The shared code document: minimal edits in UTF-8 offsets, line endings, CRDT round trips,
and the limits decided before pycrdt sees an update: malformed bytes, the size of the code, and
updates that would wait invisibly for edits the server lacks."""

from __future__ import annotations

import gc
import time
from datetime import timedelta

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pycrdt import Doc, Text

from server.document import (
    MAX_CLIENTS,
    PENDING_REFUSED,
    CodeDocument,
    RefusedUpdate,
    common_prefix_length,
    common_suffix_length,
    normalise_newlines,
)
from tests.support.yjs_bytes import (
    ATTACK,
    YJS_CODE,
    YJS_FULL_STATE,
    group,
    text,
    update,
    yjs_updates,
)

# Text with astral emoji, combining marks, CJK and line breaks: what offsets trip over.
texts = st.text(alphabet=st.sampled_from(list("ab \n\té😀👩‍💻中\u0301")), max_size=40)


def naive_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


@given(texts, texts)
def test_common_prefix_length_matches_the_definition(a, b):
    assert common_prefix_length(a, b) == naive_prefix(a, b)


@given(texts, texts)
def test_common_suffix_length_matches_the_definition_and_respects_the_limit(a, b):
    limit = min(len(a), len(b)) - common_prefix_length(a, b)
    expected = min(naive_prefix(a[::-1], b[::-1]), limit)
    assert common_suffix_length(a, b, limit) == expected


@given(texts, texts)
def test_replace_code_reaches_any_text_and_peers_replaying_updates_agree(first, second):
    document = CodeDocument()
    peer = Doc()
    for target in (first, second):
        update = document.replace_code(target)
        if update is not None:
            peer.apply_update(update)
        assert document.code == normalise_newlines(target)
        assert str(peer.get("code", type=Text)) == document.code


def test_replace_code_edits_only_the_changed_middle():
    document = CodeDocument()
    document.replace_code("print('😀 hello')")
    other = Doc()
    other.apply_update(document.update_since())
    text = other.get("code", type=Text)
    # A concurrent edit at the start on another replica...
    before = other.get_state()
    text.insert(0, "# ")
    concurrent = other.get_update(before)

    # ...survives a full-text change of the end, because only the end was edited.
    document.replace_code("print('😀 hello, world')")
    document.apply_update(concurrent)

    assert document.code == "# print('😀 hello, world')"


def test_replace_code_with_the_same_text_changes_nothing():
    document = CodeDocument()
    document.replace_code("x")

    assert document.replace_code("x") is None
    assert document.replace_code("x") is None


def test_line_endings_become_newlines():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"
    document = CodeDocument()
    document.replace_code("a\r\nb")
    assert document.code == "a\nb"


def test_crdt_update_with_carriage_returns_is_followed_by_a_fix():
    source = Doc()
    text = source.get("code", type=Text)
    text.insert(0, "one\r\ntwo\r")
    document = CodeDocument()

    fix = document.apply_update(source.get_update())

    assert fix is not None
    assert document.code == "one\ntwo\n"
    source.apply_update(fix)
    assert str(text) == "one\ntwo\n"


def test_crdt_update_without_carriage_returns_needs_no_fix():
    source = Doc()
    source.get("code", type=Text).insert(0, "plain\n" * 100)

    assert CodeDocument().apply_update(source.get_update()) is None


# A message that holds the event loop for more than ~50 ms stalls every room: a bug. Before
# updates were checked, four bytes like these took Yrs 0.3 s (and 540 MB). The 50 ms are
# counted in this process's CPU time, which a busy CI machine does not inflate; hypothesis's
# wall-clock deadline backs it with a margin such a machine cannot reach by itself.
CPU_BUDGET_SECONDS = 0.050


@settings(deadline=timedelta(milliseconds=250), max_examples=2000)
@example(ATTACK)
@example(b"\x80\x80\x80q")
@given(st.binary(max_size=64))
def test_arbitrary_bytes_are_refused_or_merged_never_crash(data):
    document = CodeDocument()
    document.replace_code("keep")
    # A full collection of the test process's own garbage would be counted too (~80 ms seen):
    # the server freezes its long-lived objects at start-up, so its collections stay small.
    gc.disable()
    try:
        started = time.process_time()
        try:
            document.apply_update(data)
        except RefusedUpdate:
            assert document.code == "keep"
        spent = time.process_time() - started
    finally:
        gc.enable()
    assert spent < CPU_BUDGET_SECONDS


class Editor:
    """A pycrdt client: each edit returns its transaction's update, as Yjs's 'update' event."""

    def __init__(self, client_id: int | None = None, *, skip_gc: bool = False) -> None:
        self.doc = Doc(client_id=client_id, skip_gc=skip_gc)
        self.text = self.doc.get("code", type=Text)
        self.updates: list[bytes] = []
        self.doc.observe(lambda event: self.updates.append(event.update))

    @property
    def code(self) -> str:
        return str(self.text)

    def type(self, at: int, inserted: str) -> bytes:
        self.text.insert(len(self.code[:at].encode()), inserted)
        return self.updates[-1]

    def erase(self, at: int, count: int) -> bytes:
        start = len(self.code[:at].encode())
        del self.text[start : start + len(self.code[at : at + count].encode())]
        return self.updates[-1]

    def catch_up(self, document: CodeDocument) -> None:
        self.doc.apply_update(document.update_since(self.doc.get_state()))


def unchanged(document: CodeDocument):
    """Asserts, on exit, that the document's code and state vector are what they were."""
    code, state = document.code, document.state_vector()

    class Check:
        def __enter__(self) -> None:
            pass

        def __exit__(self, *_: object) -> None:
            assert document.code == code
            assert document.state_vector() == state

    return Check()


def test_a_malformed_update_is_refused_before_pycrdt_and_changes_nothing():
    document = CodeDocument()
    document.replace_code("keep")

    with unchanged(document), pytest.raises(RefusedUpdate) as refused:
        document.apply_update(ATTACK)

    assert (
        str(refused.value)
        == "is not a Yjs update: it declares 234,897,408 clients but has 0 bytes left"
    )


def test_a_malformed_state_vector_is_refused_and_a_good_one_is_answered():
    document = CodeDocument()
    document.replace_code("shared")

    with pytest.raises(RefusedUpdate, match=r"^is not a Yjs state vector: it declares"):
        document.update_since(ATTACK)

    editor = Editor()
    editor.catch_up(document)
    assert editor.code == "shared"


# ---------------------------------------------------------------- normal editing is never refused


def test_what_yjs_sends_is_accepted_with_nothing_pending():
    document = CodeDocument(max_pending_bytes=0)  # any update counted as pending is refused

    for data in yjs_updates():
        document.apply_update(data)

    assert document.code == YJS_CODE
    assert document.pending_bytes == 0
    document.apply_update(YJS_FULL_STATE)  # everything again, as a full state
    assert document.code == YJS_CODE


sessions = st.lists(
    st.tuples(
        st.sampled_from(["type", "type", "erase", "sync", "offline", "full text", "crlf"]),
        st.integers(0, 2),
        st.integers(0, 10**6),
        st.text(alphabet=st.sampled_from(list("ab \n😀é")), min_size=1, max_size=3),
    ),
    max_size=30,
)


@settings(max_examples=100, deadline=None)
@given(sessions)
def test_a_session_of_clients_typing_syncing_and_reconnecting_is_never_refused(steps):
    """Keystrokes, reconnects sending offline edits diffed against the server's state vector,
    full-text edits from spec clients and the server's CR fix, with no pending allowed."""
    document = CodeDocument(max_pending_bytes=0)
    editors = [Editor() for _ in range(3)]
    offline = [False] * 3
    for action, which, where, inserted in steps:
        editor = editors[which]
        at = where % (len(editor.code) + 1)
        if action == "full text":
            document.replace_code(document.code[:at] + inserted + document.code[at:])
        elif action == "offline":
            offline[which] = True
        elif action == "sync" and offline[which]:  # back: send what the server lacks
            offline[which] = False
            document.apply_update(editor.doc.get_update(document.state_vector()))
            editor.catch_up(document)
        elif action == "sync":
            editor.catch_up(document)
        elif action == "erase" and at < len(editor.code):
            sent = editor.erase(at, len(inserted))
            if not offline[which]:
                document.apply_update(sent)
        elif action in ("type", "crlf"):
            sent = editor.type(at, inserted + "\r\n" * (action == "crlf"))
            if not offline[which]:
                document.apply_update(sent)
        assert document.pending_bytes == 0
    for number, editor in enumerate(editors):
        if offline[number]:
            document.apply_update(editor.doc.get_update(document.state_vector()))
    for editor in editors:
        editor.catch_up(document)
        assert editor.code == document.code
    assert "\r" not in document.code


# ---------------------------------------------------------------- the size of the code


def test_an_update_that_would_make_the_code_too_large_is_refused_and_changes_nothing():
    document = CodeDocument(max_bytes=100)
    editor = Editor()
    document.apply_update(editor.type(0, "x" * 60))

    with unchanged(document), pytest.raises(RefusedUpdate) as refused:
        document.apply_update(editor.type(60, "y" * 41))

    assert str(refused.value) == "would make the code 101 bytes long; at most 100 are allowed"
    document.apply_update(Editor().type(0, "z" * 40))  # up to the limit is fine
    assert len(document.code) == 100


def test_the_size_limit_counts_utf8_bytes():
    document = CodeDocument(max_bytes=8)
    editor = Editor()

    document.apply_update(editor.type(0, "😀😀"))  # 2 characters, 4 UTF-16 units, 8 bytes

    with pytest.raises(RefusedUpdate, match="9 bytes long; at most 8"):
        document.apply_update(editor.type(2, "a"))


def test_text_an_update_deletes_again_itself_does_not_count_towards_the_limit():
    # With an undo manager (the web UI has one) deleted text keeps its content, so a reconnect
    # sends strings together with the deletions that remove them again.
    editor = Editor(skip_gc=True)
    document = CodeDocument(max_bytes=12)
    document.apply_update(editor.type(0, "0123456789"))
    server_state = document.state_vector()
    editor.type(10, "abcdefghij")
    editor.erase(10, 10)
    editor.type(10, "!")

    document.apply_update(editor.doc.get_update(server_state))

    assert document.code == "0123456789!"


def test_text_the_document_already_has_does_not_count_towards_the_limit():
    editor = Editor()
    document = CodeDocument(max_bytes=12)
    document.apply_update(editor.type(0, "0123456789"))

    document.apply_update(editor.doc.get_update())  # everything again, and nothing new

    assert document.code == "0123456789"


def test_only_the_new_part_of_a_string_the_document_partly_has_counts():
    # Yjs merges adjacent keystrokes of one client into one string, so a resent state can hold
    # a string of which the server knows the first half.
    editor = Editor()
    document = CodeDocument(max_bytes=6)
    document.apply_update(editor.type(0, "é😀"))  # 6 bytes, clocks 0-2 (UTF-16)
    del document  # a fresh server that has only "é" (clock 0), then gets the whole string
    document = CodeDocument(max_bytes=6)
    document.apply_update(update(group(editor.doc.client_id, 0, text("é"))))

    document.apply_update(editor.doc.get_update())

    assert document.code == "é😀"


# ---------------------------------------------------------------- updates that would wait


def test_updates_waiting_for_missing_edits_are_held_up_to_the_limit_then_refused():
    editor = Editor()
    sent = [editor.type(index, character) for index, character in enumerate("hello")]
    document = CodeDocument(max_pending_bytes=len(sent[2]) + len(sent[3]))
    document.apply_update(sent[0])

    document.apply_update(sent[2])  # "l" waits for "e", which the server never got
    document.apply_update(sent[3])
    with unchanged(document), pytest.raises(RefusedUpdate, match=f"^{PENDING_REFUSED}$"):
        document.apply_update(sent[4])

    assert document.code == "h"
    assert document.pending_bytes == len(sent[2]) + len(sent[3])


def test_held_updates_stop_counting_once_the_missing_edits_arrive():
    editor = Editor()
    sent = [editor.type(index, character) for index, character in enumerate("hello")]
    document = CodeDocument(max_pending_bytes=len(sent[2]) + len(sent[3]))
    document.apply_update(sent[0])
    document.apply_update(sent[2])
    document.apply_update(sent[3])

    document.apply_update(sent[1])

    assert document.code == "hell"
    assert document.pending_bytes == 0
    document.apply_update(sent[4])
    assert document.code == "hello"


def missing_earlier_clocks(editor: Editor) -> bytes:
    editor.type(0, "a")
    return editor.type(1, "b")  # clock 1 of a client whose clock 0 the server lacks


def an_unknown_origin(editor: Editor) -> bytes:
    return update(group(5, 0, text("x", origin=(editor.doc.client_id, 99))))


def an_unknown_right_origin(editor: Editor) -> bytes:
    return update(group(5, 0, text("x", right=(8, 0))))


def deleting_what_the_server_lacks(editor: Editor) -> bytes:
    return update(deletions={editor.doc.client_id: [(0, 5)]})


def two_clients_waiting_on_each_other(editor: Editor) -> bytes:
    return update(group(5, 0, text("a", origin=(6, 0))), group(6, 0, text("b", origin=(5, 0))))


@pytest.mark.parametrize(
    "make",
    [
        missing_earlier_clocks,
        an_unknown_origin,
        an_unknown_right_origin,
        deleting_what_the_server_lacks,
        two_clients_waiting_on_each_other,
    ],
)
def test_each_kind_of_missing_dependency_counts_as_pending(make):
    editor = Editor()
    data = make(editor)

    with pytest.raises(RefusedUpdate, match=PENDING_REFUSED):
        CodeDocument(max_pending_bytes=len(data) - 1).apply_update(data)
    document = CodeDocument(max_pending_bytes=len(data))
    document.apply_update(data)
    assert document.pending_bytes == len(data)
    assert document.code == ""


def test_clients_in_one_update_that_build_on_each_other_do_not_count_as_pending():
    alice, bob = Editor(1), Editor(2)
    alice.type(0, "ac")
    bob.doc.apply_update(alice.doc.get_update())
    bob.type(1, "b")
    alice.doc.apply_update(bob.doc.get_update(alice.doc.get_state()))
    alice.type(3, "d")  # alice's clock 2 builds on bob's clock 0, which builds on alice's 0-1
    document = CodeDocument(max_pending_bytes=0)

    document.apply_update(alice.doc.get_update())

    assert document.code == "abcd"


def test_a_keystroke_does_not_re_read_the_state_even_while_others_wait(monkeypatch):
    document = CodeDocument()
    typist = Editor()
    document.apply_update(typist.type(0, "a"))
    document.apply_update(an_unknown_right_origin(typist))  # held: waits for client 8
    reads: list[None] = []
    get_state = document._doc.get_state
    monkeypatch.setattr(document._doc, "get_state", lambda: reads.append(None) or get_state())

    for index in range(1, 20):
        document.apply_update(typist.type(index, "b"))

    assert reads == [], "a keystroke costs a dict lookup or two, not Yrs's state vector"
    assert document.code == "a" + "b" * 19


def gc_clients(count: int) -> bytes:
    return update(*[group(client, 0, b"\x00\x01") for client in range(1, count + 1)])


def test_a_document_takes_a_bounded_number_of_yjs_clients():
    document = CodeDocument()
    document.apply_update(gc_clients(MAX_CLIENTS - 1))
    document.apply_update(Editor().type(0, "a"))  # the last one

    with unchanged(document), pytest.raises(RefusedUpdate) as refused:
        document.apply_update(Editor().type(0, "b"))

    assert str(refused.value) == f"would bring the document more than {MAX_CLIENTS:,} Yjs clients"
