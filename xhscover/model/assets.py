"""Bundled sample photos and stickers as plain data: `assets/photos/photos.json` and
`assets/stickers/stickers.json` read, checked and turned into dataclasses (no Qt here).

Layouts, the sample shelf and the CLI pick pictures by niche (food, outfit, ...) through this one
view, so a broken or hand-edited manifest is reported once, with the file and entry named, instead
of surfacing later as a blank cover. The loaders also check that every file the manifest names is
there (with its license text), because a missing photo is a packaging bug worth catching early.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from xhscover.errors import XhsError
from xhscover.paths import assets_dir

PHOTO_MANIFEST = "photos/photos.json"
STICKER_MANIFEST = "stickers/stickers.json"
NICHES = ("food", "outfit", "travel", "study", "home", "beauty", "pet", "product")
ORIENTATIONS = ("portrait", "landscape", "square")
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
STICKER_SUFFIXES = (".svg",)


class AssetError(XhsError):
    """A bundled asset manifest that is missing, malformed, or names files that are not there."""


@dataclass(frozen=True)
class Photo:
    """One bundled photograph with its provenance (the license needs author and source kept)."""

    id: str
    file: str
    title: str
    tags: tuple[str, ...]
    orientation: str
    width: int
    height: int
    source: str
    origin: str
    author: str
    license: str
    license_file: str
    changes: str
    directory: Path

    @property
    def path(self) -> Path:
        return self.directory / self.file

    @property
    def license_path(self) -> Path:
        return self.directory / self.license_file

    @property
    def aspect(self) -> float:
        """Width over height, from the manifest (no need to open the image)."""
        return self.width / self.height

    def has_niche(self, niche: str) -> bool:
        return niche in self.tags


@dataclass(frozen=True)
class PhotoCatalog:
    """Every bundled photo, in manifest order."""

    root: Path
    photos: tuple[Photo, ...]

    def __len__(self) -> int:
        return len(self.photos)

    def __iter__(self) -> Iterator[Photo]:
        return iter(self.photos)

    def ids(self) -> list[str]:
        return [p.id for p in self.photos]

    def get(self, photo_id: str) -> Photo:
        for photo in self.photos:
            if photo.id == photo_id:
                return photo
        raise AssetError(f"Unknown bundled photo {photo_id!r}; see {self.root / 'photos.json'}.")

    def photos_for(self, niche: str) -> tuple[Photo, ...]:
        """Photos tagged with `niche` (one of NICHES), in manifest order."""
        if niche not in NICHES:
            raise AssetError(f"Unknown photo niche {niche!r}; known niches: {', '.join(NICHES)}.")
        return tuple(p for p in self.photos if niche in p.tags)

    def total_bytes(self) -> int:
        return sum(p.path.stat().st_size for p in self.photos)


@dataclass(frozen=True)
class Sticker:
    """One sticker SVG drawn for the project (CC0)."""

    id: str
    file: str
    name_zh: str
    name_en: str
    tags: tuple[str, ...]
    license: str
    directory: Path

    @property
    def path(self) -> Path:
        return self.directory / self.file


@dataclass(frozen=True)
class StickerCatalog:
    """Every bundled sticker, in manifest order, plus the one license file they share."""

    root: Path
    stickers: tuple[Sticker, ...]
    license: str
    license_file: str

    def __len__(self) -> int:
        return len(self.stickers)

    def __iter__(self) -> Iterator[Sticker]:
        return iter(self.stickers)

    @property
    def license_path(self) -> Path:
        return self.root / self.license_file

    def ids(self) -> list[str]:
        return [s.id for s in self.stickers]

    def get(self, sticker_id: str) -> Sticker:
        for sticker in self.stickers:
            if sticker.id == sticker_id:
                return sticker
        raise AssetError(f"Unknown sticker {sticker_id!r}; see {self.root / 'stickers.json'}.")

    def with_tag(self, tag: str) -> tuple[Sticker, ...]:
        return tuple(s for s in self.stickers if tag in s.tags)


# --- reading and checking -------------------------------------------------------------------


def _read_manifest(path: Path, what: str) -> dict[str, Any]:
    if not path.is_file():
        raise AssetError(f"The {what} manifest {path} is missing; the bundled assets are incomplete.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise AssetError(f"The {what} manifest {path} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise AssetError(
            f"The {what} manifest {path} is not valid JSON (line {exc.lineno}: {exc.msg})."
        ) from None
    if not isinstance(data, dict):
        raise AssetError(f"The {what} manifest {path} must hold a JSON object at the top.")
    return data


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise AssetError(f"{where}: field {key!r} is missing or not a non-empty string.")
    return value


def _positive_int(entry: dict[str, Any], key: str, where: str) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise AssetError(f"{where}: field {key!r} must be a positive whole number.")
    return value


def _tags(entry: dict[str, Any], where: str, allowed: tuple[str, ...] | None) -> tuple[str, ...]:
    value = entry.get("tags")
    if not isinstance(value, list) or not value or not all(isinstance(t, str) and t for t in value):
        raise AssetError(f"{where}: field 'tags' must be a non-empty list of strings.")
    if allowed is not None:
        unknown = [t for t in value if t not in allowed]
        if unknown:
            raise AssetError(
                f"{where}: unknown niche tag {unknown[0]!r}; known niches: {', '.join(allowed)}."
            )
    return tuple(value)


def _local_file(directory: Path, name: str, where: str, key: str, suffixes: tuple[str, ...] | None) -> str:
    """A file name inside `directory` that exists; rejects absolute paths and '..' escapes."""
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or "\\" in name:
        raise AssetError(f"{where}: field {key!r} ({name!r}) must be a relative path inside {directory}.")
    if suffixes is not None and pure.suffix.lower() not in suffixes:
        raise AssetError(f"{where}: field {key!r} ({name!r}) must end in {' or '.join(suffixes)}.")
    if not (directory / name).is_file():
        raise AssetError(f"{where}: file {name!r} named by {key!r} is missing from {directory}.")
    return name


def _entries(data: dict[str, Any], key: str, manifest: Path) -> list[Any]:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise AssetError(f"The manifest {manifest} needs a non-empty {key!r} list.")
    return entries


def _unique(ids: list[str], manifest: Path, what: str) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise AssetError(f"The {what} manifest {manifest} lists id {item!r} twice.")
        seen.add(item)


def _parse_photo(entry: object, index: int, directory: Path, manifest: Path) -> Photo:
    where = f"{manifest} entry {index + 1}"
    if not isinstance(entry, dict):
        raise AssetError(f"{where} must be a JSON object.")
    photo_id = _text(entry, "id", where)
    where = f"{manifest} entry {index + 1} ({photo_id!r})"
    orientation = _text(entry, "orientation", where)
    if orientation not in ORIENTATIONS:
        raise AssetError(f"{where}: orientation {orientation!r} is not one of {', '.join(ORIENTATIONS)}.")
    width = _positive_int(entry, "width", where)
    height = _positive_int(entry, "height", where)
    return Photo(
        id=photo_id,
        file=_local_file(directory, _text(entry, "file", where), where, "file", PHOTO_SUFFIXES),
        title=str(entry.get("title") or photo_id),
        tags=_tags(entry, where, NICHES),
        orientation=orientation,
        width=width,
        height=height,
        source=_text(entry, "source", where),
        origin=str(entry.get("origin") or ""),
        author=_text(entry, "author", where),
        license=_text(entry, "license", where),
        license_file=_local_file(directory, _text(entry, "license_file", where), where, "license_file", None),
        changes=str(entry.get("changes") or ""),
        directory=directory,
    )


def _parse_sticker(entry: object, index: int, directory: Path, manifest: Path, license_: str) -> Sticker:
    where = f"{manifest} entry {index + 1}"
    if not isinstance(entry, dict):
        raise AssetError(f"{where} must be a JSON object.")
    sticker_id = _text(entry, "id", where)
    where = f"{manifest} entry {index + 1} ({sticker_id!r})"
    return Sticker(
        id=sticker_id,
        file=_local_file(directory, _text(entry, "file", where), where, "file", STICKER_SUFFIXES),
        name_zh=_text(entry, "name_zh", where),
        name_en=_text(entry, "name_en", where),
        tags=_tags(entry, where, None),
        license=str(entry.get("license") or license_),
        directory=directory,
    )


def photo_catalog(root: Path | None = None) -> PhotoCatalog:
    """Read `photos/photos.json` under `root` (default: the bundled assets folder).

    Read on every call (48 entries: well under a millisecond) so tests and a hot-swapped assets
    folder never see a stale cache.
    """
    base = Path(root) if root is not None else assets_dir()
    manifest = base / PHOTO_MANIFEST
    data = _read_manifest(manifest, "photo")
    directory = manifest.parent
    photos = tuple(
        _parse_photo(e, i, directory, manifest) for i, e in enumerate(_entries(data, "photos", manifest))
    )
    _unique([p.id for p in photos], manifest, "photo")
    return PhotoCatalog(root=directory, photos=photos)


def sticker_catalog(root: Path | None = None) -> StickerCatalog:
    """Read `stickers/stickers.json` under `root` (default: the bundled assets folder)."""
    base = Path(root) if root is not None else assets_dir()
    manifest = base / STICKER_MANIFEST
    data = _read_manifest(manifest, "sticker")
    directory = manifest.parent
    where = str(manifest)
    license_ = _text(data, "license", where)
    license_file = _local_file(directory, _text(data, "license_file", where), where, "license_file", None)
    stickers = tuple(
        _parse_sticker(e, i, directory, manifest, license_)
        for i, e in enumerate(_entries(data, "stickers", manifest))
    )
    _unique([s.id for s in stickers], manifest, "sticker")
    return StickerCatalog(root=directory, stickers=stickers, license=license_, license_file=license_file)


def photos_for(niche: str, root: Path | None = None) -> tuple[Photo, ...]:
    """Bundled photos tagged with `niche`; shorthand for `photo_catalog(root).photos_for(niche)`."""
    return photo_catalog(root).photos_for(niche)
