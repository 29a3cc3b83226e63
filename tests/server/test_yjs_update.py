"""Reading Yjs v1 updates and state vectors (server/yjs_update.py): what Yjs 13.6 and pycrdt
make reads back exactly, anything malformed is refused before pycrdt sees it, and nothing but
plain text in the root Y.Text "code" gets through."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map, Text

from server.yjs_update import (
    CLIENT_MAX,
    MAX_PARTS,
    MAX_STATE_VECTOR_CLIENTS,
    U32_MAX,
    ParsedUpdate,
    RefusedUpdate,
    check_state_vector,
    parse_state_vector,
    parse_update,
)
from tests.support.prerequisites import require
from tests.support.yjs_bytes import (
    ATTACK,
    NUMBERS,
    TEMPLATE,
    TOO_LARGE,
    YJS_CODE,
    YJS_FULL_STATE,
    YJS_SCRIPT,
    YJS_UPDATES,
    build,
    group,
    item,
    run_of_pieces,
    string,
    text,
    update,
    varuint,
    yjs_updates,
)

ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- real updates from Yjs


# ---------------------------------------------------------------- updates made by hand


def refusal(data: bytes) -> str:
    with pytest.raises(RefusedUpdate) as refused:
        parse_update(data)
    return str(refused.value)


def merged_text(data: bytes) -> str:
    doc = Doc()
    doc.apply_update(data)
    return str(doc.get("code", type=Text))


def test_hand_made_updates_are_what_pycrdt_reads():
    data = update(
        group(7, 0, text("hé"), text("!", origin=(7, 1)), item(varuint(2), kind=1, origin=(7, 2))),
        deletions={7: [(0, 1)]},
    )

    parsed = parse_update(data)

    assert merged_text(data) == "é!"
    assert parsed.ranges == [(7, 0, 5)]
    assert parsed.strings == [(7, 0, "hé".encode()), (7, 2, b"!")]
    assert parsed.string_bytes == 4
    assert parsed.deletions == [(7, 0, 1)]
    assert parsed.dependencies == [], "origins on the item's own client are left out"


# ---------------------------------------------------------------- real updates read back


def test_yjs_fixture_is_what_yjs_makes():
    require(
        bool(shutil.which("node")) and (ROOT / "webui/node_modules/yjs").is_dir(),
        "Node.js and the web UI's node_modules (make setup)",
    )
    made = subprocess.run(
        ["node", "--input-type=module"],
        input=YJS_SCRIPT,
        cwd=ROOT / "webui",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    result = json.loads(made.stdout)

    assert result["updates"] == YJS_UPDATES
    assert result["code"] == YJS_CODE
    assert bytes.fromhex(result["full"]) == YJS_FULL_STATE


def test_yjs_updates_read_back_with_their_clock_ranges_dependencies_and_deletions():
    doc = Doc()
    for data in yjs_updates():
        before = parse_state_vector(doc.get_state())
        parsed = parse_update(data)
        doc.apply_update(data)
        after = parse_state_vector(doc.get_state())

        assert not parsed.skips
        for client, start, end in parsed.ranges:
            assert start <= before.get(client, 0)
            assert end == after[client]
        for client, clock, _, _ in parsed.dependencies:
            assert clock < before.get(client, 0), "a Yjs client only builds on what it has"
        for client, _, end in parsed.deletions:
            assert end <= after[client]
    assert str(doc.get("code", type=Text)) == YJS_CODE


def test_a_full_state_reads_back_as_the_state_vector_and_the_visible_text():
    for data, code in [(YJS_FULL_STATE, YJS_CODE), pycrdt_state_with_deletions()]:
        doc = Doc()
        doc.apply_update(data)

        parsed = parse_update(data)

        assert {client: end for client, _, end in parsed.ranges} == parse_state_vector(
            doc.get_state()
        )
        # Deleted text is garbage-collected to GC or Deleted structs: only the visible stays.
        assert parsed.string_bytes == len(code.encode())
        assert str(doc.get("code", type=Text)) == code


def pycrdt_state_with_deletions() -> tuple[bytes, str]:
    doc = Doc()
    code = doc.get("code", type=Text)
    code.insert(0, "hello 😀 world")
    del code[2:5]
    start = len("he 😀 ".encode())
    del code[start : start + 3]
    return doc.get_update(), str(code)


class Client:
    """A pycrdt peer whose every transaction's update is kept (what Yjs's 'update' event gives)."""

    def __init__(self, client_id: int) -> None:
        self.id = client_id
        self.doc = Doc(client_id=client_id)
        self.text = self.doc.get("code", type=Text)
        self.updates: list[bytes] = []
        self.doc.observe(lambda event: self.updates.append(event.update))

    def state(self) -> dict[int, int]:
        return parse_state_vector(self.doc.get_state())


edits = st.lists(
    st.tuples(
        st.integers(0, 2),
        st.sampled_from(["insert", "insert", "delete", "sync"]),
        st.integers(0, 10**6),
        st.text(alphabet=st.sampled_from(list("ab \n😀é中\u0301")), min_size=1, max_size=4),
    ),
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(edits)
def test_edit_sequences_read_back_exactly(steps):
    clients = [Client(7), Client(2**32 + 5), Client(CLIENT_MAX)]
    for which, action, where, inserted in steps:
        client = clients[which]
        code = str(client.text)
        at = where % (len(code) + 1)
        before = client.state()
        if action == "sync":
            for other in clients:
                client.doc.apply_update(other.doc.get_update(client.doc.get_state()))
            continue
        if action == "insert":
            client.text.insert(len(code[:at].encode()), inserted)
        else:
            removed = code[at : at + len(inserted)]
            if not removed:
                continue
            start = len(code[:at].encode())
            del client.text[start : start + len(removed.encode())]
        parsed = parse_update(client.updates[-1])
        if action == "insert":
            assert parsed.ranges == [
                (client.id, before.get(client.id, 0), client.state()[client.id])
            ]
            assert b"".join(text for _, _, text in parsed.strings).decode() == inserted
            assert parsed.deletions == []
            assert all(clock < before.get(owner, 0) for owner, clock, _, _ in parsed.dependencies)
        else:
            assert parsed.ranges == []
            assert parsed.strings == []
            deleted_units = sum(end - start for _, start, end in parsed.deletions)
            assert deleted_units == len(removed.encode("utf-16-le")) // 2
    for client in clients:
        full = parse_update(client.doc.get_update())
        assert {owner: end for owner, _, end in full.ranges} == client.state()
        assert full.string_bytes == len(str(client.text).encode())


@given(st.dictionaries(st.integers(0, CLIENT_MAX), st.integers(0, U32_MAX), max_size=20))
def test_state_vectors_read_back_exactly(state):
    encoded = varuint(len(state)) + b"".join(
        varuint(client) + varuint(clock) for client, clock in state.items()
    )

    assert parse_state_vector(encoded) == state


def test_state_vectors_pycrdt_makes_read_back():
    clients = [Client(1), Client(2**40), Client(CLIENT_MAX)]
    for number, client in enumerate(clients):
        client.text.insert(0, "😀" * (number + 1))
    merged = Doc()
    for client in clients:
        merged.apply_update(client.doc.get_update())

    assert parse_state_vector(merged.get_state()) == {1: 2, 2**40: 4, CLIENT_MAX: 6}


# ---------------------------------------------------------------- malformed bytes


def real_updates() -> list[bytes]:
    client = Client(3_000_000_001)
    client.text.insert(0, "def f():\n    return '😀'\n")
    for index in (5, 0, 12):
        client.text.insert(index, "x")
    del client.text[3:6]
    return [*client.updates, *yjs_updates()[:12], yjs_updates()[-1], YJS_FULL_STATE]


def test_every_truncation_of_a_real_update_is_refused_or_harmless():
    for data in real_updates():
        for end in range(len(data)):
            prefix = data[:end]
            try:
                parse_update(prefix)
            except RefusedUpdate:
                continue
            # Valid after all (e.g. b"\x00\x00"): pycrdt must take it without complaint.
            doc = Doc()
            doc.get("code", type=Text).insert(0, "keep")
            doc.apply_update(prefix)


def test_the_four_byte_attack_is_refused_at_once_as_an_update_and_as_a_state_vector():
    expected = "it declares 234,897,408 clients but has 0 bytes left"
    fastest = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        assert refusal(ATTACK) == f"is not a Yjs update: {expected}"
        fastest = min(fastest, time.perf_counter() - started)
    with pytest.raises(RefusedUpdate, match=f"^is not a Yjs state vector: {expected}$"):
        check_state_vector(ATTACK)

    assert fastest < 0.005, "the point: Yrs needs 0.3 s for these four bytes"


def test_the_template_is_a_valid_update():
    parsed = parse_update(build(TEMPLATE))

    assert parsed.ranges == [(7, 0, 8), (9, 0, 1)]
    assert parsed.dependencies == [(9, 0, 7, 2)]
    assert parsed.deletions == [(7, 0, 1)]


@pytest.mark.parametrize("index", NUMBERS)
def test_a_huge_value_in_any_number_is_refused(index):
    kind = TEMPLATE[index][0]
    value, reason = TOO_LARGE[kind]
    segments = list(TEMPLATE)

    segments[index] = (kind, value)
    assert reason in refusal(build(segments))
    segments[index] = (kind, 2**70)
    assert "more than ten bytes" in refusal(build(segments))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "is not a Yjs update: it is empty"),
        (
            update(group(7, 0, text("hi"))) + b"\x00",
            "is not a Yjs update: it has 1 byte after its end",
        ),
        (update(group(7, 0, text(b"\xff"))), "is not a Yjs update: a string is not valid UTF-8"),
        (update(group(7, 0, text(b"\xed\xa0\x80"))), "a string is not valid UTF-8"),  # surrogate
        (update(group(7, 0, text("a")), group(7, 1, text("b"))), "client 7 appears twice"),
        (b"\x01\x01", "is not a Yjs update: it ends in the middle of a value"),
        (update(group(7, 0, text("hello")))[:-3], "a string of 5 bytes but has 3 bytes left"),
        (b"\x01\x00\x07\x00\x00", "client 7 has no structs"),
        (update(group(7, 0, text(""))), "an item is empty"),
        (update(group(7, 0, b"\x00\x00")), "a struct is empty"),
        (update(group(7, 0, text("a", origin=(7, 0)))), "an item's origin is not older"),
        (update(group(7, 0, text("a", right=(7, 3)))), "an item's right origin is not older"),
        (update(group(2**53, 0, text("a"))), "a client id of 9,007,199,254,740,992 is larger"),
        (update(group(7, U32_MAX, text("ab"))), "client 7's clock passes 4,294,967,295"),
        (update(deletions={7: [(U32_MAX, 1)]}), "a deleted range passes clock 4,294,967,295"),
        (b"\x00\x02\x07\x01\x00\x01\x07\x01\x02\x01", "client 7 appears twice in the deletions"),
        (b"\x00\x00\x01\x02", "it has 2 bytes after its end"),
    ],
)
def test_malformed_updates_are_refused(data, reason):
    assert reason in refusal(data)


def test_client_ids_up_to_what_a_browser_can_read_are_accepted():
    data = update(group(CLIENT_MAX, 0, text("a")), deletions={CLIENT_MAX: [(0, 1)]})

    assert parse_update(data).ranges == [(CLIENT_MAX, 0, 1)]
    assert merged_text(data) == ""


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "it is empty"),
        (ATTACK, "it declares 234,897,408 clients but has 0 bytes left"),
        (b"\x01\x07", "it ends in the middle of a value"),
        (b"\x01\x07\x00\x00", "it has 1 byte after its end"),
        (b"\x01\x07" + varuint(2**32), "a clock of 4,294,967,296 is larger than 4,294,967,295"),
        (b"\x01" + varuint(2**53) + b"\x00", "a client id of 9,007,199,254,740,992 is larger"),
    ],
)
def test_malformed_state_vectors_are_refused(data, reason):
    with pytest.raises(RefusedUpdate) as refused:
        check_state_vector(data)

    assert str(refused.value).startswith("is not a Yjs state vector: ")
    assert reason in str(refused.value)


# ---------------------------------------------------------------- nothing but text


@pytest.mark.parametrize(
    ("kind", "what"),
    [
        (2, "holds JSON content"),
        (3, "holds binary content"),
        (5, "holds an embed"),
        (6, "holds formatting"),
        (7, "holds a nested shared type"),
        (8, "holds JSON values (Any content)"),
        (9, "holds a subdocument"),
        *[
            (kind, f"is not a Yjs update: it has a struct of unknown kind {kind}")
            for kind in (11, 15, 16, 31)
        ],
    ],
)
def test_content_other_than_text_is_refused(kind, what):
    reason = refusal(update(group(7, 0, item(string("{}"), kind=kind))))

    assert reason.startswith(what)
    if kind < 10:
        assert reason.endswith('only plain text may go into the shared code (Y.Text "code")')


def in_a_map(doc: Doc) -> None:
    doc.get("code", type=Map)["key"] = "value"


def in_an_array(doc: Doc) -> None:
    doc.get("code", type=Array).append(b"bytes")


def a_nested_text(doc: Doc) -> None:
    doc.get("code", type=Array).append(Text("x"))


def a_subdocument(doc: Doc) -> None:
    doc.get("code", type=Array).append(Doc())


def formatted(doc: Doc) -> None:
    doc.get("code", type=Text).insert(0, "x", attrs={"bold": True})


def embedded(doc: Doc) -> None:
    doc.get("code", type=Text).insert_embed(0, {"image": "cat.png"})


def another_text(doc: Doc) -> None:
    doc.get("notes", type=Text).insert(0, "x")


@pytest.mark.parametrize(
    ("edit", "what"),
    [
        (in_a_map, "holds JSON values"),
        (in_an_array, "holds JSON values"),
        (a_nested_text, "holds a nested shared type"),
        (a_subdocument, "holds a subdocument"),
        (formatted, "holds formatting"),
        (embedded, "holds an embed"),
        (another_text, "edits the shared type 'notes'"),
    ],
)
def test_updates_pycrdt_makes_of_anything_but_the_code_text_are_refused(edit, what):
    doc = Doc()
    edit(doc)

    assert refusal(doc.get_update()).startswith(what)


def test_an_item_inside_a_nested_type_is_refused():
    doc = Doc()
    holder = doc.get("code", type=Map)
    holder["text"] = Text()
    before = doc.get_state()
    holder["text"].insert(0, "hidden")  # its first item names its parent by ID

    assert refusal(doc.get_update(before)).startswith("edits a nested shared type")
    assert refusal(update(group(7, 0, b"\x04" + varuint(0) + varuint(9) + varuint(0)))) == (
        'edits a nested shared type; only plain text may go into the shared code (Y.Text "code")'
    )


def test_a_map_key_is_refused():
    assert refusal(update(group(7, 0, text("a", flags=0x20)))).startswith("sets a key of a map")


def test_text_in_a_root_of_another_name_is_refused():
    assert refusal(update(group(7, 0, text("a", parent=b"Code")))).startswith(
        "edits the shared type 'Code'"
    )


# ---------------------------------------------------------------- nothing quadratic


def test_a_long_run_of_pieces_that_belong_together_is_refused():
    # Yrs copies the text joined so far for each piece: 65,000 pieces took it 3 s.
    assert refusal(run_of_pieces(2000)).startswith(
        "splits a text into too many pieces that belong together (Yjs sends them as one)"
    )


def test_short_runs_and_pieces_that_do_not_belong_together_are_accepted():
    assert parse_update(run_of_pieces(1000)).ranges == [(7, 0, 1001)]
    # Each piece before the previous one (typing backwards): nothing to join.
    backwards = [b"\x44" + varuint(7) + varuint(clock) + string("a") for clock in range(5000)]
    assert parse_update(update(group(7, 0, text("a"), *backwards))).ranges == [(7, 0, 5001)]


# ---------------------------------------------------------------- nothing too long


def gc_structs(count: int) -> list[bytes]:
    return [b"\x00\x01"] * count


def test_an_update_with_more_parts_than_the_server_merges_at_once_is_refused():
    # Each struct or deleted range costs 0.5-2 µs to read and merge: 1 MiB of them, 0.2-0.4 s.
    limit = f"has more than {MAX_PARTS:,} structs and deleted ranges"

    assert refusal(update(group(7, 0, *gc_structs(MAX_PARTS + 1)))).startswith(limit)
    half = MAX_PARTS // 2
    ranges = [(2 * clock, 1) for clock in range(half + 1)]
    assert refusal(update(group(7, 0, *gc_structs(half)), deletions={7: ranges})).startswith(limit)
    many_clients = [group(client, 0, b"\x00\x01") for client in range(MAX_PARTS + 1)]
    assert refusal(update(*many_clients)).startswith(limit)


def test_an_update_of_as_many_parts_as_allowed_is_accepted():
    half = MAX_PARTS // 2
    ranges = [(2 * clock, 1) for clock in range(half)]

    parsed = parse_update(update(group(7, 0, *gc_structs(half)), deletions={7: ranges}))

    assert parsed.ranges == [(7, 0, half)]
    assert len(parsed.deletions) == half


def test_a_state_vector_of_more_clients_than_a_document_holds_is_refused():
    def vector(count: int) -> bytes:
        return varuint(count) + b"".join(varuint(client) + b"\x01" for client in range(count))

    assert len(parse_state_vector(vector(MAX_STATE_VECTOR_CLIENTS))) == MAX_STATE_VECTOR_CLIENTS
    with pytest.raises(RefusedUpdate, match=f"^lists more than {MAX_STATE_VECTOR_CLIENTS:,}"):
        check_state_vector(vector(MAX_STATE_VECTOR_CLIENTS + 1))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=8))
def test_keystrokes_read_on_the_short_path_as_the_general_reader_reads_them(typed):
    """Typed text takes a one-pass reader; it must agree with the general one to the byte."""
    from server import yjs_update

    doc = Doc()
    doc["code"] = code = Text()
    updates: list[bytes] = []
    doc.observe(lambda event: updates.append(event.update))
    for piece in typed:
        so_far = str(code)
        code.insert(len(so_far[: len(so_far) // 2 + 1].encode()), piece)  # after a character
    shortened = 0
    for data in updates:
        short = yjs_update._read_keystroke(data)
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(yjs_update, "_read_keystroke", lambda _: None)
                general = parse_update(data)
        except RefusedUpdate:
            assert short is None
            continue
        if short is not None:
            shortened += 1
            for field in ParsedUpdate.__slots__:
                assert getattr(short, field) == getattr(general, field), field
    assert shortened >= len(updates) - 1, "every keystroke after the first is typed text"
