"""Reading Yjs v1 updates and state vectors before pycrdt (Yrs) is handed a single byte.

Yrs trusts the counts it decodes: four bytes, ``b"\\x80\\x80\\x81p"``, declare 235 million
clients and it reserves a hash map for them (0.3 s of the event loop and 540 MB) before it
finds that the bytes end; a four-byte state vector does the same. So every message is first
read here, in pure Python, against the lib0 v1 encoding (Yjs ``UpdateDecoderV1``, yrs
``DecoderV1``): every count and length must fit in the bytes that remain, numbers must fit the
integer types both Yjs and Yrs use, strings must be UTF-8 and nothing may follow the end.

PairPad's document is one root ``Y.Text`` named ``"code"``, so an update may only hold what
edits it: GC and Skip structs, and items with deleted or string content whose parent is that
text. Everything else (JSON, binary, embeds, formats, nested types, Any, subdocuments, map
keys, parents given by ID) is refused: the web UI never sends it, it would hold state nobody
sees, and some of it nests JSON that Yrs decodes recursively. Nothing here recurses.

Valid updates can be costly too, so two more rules keep any one message to milliseconds: at
most ``MAX_PARTS`` structs and deleted ranges, and no long runs of text pieces that Yrs would
join in quadratic time (``_Runs``); Yjs never sends either.

Reading an update also yields what the document's bookkeeping needs (``ParsedUpdate``): the
clock ranges of the structs, the IDs the items depend on, the deleted ranges and the text
inserted. This runs on every keystroke, hence the straight-line code with one-byte fast paths.
"""

from __future__ import annotations

from typing import Final

TEXT_NAME: Final = "code"  # the Y.Text every client binds its editor to: ydoc.getText("code")

U32_MAX: Final = 0xFFFF_FFFF  # clocks and lengths are u32 in Yrs
# Client ids are u64 in Yrs, but lib0's readVarUint in every browser refuses anything above
# Number.MAX_SAFE_INTEGER: a larger id would break each Yjs peer it is relayed to.
CLIENT_MAX: Final = 2**53 - 1
# Bytes Yrs may copy joining runs of text pieces in one update (see _Runs): a few milliseconds.
SQUASH_COPY_MAX: Final = 2_000_000
# Structs and deleted ranges in one update. Reading and merging each costs 0.5-2 µs, so a
# message of 1 MiB full of them would hold the event loop for 0.2-0.4 s; this many take
# 20-40 ms. Keystrokes have one or two; a reconnect sends its offline edits and the document's
# whole delete set, a few thousand ranges after hours of editing.
MAX_PARTS: Final = 20_000
# Clients in a state vector: a document takes 10,000 (server.document.MAX_CLIENTS), a client
# knows those and itself.
MAX_STATE_VECTOR_CLIENTS: Final = 20_000

_TEXT_NAME_BYTES: Final = TEXT_NAME.encode()
_GC: Final = 0
_DELETED: Final = 1
_STRING: Final = 4
_SKIP: Final = 10
_HAS_ORIGIN: Final = 0x80
_HAS_RIGHT_ORIGIN: Final = 0x40
_HAS_PARENT_SUB: Final = 0x20
# A string item with an origin, and with an origin and a right origin: typed text.
_KEYSTROKE_AFTER: Final = _HAS_ORIGIN | _STRING
_KEYSTROKE_BETWEEN: Final = _HAS_ORIGIN | _HAS_RIGHT_ORIGIN | _STRING
_NO_CLIENTS: Final[set[int]] = set()  # never added to: for updates of one client
_NOT_AN_UPDATE: Final = "is not a Yjs update"
_NOT_A_STATE_VECTOR: Final = "is not a Yjs state vector"
# Content kinds Yjs and Yrs know (the low five bits of an item's info byte) that PairPad refuses.
_REFUSED_CONTENT: Final = {
    2: "JSON content",
    3: "binary content",
    5: "an embed",
    6: "formatting",
    7: "a nested shared type",
    8: "JSON values (Any content)",
    9: "a subdocument",
}
_ONLY_TEXT: Final = f'only plain text may go into the shared code (Y.Text "{TEXT_NAME}")'


class RefusedUpdate(ValueError):
    """An update or state vector the server will not hand to pycrdt. ``str()`` is a clause
    that completes "Invalid payload: `payload.update` " (or `payload.stateVector`)."""


class _Malformed(Exception):
    """Raised inside the readers; the public functions say what the bytes are not."""


class ParsedUpdate:
    """What a valid update holds, as the document's bookkeeping needs it. Clocks count UTF-16
    code units, as in Yjs; ranges are half-open ``[start, end)``."""

    __slots__ = ("deletions", "dependencies", "ranges", "runs", "skips", "string_bytes", "strings")

    def __init__(self) -> None:
        # (client, start, end) of each run of structs (a Skip splits a client's run in two).
        self.ranges: list[tuple[int, int, int]] = []
        self.skips = False  # the update has Skip structs: holes in some client's clocks
        # (client, clock, of_client, of_clock): the item at (of_client, of_clock) has an origin
        # or right origin (client, clock) on another client. Origins on the item's own client
        # are always earlier clocks (checked here), so they are left out.
        self.dependencies: list[tuple[int, int, int, int]] = []
        self.deletions: list[tuple[int, int, int]] = []  # (client, start, end), none empty
        self.strings: list[tuple[int, int, bytes]] = []  # (client, clock, UTF-8) inserted
        self.string_bytes = 0  # sum of the strings' UTF-8 lengths
        self.runs: _Runs | None = None  # made for clients with several structs


class _Runs:
    """Yrs joins an item onto the one before it when it continues it: same client, the next
    clock, its origin the previous item's last character, the same right origin. Joining two
    strings copies the text joined so far, so a run of n such pieces costs O(n²): 65,000
    one-letter pieces in a 440 kB update took Yrs 3 s. Yjs (and Yrs) send such a run as one
    piece, so a long one is never a real edit; this tracks the bytes Yrs would copy."""

    __slots__ = ("copied", "end", "right", "run_bytes")

    def __init__(self) -> None:
        self.copied = 0  # bytes Yrs would copy joining runs, over the whole update
        self.end = -1  # the clock after the last string, or -1
        self.right: tuple[int, int] | None = None  # its right origin
        self.run_bytes = 0  # bytes of the run it ends

    def follow(
        self, continues: bool, clock: int, end: int, length: int, right: tuple[int, int] | None
    ) -> None:
        """A string of ``length`` bytes at clocks [clock, end); ``continues`` when its origin
        is the character just before it. It extends the run if it starts where the run ends
        and has the same right origin."""
        if continues and clock == self.end and right == self.right:
            self.run_bytes += length
            self.copied += self.run_bytes
            if self.copied > SQUASH_COPY_MAX:
                raise RefusedUpdate(
                    "splits a text into too many pieces that belong together (Yjs sends them "
                    "as one); merging them would take the server quadratic time"
                )
        else:
            self.run_bytes = length
        self.end = end
        self.right = right


# ---------------------------------------------------------------- public entry points


def parse_update(data: bytes) -> ParsedUpdate:
    """Read a Yjs v1 update (RefusedUpdate if it is malformed or edits anything but the text)."""
    try:
        return _read_update(data)
    except _Malformed as error:
        raise RefusedUpdate(f"{_NOT_AN_UPDATE}: {error}") from None
    except IndexError:
        raise RefusedUpdate(f"{_NOT_AN_UPDATE}: it ends in the middle of a value") from None


def parse_state_vector(
    data: bytes, max_clients: int | None = MAX_STATE_VECTOR_CLIENTS
) -> dict[int, int]:
    """Read a Yjs state vector: client id → the next clock it expects from that client."""
    try:
        return _read_state_vector(data, max_clients)
    except _Malformed as error:
        raise RefusedUpdate(f"{_NOT_A_STATE_VECTOR}: {error}") from None
    except IndexError:
        raise RefusedUpdate(f"{_NOT_A_STATE_VECTOR}: it ends in the middle of a value") from None


def check_state_vector(data: bytes) -> None:
    """RefusedUpdate unless ``data`` is a state vector pycrdt may be given (e.g. a join's)."""
    parse_state_vector(data)


# ---------------------------------------------------------------- lib0 numbers
#
# A varuint is 7 bits a byte, little-endian, 0x80 meaning "more". Most counts, lengths and
# recent clocks take one byte, so callers test that byte inline and call here for the rest.


def _varuint(data: bytes, pos: int, limit: int, what: str) -> tuple[int, int]:
    """The varuint at ``pos``: (value, position after it). Unrolled up to five bytes, which
    hold every clock and every client id a browser makes (a random u32)."""
    byte = data[pos]
    if byte < 0x80:
        return byte, pos + 1
    value = byte & 0x7F
    byte = data[pos + 1]
    if byte < 0x80:
        return value | byte << 7, pos + 2
    value |= (byte & 0x7F) << 7
    byte = data[pos + 2]
    if byte < 0x80:
        return value | byte << 14, pos + 3
    value |= (byte & 0x7F) << 14
    byte = data[pos + 3]
    if byte < 0x80:
        return value | byte << 21, pos + 4  # below 2**28: within every limit
    value |= (byte & 0x7F) << 21
    byte = data[pos + 4]
    if byte < 0x80:
        value |= byte << 28
        if value > limit:
            raise _Malformed(f"a {what} of {value:,} is larger than {limit:,}")
        return value, pos + 5
    value |= (byte & 0x7F) << 28
    pos += 5
    shift = 35
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            break
        shift += 7
        if shift >= 70:  # as in Yrs: ten bytes hold any u64
            raise _Malformed(f"a {what} is encoded in more than ten bytes")
    if value > limit:
        raise _Malformed(f"a {what} of {value:,} is larger than {limit:,}")
    return value, pos


def _fits(count: int, noun: str, remaining: int) -> None:
    """Each declared element takes at least one byte: a count beyond the bytes left is a lie
    (and the very thing that makes Yrs reserve memory for it)."""
    if count > remaining:
        raise _Malformed(
            f"it declares {_count(count, noun)} but has {_count(remaining, 'byte')} left"
        )


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {noun}s"


# ---------------------------------------------------------------- updates


def _read_update(data: bytes) -> ParsedUpdate:
    keystroke = _read_keystroke(data)
    if keystroke is not None:
        return keystroke
    parsed = ParsedUpdate()
    end = len(data)
    if not end:
        raise _Malformed("it is empty")
    clients = data[0]
    pos = 1
    if clients >= 0x80:
        clients, pos = _varuint(data, 0, U32_MAX, "client count")
        _fits(clients, "client", end - pos)
    seen: set[int] = set() if clients > 1 else _NO_CLIENTS
    parts = 0
    for _ in range(clients):
        structs = data[pos]
        if structs < 0x80:
            pos += 1
        else:
            structs, pos = _varuint(data, pos, U32_MAX, "struct count")
            _fits(structs, "struct", end - pos)
        parts += structs
        if parts > MAX_PARTS:
            raise _too_many_parts()
        client_at = pos
        client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        client_bytes = data[client_at:pos]  # to recognise origins on the same client cheaply
        clock = data[pos]
        if clock < 0x80:
            pos += 1
        elif data[pos + 1] < 0x80:  # clocks below 16,384: two bytes
            clock = clock & 0x7F | data[pos + 1] << 7
            pos += 2
        else:
            clock, pos = _varuint(data, pos, U32_MAX, "clock")
        if not structs:
            raise _Malformed(f"client {client} has no structs")
        if clients > 1:
            if client in seen:
                # Yjs keeps the last group of a client, Yrs appends them: refuse the ambiguity.
                raise _Malformed(f"client {client} appears twice")
            seen.add(client)
        pos = _read_structs(data, pos, structs, client, client_bytes, clock, parsed)
    if data[pos] or pos + 1 != end:  # not just the empty delete set of most keystrokes
        pos = _read_delete_set(data, pos, parsed, parts)
    else:
        pos += 1
    if pos != end:
        raise _Malformed(f"it has {_count(end - pos, 'byte')} after its end")
    return parsed


_KEYSTROKE_START: Final = b"\x01\x01"  # one client, one struct


def _read_keystroke(data: bytes) -> ParsedUpdate | None:
    """Most messages are one keystroke: one client, one string item placed after an earlier
    character (an origin, maybe a right origin), no deletions. Read exactly that shape in one
    pass with as few objects as possible; anything else (None) goes to the general reader,
    which also explains what is wrong with a malformed update."""
    last = len(data) - 1
    if last < 6 or data[last] or not data.startswith(_KEYSTROKE_START):
        return None
    client, pos = _varuint(data, 2, CLIENT_MAX, "client id")
    client_bytes = data[2:pos]
    clock = data[pos]
    if clock < 0x80:
        pos += 1
    else:
        clock, pos = _varuint(data, pos, U32_MAX, "clock")
    info = data[pos]
    if info != _KEYSTROKE_AFTER and info != _KEYSTROKE_BETWEEN:
        return None
    dependencies: list[tuple[int, int, int, int]] = []
    pos += 1
    for _ in range(1 if info == _KEYSTROKE_AFTER else 2):
        if data.startswith(client_bytes, pos):
            origin_client = client
            pos += len(client_bytes)
        else:
            origin_client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        origin_clock, pos = _varuint(data, pos, U32_MAX, "clock")
        if origin_client == client:
            if origin_clock >= clock:
                return None  # the general reader says why
        else:
            dependencies.append((origin_client, origin_clock, client, clock))
    length = data[pos]
    pos += 1
    if not length or length >= 0x80 or pos + length != last:
        return None
    text = data[pos:last]
    units = length
    if not text.isascii():
        try:
            units = len(text.decode().encode("utf-16-le")) // 2
        except UnicodeDecodeError:
            return None  # the general reader says why
    parsed = ParsedUpdate.__new__(ParsedUpdate)
    parsed.ranges = [(client, clock, clock + units)]
    parsed.skips = False
    parsed.dependencies = dependencies
    parsed.deletions = []
    parsed.strings = [(client, clock, text)]
    parsed.string_bytes = length
    parsed.runs = None
    return parsed


def _read_structs(
    data: bytes,
    pos: int,
    structs: int,
    client: int,
    client_bytes: bytes,
    clock: int,
    parsed: ParsedUpdate,
) -> int:
    """One client's structs, from ``clock`` on; records their ranges and returns the position."""
    start = clock
    runs = None
    if structs > 1:  # a single struct cannot make a run
        runs = parsed.runs = parsed.runs or _Runs()
        runs.end = -1
    for _ in range(structs):
        info = data[pos]
        if info == _GC or info == _SKIP:  # noqa: SIM109 (a tuple would be built each time)
            length, pos = _varuint(data, pos + 1, U32_MAX, "length")
            if not length:
                raise _Malformed("a struct is empty")
            if info == _SKIP:  # a hole in this client's clocks: nothing to integrate
                if clock > start:
                    parsed.ranges.append((client, start, clock))
                start = clock + length
                parsed.skips = True
            clock += length
        else:
            clock, pos = _read_item(data, pos + 1, info, client, client_bytes, clock, parsed, runs)
        if clock > U32_MAX:
            raise _Malformed(f"client {client}'s clock passes {U32_MAX:,}")
    if clock > start:
        parsed.ranges.append((client, start, clock))
    return pos


def _read_item(
    data: bytes,
    pos: int,
    info: int,
    client: int,
    client_bytes: bytes,
    clock: int,
    parsed: ParsedUpdate,
    runs: _Runs | None,
) -> tuple[int, int]:
    """One item after its info byte: returns (the clock after it, the next position)."""
    kind = info & 0x1F
    if kind != _STRING and kind != _DELETED:
        raise _refused_content(kind)
    if info & _HAS_PARENT_SUB:
        # Yjs and Yrs ignore the flag on an item with an origin, but no encoder sets it then,
        # and the items of a text never have a key.
        raise RefusedUpdate(f"sets a key of a map; {_ONLY_TEXT}")
    continues = False  # the origin is the character just before, on the same client
    if info & _HAS_ORIGIN:
        if data.startswith(client_bytes, pos):  # an origin on the item's own client
            pos += len(client_bytes)
            origin_client = client
        else:
            origin_client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        origin_clock = data[pos]
        if origin_clock < 0x80:
            pos += 1
        elif data[pos + 1] < 0x80:
            origin_clock = origin_clock & 0x7F | data[pos + 1] << 7
            pos += 2
        else:
            origin_clock, pos = _varuint(data, pos, U32_MAX, "clock")
        if origin_client != client:
            parsed.dependencies.append((origin_client, origin_clock, client, clock))
        elif origin_clock >= clock:  # causality: an item only knows older items
            raise _Malformed("an item's origin is not older than the item")
        else:
            continues = origin_clock == clock - 1
    right = None
    if info & _HAS_RIGHT_ORIGIN:  # the same for the right origin
        if data.startswith(client_bytes, pos):
            pos += len(client_bytes)
            origin_client = client
        else:
            origin_client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        origin_clock = data[pos]
        if origin_clock < 0x80:
            pos += 1
        elif data[pos + 1] < 0x80:
            origin_clock = origin_clock & 0x7F | data[pos + 1] << 7
            pos += 2
        else:
            origin_clock, pos = _varuint(data, pos, U32_MAX, "clock")
        if origin_client != client:
            parsed.dependencies.append((origin_client, origin_clock, client, clock))
        elif origin_clock >= clock:
            raise _Malformed("an item's right origin is not older than the item")
        if runs is not None:
            right = (origin_client, origin_clock)
    if not info & (_HAS_ORIGIN | _HAS_RIGHT_ORIGIN):
        pos = _read_parent(data, pos)
    length = data[pos]
    if length < 0x80:
        pos += 1
    else:
        length, pos = _varuint(data, pos, U32_MAX, "length")
    if kind == _DELETED:
        units = length
    else:
        if length > len(data) - pos:
            remaining = _count(len(data) - pos, "byte")
            raise _Malformed(f"it declares a string of {length:,} bytes but has {remaining} left")
        text = data[pos : pos + length]
        pos += length
        units = length if text.isascii() else _utf16_length(text)
        parsed.strings.append((client, clock, text))
        parsed.string_bytes += length
        if runs is not None:
            runs.follow(continues, clock, clock + units, length, right)
    if not units:
        raise _Malformed("an item is empty")
    return clock + units, pos


def _read_parent(data: bytes, pos: int) -> int:
    """The parent of an item with no origins: it must be the root text, by name."""
    by_name, pos = _varuint(data, pos, U32_MAX, "parent kind")
    if by_name != 1:
        raise RefusedUpdate(f"edits a nested shared type; {_ONLY_TEXT}")
    length, pos = _varuint(data, pos, U32_MAX, "length")
    name = data[pos : pos + length]
    if len(name) != length:
        remaining = _count(len(name), "byte")
        raise _Malformed(f"it declares a name of {length:,} bytes but has {remaining} left")
    if name != _TEXT_NAME_BYTES:
        shown = name[:40].decode(errors="replace")
        raise RefusedUpdate(f"edits the shared type {shown!r}; {_ONLY_TEXT}")
    return pos + length


def _utf16_length(text: bytes) -> int:
    """An item's clock length: Yjs counts a string in UTF-16 code units."""
    try:
        decoded = text.decode()
    except UnicodeDecodeError:
        # Yrs would take the bytes as str unchecked; browsers would decode them differently.
        raise _Malformed("a string is not valid UTF-8") from None
    return len(decoded.encode("utf-16-le")) // 2


def _too_many_parts() -> RefusedUpdate:
    return RefusedUpdate(
        f"has more than {MAX_PARTS:,} structs and deleted ranges, "
        "more than the server merges from one message"
    )


def _refused_content(kind: int) -> RefusedUpdate:
    what = _REFUSED_CONTENT.get(kind)
    if what is None:
        return RefusedUpdate(f"{_NOT_AN_UPDATE}: it has a struct of unknown kind {kind}")
    return RefusedUpdate(f"holds {what}; {_ONLY_TEXT}")


def _read_delete_set(data: bytes, pos: int, parsed: ParsedUpdate, parts: int) -> int:
    end = len(data)
    clients, pos = _varuint(data, pos, U32_MAX, "client count")
    _fits(clients, "deleting client", end - pos)
    seen: set[int] = set()
    deletions = parsed.deletions
    for _ in range(clients):
        client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        if client in seen:  # Yrs keeps only the last ranges of a client listed twice
            raise _Malformed(f"client {client} appears twice in the deletions")
        seen.add(client)
        count, pos = _varuint(data, pos, U32_MAX, "range count")
        _fits(count, "deleted range", end - pos)
        parts += count
        if parts > MAX_PARTS:
            raise _too_many_parts()
        for _ in range(count):
            clock, pos = _varuint(data, pos, U32_MAX, "clock")
            length, pos = _varuint(data, pos, U32_MAX, "length")
            if clock + length > U32_MAX:
                raise _Malformed(f"a deleted range passes clock {U32_MAX:,}")
            if length:
                deletions.append((client, clock, clock + length))
    return pos


# ---------------------------------------------------------------- state vectors


def _read_state_vector(data: bytes, max_clients: int | None) -> dict[int, int]:
    end = len(data)
    if not end:
        raise _Malformed("it is empty")
    count, pos = _varuint(data, 0, U32_MAX, "client count")
    _fits(count, "client", end - pos)
    if max_clients is not None and count > max_clients:
        raise RefusedUpdate(f"lists more than {max_clients:,} clients")
    state: dict[int, int] = {}
    for _ in range(count):
        client, pos = _varuint(data, pos, CLIENT_MAX, "client id")
        clock, pos = _varuint(data, pos, U32_MAX, "clock")
        state[client] = clock
    if pos != end:
        raise _Malformed(f"it has {_count(end - pos, 'byte')} after its end")
    return state
