"""Projects: several covers (variants A, B, C...) plus their images, saved as one `.xhscover` zip.

The zip holds `project.json` and `images/<key>`, so a project moves between machines intact.
Loading treats the file as hostile: entry names are checked, sizes are bounded, and a file from a
newer version of the app is refused with a clear message rather than half-read.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xhscover.errors import ProjectError, XhsError
from xhscover.model.cover import Cover
from xhscover.model.images import ASSET_PREFIX, ImageStore
from xhscover.model.layers import ImageLayer
from xhscover.model.serialize import cover_from_dict, to_dict

SCHEMA_VERSION = 2
SUFFIX = ".xhscover"
MAX_ENTRIES = 2000
MAX_JSON_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024



def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 adds optional parts a version-1 app cannot keep (it would drop them on save):
    styled runs inside text layers and the project's shelf. Version-1 files have neither, and
    every new field has a default, so the data carries over as it is.

    Text runs: `TextLayer.runs`, a list of {start, end, color, scale, strokes, highlight}
    (`xhscover.model.styles.TextRun`): character offsets into the layer's text, sorted and not
    overlapping; unset fields inherit the layer's style. Missing means no runs."""
    return {**data, "schema": 2}


# Each migration takes a project dict of version N and returns version N+1; every version below
# SCHEMA_VERSION has one (tests/model/test_project.py checks it, and loads a frozen version-1 file).
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


@dataclass
class Project:
    covers: list[Cover] = field(default_factory=lambda: [Cover()])
    images: ImageStore = field(default_factory=ImageStore)
    title: str = ""

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
        return {r for r in refs if not r.startswith(ASSET_PREFIX)}


def project_to_dict(project: Project) -> dict[str, Any]:
    return {
        "format": "xhscover",
        "schema": SCHEMA_VERSION,
        "title": project.title,
        "covers": [to_dict(c) for c in project.covers],
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
    try:
        covers = [cover_from_dict(c, f"{where}: covers[{i}]") for i, c in enumerate(covers_data)]
    except XhsError as exc:
        raise ProjectError(str(exc)) from None
    ids = [c.id for c in covers]
    if len(set(ids)) != len(ids):
        raise ProjectError(f"{where}: cover ids must be unique")
    title = data.get("title", "")
    return Project(covers=covers, title=title if isinstance(title, str) else "")


def save_project(project: Project, path: str | Path) -> None:
    """Write atomically: a temporary file in the same folder, then rename over the target."""
    path = Path(path)
    payload = json.dumps(project_to_dict(project), ensure_ascii=False, indent=1).encode("utf-8")
    missing = [r for r in project.referenced_images() if r not in project.images.blobs]
    if missing:
        raise ProjectError(f"cannot save: images missing from the project: {', '.join(sorted(missing))}")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ProjectError(f"cannot save to {path.parent}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
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


def load_project(path: str | Path) -> Project:
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ProjectError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ProjectError(f"{path.name}: not a valid .xhscover project file ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ENTRIES:
            raise ProjectError(f"{path.name}: too many entries ({len(infos)})")
        total = 0
        for info in infos:
            if not _safe_name(info.filename):
                raise ProjectError(f"{path.name}: unsafe entry name {info.filename!r}")
            total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise ProjectError(f"{path.name}: contents too large ({total // 2**20} MB)")
        try:
            info = zf.getinfo("project.json")
        except KeyError:
            raise ProjectError(f"{path.name}: project.json is missing") from None
        if info.file_size > MAX_JSON_BYTES:
            raise ProjectError(f"{path.name}: project.json is too large")
        try:
            data = json.loads(zf.read(info).decode("utf-8"))
        except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
            raise ProjectError(f"{path.name}: project.json is damaged ({exc})") from None
        project = project_from_dict(data, f"{path.name}: project.json")
        for ref in sorted(project.referenced_images()):
            name = f"images/{ref}"
            if not _safe_name(name):
                raise ProjectError(f"{path.name}: unsafe image reference {ref!r}")
            try:
                project.images.blobs[ref] = zf.read(name)
            except KeyError:
                raise ProjectError(f"{path.name}: image {ref} is referenced but missing") from None
            except (zipfile.BadZipFile, OSError) as exc:
                raise ProjectError(f"{path.name}: image {ref} is damaged ({exc})") from None
    return project
