"""Optional competitor metadata beside the covers: `cards.csv` or `cards.json`.

Each row names a cover file and may give title, author, likes and avatar. A malformed row is
reported with its line number and skipped; the other rows still load (users edit these by hand).
Everything here is bounded (file size, rows, field lengths, like counts), because a metadata file
comes with a downloaded folder and is drawn into every feed.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xhscover.errors import ImageError
from xhscover.feed.likes import parse_likes
from xhscover.model.images import clean_text, read_regular_file

METADATA_NAMES = ("cards.csv", "cards.json")
FIELDS = ("file", "title", "author", "likes", "avatar")
MAX_METADATA_BYTES = 4 * 1024 * 1024
MAX_ROWS = 2000
MAX_FIELD_CHARS = {"file": 300, "title": 300, "author": 100, "avatar": 300}


@dataclass(frozen=True)
class CardMeta:
    file: str
    title: str | None = None
    author: str | None = None
    likes: int | None = None
    avatar: str | None = None
    line: int = 0


def _row_to_meta(row: dict[str, Any], where: str, line: int) -> tuple[CardMeta | None, str | None]:
    """Validate one row; returns (meta, None) or (None, warning)."""
    file = row.get("file")
    if not isinstance(file, str) or not file.strip():
        return None, f"{where} line {line}: no 'file' given; row skipped."
    for key, limit in MAX_FIELD_CHARS.items():
        val = row.get(key)
        if isinstance(val, str) and len(val) > limit:
            return None, f"{where} line {line}: {key} is {len(val)} characters (the limit is {limit}); row skipped."
    likes_raw = row.get("likes")
    likes: int | None = None
    if likes_raw not in (None, ""):
        likes = parse_likes(likes_raw)
        if likes is None:
            return None, f"{where} line {line}: likes {likes_raw!r} is not a count; row skipped."
    texts = {}
    for key in ("title", "author", "avatar"):
        val = row.get(key)
        if val is not None and not isinstance(val, (str, int, float)):
            return None, f"{where} line {line}: {key} must be text; row skipped."
        texts[key] = None if val in (None, "") else clean_text(str(val)).strip()
    return CardMeta(file=clean_text(file).strip(), likes=likes, line=line, **texts), None


def parse_csv(text: str, where: str = "cards.csv") -> tuple[list[CardMeta], list[str]]:
    """Rows of a cards.csv (header row required, with at least a 'file' column)."""
    warnings: list[str] = []
    metas: list[CardMeta] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), strict=True)
    header: list[str] | None = None
    first = 1  # line where the current row starts
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            warnings.append(f"{where} line {first}: malformed CSV ({exc}, an unbalanced quote?); "
                            f"the rest of the file is skipped.")
            break
        line, first = first, reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        if len(metas) >= MAX_ROWS:
            warnings.append(f"{where} line {line}: more than {MAX_ROWS} rows; the rest is ignored.")
            break
        if header is None:
            header = [c.strip().lower() for c in row]
            if "file" not in header:
                warnings.append(f"{where} line {line}: header has no 'file' column; metadata ignored.")
                return [], warnings
            continue
        if reader.line_num > line:
            warnings.append(f"{where} line {line}: the row runs over {reader.line_num - line + 1} lines "
                            f"(an unbalanced quote?); row skipped.")
            continue
        if len(row) > len(header):
            warnings.append(f"{where} line {line}: {len(row)} fields, header has {len(header)}; row skipped.")
            continue
        meta, warn = _row_to_meta(dict(zip(header, (c.strip() for c in row), strict=False)), where, line)
        if warn:
            warnings.append(warn)
        elif meta:
            metas.append(meta)
    return metas, warnings


def parse_json(text: str, where: str = "cards.json") -> tuple[list[CardMeta], list[str]]:
    """Entries of a cards.json: a list of objects, or {"cards": [...]}; errors carry line numbers."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [f"{where} line {exc.lineno}: not valid JSON ({exc.msg}); metadata ignored."]
    except RecursionError:
        return [], [f"{where}: nested too deeply to be card metadata; metadata ignored."]
    items = data.get("cards") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return [], [f"{where} line 1: expected a list of cards or {{\"cards\": [...]}}; metadata ignored."]
    extra: list[str] = []
    if len(items) > MAX_ROWS:
        extra.append(f"{where}: {len(items)} entries; only the first {MAX_ROWS} are read.")
        items = items[:MAX_ROWS]
    lines = _element_lines(text, len(items))
    warnings: list[str] = []
    metas: list[CardMeta] = []
    for item, line in zip(items, lines, strict=True):
        if not isinstance(item, dict):
            warnings.append(f"{where} line {line}: entry is not an object; skipped.")
            continue
        meta, warn = _row_to_meta(item, where, line)
        if warn:
            warnings.append(warn)
        elif meta:
            metas.append(meta)
    return metas, warnings + extra


def _element_lines(text: str, count: int) -> list[int]:
    """Line number where each element of the cards array starts (json has no positions)."""
    decoder = json.JSONDecoder()
    start = text.find("[")
    brace = text.find("{")
    if brace != -1 and brace < start:  # {"cards": [...]}: find the array after the key
        key = text.find('"cards"')
        start = text.find("[", key if key != -1 else 0)
    lines: list[int] = []
    idx = start + 1
    for _ in range(count):
        while idx < len(text) and text[idx] in " \t\r\n,":
            idx += 1
        lines.append(text.count("\n", 0, idx) + 1)
        try:
            _, idx = decoder.raw_decode(text, idx)
        except json.JSONDecodeError:
            break
    lines += [lines[-1] if lines else 1] * (count - len(lines))
    return lines


def read_metadata(folder: Path) -> tuple[list[CardMeta], list[str], str | None]:
    """Metadata of a competitor folder: (rows, warnings, file name used or None)."""
    for name in METADATA_NAMES:
        path = folder / name
        if path.exists():
            try:
                text = read_regular_file(path, limit=MAX_METADATA_BYTES, error=ImageError, what="card list").decode("utf-8-sig")
            except ImageError as exc:
                return [], [f"{exc}; metadata ignored."], name
            except UnicodeDecodeError:
                return [], [f"{name} is not UTF-8 text; metadata ignored."], name
            parse = parse_csv if name.endswith(".csv") else parse_json
            metas, warns = parse(text, name)
            return metas, warns, name
    return [], [], None
