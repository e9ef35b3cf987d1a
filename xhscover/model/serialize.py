"""Dataclasses <-> JSON-ready dicts, with errors that name the field that is wrong.

One generic reader driven by type hints keeps project files, layouts and tests in step with the
dataclasses: adding a field with a default never breaks old files.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from xhscover.errors import XhsError
from xhscover.model import limits
from xhscover.model.cover import Background, Cover
from xhscover.model.images import clean_text
from xhscover.model.layers import LAYER_TYPES, Layer, TextLayer
from xhscover.model.runs import check_runs
from xhscover.model.styles import HEX_COLOR

T = TypeVar("T")
MAX_TEXT = limits.MAX_TEXT  # characters in one text field; more is refused, not truncated silently
# Variant ids name output files (`render --all-variants` writes OUT-<id>.png): plain names only.
COVER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")


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
            path = f"{where}.{f.name}" if where else f.name
            kwargs[f.name] = _read(hints[f.name], data[f.name], path, _limits(cls, f.name))
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise XhsError(f"{where or cls.__name__}: {exc}") from None


_Limits = tuple[tuple[float, float], int]


_LIMITS: dict[tuple[type, str], _Limits] = {}


def _limits(cls: type, name: str) -> _Limits:
    """(number range, most list items) for field `name` of `cls`, from xhscover.model.limits."""
    found = _LIMITS.get((cls, name))
    if found is None:
        keys = [(c.__name__, name) for c in cls.__mro__]
        span = next((limits.RANGES[k] for k in keys if k in limits.RANGES), limits.DEFAULT_RANGE)
        items = next((limits.LENGTHS[k] for k in keys if k in limits.LENGTHS), limits.MAX_COVERS * 20)
        found = _LIMITS[(cls, name)] = (span, items)
    return found


def _read(hint: Any, value: Any, where: str, bounds: _Limits = (limits.DEFAULT_RANGE, 2000)) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        options = get_args(hint)
        if value is None and type(None) in options:
            return None
        inner = [o for o in options if o is not type(None)]
        return _read(inner[0], value, where, bounds)
    if origin is Literal:
        if value not in get_args(hint):
            allowed = ", ".join(repr(a) for a in get_args(hint))
            raise XhsError(f"{where}: {value!r} is not one of {allowed}")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise XhsError(f"{where}: expected a list")
        if len(value) > bounds[1]:
            raise XhsError(f"{where}: {len(value)} items; the limit is {bounds[1]}")
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
            raise XhsError(f"{where}: expected a number, got {_short(value)}")
        lo, hi = bounds[0]
        if not lo <= value <= hi:
            raise XhsError(f"{where}: {_short(value)} is outside {lo:g} to {hi:g}")
        return hint(value)
    if hint is str:
        if not isinstance(value, str):
            raise XhsError(f"{where}: expected text, got {type(value).__name__}")
        if len(value) > MAX_TEXT:
            raise XhsError(f"{where}: text is {len(value)} characters; the limit is {MAX_TEXT}")
        if clean_text(value) != value:
            raise XhsError(f"{where}: holds characters that are not text (lone surrogates)")
        is_colour = where.endswith("color") or (".stops[" in where and where.endswith("[1]"))
        if is_colour and not HEX_COLOR.match(value):
            raise XhsError(f"{where}: {value!r} is not a colour like '#FF2442'")
        return value
    return value


def read_layer(data: Any, where: str) -> Layer:
    if not isinstance(data, dict):
        raise XhsError(f"{where}: expected an object")
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in LAYER_TYPES:
        raise XhsError(f"{where}.kind: {_short(kind)} is not one of {', '.join(LAYER_TYPES)}")
    return from_dict(LAYER_TYPES[kind], data, where)


def cover_from_dict(data: Any, where: str = "cover") -> Cover:
    cover = from_dict(Cover, data, where)
    if not isinstance(cover.background, Background):
        raise XhsError(f"{where}.background: invalid")
    if not (16 <= cover.width <= 8192 and 16 <= cover.height <= 8192):
        raise XhsError(f"{where}: canvas {cover.width}x{cover.height} is outside 16-8192 px")
    if not COVER_ID.match(cover.id):
        raise XhsError(f"{where}.id: {_short(cover.id)} is not a variant name (letters, digits, - and _, up to 32)")
    ids = [layer.id for layer in cover.layers]
    if len(ids) != len(set(ids)):
        raise XhsError(f"{where}.layers: layer ids must be unique")
    for i, layer in enumerate(cover.layers):
        if isinstance(layer, TextLayer):
            check_runs(layer.runs, len(layer.text), f"{where}.layers[{i}]")
    chars = sum(len(layer.text) for layer in cover.layers if isinstance(layer, TextLayer))
    if chars > limits.MAX_COVER_TEXT:
        raise XhsError(f"{where}: its text layers hold {chars} characters; the limit is {limits.MAX_COVER_TEXT}")
    return cover


def _short(value: Any) -> str:
    """A value for an error message: repr, cut to a readable length, printable."""
    text = clean_text(repr(value))
    return text if len(text) <= 60 else text[:57] + "..."
