"""Feed cards (cover + title + author + likes) and loading a folder of competitor covers. No Qt.

A card's image is whatever the caller has: a file path, an RGB uint8 numpy array or a QImage;
only the drawing code turns it into pixels, so this module stays importable without Qt.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from xhscover.errors import XhsError
from xhscover.feed.imagefiles import IMAGE_SUFFIXES, is_image_file, load_rgb
from xhscover.feed.likes import format_likes, parse_likes
from xhscover.feed.metadata import CardMeta, read_metadata
from xhscover.model.images import clean_text, display_name, open_image, read_image_file
from xhscover.paths import assets_dir

MAX_COMPETITORS = 500  # covers read from one folder: a shelf shows a few dozen

__all__ = ["Card", "format_likes", "parse_likes", "load_competitor_dir", "sample_shelf_dir", "card_from_image"]

SHELF_COVER_WIDTH = 540
"""Competitor covers are decoded this wide for the app's feed and for scoring in the app and the
CLI alike (a 3x feed card is ~570 px; JPEG draft mode opens them at 1/2 scale): the same
pixels in both give the same scores."""


@dataclass
class Card:
    """One note in the feed. `aspect` is the cover's width / height before the 3:4 crop."""

    id: str
    image: Any  # Path | str | np.ndarray (H, W, 3 uint8) | QImage
    aspect: float
    title: str = ""
    author: str = ""
    likes: int = 0
    avatar: Any = None  # Path | np.ndarray | QImage | None (None: coloured circle with initial)
    mine: bool = False
    liked: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def with_image(self, image: Any, aspect: float | None = None) -> Card:
        """The same note with an edited cover (the UI's re-render path)."""
        return replace(self, image=image, aspect=aspect if aspect is not None else image_aspect(image))


def image_aspect(image: Any) -> float:
    """Width / height of a path, array or QImage (QImage duck-typed to keep Qt out)."""
    if isinstance(image, np.ndarray):
        return float(image.shape[1] / max(1, image.shape[0]))
    if hasattr(image, "width") and hasattr(image, "height") and callable(image.width):
        return float(image.width() / max(1, image.height()))
    if isinstance(image, (str, Path)):
        w, h = open_image(read_image_file(image), display_name(image)).size
        return w / max(1, h)
    raise TypeError(f"unsupported image source {type(image).__name__}")


def card_from_image(image: Any, *, id: str = "mine", title: str = "", author: str = "我", likes: int = 0,
                    mine: bool = True, avatar: Any = None) -> Card:
    """A card for the user's own cover (path, array or QImage)."""
    return Card(id=id, image=image, aspect=image_aspect(image), title=title, author=author,
                likes=likes, avatar=avatar, mine=mine)


def note_title(cover: Any) -> str:
    """The note title under one of the user's covers in the feed: the cover's own. (The project's
    title is a file name stem, often the layout's name: it is not shown as a note title.) The app's
    feed and the CLI both title the card this way."""
    return str(cover.note_title or "")


def sample_shelf_dir() -> Path:
    """The bundled sample shelf (`assets/shelf/`), filled by the lead from the project layouts."""
    return assets_dir() / "shelf"


_CAMERA_NAME = re.compile(r"^(img|dsc|dscn|pxl|mmexport|wechat|screenshot|photo|image|cover)?[\W_]*[0-9a-f_\-]*$",
                          re.IGNORECASE)


def _stable_int(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def default_meta(file_name: str) -> CardMeta:
    """Plausible filler for a cover with no metadata row: stem as title unless it is camera noise,
    a default-style nickname (小红薯XXXX), and a like count that is stable per file name."""
    stem = Path(file_name).stem
    title = "" if _CAMERA_NAME.match(stem) else stem.replace("_", " ").strip()
    h = _stable_int(file_name)
    author = f"小红薯{h % 0xFFFFFF:06X}"
    # a long-tailed spread like real feeds: mostly hundreds to a few thousand, some 万
    likes = int(10 ** (1.5 + (h >> 24) % 1000 / 1000 * 3.2))
    return CardMeta(file=file_name, title=title, author=author, likes=likes)


def load_competitor_dir(path: Path | str, *, max_width: int = 1080,
                        _allow_sample: bool = True) -> tuple[list[Card], list[str]]:
    """Competitor cards from a folder of PNG/JPEG/WebP covers plus optional cards.csv/cards.json.

    Returns (cards, warnings). Metadata rows come first in their order, then unlisted images by
    name. Unreadable or oversized images are skipped with a warning naming them. An empty folder
    falls back to the bundled sample shelf (or generated placeholders) with a notice.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise XhsError(f"Competitor folder {display_name(folder)} does not exist.")
    metas, warnings, meta_name = read_metadata(folder)
    files: list[Path] = []
    for entry in folder.iterdir():
        if entry.suffix.lower() in IMAGE_SUFFIXES and not entry.name.startswith("."):
            if is_image_file(entry):
                files.append(entry)
            else:
                warnings.append(f"Skipped {display_name(entry)}: not a regular file.")
            if len(files) > MAX_COMPETITORS:
                raise XhsError(f"Competitor folder {display_name(folder)} holds over {MAX_COMPETITORS} covers; "
                               f"a shelf needs a few dozen.")
    files.sort(key=lambda p: p.name.lower())
    by_name = {p.name: p for p in files}
    ordered: list[tuple[Path, CardMeta]] = []
    used: set[str] = set()
    for meta in metas:
        p = by_name.get(meta.file) or by_name.get(Path(meta.file).name)
        if p is None:
            warnings.append(f"{meta_name} line {meta.line}: file {clean_text(meta.file)!r} is not in the folder; row skipped.")
            continue
        if p.name in used:
            warnings.append(f"{meta_name} line {meta.line}: {display_name(p)} is listed twice; later row skipped.")
            continue
        used.add(p.name)
        defaults = default_meta(display_name(p))
        ordered.append((p, CardMeta(
            file=p.name,
            title=meta.title if meta.title is not None else defaults.title,
            author=meta.author if meta.author is not None else defaults.author,
            likes=meta.likes if meta.likes is not None else defaults.likes,
            avatar=meta.avatar, line=meta.line)))
    ordered += [(p, default_meta(display_name(p))) for p in files if p.name not in used]

    cards: list[Card] = []
    root = folder.resolve()
    for p, meta in ordered:
        shown = display_name(p)
        try:
            rgb = load_rgb(p, max_width=max_width)
        except XhsError as exc:
            warnings.append(f"Skipped {exc}")
            continue
        avatar = None
        if meta.avatar:
            try:
                avatar = load_rgb(_avatar_path(root, meta.avatar), max_width=160)
            except XhsError as exc:
                warnings.append(f"Avatar {clean_text(meta.avatar)} for {shown} not used: {exc}")
        cards.append(Card(id=display_name(p.stem), image=rgb, aspect=rgb.shape[1] / rgb.shape[0],
                          title=meta.title or "", author=meta.author or "", likes=meta.likes or 0, avatar=avatar,
                          extra={"file": clean_text(str(p))}))

    if not cards and _allow_sample:
        warnings.append(f"No usable cover images in {folder}; showing the sample shelf instead.")
        cards, more = load_sample_shelf()
        warnings += more
    return cards, warnings


def _avatar_path(root: Path, name: str) -> Path:
    """An avatar named in the metadata, confined to the competitor folder (no other file on disk
    can be read through cards.csv: absolute paths, `..` and links that lead out are refused)."""
    try:
        path = (root / name).resolve()
    except (OSError, ValueError) as exc:
        raise XhsError(f"the path cannot be used ({exc})") from None
    if root not in path.parents:
        raise XhsError("avatars must be files inside the competitor folder")
    return path


def load_sample_shelf(max_width: int = 720) -> tuple[list[Card], list[str]]:
    """The bundled sample shelf; generated placeholder covers until assets/shelf/ is filled.

    720 px covers the widest card (430 pt x 48.2% x 3 = 622 px) at a third of the memory of 1080."""
    shelf = sample_shelf_dir()
    if shelf.is_dir() and any(is_image_file(p) for p in shelf.iterdir()):
        return load_competitor_dir(shelf, max_width=max_width, _allow_sample=False)
    from xhscover.feed.sample import synthetic_shelf

    return synthetic_shelf(), []
