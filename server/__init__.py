"""PairPad's server: REST, the spec's WebSocket protocol, in-memory rooms, the built web UI."""

__version__ = "0.1.0"
