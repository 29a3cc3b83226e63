"""Yjs v1 bytes for tests: real updates Yjs 13.6 made (and the script that makes them), and
a small encoder for hand-made updates, malformed ones and attacks."""

from __future__ import annotations

ATTACK = b"\x80\x80\x81p"  # 234,897,408 clients in four bytes: 0.3 s and 540 MB in Yrs 0.28


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


def run_of_pieces(count: int) -> bytes:
    """``count`` one-letter items, each continuing the one before: Yjs would send one item."""
    pieces = [b"\x84" + varuint(7) + varuint(clock) + string("a") for clock in range(count)]
    return update(group(7, 0, text("a"), *pieces))
