"""Dataclasses <-> JSON-ready dicts, with errors that name the field that is wrong.

One generic reader driven by type hints keeps project files, layouts and tests in step with the
dataclasses: adding a field with a default never breaks old files.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from xhscover.errors import XhsError
from xhscover.model.cover import Background, Cover
from xhscover.model.layers import LAYER_TYPES, Layer, TextLayer
from xhscover.model.runs import check_runs
from xhscover.model.styles import HEX_COLOR

T = TypeVar("T")
MAX_TEXT = 10_000  # characters in one text layer; more is refused, not truncated silently


def to_dict(obj: Any) -> Any:
    """A JSON-ready copy; layers carry their `kind` so they can be read back."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        if isinstance(obj, Layer):
            out["kind"] = obj.kind
        for f in dataclasses.fields(obj):
            out[f.name] = to_dict(getattr(obj, f.name))
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def from_dict(cls: type[T], data: Any, where: str = "") -> T:
    """Build dataclass `cls` from `data`; unknown keys are ignored, missing ones take defaults."""
    if not isinstance(data, dict):
        raise XhsError(f"{where or cls.__name__}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _read(hints[f.name], data[f.name], f"{where}.{f.name}" if where else f.name)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise XhsError(f"{where or cls.__name__}: {exc}") from None


def _read(hint: Any, value: Any, where: str) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        return _read(inner[0], value, where)
    if origin is Literal:
        if value not in get_args(hint):
            allowed = ", ".join(repr(a) for a in get_args(hint))
            raise XhsError(f"{where}: {value!r} is not one of {allowed}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise XhsError(f"{where}: expected a list")
        (item,) = get_args(hint)
        if item is Layer:
            return [read_layer(v, f"{where}[{i}]") for i, v in enumerate(value)]
        return [_read(item, v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is tuple:
        args = get_args(hint)
        if not isinstance(value, (list, tuple)) or len(value) != len(args):
            raise XhsError(f"{where}: expected a list of {len(args)} values")
        return tuple(_read(a, v, f"{where}[{i}]") for i, (a, v) in enumerate(zip(args, value, strict=True)))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, value, where)
    if hint is bool:
        if not isinstance(value, bool):
            raise XhsError(f"{where}: expected true or false")
        return value
    if hint in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise XhsError(f"{where}: expected a number, got {value!r}")
        if abs(value) > 1e7:
            raise XhsError(f"{where}: {value} is out of range")
        return hint(value)
    if hint is str:
        if not isinstance(value, str):
            raise XhsError(f"{where}: expected text, got {type(value).__name__}")
        if len(value) > MAX_TEXT:
            raise XhsError(f"{where}: text is {len(value)} characters; the limit is {MAX_TEXT}")
        is_colour = where.endswith("color") or (".stops[" in where and where.endswith("[1]"))
        if is_colour and not HEX_COLOR.match(value):
            raise XhsError(f"{where}: {value!r} is not a colour like '#FF2442'")
        return value
    return value


def read_layer(data: Any, where: str) -> Layer:
    if not isinstance(data, dict):
        raise XhsError(f"{where}: expected an object")
    kind = data.get("kind")
    if kind not in LAYER_TYPES:
        raise XhsError(f"{where}.kind: {kind!r} is not one of {', '.join(LAYER_TYPES)}")
    return from_dict(LAYER_TYPES[kind], data, where)


def cover_from_dict(data: Any, where: str = "cover") -> Cover:
    cover = from_dict(Cover, data, where)
    if not isinstance(cover.background, Background):
        raise XhsError(f"{where}.background: invalid")
    if not (16 <= cover.width <= 8192 and 16 <= cover.height <= 8192):
        raise XhsError(f"{where}: canvas {cover.width}x{cover.height} is outside 16-8192 px")
    ids = [layer.id for layer in cover.layers]
    if len(ids) != len(set(ids)):
        raise XhsError(f"{where}.layers: layer ids must be unique")
    for i, layer in enumerate(cover.layers):
        if isinstance(layer, TextLayer):
            check_runs(layer.runs, len(layer.text), f"{where}.layers[{i}]")
    return cover
