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
    RefusedUpdate,
    check_state_vector,
    parse_state_vector,
    parse_update,
)

ROOT = Path(__file__).resolve().parents[2]
ATTACK = b"\x80\x80\x81p"  # 234,897,408 clients in four bytes: 0.3 s and 540 MB in Yrs 0.28

# ---------------------------------------------------------------- real updates from Yjs

# What the web UI's Yjs 13.6 sends, made by YJS_SCRIPT (test_yjs_fixture_is_what_yjs_makes
# re-runs it): two clients typing, emoji, a selection deleted and replaced, a merged batch of
# keystrokes, undo and redo, and a reconnect that sends offline edits diffed against the
# server's state vector. In the order the server receives them.
YJS_SCRIPT = r"""
import * as Y from "yjs";
const hex = (u) => Buffer.from(u).toString("hex");
const sent = []; // what the server receives, in order
const server = new Y.Doc();
function client(id) {
  const doc = new Y.Doc();
  doc.clientID = id;
  const text = doc.getText("code");
  const pending = [];
  doc.on("update", (u, origin) => { if (origin !== "remote") pending.push(u); });
  const send = (u) => { sent.push(hex(u)); Y.applyUpdate(server, u); };
  return { doc, text, pending,
    flush(merge = false) { // as webui/src/sync/crdtSync.ts: one message per batch
      if (merge) send(Y.mergeUpdates(pending)); else pending.forEach(send);
      pending.length = 0;
    },
    receive() {
      const missing = Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc));
      Y.applyUpdate(doc, missing, "remote");
    },
  };
}
const alice = client(1234567890), bob = client(3000000001);
for (const ch of "def f():\n    return 1\n") {
  alice.text.insert(alice.text.length, ch);
  alice.flush();
}
bob.receive();
for (const ch of "😀 héllo") { bob.text.insert(4, ch); bob.flush(); } // inside Alice's text
alice.receive();
alice.text.delete(0, 3); alice.flush(); // a selection deleted
alice.doc.transact(() => { alice.text.delete(0, 2); alice.text.insert(0, "async def"); });
alice.flush(); // a selection replaced
for (const ch of "xyz") alice.text.insert(alice.text.length, ch);
alice.text.delete(alice.text.length - 1, 1);
alice.flush(true); // a batch, merged as the web UI does
const undo = new Y.UndoManager(bob.text);
bob.receive();
bob.text.insert(0, "# comment\n"); bob.flush(); undo.stopCapturing();
undo.undo(); bob.flush(); undo.redo(); bob.flush();
// Bob goes offline and types; Alice keeps typing; Bob comes back with a state-vector diff.
for (const ch of "👩‍💻 offline") bob.text.insert(bob.text.length, ch);
bob.text.delete(0, 2);
bob.pending.length = 0; // never sent: the socket was down
for (const ch of " online") { alice.text.insert(alice.text.length, ch); alice.flush(); }
const missing = Y.encodeStateAsUpdate(bob.doc, Y.encodeStateVector(server));
sent.push(hex(missing)); Y.applyUpdate(server, missing);
const code = server.getText("code").toString();
console.log(JSON.stringify({ updates: sent, code, full: hex(Y.encodeStateAsUpdate(server)) }));
"""
YJS_UPDATES = [
    "0101d285d8cc0400040104636f6465016400",
    "0101d285d8cc040184d285d8cc0400016500",
    "0101d285d8cc040284d285d8cc0401016600",
    "0101d285d8cc040384d285d8cc0402012000",
    "0101d285d8cc040484d285d8cc0403016600",
    "0101d285d8cc040584d285d8cc0404012800",
    "0101d285d8cc040684d285d8cc0405012900",
    "0101d285d8cc040784d285d8cc0406013a00",
    "0101d285d8cc040884d285d8cc0407010a00",
    "0101d285d8cc040984d285d8cc0408012000",
    "0101d285d8cc040a84d285d8cc0409012000",
    "0101d285d8cc040b84d285d8cc040a012000",
    "0101d285d8cc040c84d285d8cc040b012000",
    "0101d285d8cc040d84d285d8cc040c017200",
    "0101d285d8cc040e84d285d8cc040d016500",
    "0101d285d8cc040f84d285d8cc040e017400",
    "0101d285d8cc041084d285d8cc040f017500",
    "0101d285d8cc041184d285d8cc0410017200",
    "0101d285d8cc041284d285d8cc0411016e00",
    "0101d285d8cc041384d285d8cc0412012000",
    "0101d285d8cc041484d285d8cc0413013100",
    "0101d285d8cc041584d285d8cc0414010a00",
    "010181bcc1960b00c4d285d8cc0403d285d8cc040404f09f988000",
    "010181bcc1960b02c4d285d8cc040381bcc1960b00012000",
    "010181bcc1960b03c4d285d8cc040381bcc1960b02016800",
    "010181bcc1960b04c4d285d8cc040381bcc1960b0302c3a900",
    "010181bcc1960b05c4d285d8cc040381bcc1960b04016c00",
    "010181bcc1960b06c4d285d8cc040381bcc1960b05016c00",
    "010181bcc1960b07c4d285d8cc040381bcc1960b06016f00",
    "0001d285d8cc04010003",
    (
        "0101d285d8cc0416c481bcc1960b0781bcc1960b06096173796e63206465660281bcc1960b010701d285"
        "d8cc04010301"
    ),
    "0103d285d8cc041f84d285d8cc0415017884d285d8cc041f017984d285d8cc0420017a01d285d8cc04012101",
    "010181bcc1960b08c481bcc1960b07d285d8cc04160a2320636f6d6d656e740a00",
    "000181bcc1960b01080a",
    "010181bcc1960b12c481bcc1960b0781bcc1960b080a2320636f6d6d656e740a00",
    "0101d285d8cc042284d285d8cc0421012000",
    "0101d285d8cc042384d285d8cc0422016f00",
    "0101d285d8cc042484d285d8cc0423016e00",
    "0101d285d8cc042584d285d8cc0424016c00",
    "0101d285d8cc042684d285d8cc0425016900",
    "0101d285d8cc042784d285d8cc0426016e00",
    "0101d285d8cc042884d285d8cc0427016500",
    (
        "010181bcc1960b1c84d285d8cc042113f09f91a9e2808df09f92bb206f66666c696e650281bcc1960b01"
        "070dd285d8cc040200042101"
    ),
]
YJS_CODE = "comment\nasync deflléh 😀f():\n    return 1\nxy online👩\u200d💻 offline"
YJS_FULL_STATE = bytes.fromhex(
    "020b81bcc1960b00c4d285d8cc0403d285d8cc040404f09f9880c4d285d8cc040381bcc1960b000120c4d285"
    "d8cc040381bcc1960b020168c4d285d8cc040381bcc1960b0302c3a9c4d285d8cc040381bcc1960b04016cc4"
    "d285d8cc040381bcc1960b05016cc1d285d8cc040381bcc1960b0601c181bcc1960b07d285d8cc04160ac181"
    "bcc1960b0781bcc1960b0802c481bcc1960b1381bcc1960b0808636f6d6d656e740a84d285d8cc042113f09f"
    "91a9e2808df09f92bb206f66666c696e6506d285d8cc0400010104636f64650484d285d8cc0403126628293a"
    "0a2020202072657475726e20310ac481bcc1960b0781bcc1960b06096173796e632064656684d285d8cc0415"
    "02787981d285d8cc04200184d285d8cc042107206f6e6c696e650281bcc1960b01070dd285d8cc0402000421"
    "01"
)


def yjs_updates() -> list[bytes]:
    return [bytes.fromhex(update) for update in YJS_UPDATES]


# ---------------------------------------------------------------- updates made by hand


def varuint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def string(data: bytes | str) -> bytes:
    raw = data.encode() if isinstance(data, str) else data
    return varuint(len(raw)) + raw


def item(
    content: bytes,
    *,
    kind: int = 4,
    origin: tuple[int, int] | None = None,
    right: tuple[int, int] | None = None,
    parent: bytes = b"code",
    flags: int = 0,
) -> bytes:
    """An item struct: info byte, origins, the parent (by name) when it has no origin."""
    out = bytes([kind | flags | (0x80 if origin else 0) | (0x40 if right else 0)])
    for id_ in (origin, right):
        if id_ is not None:
            out += varuint(id_[0]) + varuint(id_[1])
    if origin is None and right is None:
        out += varuint(1) + string(parent)
    return out + content


def text(value: bytes | str, **fields) -> bytes:
    return item(string(value), kind=4, **fields)


def group(client: int, clock: int, *structs: bytes) -> bytes:
    return varuint(len(structs)) + varuint(client) + varuint(clock) + b"".join(structs)


def update(*groups: bytes, deletions: dict[int, list[tuple[int, int]]] | None = None) -> bytes:
    out = varuint(len(groups)) + b"".join(groups) + varuint(len(deletions or {}))
    for client, ranges in (deletions or {}).items():
        out += varuint(client) + varuint(len(ranges))
        out += b"".join(varuint(clock) + varuint(length) for clock, length in ranges)
    return out


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


@pytest.mark.skipif(
    not shutil.which("node") or not (ROOT / "webui/node_modules/yjs").is_dir(),
    reason="needs Node.js and the web UI's node_modules (make setup)",
)
def test_yjs_fixture_is_what_yjs_makes():
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


# A valid update with every kind of number in it; each (kind, value) pair is one varuint.
# fmt: off
TEMPLATE: list[bytes | tuple[str, int]] = [
    ("count", 2),                                              # clients
    ("count", 4), ("client", 7), ("clock", 0),                 # client 7: four structs
    b"\x04", ("parent", 1), ("bytes", 4), b"code", ("bytes", 2), b"hi",
    b"\xc4", ("client", 7), ("clock", 1), ("client", 9), ("clock", 0), ("bytes", 1), b"x",
    b"\x00", ("units", 2),                                     # GC
    b"\x81", ("client", 7), ("clock", 4), ("units", 3),        # deleted content
    ("count", 1), ("client", 9), ("clock", 0),                 # client 9: one struct
    b"\x04", ("parent", 1), ("bytes", 4), b"code", ("bytes", 1), b"y",
    ("count", 1), ("client", 7), ("count", 1), ("clock", 0), ("units", 1),  # deletions
]
# fmt: on
NUMBERS = [index for index, segment in enumerate(TEMPLATE) if isinstance(segment, tuple)]
# Beyond what each kind may hold: counts and byte lengths beyond the bytes left, clocks and
# clock lengths beyond u32, client ids beyond what a browser can read.
TOO_LARGE = {
    "count": (2**31, "it declares 2,147,483,648 "),
    "bytes": (2**31, "it declares a "),
    "units": (2**32, "larger than 4,294,967,295"),
    "clock": (2**32, "larger than 4,294,967,295"),
    "client": (2**53, "larger than 9,007,199,254,740,991"),
    "parent": (2**31, "edits a nested shared type"),
}


def build(segments: list[bytes | tuple[str, int]]) -> bytes:
    return b"".join(s if isinstance(s, bytes) else varuint(s[1]) for s in segments)


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


def run_of_pieces(count: int) -> bytes:
    """``count`` one-letter items, each continuing the one before: Yjs would send one item."""
    pieces = [b"\x84" + varuint(7) + varuint(clock) + string("a") for clock in range(count)]
    return update(group(7, 0, text("a"), *pieces))


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
