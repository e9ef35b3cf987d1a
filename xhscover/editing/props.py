"""Get and set model fields by dotted path ("style.fill.color", "style.strokes.0.width")."""

from __future__ import annotations

from typing import Any


def _step(obj: Any, part: str) -> Any:
    if isinstance(obj, list):
        return obj[int(part)]
    return getattr(obj, part)


def get_path(obj: Any, path: str) -> Any:
    for part in path.split("."):
        obj = _step(obj, part)
    return obj


def set_path(obj: Any, path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        obj = _step(obj, part)
    last = parts[-1]
    if isinstance(obj, list):
        obj[int(last)] = value
    elif isinstance(obj, tuple):
        raise TypeError(f"cannot set {path}: tuples are replaced whole")
    else:
        if not hasattr(obj, last):
            raise AttributeError(f"{type(obj).__name__} has no field {last!r}")
        setattr(obj, last, value)
