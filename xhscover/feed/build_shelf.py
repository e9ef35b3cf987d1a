"""Build the bundled sample shelf (`assets/shelf/`) from its recipe with the real cover renderer.

The shelf is made by the project itself: every competitor cover is a bundled layout filled with
bundled, license-clean photos, so it can be rebuilt (and its licenses traced) from
`assets/shelf/recipe.json` alone. Run ``python -m xhscover.feed.build_shelf`` (or
``scripts/build_sample_shelf.py``) after changing the recipe, a layout, a photo or the renderer.

Recipe entries: ``id``, ``niche``, ``layout``, ``ratio``, ``content`` (slot -> text or
``asset:photos/...``), optional ``restyle`` (slot -> field overrides, the same vocabulary as a
layout's ``ratios`` block: colours, stickers, focal points) and the feed metadata ``title``,
``author``, ``likes``.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from xhscover.errors import XhsError
from xhscover.feed.cards import sample_shelf_dir
from xhscover.model.assets import NICHES
from xhscover.model.cover import RATIOS, Cover
from xhscover.model.images import asset_path
from xhscover.model.layers import ImageLayer
from xhscover.model.layouts import build_cover, get_layout

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

RECIPE_NAME = "recipe.json"
SHELF_NICHES = (*NICHES, "other")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class ShelfEntry:
    """One sample note: how to make its cover and what the feed shows under it."""

    id: str
    niche: str
    layout: str
    ratio: str
    content: dict[str, str]
    title: str
    author: str
    likes: int
    restyle: dict[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> str:
        return f"{self.id}.jpg"


@dataclass(frozen=True)
class Recipe:
    entries: tuple[ShelfEntry, ...]
    width: int = 1080
    quality: int = 85


def _entry(item: Any, index: int, where: str) -> ShelfEntry:
    if not isinstance(item, dict):
        raise XhsError(f"{where}: cards[{index}] is not an object.")
    at = f"{where}: cards[{index}]"
    for key in ("id", "niche", "layout", "ratio", "title", "author"):
        if not isinstance(item.get(key), str) or not item[key]:
            raise XhsError(f"{at}: field '{key}' must be a non-empty string.")
    at = f"{where}: card {item['id']!r}"
    if not _ID.match(item["id"]):
        raise XhsError(f"{at}: id must be lower-case letters, digits and dashes (it names the file).")
    if item["niche"] not in SHELF_NICHES:
        raise XhsError(f"{at}: niche {item['niche']!r} is not one of {', '.join(SHELF_NICHES)}.")
    if item["ratio"] not in RATIOS:
        raise XhsError(f"{at}: ratio {item['ratio']!r} is not one of {', '.join(RATIOS)}.")
    likes = item.get("likes")
    if not isinstance(likes, int) or isinstance(likes, bool) or likes < 0:
        raise XhsError(f"{at}: likes must be a whole number >= 0.")
    content = item.get("content", {})
    if not isinstance(content, dict) or not all(isinstance(v, str) for v in content.values()):
        raise XhsError(f"{at}: content must map slot ids to text or image references.")
    restyle = item.get("restyle", {})
    if not isinstance(restyle, dict) or not all(isinstance(v, dict) for v in restyle.values()):
        raise XhsError(f"{at}: restyle must map slot ids to objects of field overrides.")
    return ShelfEntry(id=item["id"], niche=item["niche"], layout=item["layout"], ratio=item["ratio"],
                      content=dict(content), title=item["title"], author=item["author"], likes=likes,
                      restyle=copy.deepcopy(restyle))


def load_recipe(path: Path | str | None = None) -> Recipe:
    """The shelf recipe, validated (unique ids; layouts, slots and photos are checked on build)."""
    p = Path(path) if path is not None else sample_shelf_dir() / RECIPE_NAME
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise XhsError(f"{p.name}: cannot read the shelf recipe ({exc.strerror or exc}).") from None
    except ValueError as exc:
        raise XhsError(f"{p.name}: invalid JSON ({exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("cards"), list):
        raise XhsError(f"{p.name}: expected an object with a 'cards' list.")
    entries = tuple(_entry(item, i, p.name) for i, item in enumerate(data["cards"]))
    ids = [e.id for e in entries]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise XhsError(f"{p.name}: duplicate card ids {dupes}.")
    return Recipe(entries=entries, width=int(data.get("width", 1080)), quality=int(data.get("quality", 85)))


def _deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = _deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
    return out


def entry_cover(entry: ShelfEntry) -> Cover:
    """The entry's cover: its layout in its ratio, restyled, with the slot content filled in.

    `restyle` is applied as extra per-ratio overrides on a copy of the layout, so it goes through
    the same code path (and validation) as a layout's own `ratios` block.
    """
    layout = get_layout(entry.layout)
    where = f"{RECIPE_NAME}: card {entry.id!r}"
    if entry.restyle:
        known = {s["id"] for s in layout.slots if "id" in s} | {"background"}
        unknown = sorted(set(entry.restyle) - known)
        if unknown:
            raise XhsError(f"{where}: restyle names unknown slots {unknown} of layout {layout.id!r}.")
        ratios = dict(layout.ratios)
        ratios[entry.ratio] = _deep_merge(ratios.get(entry.ratio, {}), entry.restyle)
        layout = dataclasses.replace(layout, ratios=ratios, source=f"{where} ({layout.source})")
    try:
        cover = build_cover(layout, entry.ratio, entry.content)
    except XhsError as exc:
        raise XhsError(f"{where}: {exc}") from None
    for layer in cover.layers:
        if isinstance(layer, ImageLayer) and layer.src.startswith("asset:"):
            if not asset_path(layer.src).is_file():
                raise XhsError(f"{where}: image {layer.src} is not a bundled asset.")
    return cover


def entry_photos(entry: ShelfEntry) -> list[str]:
    """Bundled photo files the entry's cover shows (for attribution)."""
    cover = entry_cover(entry)
    refs = [lay.src for lay in cover.layers if isinstance(lay, ImageLayer) and lay.visible and lay.src]
    if cover.background.image:
        refs.append(cover.background.image)
    return [r.rsplit("/", 1)[-1] for r in dict.fromkeys(refs) if r.startswith("asset:photos/")]


def render_entry(entry: ShelfEntry, width: int = 1080) -> QImage:
    """The entry's cover as a QImage `width` pixels wide (Qt is imported here, not at module load)."""
    from xhscover.model.images import ImageStore
    from xhscover.render.cover import render_cover

    cover = entry_cover(entry)
    return render_cover(cover, ImageStore(), scale=width / cover.width)


def cards_json(recipe: Recipe) -> str:
    """The shelf's `cards.json` (the competitor-folder metadata format), in feed order."""
    rows = [{"file": e.file, "title": e.title, "author": e.author, "likes": e.likes} for e in recipe.entries]
    lines = ",\n".join("    " + json.dumps(r, ensure_ascii=False) for r in rows)
    return '{\n  "cards": [\n' + lines + "\n  ]\n}\n"


README_HEAD = """# Sample shelf

{count} competitor covers shown in the shelf simulator when the user has no competitor folder (and
after an empty one). They are **made by xhscover itself**: each cover is one of the project's own
layouts (`assets/layouts/`) filled with bundled photos (`assets/photos/`) and rendered by the app's
renderer at {width} px wide (JPEG quality {quality}). Nothing here was taken from Xiaohongshu; titles,
nicknames and like counts are invented to look like a real 发现 feed.

- `recipe.json` - the source: for every note its niche, layout, ratio, slot content (cover text and
  `asset:photos/...` refs), optional restyle (colours, stickers) and the title, author and likes
  the feed shows. Order = feed order.
- `<id>.jpg` + `cards.json` - generated; `cards.json` is the competitor-folder metadata format
  (`xhscover/feed/metadata.py`).
- Rebuild after changing the recipe, a layout, a photo, a font or the renderer:
  `.venv/bin/python scripts/build_sample_shelf.py` (or `python -m xhscover.feed.build_shelf`);
  `tests/feed/test_sample_shelf.py` fails when the files no longer match the recipe.

## Licenses

The covers are adaptations of the bundled photos (CC0-1.0, public domain, MIT and CC BY 2.0/4.0;
no share-alike) combined with the project's layouts, stickers and OFL fonts. Each photo's author,
origin and license is in `assets/photos/photos.json` (license texts in `assets/photos/licenses/`);
see `assets/LICENSES.md`. The photos used by each cover, with the attribution CC BY asks for:

| cover | layout | photos (author, license) |
|---|---|---|
"""


def readme_text(recipe: Recipe) -> str:
    """The shelf README, with a per-cover attribution table generated from the photo manifest."""
    from xhscover.model.assets import photo_catalog

    by_file = {p.file: p for p in photo_catalog()}
    rows = []
    for e in recipe.entries:
        credits = []
        for f in entry_photos(e):
            ph = by_file.get(f)
            credits.append(f"`{f}` ({ph.author}, {ph.license})" if ph else f"`{f}`")
        rows.append(f"| `{e.file}` | {e.layout} | {'; '.join(credits) or 'none (text only)'} |")
    head = README_HEAD.format(count=len(recipe.entries), width=recipe.width, quality=recipe.quality)
    return head + "\n".join(rows) + "\n"


def build_shelf(out_dir: Path | str | None = None, *, only: list[str] | None = None,
                recipe_path: Path | str | None = None, log: Callable[[str], None] = print) -> list[Path]:
    """Render every recipe entry (or `only` those ids) to `<id>.jpg` and write cards.json.

    A full build also deletes JPEGs in the folder that no recipe entry names (renamed entries).
    """
    from xhscover.render.export import save_image

    out = Path(out_dir) if out_dir is not None else sample_shelf_dir()
    out.mkdir(parents=True, exist_ok=True)
    recipe = load_recipe(recipe_path if recipe_path is not None else
                         (out / RECIPE_NAME if (out / RECIPE_NAME).is_file() else None))
    wanted = set(only or [])
    unknown = wanted - {e.id for e in recipe.entries}
    if unknown:
        raise XhsError(f"no recipe entries {sorted(unknown)}.")
    written: list[Path] = []
    for entry in recipe.entries:
        if wanted and entry.id not in wanted:
            continue
        path = out / entry.file
        save_image(render_entry(entry, recipe.width), path, quality=recipe.quality)
        written.append(path)
        log(f"{entry.file:40s} {entry.layout:18s} {entry.ratio:4s} {path.stat().st_size // 1024:4d} KB")
    if not wanted:
        keep = {e.file for e in recipe.entries}
        for stale in out.glob("*.jpg"):
            if stale.name not in keep:
                stale.unlink()
                log(f"removed stale {stale.name}")
    (out / "cards.json").write_text(cards_json(recipe), encoding="utf-8")
    (out / "README.md").write_text(readme_text(recipe), encoding="utf-8")
    total = sum(p.stat().st_size for p in out.iterdir() if p.is_file())
    log(f"{len(recipe.entries)} cards; folder {out} is {total / 1e6:.2f} MB")
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Render the bundled sample shelf from assets/shelf/recipe.json.")
    ap.add_argument("--out", help="output folder (default: the bundled assets/shelf)")
    ap.add_argument("--only", nargs="*", help="render only these recipe ids")
    args = ap.parse_args(argv)
    from xhscover.render.qt import ensure_gui_app

    ensure_gui_app()
    try:
        build_shelf(args.out, only=args.only)
    except XhsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
