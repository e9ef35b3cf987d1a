"""The bundled font catalogue: `assets/fonts/fonts.json` as plain data (no Qt here).

The manifest is written by `packaging/fonts/build_fonts.py`; this module only reads and checks it,
so the renderer, the CLI and tests share one validated view of which families exist, which files
hold which weight, and which fonts to fall back to when a character is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from xhscover.errors import FontError
from xhscover.paths import assets_dir

MANIFEST_NAME = "fonts.json"
DEFAULT_FAMILY = "noto-sans-sc"
EMOJI_FAMILY = "noto-color-emoji"
CATEGORIES = ("display", "handwriting", "sans", "playful", "emoji")
FONT_SUFFIXES = (".ttf", ".otf")
MAX_PAYLOAD_BYTES = 40_000_000  # the issue says 40 MB; decimal is the stricter reading

# Punctuation every text family must have: what Chinese note titles really use.
COMMON_PUNCTUATION = (
    "，。、；：？！…—～·“”‘’（）《》〈〉【】「」『』〔〕"
    "！＂＃＄％＆＇（）＊＋，－．／：；＜＝＞？＠［＼］＾＿｀｛｜｝～￥"
)
# Symbols the subsetter asks for when a font has them (covers love them); not required.
EXTRA_SYMBOLS = (
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳❶❷❸❹❺❻❼❽❾❿"
    "★☆✓✔✗✚→←↑↓↗↘⇒⇐·•‧※○●◎◇◆□■△▲▽▼♀♂♠♡♣♤♥♦♧♪♫☀☁☂☺"
    "℃℉№™©®§¶†‡‰′″€£¥¢°±×÷≈≠≤≥∞"
)
ASCII_PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))


def gb2312_chars(level: int | None = None) -> frozenset[str]:
    """GB2312 as Unicode: level 1 (3755 common hanzi), level 2 (3008 hanzi), or all 7445 chars."""
    rows = {1: range(0xB0, 0xD8), 2: range(0xD8, 0xF8), None: range(0xA1, 0xF8)}[level]
    chars = set()
    for b1 in rows:
        for b2 in range(0xA1, 0xFF):
            try:
                chars.add(bytes((b1, b2)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def gb2312_hanzi() -> frozenset[str]:
    """The 6763 hanzi of GB2312 (levels 1 and 2), without its symbol rows."""
    return gb2312_chars(1) | gb2312_chars(2)


def required_chars() -> frozenset[str]:
    """What every text family must draw itself: ASCII, GB2312 level-1 hanzi, common punctuation."""
    return frozenset(ASCII_PRINTABLE) | gb2312_chars(1) | frozenset(COMMON_PUNCTUATION)


@dataclass(frozen=True)
class Coverage:
    """Character counts measured from the subset font's cmap when the manifest was built."""

    chars: int
    gb2312: int
    gb2312_hanzi: int
    notes: str = ""


@dataclass(frozen=True)
class FontFamily:
    """One bundled family: display names, weight -> file, license, source."""

    id: str
    qt_family: str
    name_zh: str
    name_en: str
    category: str
    weights: dict[int, str]
    license: str
    license_file: str
    source: str
    upstream: str
    directory: Path
    coverage: Coverage
    modified_name: bool = False

    @property
    def is_emoji(self) -> bool:
        return self.category == "emoji"

    @property
    def files(self) -> list[Path]:
        return [self.directory / name for _, name in sorted(self.weights.items())]

    @property
    def license_path(self) -> Path:
        return self.directory / self.license_file

    def nearest_weight(self, weight: int) -> int:
        """The bundled weight closest to `weight` (ties go to the heavier one: covers want punch)."""
        return min(self.weights, key=lambda w: (abs(w - weight), -w))

    def file_for(self, weight: int) -> Path:
        return self.directory / self.weights[self.nearest_weight(weight)]


@dataclass(frozen=True)
class FontCatalog:
    """Every bundled family plus the default family and the fallback chain."""

    root: Path
    families: tuple[FontFamily, ...]
    default_family: str
    fallback_chain: tuple[str, ...]
    problems: tuple[str, ...] = ()  # families left out because their files are broken or missing
    _by_id: dict[str, FontFamily] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({f.id: f for f in self.families})

    def ids(self) -> list[str]:
        return [f.id for f in self.families]

    def get(self, family_id: str) -> FontFamily:
        try:
            return self._by_id[family_id]
        except KeyError:
            raise FontError(
                f"Unknown font family {family_id!r}; known families: {', '.join(self.ids())}."
            ) from None

    def fallbacks_for(self, family_id: str) -> list[str]:
        """Families to try after `family_id` for characters it lacks (the chain minus itself)."""
        return [fid for fid in self.fallback_chain if fid != family_id]

    def total_bytes(self) -> int:
        return sum(p.stat().st_size for fam in self.families for p in fam.files)


def _require(entry: dict[str, Any], key: str, kind: type, where: str) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise FontError(f"{where}: field {key!r} is missing or not a {kind.__name__}.")
    return value


def _parse_family(entry: object, root: Path, manifest: Path) -> FontFamily:
    if not isinstance(entry, dict):
        raise FontError(f"{manifest}: every entry of 'families' must be an object.")
    fid = _require(entry, "id", str, f"{manifest}: a family")
    where = f"{manifest}: family {fid!r}"
    category = _require(entry, "category", str, where)
    if category not in CATEGORIES:
        raise FontError(f"{where}: category {category!r} is not one of {', '.join(CATEGORIES)}.")
    raw_weights = _require(entry, "weights", dict, where)
    if not raw_weights:
        raise FontError(f"{where}: 'weights' lists no font file.")
    directory = root / fid
    weights: dict[int, str] = {}
    for key, name in raw_weights.items():
        if not str(key).isdigit() or not 1 <= int(key) <= 1000:
            raise FontError(f"{where}: weight {key!r} is not a number from 1 to 1000.")
        if not isinstance(name, str) or Path(name).suffix.lower() not in FONT_SUFFIXES:
            raise FontError(f"{where}: weight {key} must name a .ttf or .otf file, not {name!r}.")
        if not (directory / name).is_file():
            raise FontError(f"{where}: font file {directory / name} does not exist.")
        weights[int(key)] = name
    license_file = _require(entry, "license_file", str, where)
    if not (directory / license_file).is_file():
        raise FontError(f"{where}: license file {directory / license_file} does not exist.")
    cov = entry.get("coverage") or {}
    coverage = Coverage(
        chars=int(cov.get("chars", 0)),
        gb2312=int(cov.get("gb2312", 0)),
        gb2312_hanzi=int(cov.get("gb2312_hanzi", 0)),
        notes=str(cov.get("notes", "")),
    )
    return FontFamily(
        id=fid,
        qt_family=_require(entry, "qt_family", str, where),
        name_zh=_require(entry, "name_zh", str, where),
        name_en=_require(entry, "name_en", str, where),
        category=category,
        weights=dict(sorted(weights.items())),
        license=_require(entry, "license", str, where),
        license_file=license_file,
        source=_require(entry, "source", str, where),
        upstream=str(entry.get("upstream", "")),
        directory=directory,
        coverage=coverage,
        modified_name=bool(entry.get("modified_name", False)),
    )


def load_catalog(root: Path | None = None, *, strict: bool = False) -> FontCatalog:
    """Read and validate `<root>/fonts.json`; every problem is a FontError naming the field.

    A broken family (missing file, bad field) is left out and recorded in `problems` so one damaged
    font cannot take every other font down with it; `strict=True` (tests, builds) raises instead.
    The manifest itself and the default family must be sound either way.
    """
    root = Path(root) if root is not None else assets_dir() / "fonts"
    manifest = root / MANIFEST_NAME
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FontError(f"Font manifest {manifest} is missing; the font assets are not installed.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FontError(f"Font manifest {manifest} cannot be read: {exc}.") from None
    if not isinstance(data, dict) or not isinstance(data.get("families"), list):
        raise FontError(f"{manifest}: expected an object with a 'families' list.")
    parsed: list[FontFamily] = []
    problems: list[str] = []
    for entry in data["families"]:
        try:
            parsed.append(_parse_family(entry, root, manifest))
        except FontError as exc:
            if strict:
                raise
            problems.append(str(exc))
    families = tuple(parsed)
    ids = [f.id for f in families]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise FontError(f"{manifest}: family id(s) {', '.join(duplicates)} appear more than once.")
    default = data.get("default_family", DEFAULT_FAMILY)
    if default not in ids:
        detail = f" ({problems[0]})" if problems else ""
        raise FontError(f"{manifest}: default family {default!r} is not among {', '.join(ids)}{detail}.")
    chain = data.get("fallback_chain", [default])
    if not isinstance(chain, list) or not chain:
        raise FontError(f"{manifest}: 'fallback_chain' must be a non-empty list of family ids.")
    unknown = [c for c in chain if c not in ids]
    if unknown and (strict or not problems):
        raise FontError(f"{manifest}: fallback family {unknown[0]!r} is not among {', '.join(ids)}.")
    chain = [c for c in chain if c in ids]
    return FontCatalog(root=root, families=families, default_family=default, fallback_chain=tuple(chain),
                       problems=tuple(problems))


@lru_cache(maxsize=1)
def font_catalog() -> FontCatalog:
    """The bundled catalogue, read once per process (assets do not change while running)."""
    return load_catalog()


def family_ids() -> list[str]:
    return font_catalog().ids()


def get_family(family_id: str) -> FontFamily:
    """The family with this id, or FontError naming it and the known ids."""
    return font_catalog().get(family_id)


def describe_fonts(catalog: FontCatalog | None = None) -> list[str]:
    """Lines for `xhscover fonts`: id, names, weights, license, size (one family per line)."""
    catalog = catalog or font_catalog()
    lines = []
    for fam in catalog.families:
        size_mb = sum(p.stat().st_size for p in fam.files) / 1e6
        weights = ",".join(str(w) for w in fam.weights)
        marks = " (default)" if fam.id == catalog.default_family else ""
        lines.append(
            f"{fam.id:<22} {fam.name_zh} / {fam.name_en}{marks} [{fam.category}] "
            f"weights {weights}; {fam.license}; {size_mb:.1f} MB"
        )
    lines.extend(f"left out: {problem}" for problem in catalog.problems)
    lines.append(
        f"fallback: {' -> '.join(catalog.fallback_chain)}; "
        f"total {catalog.total_bytes() / 1e6:.1f} MB in {len(catalog.families)} families"
    )
    return lines
