"""File I/O around the attention functions (the rest of the package stays array-only).

Used by `xhscover saliency IMAGE... --out-dir DIR [--model NAME]`: the CLI calls
`write_saliency_outputs(paths, out_dir, model)` and prints the files it returns.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import numpy as np

from xhscover.attention._checks import as_map
from xhscover.attention.heatmap import overlay_heatmap
from xhscover.attention.saliency import saliency_map
from xhscover.errors import ImageError

MAX_PIXELS = 100_000_000
"""Refuse images above 100 megapixels (a decompression bomb, not a cover)."""


def read_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Read an image file as RGB uint8 HxWx3 (EXIF orientation applied, alpha over white)."""
    from PIL import Image, ImageOps

    path = Path(path)
    if not path.is_file():
        raise ImageError(f"Image not found: {path}.")
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with Image.open(path) as opened:
            img: Image.Image = ImageOps.exif_transpose(opened)
            if img.mode in ("RGBA", "LA", "P"):
                img = img.convert("RGBA")
                background = Image.new("RGBA", img.size, (255, 255, 255, 255))
                img = Image.alpha_composite(background, img)
            return np.asarray(img.convert("RGB"), dtype=np.uint8).copy()
    except Image.DecompressionBombError as exc:
        raise ImageError(f"The image {path} is too large (over {MAX_PIXELS:,} pixels).") from exc
    except OSError as exc:
        raise ImageError(f"The image {path} cannot be decoded: {exc}.") from exc


def save_map_png16(path: str | os.PathLike[str], smap: np.ndarray) -> Path:
    """Write a map as a 16-bit greyscale PNG with its maximum scaled to 65535 (all-zero stays 0)."""
    arr = as_map(smap)
    peak = float(arr.max())
    scaled = np.zeros(arr.shape, np.uint16) if not peak > 0 else np.clip(
        np.rint(np.maximum(arr, 0.0) * (65535.0 / peak)), 0, 65535).astype(np.uint16)
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
                           model: str = "default", *, overlay: bool = False) -> list[Path]:
    """Write OUT_DIR/STEM.png (16-bit map, the input's width and height) and optionally STEM-overlay.jpg."""
    out = Path(out_dir)
    rgb = read_image(path)
    smap = saliency_map(rgb, model=model)
    stem = Path(path).stem
    written = [save_map_png16(out / f"{stem}.png", smap)]
    if overlay:
        written.append(save_rgb(out / f"{stem}-overlay.jpg", overlay_heatmap(rgb, smap)))
    return written
