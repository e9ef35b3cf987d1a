"""Image import and the project's image store, with Pillow only (no Qt).

Every image is normalised once on import: EXIF orientation applied, ICC profile converted to sRGB,
odd modes (CMYK, 16-bit, palette, LA) made RGB(A), and the long side capped. The renderer then only
decodes clean sRGB files, and a project carries exactly what it shows.

Every image file the app reads (imports, competitor covers and avatars, `saliency` inputs, images
inside projects) comes through `read_image_file` / `open_image` here, because image files are
hostile input: only regular files are read (a FIFO or /dev/zero would block or never end), the
format is decided by the content and limited to `IMAGE_FORMATS` (an EPS renamed .jpg would make
Pillow run Ghostscript), and the size is checked from the header before any pixel is decoded.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
import zlib
from collections import OrderedDict
from pathlib import Path

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from xhscover.errors import ImageError, XhsError
from xhscover.paths import assets_dir

MAX_PIXELS = 100_000_000  # larger images are refused: decoding one would need gigabytes
MAX_FILE_BYTES = 200 * 1024 * 1024
STORE_LONG_SIDE = 4096  # imports are downscaled to this; a 1080 px cover never needs more
ASSET_PREFIX = "asset:"
# What the app reads, decided by the file's content, never by its name: the common photo and
# screenshot formats. Pillow's other openers (EPS/PS via Ghostscript, PDF, ICNS, ...) never run.
IMAGE_FORMATS = ("PNG", "JPEG", "WEBP", "BMP", "GIF", "TIFF")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff")
DECODED_CACHE_BYTES = 256 * 1024 * 1024  # decoded images the store keeps for redraws

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; the limit is checked here from
# the header instead (`open_image`), so Pillow's own guard is set just above it as a backstop.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS + 1
_SRGB = ImageCms.createProfile("sRGB")
# Errors Pillow's decoders raise on damaged data (zlib for PNG/TIFF streams, struct/index errors in
# some headers); all of them mean "this file is not a readable image".
_DECODE_ERRORS = (OSError, ValueError, SyntaxError, EOFError, zlib.error, IndexError, KeyError, TypeError,
                  RuntimeError, MemoryError)


def read_image_file(path: str | os.PathLike[str], *, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or ImageError saying why not."""
    return read_regular_file(path, limit=limit, error=ImageError, what="image")


def read_regular_file(path: str | os.PathLike[str], *, limit: int, error: type[XhsError], what: str) -> bytes:
    """The bytes of a regular file of at most `limit` bytes, or `error` saying why not (images
    and project files are read through here).

    Opened without blocking and checked with fstat before reading, so a FIFO, a device such as
    /dev/zero or a directory is refused at once instead of hanging or filling the memory; a file
    that grows past the limit while it is read is refused too.
    """
    p = Path(path)
    name = display_name(p)
    try:
        fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise error(f"{name}: no such file") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise error(f"{name}: cannot open the file ({getattr(exc, 'strerror', None) or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise error(f"{name}: not a regular file (a folder, device or pipe); only {what} files are read")
        if st.st_size > limit:
            raise error(f"{name}: file is {st.st_size // 2**20} MB; the limit is {limit // 2**20} MB for {what} files")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise error(f"{name}: cannot read the file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise error(f"{name}: file is over {limit // 2**20} MB, the limit for {what} files")
    return data


def display_name(path: str | os.PathLike[str]) -> str:
    """A file's name fit to print and draw: undecodable bytes (a GBK-named download on a UTF-8
    system arrives as lone surrogates) are read as GB18030, else replaced."""
    name = os.fspath(path)
    name = Path(name).name or name
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def clean_text(text: str) -> str:
    """`text` with lone surrogates (not text, and unencodable) replaced by U+FFFD."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def open_image(data: bytes, name: str = "image", *, max_pixels: int = MAX_PIXELS) -> Image.Image:
    """Parse an image's header (no pixels decoded yet): a supported format, at most `max_pixels`.

    Raises ImageError with one sentence for anything else.
    """
    if len(data) > MAX_FILE_BYTES:
        raise ImageError(f"{name}: file is {len(data) // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img: Image.Image = Image.open(io.BytesIO(data), formats=IMAGE_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name}: image is larger than {max_pixels // 1_000_000} megapixels and was refused") from None
    except UnidentifiedImageError:
        raise ImageError(f"{name}: not an image format xhscover reads (PNG, JPEG, WebP, BMP, GIF or TIFF)") from None
    except _DECODE_ERRORS as exc:
        raise ImageError(f"{name}: the image is corrupt or truncated ({_reason(exc)})") from None
    w, h = img.size
    if w <= 0 or h <= 0:
        raise ImageError(f"{name}: the image has no pixels ({w}x{h})")
    if w * h > max_pixels:
        raise ImageError(
            f"{name}: {w}x{h} is {w * h / 1e6:.0f} megapixels; images over {max_pixels // 1_000_000} megapixels are refused"
        )
    return img


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:117] + "..."


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


def decode_image(data: bytes, name: str = "image", *, max_side: int | None = None) -> Image.Image:
    """Decode bytes to an oriented sRGB RGB/RGBA Pillow image, or raise ImageError saying why.

    With `max_side`, an image more than twice that size is reduced by a whole factor right after
    decoding, before any conversion copies it: a 100-megapixel photo then costs one decoded copy,
    not four. The result may still be up to twice `max_side`; callers resize precisely after.
    """
    img = open_image(data, name)
    w, h = img.size
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # size checked by open_image
            target = max_side or STORE_LONG_SIDE
            if img.format == "JPEG" and max(w, h) > target * 2:
                img.draft("RGB", (target, target))  # decode a reduced JPEG: faster, less memory
            img.load()
            if max_side and max(img.size) > max_side * 2:
                if img.mode in ("1", "P", "I;16", "I;16B", "I;16L", "I;16N"):
                    img = _normalise_mode(img)
                img = img.reduce(max(img.size) // max_side)
            img = ImageOps.exif_transpose(img) or img
            icc = img.info.get("icc_profile")
            img = _to_srgb(img)
            img = _normalise_mode(img)
            if icc and img.info.get("icc_profile") == icc:
                img.info.pop("icc_profile", None)
            return img
    except ImageError:
        raise
    except _DECODE_ERRORS as exc:
        raise ImageError(f"{name}: the image is corrupt or truncated ({_reason(exc)})") from None


def normalise_for_store(data: bytes, name: str = "image") -> tuple[bytes, str]:
    """Decode, cap the long side, re-encode (JPEG without alpha, PNG with). Returns (bytes, ext)."""
    img = decode_image(data, name, max_side=STORE_LONG_SIDE)
    if max(img.size) > STORE_LONG_SIDE:
        img.thumbnail((STORE_LONG_SIDE, STORE_LONG_SIDE), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    alpha_min = img.getchannel("A").getextrema()[0] if img.mode == "RGBA" else 255
    if isinstance(alpha_min, (int, float)) and alpha_min < 255:
        img.save(buf, "PNG", compress_level=6)
        return buf.getvalue(), "png"
    img.convert("RGB").save(buf, "JPEG", quality=92, subsampling=0)
    return buf.getvalue(), "jpg"


def image_size(data: bytes) -> tuple[int, int]:
    """(width, height) from the header, (0, 0) when the bytes are not a readable image."""
    try:
        w, h = open_image(data).size
    except ImageError:
        return 0, 0
    return w, h


class ImageStore:
    """Images a project holds, by content-hash key, plus read-only bundled `asset:` images."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self._decoded: OrderedDict[str, Image.Image] = OrderedDict()
        self._decoded_bytes = 0
        self._failed: dict[str, str] = {}  # ref -> why it cannot be decoded (not retried every redraw)

    def add_bytes(self, data: bytes, name: str = "image") -> str:
        clean, ext = normalise_for_store(data, name)
        key = f"{hashlib.sha1(clean).hexdigest()[:16]}.{ext}"
        self.blobs[key] = clean
        return key

    def add_file(self, path: str | Path) -> str:
        return self.add_bytes(read_image_file(path), display_name(path))

    def adopt(self, ref: str, data: bytes) -> None:
        """Take an image read from a project file under its reference, treating it as an import.

        A clean PNG or JPEG within the import size is kept as it is; anything else (larger, another
        format, odd modes) is normalised like an import, so a project file cannot make the app hold
        more pixels than importing the same photos would. An image that cannot be decoded is kept
        untouched (saving writes it back; nothing of the user's is dropped) and drawn as a placeholder.
        """
        self._failed.pop(ref, None)
        self._forget(ref)
        try:
            img = open_image(data, ref)
            if img.format in ("PNG", "JPEG") and max(img.size) <= STORE_LONG_SIDE:
                self.blobs[ref] = data
                return
            self.blobs[ref] = normalise_for_store(data, ref)[0]
        except ImageError as exc:
            self.blobs[ref] = data
            self._failed[ref] = str(exc)

    def has(self, ref: str) -> bool:
        if ref.startswith(ASSET_PREFIX):
            try:
                return asset_path(ref).is_file()
            except ImageError:
                return False
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
        """Decoded RGB/RGBA image, cached (up to DECODED_CACHE_BYTES) since the canvas redraws often."""
        if ref in self._decoded:
            self._decoded.move_to_end(ref)
            return self._decoded[ref]
        if ref in self._failed:
            raise ImageError(self._failed[ref])
        try:
            img = decode_image(self.raw(ref), ref, max_side=STORE_LONG_SIDE)
        except ImageError as exc:
            if not ref.startswith(ASSET_PREFIX):
                self._failed[ref] = str(exc)
            raise
        size = _decoded_bytes(img)
        if size <= DECODED_CACHE_BYTES // 2:
            self._decoded[ref] = img
            self._decoded_bytes += size
            while self._decoded_bytes > DECODED_CACHE_BYTES and len(self._decoded) > 1:
                _, old = self._decoded.popitem(last=False)
                self._decoded_bytes -= _decoded_bytes(old)
        return img

    def _forget(self, ref: str) -> None:
        old = self._decoded.pop(ref, None)
        if old is not None:
            self._decoded_bytes -= _decoded_bytes(old)


def _decoded_bytes(img: Image.Image) -> int:
    return img.width * img.height * len(img.getbands())


_ASSET_REF_MAX = 200


def asset_path(ref: str) -> Path:
    """Resolve 'asset:photos/x.jpg' inside the bundled assets, refusing paths that climb out."""
    rel = ref[len(ASSET_PREFIX):]
    if ".." in rel.split("/") or rel.startswith("/") or "\\" in rel:
        raise ImageError(f"bundled image reference {clean_text(ref[:60])!r} points outside the assets folder")
    if not rel or len(rel) > _ASSET_REF_MAX or "\0" in rel:
        raise ImageError(f"bundled image reference {clean_text(ref[:60])!r} is not a valid asset name")
    root = assets_dir().resolve()
    path = (root / rel).resolve()
    if root not in path.parents:
        raise ImageError(f"bundled image reference {ref!r} points outside the assets folder")
    return path
