"""Wiring a view to the current document: every panel follows the same connect/disconnect dance."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

Connections = Iterable[tuple[Any, Callable[..., Any]]]


def disconnect_all(connections: Connections) -> None:
    """Disconnect each (signal, slot); a pair already gone (deleted object) is not an error."""
    for signal, slot in connections:
        try:
            signal.disconnect(slot)
        except (RuntimeError, TypeError):
            pass


def connect_all(connections: Connections) -> None:
    for signal, slot in connections:
        signal.connect(slot)
