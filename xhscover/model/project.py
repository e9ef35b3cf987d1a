"""Projects: several covers (variants A, B, C...) plus their images, saved as one `.xhscover` zip.

The zip holds `project.json` and `images/<key>`, so a project moves between machines intact.
Loading treats the file as hostile: only a regular file is read, entry names, compression methods
and sizes are checked before anything is inflated, every value is bounded (`xhscover.model.limits`),
images are treated as imports (larger ones downscaled, the total pixel count bounded), and a file
from a newer version of the app is refused with a clear message rather than half-read.
"""

from __future__ import annotations

import io
import json
import os
import stat
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xhscover.errors import ProjectError, XhsError
from xhscover.model import limits
from xhscover.model.cover import Cover
from xhscover.model.images import (
    ASSET_PREFIX,
    STORE_LONG_SIDE,
    ImageStore,
    clean_text,
    display_name,
    image_size,
    read_regular_file,
)
from xhscover.model.layers import ImageLayer
from xhscover.model.serialize import cover_from_dict, to_dict
from xhscover.model.shelf import Shelf, shelf_from_dict, shelf_to_dict

SCHEMA_VERSION = 2
SUFFIX = ".xhscover"
MAX_ENTRIES = 2000
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_FILE_BYTES = 1024 * 1024 * 1024  # the .xhscover file itself
# Errors zipfile and zlib raise on damaged or unusual archives (byte flips, unsupported methods,
# encryption): each becomes one ProjectError naming the file.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError, OSError, ValueError)



def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds optional parts a version-1 app cannot keep (it would drop them on save):
    styled runs inside text layers and the project's shelf. Version-1 files have neither, and
    every new field has a default, so the data carries over as it is.

    Text runs: `TextLayer.runs`, a list of {start, end, color, scale, strokes, highlight}
    (`xhscover.model.styles.TextRun`): character offsets into the layer's text, sorted and not
    overlapping; unset fields inherit the layer's style. Missing means no runs.

    The shelf: top-level "shelf" (`xhscover.model.shelf.Shelf`), {cards, origin, device, theme,
    page, query, placement, slot, seed, sample_titles}. `cards` are the competitor notes, each
    {image, name, title, author, likes, avatar, video, source, rect}, `image` and `avatar` being
    keys of `images/` in the zip (stored like the user's own images; a folder's files byte for
    byte); no cards means the bundled sample shelf. Missing means
    the defaults: sample shelf, iPhone 15, light, home feed, the user's cover at slot 1."""
    return {**data, "schema": 2}


# Each migration takes a project dict of version N and returns version N+1; every version below
# SCHEMA_VERSION has one (tests/model/test_project.py checks it, and loads a frozen version-1 file).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


@dataclass
class Project:
    covers: list[Cover] = field(default_factory=lambda: [Cover()])
    images: ImageStore = field(default_factory=ImageStore)
    title: str = ""
    shelf: Shelf = field(default_factory=Shelf)

    def cover(self, cover_id: str) -> Cover:
        for cover in self.covers:
            if cover.id == cover_id:
                return cover
        raise KeyError(cover_id)

    def next_variant_id(self) -> str:
        taken = {c.id for c in self.covers}
        for i in range(26 * 27):
            name = chr(65 + i % 26) if i < 26 else chr(64 + i // 26) + chr(65 + i % 26)
            if name not in taken:
                return name
        raise XhsError("too many variants in one project")

    def referenced_images(self) -> set[str]:
        refs: set[str] = set()
        for cover in self.covers:
            if cover.background.image:
                refs.add(cover.background.image)
            refs.update(layer.src for layer in cover.layers if isinstance(layer, ImageLayer) and layer.src)
        refs.update(self.shelf.images())
        return {r for r in refs if not r.startswith(ASSET_PREFIX)}


def project_to_dict(project: Project) -> dict[str, Any]:
    return {
        "format": "xhscover",
        "schema": SCHEMA_VERSION,
        "title": project.title,
        "covers": [to_dict(c) for c in project.covers],
        "shelf": shelf_to_dict(project.shelf),
    }


def project_from_dict(data: Any, where: str = "project.json") -> Project:
    if not isinstance(data, dict) or data.get("format") != "xhscover":
        raise ProjectError(f"{where}: not an xhscover project")
    version = data.get("schema")
    if not isinstance(version, int) or version < 1:
        raise ProjectError(f"{where}: missing or invalid schema version")
    if version > SCHEMA_VERSION:
        raise ProjectError(
            f"{where}: made by a newer xhscover (schema {version}; this version reads up to "
            f"{SCHEMA_VERSION}); please update the app"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    covers_data = data.get("covers")
    if not isinstance(covers_data, list) or not covers_data:
        raise ProjectError(f"{where}: a project needs at least one cover")
    if len(covers_data) > limits.MAX_COVERS:
        raise ProjectError(f"{where}: {len(covers_data)} covers; the limit is {limits.MAX_COVERS}")
    try:
        covers = [cover_from_dict(c, f"{where}: covers[{i}]") for i, c in enumerate(covers_data)]
    except XhsError as exc:
        raise ProjectError(str(exc)) from None
    ids = [c.id for c in covers]
    if len(set(ids)) != len(ids):
        raise ProjectError(f"{where}: cover ids must be unique")
    title = data.get("title", "")
    if isinstance(title, str) and len(title) > limits.MAX_TEXT:
        raise ProjectError(f"{where}: the title is {len(title)} characters; the limit is {limits.MAX_TEXT}")
    shelf = shelf_from_dict(data.get("shelf"), f"{where}: shelf")
    return Project(covers=covers, title=clean_text(title) if isinstance(title, str) else "", shelf=shelf)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_NEW_FILE_MODE = 0o666 & ~_umask()  # what open() gives a new file; read once, while single-threaded
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 24 * 3600


def _temp_prefix(target: Path) -> str:
    """`.<name>.<pid>.`: a crashed save leaves a temp file whose writer can be told dead."""
    return f".{target.name}.{os.getpid()}."


def pid_alive(pid: int) -> bool:
    """Whether process `pid` still runs (this process counts as running)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return os.name != "nt"  # on Windows os.kill(pid, 0) is not a probe; assume dead
    return True


def clean_stale_temps(folder: Path, target_name: str | None = None) -> list[Path]:
    """Remove temporary files that saves killed mid-write left in `folder` (or only those of
    `target_name`): a pid-stamped one whose process is gone, or any older than a day.

    Returns what was removed. Files that are not ours (other names, other suffixes) are never touched.
    """
    removed: list[Path] = []
    pattern = f".{target_name}.*{TEMP_SUFFIX}" if target_name else f".*{SUFFIX}.*{TEMP_SUFFIX}"
    try:
        candidates = list(folder.glob(pattern))
    except OSError:
        return removed
    now = time.time()
    for tmp in candidates:
        parts = tmp.name[: -len(TEMP_SUFFIX)].rsplit(".", 2)
        pid = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None
        try:
            st = tmp.lstat()
            if not stat.S_ISREG(st.st_mode):
                continue
            if (pid is not None and not pid_alive(pid)) or now - st.st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
                removed.append(tmp)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def save_project(project: Project, path: str | Path) -> None:
    """Write atomically: a temporary file in the same folder, then rename over the target.

    The file gets the user's normal mode (0666 less the umask, or the existing file's mode), not
    the 0600 of a temporary file; temp files that earlier killed saves left beside it are removed.
    """
    path = Path(path)
    payload = json.dumps(project_to_dict(project), ensure_ascii=False, indent=1).encode("utf-8")
    missing = [r for r in project.referenced_images() if r not in project.images.blobs]
    if missing:
        raise ProjectError(f"cannot save: images missing from the project: {', '.join(sorted(missing))}")
    clean_stale_temps(path.parent, path.name)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = _NEW_FILE_MODE
    try:
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise ProjectError(f"cannot save to {path.parent}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):  # not on Windows, where files have no such mode bits
                os.fchmod(fh.fileno(), mode)
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr("project.json", payload)
                for key in sorted(project.referenced_images()):
                    zf.writestr(f"images/{key}", project.images.blobs[key], compress_type=zipfile.ZIP_STORED)
        os.replace(tmp, path)
    except OSError as exc:
        _remove_quietly(tmp)
        raise ProjectError(f"cannot save {path.name}: {exc.strerror or exc}; the previous file is unchanged") from None
    except BaseException:
        _remove_quietly(tmp)
        raise


def _remove_quietly(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return not (name.startswith(("/", "\\")) or ".." in parts or "\\" in name or ":" in name)


def _read_regular(path: Path) -> bytes:
    """The whole file, refused unless it is a regular file of at most MAX_FILE_BYTES (a FIFO or a
    link to /dev/zero would block or never end)."""
    return read_regular_file(path, limit=MAX_FILE_BYTES, error=ProjectError, what="project")


def load_project(path: str | Path) -> Project:
    path = Path(path)
    name = display_name(path)
    data = _read_regular(path)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise ProjectError(f"{name}: not a valid .xhscover project file ({exc})") from None
    with zf:
        try:
            return _load_from_zip(zf, name)
        except _ZIP_ERRORS as exc:
            raise ProjectError(f"{name}: the file is damaged ({type(exc).__name__}: {exc})") from None


def _load_from_zip(zf: zipfile.ZipFile, name: str) -> Project:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise ProjectError(f"{name}: too many entries ({len(infos)})")
    total = 0
    for info in infos:
        if not _safe_name(info.filename):
            raise ProjectError(f"{name}: unsafe entry name {clean_text(info.filename)!r}")
        if info.flag_bits & 0x1:
            raise ProjectError(f"{name}: entry {clean_text(info.filename)!r} is encrypted; projects never are")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ProjectError(f"{name}: entry {clean_text(info.filename)!r} uses compression method "
                               f"{info.compress_type}; projects use stored or deflated entries")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ProjectError(f"{name}: contents too large ({total // 2**20} MB)")
    try:
        info = zf.getinfo("project.json")
    except KeyError:
        raise ProjectError(f"{name}: project.json is missing") from None
    if info.file_size > MAX_JSON_BYTES:
        raise ProjectError(f"{name}: project.json is too large")
    raw = zf.read(info)
    try:
        parsed = json.loads(raw.decode("utf-8"))
    except RecursionError:  # deeply nested brackets: the schema needs a handful of levels
        raise ProjectError(f"{name}: project.json nests too deeply to be a project") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProjectError(f"{name}: project.json is damaged ({exc})") from None
    project = project_from_dict(parsed, f"{name}: project.json")
    blobs: dict[str, bytes] = {}
    pixels = oversize = 0
    for ref in sorted(project.referenced_images()):
        entry = f"images/{ref}"
        if not _safe_name(entry):
            raise ProjectError(f"{name}: unsafe image reference {clean_text(ref)!r}")
        try:
            blobs[ref] = zf.read(entry)
        except KeyError:
            raise ProjectError(f"{name}: image {clean_text(ref)} is referenced but missing") from None
        w, h = image_size(blobs[ref])
        pixels += w * h
        oversize += w * h if max(w, h) > STORE_LONG_SIDE else 0
        if pixels > limits.MAX_PROJECT_PIXELS or oversize > limits.MAX_OVERSIZE_PIXELS:
            raise ProjectError(
                f"{name}: its images hold over {limits.MAX_PROJECT_PIXELS // 1_000_000} megapixels, or over "
                f"{limits.MAX_OVERSIZE_PIXELS // 1_000_000} megapixels in images larger than an import "
                f"({STORE_LONG_SIDE} px); the app never saves such a project")
    for ref, blob in blobs.items():
        project.images.adopt(ref, blob)
    return project
