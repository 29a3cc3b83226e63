"""A WebSocket client at the byte level, for clients that misbehave on purpose: it can stop
halfway through a frame, half-close its socket, or vanish. Built on websockets' sans-I/O
protocol, so the handshake and the framing it does send are correct."""

from __future__ import annotations

import json
import socket
from typing import Any

from websockets.client import ClientProtocol
from websockets.http11 import Response
from websockets.uri import parse_uri


class RawClient:
    def __init__(self, host: str, port: int, path: str) -> None:
        self.sock = socket.create_connection((host, port), timeout=10)
        self.protocol = ClientProtocol(parse_uri(f"ws://{host}:{port}{path}"))
        self.protocol.send_request(self.protocol.connect())
        self._flush()
        while True:
            self.protocol.receive_data(self.sock.recv(65536))
            events = self.protocol.events_received()
            if any(isinstance(event, Response) for event in events):
                break

    def _flush(self) -> None:
        self.sock.sendall(b"".join(self.protocol.data_to_send()))

    def send_json(self, event_type: str, payload: dict[str, Any]) -> None:
        self.protocol.send_text(json.dumps({"type": event_type, "payload": payload}).encode())
        self._flush()

    def frame_bytes(self, event_type: str, payload: dict[str, Any]) -> bytes:
        """One complete, masked text frame, not sent."""
        self.protocol.send_text(json.dumps({"type": event_type, "payload": payload}).encode())
        return b"".join(self.protocol.data_to_send())

    def send_bytes(self, data: bytes) -> None:
        self.sock.sendall(data)

    def half_close(self) -> None:
        """FIN: "I will send nothing more", while still able to read."""
        self.sock.shutdown(socket.SHUT_WR)

    def reset(self) -> None:
        """Vanish at once with a TCP reset, like a process killed mid-send."""
        self.sock.setsockopt(
            socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
        )
        self.sock.close()

    def close(self) -> None:
        self.sock.close()
