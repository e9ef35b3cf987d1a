"""File I/O around the attention functions (the rest of the package stays array-only).

Used by `xhscover saliency IMAGE... --out-dir DIR [--model NAME]`: the CLI calls
`write_saliency_outputs(paths, out_dir, model)` and prints the files it returns.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from xhscover.attention._checks import as_map
from xhscover.attention.heatmap import overlay_heatmap
from xhscover.attention.saliency import saliency_map
from xhscover.errors import ImageError
from xhscover.model.images import decode_image, display_name, open_image, read_image_file

MAX_PIXELS = 100_000_000
"""Refuse images above 100 megapixels (a decompression bomb, not a cover)."""


WORK_MAX_SIDE = 2048
"""Larger inputs are reduced to about this long side before the model runs (it works at 256 px)."""


def read_image(path: str | os.PathLike[str], *, max_side: int | None = None) -> np.ndarray:
    """Read an image file as RGB uint8 HxWx3 (EXIF orientation applied, alpha over white).

    Through the app's one image opener: regular files only, PNG/JPEG/WebP/BMP/GIF/TIFF decided
    by content, at most MAX_PIXELS from the header (ImageError with one sentence otherwise).
    With `max_side`, an image over twice that is reduced by a whole factor while decoding.
    """
    from PIL import Image

    p = Path(path)
    img = decode_image(read_image_file(p), display_name(p), max_side=max_side)
    if img.mode == "RGBA":
        background = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, img)
    rgb: np.ndarray = np.array(img.convert("RGB"), dtype=np.uint8)
    return rgb


def save_map_png16(path: str | os.PathLike[str], smap: np.ndarray, size: tuple[int, int] | None = None) -> Path:
    """Write a map as a 16-bit greyscale PNG with its maximum scaled to 65535 (all-zero stays 0).

    `size` (width, height) resizes the map (bilinear) after it is scaled to 16 bits, so a map
    for a 100-megapixel input costs 200 MB of output pixels, not 400 MB of floats first.
    """
    arr = as_map(smap)
    peak = float(arr.max())
    scaled: np.ndarray = np.zeros(arr.shape, np.uint16) if not peak > 0 else np.clip(
        np.rint(np.maximum(arr, 0.0) * (65535.0 / peak)), 0, 65535).astype(np.uint16)
    if size is not None and (scaled.shape[1], scaled.shape[0]) != size:
        scaled = cv2.resize(scaled, size, interpolation=cv2.INTER_LINEAR)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    try:
        Image.fromarray(scaled).save(path, format="PNG")
    except (OSError, ValueError) as exc:
        raise ImageError(f"Could not write {path}: {exc}.") from exc
    return path


def load_map_png16(path: str | os.PathLike[str]) -> np.ndarray:
    """Read a map written by `save_map_png16` back as float32 in [0, 1] (max = 1)."""
    from PIL import Image

    try:
        with Image.open(path) as img:
            if img.mode not in ("I;16", "I;16B", "I", "L"):
                raise ImageError(f"{path} is not a greyscale PNG map.")
            arr = np.asarray(img, dtype=np.float64)
            peak = 255.0 if img.mode == "L" else 65535.0
    except OSError as exc:
        raise ImageError(f"{path} is not a greyscale PNG map ({exc}).") from exc
    return (arr / peak).astype(np.float32)


def save_rgb(path: str | os.PathLike[str], rgb: np.ndarray) -> Path:
    """Write an RGB uint8 image (format from the suffix: .png, .jpg, ...; JPEG at quality 92)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from PIL import Image

    options: dict[str, Any] = {"quality": 92} if path.suffix.lower() in (".jpg", ".jpeg") else {"compress_level": 3}
    try:
        Image.fromarray(np.ascontiguousarray(rgb[:, :, :3], dtype=np.uint8)).save(path, **options)
    except (OSError, ValueError, KeyError) as exc:  # KeyError: a suffix Pillow has no writer for
        raise ImageError(f"Could not write {path}: {exc}.") from exc
    return path


def encode_image(rgb: np.ndarray, fmt: str = "jpeg", quality: int = 86) -> bytes:
    """An RGB uint8 image as PNG or JPEG bytes (for data: URIs in reports)."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    image = Image.fromarray(np.ascontiguousarray(rgb[:, :, :3], dtype=np.uint8))
    if fmt == "png":
        image.save(buf, format="PNG", compress_level=6)
    else:
        image.save(buf, format="JPEG", quality=int(quality))
    return buf.getvalue()


def write_saliency_outputs(path: str | os.PathLike[str], out_dir: str | os.PathLike[str],
                           model: str = "default", *, overlay: bool = False, kind: str = "image") -> list[Path]:
    """Write OUT_DIR/STEM.png (16-bit map, the input's width and height) and optionally STEM-overlay.jpg
    (at the working size when the input is over twice WORK_MAX_SIDE). `kind` ("image", "cover",
    "page", "screen") picks the default model's position prior."""
    out = Path(out_dir)
    p = Path(path)
    size = open_image(read_image_file(p), display_name(p)).size  # the output keeps the input's size
    rgb = read_image(p, max_side=WORK_MAX_SIDE)
    smap = saliency_map(rgb, model=model, kind=kind)
    stem = display_name(p.stem)
    written = [save_map_png16(out / f"{stem}.png", smap, size)]
    if overlay:
        written.append(save_rgb(out / f"{stem}-overlay.jpg", overlay_heatmap(rgb, smap)))
    return written
