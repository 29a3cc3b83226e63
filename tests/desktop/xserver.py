"""A private X display (Xvfb) and the little X11 the window tests need, through ctypes.

Needs only Xvfb and libX11 (both in CI's package list), not xdotool, wmctrl or ImageMagick:
- ``Xvfb -displayfd`` writes its display number once it accepts clients: no race for a number
  and no waiting by sleeping;
- windows are found by walking the window tree and reading their titles;
- a window is closed the way a window manager's close button does it (WM_DELETE_WINDOW),
  so the app goes through the same code path as a person clicking ×;
- ``-fbdir`` makes Xvfb keep the screen in a file (XWD format), which becomes a PNG; what is
  on screen is awaited by re-checking it on each X Damage event (something was drawn).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import select
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.support.processes import stop_process

SCREEN = (1280, 900)


def xlib_path() -> str | None:
    return ctypes.util.find_library("X11")


def xdamage_path() -> str | None:
    return ctypes.util.find_library("Xdamage")


def xvfb_path() -> str | None:
    return shutil.which("Xvfb")


class Xvfb:
    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="pairpad-xvfb-")
        self.framebuffer_dir = Path(self._dir.name)
        self.display = ""
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 20.0) -> Xvfb:
        xvfb = xvfb_path()
        assert xvfb is not None
        read_end, write_end = os.pipe()
        log = (self.framebuffer_dir / "xvfb.log").open("wb")
        width, height = SCREEN
        self.process = subprocess.Popen(
            [
                xvfb,
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
                "-fbdir",
                str(self.framebuffer_dir),
            ],
            pass_fds=(write_end,),
            stdout=log,
            stderr=log,
        )
        os.close(write_end)
        try:
            number = _read_line(read_end, timeout)
        finally:
            os.close(read_end)
            log.close()
        if not number:
            self.stop()
            raise RuntimeError(f"Xvfb did not start:\n{self.log()}")
        self.display = f":{number}"
        return self

    def log(self) -> str:
        return (self.framebuffer_dir / "xvfb.log").read_text(errors="replace")

    def framebuffer(self) -> bytes:
        """The screen as it is now, as an XWD image."""
        return (self.framebuffer_dir / "Xvfb_screen0").read_bytes()

    def screenshot(self, png: Path) -> None:
        png.parent.mkdir(parents=True, exist_ok=True)
        png.write_bytes(xwd_to_png(self.framebuffer()))

    def stop(self) -> None:
        stop_process(self.process)
        self._dir.cleanup()


def _read_line(fd: int, timeout: float) -> str:
    deadline = time.monotonic() + timeout
    data = b""
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return ""
        chunk = os.read(fd, 64)
        if not chunk:
            return ""
        data += chunk
    return data.decode().strip()


# --- X11 through ctypes ---------------------------------------------------------------------

_Window = ctypes.c_ulong
_Atom = ctypes.c_ulong
_CLIENT_MESSAGE = 33
_DAMAGE_REPORT_NON_EMPTY = 3
_ANY_PROPERTY_TYPE = 0


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", _Window),
        ("message_type", _Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _XEvent(ctypes.Union):
    _fields_ = [("xclient", _ClientMessage), ("pad", ctypes.c_long * 24)]


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


@_ERROR_HANDLER
def _ignore_x_errors(display: int, event: int) -> int:
    # Xlib's default handler exits the process; a window closing while we walk the tree would
    # take pytest down with it.
    return 0


class X11:
    def __init__(self, display: str) -> None:
        path = xlib_path()
        assert path is not None
        lib = ctypes.CDLL(path)
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = _Window
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = _Atom
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p,
            _Window,
            ctypes.POINTER(_Window),
            ctypes.POINTER(_Window),
            ctypes.POINTER(ctypes.POINTER(_Window)),
            ctypes.POINTER(ctypes.c_uint),
        ]
        lib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p,
            _Window,
            _Atom,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            _Atom,
            ctypes.POINTER(_Atom),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.POINTER(ctypes.c_ubyte)),
        ]
        lib.XSendEvent.argtypes = [
            ctypes.c_void_p,
            _Window,
            ctypes.c_int,
            ctypes.c_long,
            ctypes.POINTER(_XEvent),
        ]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XFlush.argtypes = [ctypes.c_void_p]
        lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
        lib.XPending.argtypes = [ctypes.c_void_p]
        lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        lib.XSetErrorHandler(_ignore_x_errors)
        self._lib = lib
        self._display = lib.XOpenDisplay(display.encode())
        if not self._display:
            raise RuntimeError(f"cannot open X display {display}")

    def close(self) -> None:
        self._lib.XCloseDisplay(self._display)

    def _atom(self, name: str) -> int:
        return int(self._lib.XInternAtom(self._display, name.encode(), 0))

    def _children(self, window: int) -> list[int]:
        root, parent = _Window(), _Window()
        children = ctypes.POINTER(_Window)()
        count = ctypes.c_uint()
        if not self._lib.XQueryTree(
            self._display,
            window,
            ctypes.byref(root),
            ctypes.byref(parent),
            ctypes.byref(children),
            ctypes.byref(count),
        ):
            return []
        found = [int(children[i]) for i in range(count.value)]
        if children:
            self._lib.XFree(children)
        return found

    def _text_property(self, window: int, name: str) -> str | None:
        actual_type, actual_format = _Atom(), ctypes.c_int()
        items, after = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ubyte)()
        status = self._lib.XGetWindowProperty(
            self._display,
            window,
            self._atom(name),
            0,
            1024,
            0,
            _ANY_PROPERTY_TYPE,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        if status != 0 or not data:
            return None
        try:
            if actual_format.value != 8:
                return None
            return ctypes.string_at(data, items.value).decode("utf-8", "replace")
        finally:
            self._lib.XFree(data)

    def title(self, window: int) -> str | None:
        return self._text_property(window, "_NET_WM_NAME") or self._text_property(window, "WM_NAME")

    def windows_titled(self, title: str) -> list[int]:
        """Every window on the display whose title is exactly ``title``."""
        found, pending = [], [int(self._lib.XDefaultRootWindow(self._display))]
        while pending:
            window = pending.pop()
            if self.title(window) == title:
                found.append(window)
            pending.extend(self._children(window))
        return found

    def wait_for_screen(self, condition: Callable[[], bool], timeout: float) -> bool:
        """Wait until ``condition()`` (which looks at the screen) holds, re-checking it each
        time something is drawn (X Damage events): no polling, no sleeping."""
        path = xdamage_path()
        assert path is not None
        damage_lib = ctypes.CDLL(path)
        damage_lib.XDamageQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        damage_lib.XDamageCreate.restype = ctypes.c_ulong
        damage_lib.XDamageCreate.argtypes = [ctypes.c_void_p, _Window, ctypes.c_int]
        damage_lib.XDamageSubtract.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_ulong,
        ]
        damage_lib.XDamageDestroy.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not damage_lib.XDamageQueryExtension(
            self._display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            raise RuntimeError("the X server has no DAMAGE extension")
        root = self._lib.XDefaultRootWindow(self._display)
        damage = damage_lib.XDamageCreate(self._display, root, _DAMAGE_REPORT_NON_EMPTY)
        self._lib.XSync(self._display, 0)
        connection = self._lib.XConnectionNumber(self._display)
        deadline = time.monotonic() + timeout
        event = _XEvent()
        try:
            while not condition():
                while not self._lib.XPending(self._display):
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return False
                    select.select([connection], [], [], remaining)
                while self._lib.XPending(self._display):
                    self._lib.XNextEvent(self._display, ctypes.byref(event))
                # Reset the damage *before* looking again, so a drawing that lands after the
                # look raises a new event instead of being missed.
                damage_lib.XDamageSubtract(self._display, damage, 0, 0)
                self._lib.XSync(self._display, 0)
            return True
        finally:
            damage_lib.XDamageDestroy(self._display, damage)
            self._lib.XSync(self._display, 0)

    def request_close(self, window: int) -> None:
        """What a window manager's close button does: send WM_DELETE_WINDOW."""
        event = _XEvent()
        event.xclient.type = _CLIENT_MESSAGE
        event.xclient.window = window
        event.xclient.message_type = self._atom("WM_PROTOCOLS")
        event.xclient.format = 32
        event.xclient.data[0] = self._atom("WM_DELETE_WINDOW")
        event.xclient.data[1] = 0  # CurrentTime
        self._lib.XSendEvent(self._display, window, 0, 0, ctypes.byref(event))
        self._lib.XSync(self._display, 0)


@contextlib.contextmanager
def x11(display: str) -> Iterator[X11]:
    connection = X11(display)
    try:
        yield connection
    finally:
        connection.close()


# --- XWD (Xvfb's screen file) to PNG --------------------------------------------------------


def _xwd_pixels(xwd: bytes) -> tuple[int, int, list[bytes], tuple[int, int, int]]:
    """Width, height, rows of 4-byte pixels, and the byte offsets of red, green and blue."""
    header = struct.unpack(">25I", xwd[:100])
    header_size, width, height = header[0], header[4], header[5]
    byte_order, bits_per_pixel, bytes_per_line = header[7], header[11], header[12]
    colours = header[19]
    if bits_per_pixel != 32:
        raise ValueError(f"unsupported XWD: {bits_per_pixel} bits per pixel")
    offset = header_size + colours * 12  # each XWDColor is 12 bytes
    rows = [
        xwd[offset + y * bytes_per_line : offset + y * bytes_per_line + width * 4]
        for y in range(height)
    ]
    # Pixels are 0x00RRGGBB; least significant byte first means B, G, R, pad in memory.
    channels = (2, 1, 0) if byte_order == 0 else (1, 2, 3)
    return width, height, rows, channels


_DARK = bytes(1 if value < 80 else 0 for value in range(256))
# A run of near-black pixels with lighter pixels on both sides (so not the black screen
# around the window): 10 to 60 pixels wide.
_FRAMED_DARK_RUN = re.compile(rb"\x00\x01{10,60}(?=\x00)")


def shows_solid_dark_square(xwd: bytes, size: int = 10) -> bool:
    """Whether the screen shows a solid near-black square of at least ``size`` pixels inside
    something lighter: the finder squares of a QR code. Text strokes are much thinner."""
    width, _, rows, channels = _xwd_pixels(xwd)
    previous: list[tuple[int, int, int]] = []  # (start, end, height) of runs in the row above
    for row in rows:
        dark = _pixels_where(row, channels, _DARK).to_bytes(width, "big")
        current = []
        for match in _FRAMED_DARK_RUN.finditer(dark):
            start, end = match.start() + 1, match.end()
            below = [h for s, e, h in previous if s < end and start < e]
            height = 1 + max(below, default=0)
            if height >= size:
                return True
            current.append((start, end, height))
        previous = current
    return False


_LIGHT = bytes(1 if value > 200 else 0 for value in range(256))


def light_share(xwd: bytes) -> float:
    """The share of the screen's pixels that are near-white: most of a page in a light theme
    (0.88 for PairPad's home page in a window), almost none in a dark one (0.01)."""
    width, height, rows, channels = _xwd_pixels(xwd)
    light = sum(_pixels_where(row, channels, _LIGHT).bit_count() for row in rows)
    return light / (width * height)


def _pixels_where(row: bytes, channels: tuple[int, int, int], test: bytes) -> int:
    """One byte per pixel of the row, 1 where all three channels pass ``test`` (a table of 0s
    and 1s by value), as one big integer: bytewise work in C rather than a loop per pixel."""
    red, green, blue = channels
    return (
        int.from_bytes(row[red::4].translate(test), "big")
        & int.from_bytes(row[green::4].translate(test), "big")
        & int.from_bytes(row[blue::4].translate(test), "big")
    )


def xwd_to_png(xwd: bytes) -> bytes:
    """A 24/32-bit TrueColor XWD image (what Xvfb -fbdir writes) as a PNG, with the stdlib."""
    width, height, rows, (red, green, blue) = _xwd_pixels(xwd)
    scanlines = bytearray()
    for pixels in rows:
        rgb = bytearray(width * 3)
        rgb[0::3], rgb[1::3], rgb[2::3] = pixels[red::4], pixels[green::4], pixels[blue::4]
        scanlines += b"\x00" + rgb  # filter type 0 per row

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(scanlines), 6))
        + chunk(b"IEND", b"")
    )
