"""The hostile-input corpus: every case issue 14 saw, as files made by this script, plus the command
that meets each one and what must happen (a clean one-line error, a load, or a load with a warning).

`build(folder)` writes the files (large ones are generated: a 100-megapixel PNG is a few hundred
kilobytes of zlib) and returns the cases; `tests/hostile/runner.py` runs them and measures each.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image


@dataclass
class Case:
    name: str
    group: str  # the heading: segfault, hang, memory, internal, silent, ...
    argv: list[str]
    expect: str  # "error" (exit 2, one line), "loaded" (exit 0) or "warned" (exit 0 and `says` printed)
    says: str = ""  # a fragment the output must contain
    tags: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- file makers

def png_bytes(w: int = 64, h: int = 64, color: tuple[int, int, int] = (200, 60, 60)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, "PNG")
    return buf.getvalue()


def jpeg_bytes(w: int = 600, h: int = 800, color: tuple[int, int, int] = (60, 120, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), color).save(buf, "JPEG", quality=80)
    return buf.getvalue()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def big_png(w: int, h: int, value: int = 0x80) -> bytes:
    """A real, fully decodable w x h RGB PNG of one grey value, compressed row block by row block."""
    row = b"\x00" + bytes([value]) * (w * 3)
    comp = zlib.compressobj(1)
    parts = []
    block = row * 64
    full, rest = divmod(h, 64)
    for _ in range(full):
        parts.append(comp.compress(block))
    parts.append(comp.compress(row * rest))
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", b"".join(parts)) + _chunk(b"IEND", b"")


def ztxt_bomb_png() -> bytes:
    """A small PNG with a zTXt chunk that inflates to 64 MB (Pillow refuses text over its limit)."""
    base = png_bytes(32, 32)
    payload = b"Comment\x00\x00" + zlib.compress(b"A" * (64 * 1024 * 1024), 9)
    iend = base.rindex(b"IEND") - 4
    return base[:iend] + _chunk(b"zTXt", payload) + base[iend:]


EPS = (b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 100 100\n%%EndComments\n"
       b"newpath 0 0 moveto 100 100 lineto stroke\nshowpage\n%%EOF\n")
HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
AVIF = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 200
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100"/></svg>'


# ---------------------------------------------------------------- projects

def base_project() -> dict[str, Any]:
    """A valid project dict made by the real model code (layout photo-title-band, one variant)."""
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.model.project import Project, project_to_dict

    project = Project(covers=[build_cover(get_layout("photo-title-band"), "3:4")])
    return project_to_dict(project)


def write_project(path: Path, data: dict[str, Any] | bytes, images: dict[str, bytes] | None = None,
                  *, method: int = zipfile.ZIP_DEFLATED) -> Path:
    payload = data if isinstance(data, bytes) else json.dumps(data).encode("ascii")  # lone surrogates as \u escapes
    with zipfile.ZipFile(path, "w", method) as zf:
        zf.writestr("project.json", payload)
        for key, blob in (images or {}).items():
            zf.writestr(f"images/{key}", blob, compress_type=zipfile.ZIP_STORED)
    return path


def _layer(kind: str, i: int, **fields: Any) -> dict[str, Any]:
    return {"kind": kind, "id": f"{kind}{i}", "x": 40, "y": 40 + i, "w": 1000, "h": 300, **fields}


EVERY_EFFECT = {
    "family": "noto-sans-sc", "size": 120, "min_size": 18,
    "fill": {"kind": "linear", "color": "#FF2442", "stops": [[0, "#FF2442"], [1, "#FFE45C"]], "angle": 45},
    "strokes": [{"color": "#000000", "width": 8}, {"color": "#FFFFFF", "width": 12}],
    "shadow": {"color": "#00000080", "dx": 4, "dy": 8, "blur": 24},
    "highlight": {"color": "#FFE45C", "height": 0.45, "offset": 0.08, "skew": 0.2},
    "label": {"color": "#FF2442", "padding_x": 24, "padding_y": 12, "radius": 16,
              "border": {"color": "#FFFFFF", "width": 4}},
}


def project_cases(d: Path) -> list[Case]:
    cases: list[Case] = []
    base = base_project()

    def proj(name: str, mutate: Any = None, images: dict[str, bytes] | None = None, **kw: Any) -> Path:
        data = json.loads(json.dumps(base))
        if mutate is not None:
            mutate(data)
        return write_project(d / f"{name}.xhscover", data, images, **kw)

    def render(name: str, path: Path, expect: str, says: str = "", group: str = "internal", *extra: str) -> None:
        cases.append(Case(name, group, ["render", str(path), "-o", str(d / f"{name}.png"), *extra], expect, says))

    cover = lambda data: data["covers"][0]  # noqa: E731

    # segfaults: an exception while painting must not leave the painter on a freed image
    render("sticker-id-240-chars", proj("sticker240", lambda data: cover(data)["layers"].append(
        _layer("sticker", 1, sticker="s" * 240))), "warned", "not one this version ships", "segfault")
    render("text-lone-surrogate", proj("surrogate", lambda data: cover(data)["layers"].append(
        _layer("text", 1, text="标题\udfff"))), "error", "not text", "segfault")

    # hangs: bounded sizes
    def wide_texts(data: dict[str, Any]) -> None:  # the most text a cover may hold, in the widest boxes
        cover(data)["layers"] = [_layer("text", i, text=f"第{i}层很长的标题" * 250, w=32000, h=1400,
                                        style={"size": 200, "min_size": 1}) for i in range(10)]
    render("10-text-layers-2000-chars-widest-boxes-autofit", proj("widetext", wide_texts), "loaded", "", "hang")
    render("text-layer-10000-chars-widest-box", proj("widetext1", lambda data: cover(data)["layers"].append(
        _layer("text", 1, text="一二三四五六七八九十" * 1000, w=32000, h=32000, style={"size": 2000, "min_size": 1}))),
        "loaded", "", "hang")

    def twenty_texts(data: dict[str, Any]) -> None:
        cover(data)["layers"] = [_layer("text", i, text="很长的标题" * 2000, w=32000, h=1400) for i in range(20)]
    render("20-text-layers-10000-chars", proj("text20", twenty_texts), "error", "characters", "hang")

    render("1000-stacked-strokes", proj("strokes", lambda data: cover(data)["layers"].append(_layer(
        "text", 1, text="描边", style={"strokes": [{"color": "#000000", "width": 3}] * 1000}))), "error", "limit is 16", "hang")

    def many_effects(count: int) -> Any:
        def mutate(data: dict[str, Any]) -> None:
            cover(data)["layers"] = [_layer("text", i, text=f"第{i}层标题", style=EVERY_EFFECT) for i in range(count)]
        return mutate
    render("300-layers-every-effect", proj("effects300", many_effects(300)), "error", "limit is 80", "hang")
    render("80-layers-every-effect", proj("effects80", many_effects(80)), "loaded", "", "hang")
    render("label-padding-minus-1e7", proj("padding", lambda data: cover(data)["layers"].append(_layer(
        "text", 1, text="标签", style={"label": {"padding_x": -1e7, "padding_y": -1e7}}))), "error", "outside", "hang")
    render("font-size-1e6", proj("fontsize", lambda data: cover(data)["layers"].append(_layer(
        "text", 1, text="大", style={"size": 1e6, "auto_fit": False}))), "error", "outside", "hang")
    render("box-1e7-wide", proj("widebox", lambda data: cover(data)["layers"].append(_layer(
        "text", 1, text="宽", w=1e7))), "error", "outside", "hang")
    render("title-over-limit", proj("title", lambda data: data.update(title="标" * 200_000)), "error", "limit", "hang")
    render("500-covers", proj("covers500", lambda data: data.update(
        covers=[dict(cover(data), id=f"V{i}") for i in range(500)])), "error", "limit is 100", "hang")
    render("2001-zip-entries", proj("entries", None, {f"x{i}.png": b"" for i in range(2001)}), "error", "too many entries", "hang")

    fifo = d / "fifo.xhscover"
    os.mkfifo(fifo)
    render("fifo-as-project", fifo, "error", "not a regular file", "hang")
    zero = d / "zero.xhscover"
    zero.symlink_to("/dev/zero")
    render("dev-zero-as-project", zero, "error", "not a regular file", "memory")

    # memory: images inside projects are treated as imports
    big = big_png(10_000, 10_000)
    refs16 = {f"big{i:02d}.png": big for i in range(16)}

    def with_images(keys: list[str]) -> Any:
        def mutate(data: dict[str, Any]) -> None:
            cover(data)["layers"] = [_layer("image", i, src=k, w=500, h=500) for i, k in enumerate(keys)]
        return mutate
    render("16-images-of-100-megapixels", proj("big16", with_images(list(refs16)), refs16), "error", "megapixels", "memory")
    refs3 = {f"big{i}.png": big_png(10_000, 10_000, 0x40 + 0x30 * i) for i in range(3)}
    render("3-images-of-100-megapixels", proj("big3", with_images(list(refs3)), refs3), "error", "megapixels", "memory")
    refs2 = dict(list(refs3.items())[:2])
    render("2-images-of-100-megapixels", proj("big2", with_images(list(refs2)), refs2), "loaded", "", "memory")
    over = {"huge.png": big_png(12_000, 10_000)}
    render("image-of-120-megapixels-in-project", proj("huge", with_images(list(over)), over), "warned", "megapixels", "memory")

    # internal errors that must be one clear line
    good = proj("good")
    raw = good.read_bytes()
    rng = random.Random(14)
    for i in range(6):
        flipped = bytearray(raw)
        for _ in range(3):
            pos = rng.randrange(30, len(flipped))
            flipped[pos] ^= 1 << rng.randrange(8)
        path = d / f"flip{i}.xhscover"
        path.write_bytes(bytes(flipped))
        render(f"byte-flips-{i}", path, "error|loaded", "", "internal")
    for method in (6, 9, 99):
        path = d / f"method{method}.xhscover"
        data = bytearray(raw)
        # every local and central header of this file names the method at a fixed offset
        for sig, off in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            start = 0
            while (start := data.find(sig, start)) != -1:
                data[start + off:start + off + 2] = struct.pack("<H", method)
                start += 4
        path.write_bytes(bytes(data))
        render(f"zip-method-{method}", path, "error", "compression method", "internal")
    enc = bytearray(raw)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := enc.find(sig, start)) != -1:
            enc[start + off] |= 1
            start += 4
    (d / "encrypted.xhscover").write_bytes(bytes(enc))
    render("zip-encrypted-flag", d / "encrypted.xhscover", "error", "encrypted", "internal")
    render("json-nested-100000", write_project(d / "nested.xhscover", b"[" * 100_000 + b"]" * 100_000),
           "error", "nests too deeply", "internal")
    render("layer-kind-is-a-list", proj("kindlist", lambda data: cover(data)["layers"].append(
        {"kind": [], "id": "x"})), "error", "kind", "internal")
    for label, cid in (("slash", "../../evil"), ("nul", "A\u0000B")):
        path = proj(f"id-{label}", lambda data, cid=cid: cover(data).update(id=cid))
        render(f"cover-id-with-{label}", path, "error", "variant name", "internal", "--all-variants")
    for scale in ("nan", "inf", "-1", "0", "1e9"):
        cases.append(Case(f"scale-{scale}", "internal", ["render", "big-title-red", "-o", str(d / "scale.png"),
                                                        "--scale", scale], "error", "scale"))
    render("likes-huge-in-project-title", proj("bigint", lambda data: cover(data)["layers"].append(
        _layer("text", 1, text="x", x=int("9" * 400)))), "error", "outside", "internal")

    # silent no more: what is skipped is said
    render("corrupt-image-in-project", proj("corrupt", with_images(["bad.png"]), {"bad.png": png_bytes()[:60]}),
           "warned", "placeholder", "silent")
    render("eps-inside-project", proj("eps", with_images(["x.jpg"]), {"x.jpg": EPS}), "warned", "placeholder", "hang")
    render("unknown-sticker", proj("sticker", lambda data: cover(data)["layers"].append(
        _layer("sticker", 2, sticker="from-a-newer-version"))), "warned", "not one this version ships", "silent")
    return cases


# ---------------------------------------------------------------- --set images

def set_cases(d: Path) -> list[Case]:
    cases: list[Case] = []

    def set_photo(name: str, value: str, expect: str, says: str, group: str) -> None:
        cases.append(Case(name, group, ["render", "photo-title-band", "-o", str(d / f"{name}.png"),
                                        "--set", f"photo={value}"], expect, says))

    for suffix, data in ((".heic", HEIC), (".avif", AVIF), (".svg", SVG)):
        (d / f"me{suffix}").write_bytes(data)
        set_photo(f"set-photo{suffix.replace('.', '-')}", str(d / f"me{suffix}"), "error", "not an image format", "silent")
    (d / "eps.jpg").write_bytes(EPS)
    set_photo("set-photo-eps-named-jpg", str(d / "eps.jpg"), "error", "not an image format", "hang")
    (d / "noext").write_bytes(png_bytes(300, 400))
    set_photo("set-photo-png-without-extension", str(d / "noext"), "loaded", "", "silent")
    set_photo("set-photo-missing-file", str(d / "nothing-here"), "error", "does not exist", "silent")
    os.mkfifo(d / "fifo.png")
    set_photo("set-photo-fifo", str(d / "fifo.png"), "error", "not a regular file", "hang")
    (d / "ztxt.png").write_bytes(ztxt_bomb_png())
    set_photo("set-photo-ztxt-bomb", str(d / "ztxt.png"), "error|loaded", "", "internal")
    (d / "p100.png").write_bytes(big_png(10_000, 10_000))
    set_photo("set-photo-100-megapixels", str(d / "p100.png"), "loaded", "", "memory")
    (d / "p196.png").write_bytes(big_png(14_000, 14_000))
    set_photo("set-photo-196-megapixels", str(d / "p196.png"), "error", "megapixels", "memory")
    return cases


# ---------------------------------------------------------------- competitors and saliency

def competitor_cases(d: Path) -> list[Case]:
    cases: list[Case] = []
    mine = d / "mine.jpg"
    mine.write_bytes(jpeg_bytes(1080, 1440))

    def shelf(name: str, files: dict[str, bytes], meta: tuple[str, str | bytes] | None, expect: str, says: str,
              group: str, setup: Any = None) -> None:
        folder = d / f"shelf-{name}"
        folder.mkdir()
        for fname, blob in files.items():
            (folder / fname).write_bytes(blob)
        if meta is not None:
            mname, text = meta
            (folder / mname).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass"))
        if setup is not None:
            setup(folder)
        cases.append(Case(name, group, ["feed", "--mine", str(mine), "--competitors", str(folder),
                                        "-o", str(d / f"{name}.png")], expect, says))

    covers = {f"c{i}.jpg": jpeg_bytes(600, 800, (40 * i % 255, 90, 160)) for i in range(6)}
    shelf("likes-400-digits", covers, ("cards.json", '[{"file": "c1.jpg", "likes": ' + "9" * 400 + "}]"),
          "warned", "not a count", "segfault")
    shelf("likes-1e400", covers, ("cards.json", '[{"file": "c1.jpg", "likes": 1e400}]'), "warned", "not a count", "segfault")
    shelf("nickname-lone-surrogate", covers, ("cards.json", '[{"file": "c1.jpg", "author": "\\udfff", "title": "\\ud800x"}]'),
          "loaded", "", "segfault")
    shelf("eps-named-jpg", {**covers, "eps.jpg": EPS}, None, "warned", "not an image format", "hang")
    shelf("title-50-mb", covers, ("cards.json", '[{"file": "c1.jpg", "title": "' + "长" * (50 * 1024 * 1024 // 3) + '"}]'),
          "warned", "limit is 4 MB", "hang")
    shelf("cards-json-100k-entries", covers, ("cards.json", json.dumps([{"file": "c1.jpg"}] * 100_000)),
          "warned", "only the first 2000", "hang")
    shelf("cards-json-nested", covers, ("cards.json", "[" * 100_000 + "]" * 100_000), "warned", "nested too deeply", "internal")
    shelf("avatar-fifo", covers, ("cards.csv", "file,avatar\nc1.jpg,avatar.png\n"), "warned", "not a regular file", "hang",
          lambda folder: os.mkfifo(folder / "avatar.png"))
    outside = d / "outside.png"
    outside.write_bytes(png_bytes())
    shelf("avatar-outside-folder", covers, ("cards.csv", f"file,avatar\nc1.jpg,../outside.png\nc2.jpg,{outside}\n"),
          "warned", "inside the competitor folder", "silent")
    shelf("gbk-file-name", covers, ("cards.csv", "file,title\nc1.jpg,好\n"), "loaded", "", "internal",
          lambda folder: (folder / os.fsdecode("封面图".encode("gbk") + b".jpg")).write_bytes(jpeg_bytes()))
    shelf("ztxt-bomb-cover", {**covers, "z.png": ztxt_bomb_png()}, None, "loaded", "", "internal")
    shelf("dev-zero-named-png", covers, None, "warned", "not a regular file", "memory",
          lambda folder: (folder / "zero.png").symlink_to("/dev/zero"))

    # saliency takes images as they come
    (d / "sal-eps.jpg").write_bytes(EPS)
    cases.append(Case("saliency-eps-named-jpg", "hang", ["saliency", str(d / "sal-eps.jpg"), "--out-dir", str(d / "sal")],
                      "skipped", "not an image format"))
    (d / "sal196.png").write_bytes(big_png(14_000, 14_000))
    cases.append(Case("saliency-196-megapixels", "memory", ["saliency", str(d / "sal196.png"), "--out-dir", str(d / "sal")],
                      "skipped", "megapixels"))
    (d / "sal100.png").write_bytes(big_png(10_000, 10_000))
    cases.append(Case("saliency-100-megapixels", "memory", ["saliency", str(d / "sal100.png"), "--out-dir", str(d / "sal")],
                      "loaded", ""))
    return cases


def build(folder: Path) -> list[Case]:
    """Write the corpus into `folder` (empty) and return its cases."""
    folder.mkdir(parents=True, exist_ok=True)
    return project_cases(folder) + set_cases(folder) + competitor_cases(folder)
