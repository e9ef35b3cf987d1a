"""Image import and the project's image store, with Pillow only (no Qt).

Every image is normalised once on import: EXIF orientation applied, ICC profile converted to sRGB,
odd modes (CMYK, 16-bit, palette, LA) made RGB(A), and the long side capped. The renderer then only
decodes clean sRGB files, and a project carries exactly what it shows.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from collections import OrderedDict
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from xhscover.errors import ImageError
from xhscover.paths import assets_dir

MAX_PIXELS = 100_000_000  # larger images are refused: decoding one would need gigabytes
MAX_FILE_BYTES = 200 * 1024 * 1024
STORE_LONG_SIDE = 4096  # imports are downscaled to this; a 1080 px cover never needs more
ASSET_PREFIX = "asset:"

Image.MAX_IMAGE_PIXELS = MAX_PIXELS
_SRGB = ImageCms.createProfile("sRGB")


def _to_srgb(img: Image.Image) -> Image.Image:
    """Convert through the embedded ICC profile when there is one; otherwise assume sRGB."""
    icc = img.info.get("icc_profile")
    if icc and img.mode in ("RGB", "RGBA", "CMYK", "L"):
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            out_mode = "RGBA" if img.mode == "RGBA" else "RGB"
            if img.mode == "L":
                img = img.convert("RGB")
                return img  # grey profiles map to neutral greys; keep values
            converted = ImageCms.profileToProfile(img, src, _SRGB, outputMode=out_mode)
            return converted if converted is not None else img  # None only when converting in place
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile is ignored rather than refusing the photo
    return img


def _normalise_mode(img: Image.Image) -> Image.Image:
    if img.mode in ("RGB", "RGBA"):
        return img
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        # 16-bit grey: scale down to 8 bits instead of clipping at 255
        return img.point(lambda v: v / 256).convert("L").convert("RGB")
    if img.mode == "F":
        return img.convert("L").convert("RGB")
    has_alpha = img.mode in ("LA", "PA", "La") or (img.mode == "P" and "transparency" in img.info)
    return img.convert("RGBA" if has_alpha else "RGB")


def decode_image(data: bytes, name: str = "image") -> Image.Image:
    """Decode bytes to an oriented sRGB RGB/RGBA Pillow image, or raise ImageError saying why."""
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(f"{name}: file is {len(data) // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img: Image.Image = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > MAX_PIXELS:
                raise ImageError(
                    f"{name}: {w}x{h} is {w * h / 1e6:.0f} megapixels; images over 100 megapixels are refused"
                )
            if img.format == "JPEG" and max(w, h) > STORE_LONG_SIDE * 2:
                img.draft("RGB", (STORE_LONG_SIDE, STORE_LONG_SIDE))  # decode a reduced JPEG: faster, less memory
            img.load()
            img = ImageOps.exif_transpose(img) or img
            icc = img.info.get("icc_profile")
            img = _to_srgb(img)
            img = _normalise_mode(img)
            if icc and img.info.get("icc_profile") == icc:
                img.info.pop("icc_profile", None)
            return img
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name}: image is larger than 100 megapixels and was refused") from None
    except UnidentifiedImageError:
        raise ImageError(f"{name}: not an image format xhscover can read (use PNG, JPEG or WebP)") from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(f"{name}: the image is corrupt or truncated ({exc})") from None


def normalise_for_store(data: bytes, name: str = "image") -> tuple[bytes, str]:
    """Decode, cap the long side, re-encode (JPEG without alpha, PNG with). Returns (bytes, ext)."""
    img = decode_image(data, name)
    if max(img.size) > STORE_LONG_SIDE:
        img.thumbnail((STORE_LONG_SIDE, STORE_LONG_SIDE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    alpha_min = img.getchannel("A").getextrema()[0] if img.mode == "RGBA" else 255
    if isinstance(alpha_min, (int, float)) and alpha_min < 255:
        img.save(buf, "PNG", compress_level=6)
        return buf.getvalue(), "png"
    img.convert("RGB").save(buf, "JPEG", quality=92, subsampling=0)
    return buf.getvalue(), "jpg"


class ImageStore:
    """Images a project holds, by content-hash key, plus read-only bundled `asset:` images."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self._decoded: OrderedDict[str, Image.Image] = OrderedDict()

    def add_bytes(self, data: bytes, name: str = "image") -> str:
        clean, ext = normalise_for_store(data, name)
        key = f"{hashlib.sha1(clean).hexdigest()[:16]}.{ext}"
        self.blobs[key] = clean
        return key

    def add_file(self, path: str | Path) -> str:
        p = Path(path)
        try:
            data = p.read_bytes()
        except OSError as exc:
            raise ImageError(f"{p}: cannot read the file ({exc.strerror or exc})") from None
        return self.add_bytes(data, p.name)

    def has(self, ref: str) -> bool:
        if ref.startswith(ASSET_PREFIX):
            return asset_path(ref).is_file()
        return ref in self.blobs

    def raw(self, ref: str) -> bytes:
        if ref.startswith(ASSET_PREFIX):
            try:
                return asset_path(ref).read_bytes()
            except OSError:
                raise ImageError(f"bundled image {ref!r} is missing") from None
        try:
            return self.blobs[ref]
        except KeyError:
            raise ImageError(f"image {ref!r} is not in this project") from None

    def load(self, ref: str) -> Image.Image:
        """Decoded RGB/RGBA image, cached (a few recent images) since the canvas redraws often."""
        if ref in self._decoded:
            self._decoded.move_to_end(ref)
            return self._decoded[ref]
        img = decode_image(self.raw(ref), ref)
        self._decoded[ref] = img
        while len(self._decoded) > 24:
            self._decoded.popitem(last=False)
        return img


def asset_path(ref: str) -> Path:
    """Resolve 'asset:photos/x.jpg' inside the bundled assets, refusing paths that climb out."""
    rel = ref[len(ASSET_PREFIX):]
    root = assets_dir().resolve()
    path = (root / rel).resolve()
    if root not in path.parents:
        raise ImageError(f"bundled image reference {ref!r} points outside the assets folder")
    return path
