"""Decoding cover and avatar files into RGB arrays with Pillow (no Qt), with the import limits.

Competitor folders come from users' downloads: a 12000 px photo or a decompression bomb must not
stall the app, so images are size-checked from the header before decoding and shrunk on import.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from xhscover.errors import ImageError

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp")
MAX_IMPORT_WIDTH = 1080
MAX_PIXELS = 100_000_000


def is_image_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def load_rgb(path: Path | str, max_width: int = MAX_IMPORT_WIDTH, max_pixels: int = MAX_PIXELS) -> np.ndarray:
    """Decode an image file to an (H, W, 3) uint8 RGB array no wider than `max_width`.

    Transparency is flattened onto white (how the app shows a transparent PNG); EXIF rotation
    is applied. Raises ImageError naming the file when it cannot be read or is over `max_pixels`.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                im: Image.Image = opened
                w, h = im.size
                if w * h > max_pixels:
                    raise ImageError(
                        f"{path.name} is {w}x{h} ({w * h / 1e6:.0f} MP); images over "
                        f"{max_pixels / 1e6:.0f} MP are refused."
                    )
                if im.format == "JPEG" and w > max_width:
                    im.draft("RGB", (max_width, max(1, round(h * max_width / w))))
                im = ImageOps.exif_transpose(im)
                if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                    rgba = im.convert("RGBA")
                    flat = Image.new("RGB", rgba.size, (255, 255, 255))
                    flat.paste(rgba, mask=rgba.getchannel("A"))
                    im = flat
                else:
                    im = im.convert("RGB")
                if im.width > max_width:
                    new_h = max(1, round(im.height * max_width / im.width))
                    im = im.resize((max_width, new_h), Image.Resampling.LANCZOS, reducing_gap=2.0)
                return np.asarray(im, dtype=np.uint8).copy()
    except ImageError:
        raise
    except Image.DecompressionBombError:
        raise ImageError(f"{path.name} is too large to open safely; images over 100 MP are refused.") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"{path.name} cannot be read as an image ({exc.__class__.__name__}).") from None
