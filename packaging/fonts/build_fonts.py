#!/usr/bin/env python3
"""Rebuild the bundled subset fonts in assets/fonts/ from pinned Debian and npm packages.

Why a script: the fonts are derived files (subsets, merged web-font slices). Anyone must be able
to re-create them byte-for-byte-ish from public packages and see exactly what was changed.

    .venv/bin/python packaging/fonts/build_fonts.py            # fetch sources, build all, write manifest
    .venv/bin/python packaging/fonts/build_fonts.py --only zcool-kuaile

Needs: fontTools + brotli (in the dev venv), `apt-get download` and `dpkg-deb` (Debian) and
`npm pack` (npm registry). Sources are cached in --src (default /tmp/xhscover-fontsrc).
Writes assets/fonts/<id>/<font files> + LICENSE.txt and assets/fonts/fonts.json, and prints a
markdown coverage table for docs/fonts.md.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from xhscover.model.fonts import (  # noqa: E402  (needs the repo on sys.path first)
    ASCII_PRINTABLE,
    COMMON_PUNCTUATION,
    DEFAULT_FAMILY,
    EMOJI_FAMILY,
    EXTRA_SYMBOLS,
    MANIFEST_NAME,
    gb2312_chars,
    gb2312_hanzi,
    required_chars,
)

DEBS = {
    "fonts-smiley-sans": "1.1.1-1",
    "fonts-lxgw-wenkai": "1.250+repack-1",
    "fonts-noto-cjk": "1:20220127+repack1-1",
    "fonts-noto-cjk-extra": "1:20220127+repack1-1",
    "fonts-noto-color-emoji": "2.042-0+deb12u1",
}
NPMS = {
    "@fontsource/zcool-kuaile": "5.3.0",
    "@fontsource/zcool-qingke-huangyou": "5.3.0",
    "@fontsource/ma-shan-zheng": "5.3.1",
}
NOTO_DIR = "usr/share/fonts/opentype/noto"

# Modern high-frequency characters outside GB2312 (names, internet slang); kept when a font has them.
EXTRA_HANZI = "啰喆堃犇昇垚淼珺玥赟镕旻甯璟琰祎婕瑄昕炜晞翀焓锃怼嘚嘞咻嗨哒噻叒叕囧槑烎"

# LXGW WenKai declares Reserved Font Names "LXGW" and "霞鹜" (OFL section 3): a subset is a
# Modified Version, so its user-visible names must not use them. Attribution stays in the
# copyright/license name records and in LICENSES.md.
LXGW_RENAMES = [
    ("LXGW WenKai", "Xhscover WenKai"),
    ("LXGWWenKai", "XhscoverWenKai"),
    ("霞鹜文楷", "xhscover文楷"),
]

FAMILIES = [
    {
        "id": "smiley-sans",
        "name_zh": "得意黑",
        "name_en": "Smiley Sans",
        "category": "display",
        "license": "OFL-1.1",
        "deb": "fonts-smiley-sans",
        "upstream": "https://github.com/atelier-anchor/smiley-sans",
        "files": {400: ("deb", "usr/share/fonts/truetype/smiley-sans/SmileySans-Oblique.ttf",
                        "SmileySans-Oblique.ttf")},
        "gap_donor": "NotoSansSC-Black.otf",
        "notes": "Heavy condensed oblique display face; one weight (drawn heavy, named Regular). "
                 "161 GB2312 symbols (box drawing, math) filled from Noto Sans SC Black.",
    },
    {
        "id": "lxgw-wenkai",
        "name_zh": "文楷（源自霞鹜文楷）",
        "name_en": "WenKai (from LXGW WenKai)",
        "category": "handwriting",
        "license": "OFL-1.1",
        "deb": "fonts-lxgw-wenkai",
        "upstream": "https://github.com/lxgw/LxgwWenKai",
        "renames": LXGW_RENAMES,
        "reserved": ["LXGW", "霞鹜"],
        "files": {
            400: ("deb", "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
                  "XhscoverWenKai-Regular.ttf"),
            700: ("deb", "usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf",
                  "XhscoverWenKai-Bold.ttf"),
        },
        "notes": "Kai (regular script) face. Renamed 'Xhscover WenKai' because the upstream "
                 "Reserved Font Names 'LXGW'/'霞鹜' may not be used by a subset.",
    },
    {
        "id": "noto-sans-sc",
        "name_zh": "思源黑体（Noto Sans SC）",
        "name_en": "Noto Sans SC",
        "category": "sans",
        "license": "OFL-1.1",
        "deb": "fonts-noto-cjk",
        "upstream": "https://github.com/notofonts/noto-cjk",
        "files": {
            400: ("ttc", f"{NOTO_DIR}/NotoSansCJK-Regular.ttc", "NotoSansSC-Regular.otf"),
            700: ("ttc", f"{NOTO_DIR}/NotoSansCJK-Bold.ttc", "NotoSansSC-Bold.otf"),
            900: ("ttc", f"{NOTO_DIR}/NotoSansCJK-Black.ttc", "NotoSansSC-Black.otf"),
        },
        "notes": "SC face of the Noto Sans CJK collections; the default family and first fallback.",
    },
    {
        "id": "zcool-kuaile",
        "name_zh": "站酷快乐体",
        "name_en": "ZCOOL KuaiLe",
        "category": "playful",
        "license": "OFL-1.1",
        "npm": "@fontsource/zcool-kuaile",
        "upstream": "https://github.com/googlefonts/zcool-kuaile",
        "files": {400: ("slices", "zcool-kuaile", "ZCOOLKuaiLe-Regular.ttf")},
        "gap_donor": "NotoSansSC-Bold.otf",
        "notes": "Merged from the @fontsource woff2 slices (whole font). Upstream lacks GB2312's "
                 "Greek/Cyrillic/pinyin/box rows and 33 rare hanzi: filled from Noto Sans SC Bold.",
    },
    {
        "id": "zcool-qingke-huangyou",
        "name_zh": "站酷庆科黄油体",
        "name_en": "ZCOOL QingKe HuangYou",
        "category": "display",
        "license": "OFL-1.1",
        "npm": "@fontsource/zcool-qingke-huangyou",
        "upstream": "https://github.com/googlefonts/zcool-qingke-huangyou",
        "files": {400: ("slices", "zcool-qingke-huangyou", "ZCOOLQingKeHuangYou-Regular.ttf")},
        "gap_donor": "NotoSansSC-Bold.otf",
        "notes": "Merged from @fontsource woff2 slices. GB2312 gaps (symbol rows, 33 rare hanzi, "
                 "'·') filled from Noto Sans SC Bold.",
    },
    {
        "id": "ma-shan-zheng",
        "name_zh": "马善政毛笔楷书",
        "name_en": "Ma Shan Zheng",
        "category": "handwriting",
        "license": "OFL-1.1",
        "npm": "@fontsource/ma-shan-zheng",
        "upstream": "https://github.com/googlefonts/mashanzheng",
        "files": {400: ("slices", "ma-shan-zheng", "MaShanZheng-Regular.ttf")},
        "gap_donor": "NotoSansSC-Regular.otf",
        "notes": "Brush calligraphy. Merged from @fontsource woff2 slices. GB2312 gaps (symbol "
                 "rows, 33 rare hanzi, '·') filled from Noto Sans SC Regular.",
    },
    {
        "id": EMOJI_FAMILY,
        "name_zh": "Noto 彩色表情",
        "name_en": "Noto Color Emoji",
        "category": "emoji",
        "license": "OFL-1.1",
        "deb": "fonts-noto-color-emoji",
        "upstream": "https://github.com/googlefonts/noto-emoji",
        "files": {400: ("emoji", "usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
                        "NotoColorEmoji.ttf")},
        # Renamed so a system Noto Color Emoji (on most Linux desktops, with skin tones) can never
        # stand in for this subset: the same cover must render the same on every machine.
        "renames": [("Noto Color Emoji", "Xhscover Color Emoji"), ("NotoColorEmoji", "XhscoverColorEmoji")],
        "notes": "CBDT colour bitmaps (136 px strike) scaled by Qt/FreeType. Every emoji, ZWJ "
                 "sequence and flag; skin-tone variants dropped (base emoji + tone swatch). Family "
                 "renamed 'Xhscover Color Emoji' so a system copy never replaces it.",
    },
]


def text_unicodes() -> set[int]:
    """What the text subsets ask for (a font keeps the part of this it has)."""
    ranges = [
        (0x20, 0x7E), (0xA0, 0xFF),          # ASCII, Latin-1
        (0x2000, 0x206F), (0x2100, 0x218F),  # general punctuation, letterlike, number forms
        (0x2190, 0x21FF), (0x2460, 0x24FF),  # arrows, enclosed alphanumerics
        (0x2500, 0x25FF), (0x2600, 0x26FF),  # box drawing, geometric shapes, misc symbols
        (0x2700, 0x27BF), (0x3000, 0x303F),  # dingbats, CJK symbols and punctuation
        (0x3200, 0x32FF), (0xFE10, 0xFE1F),  # enclosed CJK, vertical forms
        (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),  # CJK compatibility forms, half/fullwidth forms
        (0x3380, 0x33DF),                    # CJK compatibility units: ㎡ ㎏ ㎝ ㏄ ...
    ]
    codes = {c for lo, hi in ranges for c in range(lo, hi + 1)}
    text = "".join(gb2312_chars()) + ASCII_PRINTABLE + COMMON_PUNCTUATION + EXTRA_SYMBOLS + EXTRA_HANZI
    codes.update(ord(ch) for ch in text)
    return codes


SKIN_TONES = range(0x1F3FB, 0x1F400)


def emoji_glyphs(font: TTFont) -> set[str]:
    """Every emoji of the font except the skin-tone variants (they would double the size).

    Emoji sequences (ZWJ families, flags, keycaps) are GSUB ligatures in Noto Color Emoji. We keep
    each ligature whose components carry no skin-tone modifier; a toned sequence then renders as
    the plain emoji followed by the colour swatch of the modifier (what many platforms show too),
    never as a missing-glyph box. The single substitution that maps an unpaired regional
    indicator to its letter glyph is kept whole.
    """
    cmap = font.getBestCmap()
    skin = {cmap[c] for c in SKIN_TONES if c in cmap}
    keep = set(cmap.values()) | {".notdef"}
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            if lookup.LookupType == 4:
                for first, ligatures in sub.ligatures.items():
                    keep.update(lig.LigGlyph for lig in ligatures
                                if not skin & {first, *lig.Component})
            elif lookup.LookupType == 1:
                keep.update(sub.mapping.values())
    return keep


def run(cmd: list[str], cwd: Path) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def fetch(src: Path) -> None:
    """Download and unpack the pinned packages into `src` (skips what is already there)."""
    (src / "deb").mkdir(parents=True, exist_ok=True)
    (src / "npm").mkdir(parents=True, exist_ok=True)
    for pkg, version in DEBS.items():
        unpacked = src / "root" / pkg
        if unpacked.is_dir():
            continue
        debs = glob.glob(str(src / "deb" / f"{pkg}_*.deb"))
        if not debs:
            run(["apt-get", "download", f"{pkg}={version}"], cwd=src / "deb")
            debs = glob.glob(str(src / "deb" / f"{pkg}_*.deb"))
        unpacked.mkdir(parents=True)
        run(["dpkg-deb", "-x", debs[0], str(unpacked)], cwd=src)
    for pkg, version in NPMS.items():
        name = pkg.split("/")[-1]
        unpacked = src / "npm" / name
        if unpacked.is_dir():
            continue
        tgz = glob.glob(str(src / "npm" / f"fontsource-{name}-{version}.tgz"))
        if not tgz:
            run(["npm", "pack", f"{pkg}@{version}"], cwd=src / "npm")
            tgz = glob.glob(str(src / "npm" / f"fontsource-{name}-{version}.tgz"))
        with tarfile.open(tgz[0]) as tar:
            tar.extractall(unpacked, filter="data")


def subset_options(emoji: bool) -> subset.Options:
    opts = subset.Options()
    opts.layout_features = ["*"]      # keep kern, vert, ccmp, liga... for the kept glyphs
    opts.name_IDs = ["*"]             # keep the whole name table (Chinese names, copyright)
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.legacy_kern = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.layout_closure = not emoji  # emoji: the explicit glyph list decides (see emoji_glyphs)
    opts.drop_tables = [t for t in opts.drop_tables if t not in ("CBDT", "CBLC")]
    return opts


def merge_slices(files_dir: Path, slug: str, tmp: Path) -> TTFont:
    """Join the @fontsource woff2 slices (numbered unicode-range slices + latin) into one font."""
    slices = sorted(glob.glob(str(files_dir / f"{slug}-[0-9]*-400-normal.woff2")))
    slices.append(str(files_dir / f"{slug}-latin-400-normal.woff2"))
    paths = []
    for i, path in enumerate(slices):
        font = TTFont(path)
        font.flavor = None
        font.recalcTimestamp = False
        out = tmp / f"{slug}-{i}.ttf"
        font.save(out)
        paths.append(str(out))
    merged = Merger().merge(paths)
    first = TTFont(paths[0])["head"]  # Merger stamps "now"; keep upstream dates (reproducible)
    merged["head"].created, merged["head"].modified = first.created, first.modified
    # Merger keeps the first slice's tables; the OS/2 unicode ranges must describe the union.
    merged["OS/2"].recalcUnicodeRanges(merged)
    return merged


def load_source(kind: str, where: str, spec: dict, src: Path, tmp: Path) -> TTFont:
    if kind in ("deb", "emoji"):
        return TTFont(src / "root" / spec["deb"] / where)
    if kind == "ttc":
        pkg = spec["deb"]
        path = src / "root" / pkg / where
        if not path.exists():  # Black lives in fonts-noto-cjk-extra
            path = src / "root" / "fonts-noto-cjk-extra" / where
        for face in TTCollection(path, lazy=True).fonts:
            if face["name"].getDebugName(1).startswith("Noto Sans CJK SC"):
                out = tmp / (Path(where).stem + "-SC.otf")
                face.save(out)
                return TTFont(out)
        raise SystemExit(f"no Noto Sans CJK SC face in {path}")
    if kind == "slices":
        name = spec["npm"].split("/")[-1]
        return merge_slices(src / "npm" / name / "package" / "files", where, tmp)
    raise ValueError(kind)


def rename(font: TTFont, renames: list[tuple[str, str]], reserved: tuple[str, ...] = ()) -> None:
    """Replace names in the user-visible name records (family, full, PS, unique...)."""
    visible = {1, 3, 4, 6, 16, 17, 18, 21, 22}
    for rec in font["name"].names:
        if rec.nameID in visible:
            text = rec.toUnicode()
            for old, new in renames:
                text = text.replace(old, new)
            rec.string = text
        elif rec.nameID == 5:
            rec.string = rec.toUnicode() + "; subset by xhscover"
    forbidden = [*reserved, *(old for old, _new in renames)]
    leftovers = [r.toUnicode() for r in font["name"].names
                 if r.nameID in visible and any(word in r.toUnicode() for word in forbidden)]
    if leftovers:
        raise SystemExit(f"reserved names left after renaming: {leftovers}")


def gap_chars() -> set[str]:
    """What every text family must end up with in its own cmap: all of GB2312 + the required set."""
    return set(gb2312_chars()) | set(required_chars())


def fill_gaps(font: TTFont, donor_path: Path) -> str:
    """Copy the donor's outlines for GB2312/required chars the font lacks; return those chars.

    Some upstream faces (the Google Fonts ZCOOL/Ma Shan Zheng builds, Smiley Sans) simply have no
    Greek, Cyrillic, pinyin or box-drawing rows, a few rare level-2 hanzi or the middle dot. Qt's
    fallback would draw them from Noto Sans SC anyway; baking the same Noto glyphs in makes every
    family cover GB2312 by itself (so coverage does not depend on the fallback machinery) and
    looks identical. Both fonts are OFL-1.1 and no Reserved Font Name is involved.
    """
    donor = TTFont(donor_path)
    if donor["head"].unitsPerEm != font["head"].unitsPerEm:
        raise SystemExit(f"{donor_path.name}: unitsPerEm differs, cannot borrow outlines")
    donor_cmap, donor_glyphs = donor.getBestCmap(), donor.getGlyphSet()
    cmap = font.getBestCmap()
    missing = sorted(c for c in gap_chars() if ord(c) not in cmap and ord(c) in donor_cmap)
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = list(font.getGlyphOrder())
    added: dict[str, str] = {}
    for ch in missing:
        source = donor_cmap[ord(ch)]
        name = added.get(source)
        if name is None:
            name = f"noto.{source}"
            tt_pen = TTGlyphPen(None)
            donor_glyphs[source].draw(Cu2QuPen(tt_pen, max_err=1.0, reverse_direction=True))
            glyph = tt_pen.glyph()
            glyph.recalcBounds(glyf)
            glyf.glyphs[name] = glyph
            order.append(name)
            hmtx[name] = (donor["hmtx"][source][0], getattr(glyph, "xMin", 0))
            if "vmtx" in font:
                font["vmtx"][name] = donor["vmtx"][source]
            added[source] = name
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[ord(ch)] = name
    font.setGlyphOrder(order)
    glyf.setGlyphOrder(order)
    return "".join(missing)


def coverage(cmap: set[int]) -> dict:
    chars = {chr(c) for c in cmap}
    return {
        "chars": len(chars),
        "gb2312": len(chars & gb2312_chars()),
        "gb2312_hanzi": len(chars & gb2312_hanzi()),
        "gb2312_level1": len(chars & gb2312_chars(1)),
    }


def license_text(spec: dict, src: Path) -> str:
    if "deb" in spec:
        body = (src / "root" / spec["deb"] / "usr/share/doc" / spec["deb"] / "copyright").read_text()
        head = f"Debian package {spec['deb']} {DEBS[spec['deb']]}: /usr/share/doc/{spec['deb']}/copyright\n\n"
    else:
        name = spec["npm"].split("/")[-1]
        body = (src / "npm" / name / "package" / "LICENSE").read_text()
        head = f"npm package {spec['npm']} {NPMS[spec['npm']]}: LICENSE\n\n"
    return head + body


def family_name(font: TTFont) -> str:
    """The family Qt registers: typographic family (ID 16) when present, else ID 1."""
    name = font["name"]
    return name.getDebugName(16) or name.getDebugName(1)


def build_family(spec: dict, src: Path, out_root: Path, tmp: Path) -> dict:
    out_dir = out_root / spec["id"]
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    weights, qt_families, covs = {}, [], []
    borrowed = ""
    for weight, (kind, where, out_name) in spec["files"].items():
        font = load_source(kind, where, spec, src, tmp)
        emoji = kind == "emoji"
        sub = subset.Subsetter(subset_options(emoji))
        if emoji:
            sub.populate(glyphs=sorted(emoji_glyphs(font)), unicodes=set(font.getBestCmap()))
        else:
            sub.populate(unicodes=text_unicodes())
        sub.subset(font)
        if spec.get("renames"):
            rename(font, spec["renames"], tuple(spec.get("reserved", ())))
        if spec.get("gap_donor"):
            borrowed = fill_gaps(font, out_root / "noto-sans-sc" / spec["gap_donor"])
        font.recalcTimestamp = False  # keep upstream's head.modified: rebuilds give identical bytes
        font.save(out_dir / out_name)
        saved = TTFont(out_dir / out_name)
        qt_families.append(family_name(saved))
        covs.append(coverage(set(saved.getBestCmap())))
        weights[str(weight)] = out_name
        print(f"  {spec['id']} {weight}: {out_name} {(out_dir / out_name).stat().st_size / 1e6:.2f} MB "
              f"{covs[-1]}", flush=True)
    text = license_text(spec, src)
    if borrowed:
        text += (f"\n\n{'=' * 72}\nThis subset also contains {len(borrowed)} glyphs copied from "
                 f"{spec['gap_donor']} (Noto Sans CJK SC, Debian fonts-noto-cjk "
                 f"{DEBS['fonts-noto-cjk']}) for characters the upstream font lacks:\n"
                 f"{borrowed}\n\nThose glyphs are under the SIL Open Font License 1.1 as well:\n\n"
                 + license_text({"deb": "fonts-noto-cjk"}, src))
    (out_dir / "LICENSE.txt").write_text(text, encoding="utf-8")
    source = (f"Debian {spec['deb']} {DEBS[spec['deb']]}" if "deb" in spec
              else f"npm {spec['npm']} {NPMS[spec['npm']]}")
    if spec["id"] == "noto-sans-sc":
        source += f" (Black: fonts-noto-cjk-extra {DEBS['fonts-noto-cjk-extra']})"
    cov = min(covs, key=lambda c: c["chars"])
    return {
        "id": spec["id"],
        "qt_family": qt_families[0],
        "name_zh": spec["name_zh"],
        "name_en": spec["name_en"],
        "category": spec["category"],
        "weights": weights,
        "license": spec["license"],
        "license_file": "LICENSE.txt",
        "source": source,
        "upstream": spec["upstream"],
        "modified_name": bool(spec.get("renames")),
        "bytes": sum((out_dir / n).stat().st_size for n in weights.values()),
        "coverage": {**cov, "borrowed_from_noto": len(borrowed), "notes": spec["notes"]},
    }


def report(entries: list[dict]) -> str:
    g_all, g_hz = len(gb2312_chars()), len(gb2312_hanzi())
    rows = ["| id | files | MB | chars | GB2312 (7445) | GB2312 hanzi (6763) | level 1 (3755) |",
            "|---|---|---|---|---|---|---|"]
    for e in entries:
        c = e["coverage"]
        rows.append(
            f"| {e['id']} | {len(e['weights'])} | {e['bytes'] / 1e6:.2f} | {c['chars']} | "
            f"{c['gb2312']} ({100 * c['gb2312'] / g_all:.1f}%) | "
            f"{c['gb2312_hanzi']} ({100 * c['gb2312_hanzi'] / g_hz:.1f}%) | {c['gb2312_level1']} |"
        )
    total = sum(e["bytes"] for e in entries)
    rows.append(f"\nTotal font payload: {total / 1e6:.2f} MB ({total / 2**20:.2f} MiB)")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path(tempfile.gettempdir()) / "xhscover-fontsrc")
    parser.add_argument("--out", type=Path, default=REPO / "assets" / "fonts")
    parser.add_argument("--only", help="comma-separated family ids to rebuild (manifest keeps others)")
    args = parser.parse_args(argv)

    fetch(args.src)
    manifest_path = args.out / MANIFEST_NAME
    old = {}
    if args.only and manifest_path.exists():
        old = {e["id"]: e for e in json.loads(manifest_path.read_text())["families"]}
    only = set(args.only.split(",")) if args.only else None
    built = {}
    donors_first = sorted(FAMILIES, key=lambda spec: spec["id"] != "noto-sans-sc")
    with tempfile.TemporaryDirectory() as tmp:
        for spec in donors_first:
            if only is not None and spec["id"] not in only and spec["id"] in old:
                built[spec["id"]] = old[spec["id"]]
                continue
            print(f"building {spec['id']}", flush=True)
            built[spec["id"]] = build_family(spec, args.src, args.out, Path(tmp))
    entries = [built[spec["id"]] for spec in FAMILIES]
    manifest = {
        "version": 1,
        "generated_by": "packaging/fonts/build_fonts.py",
        "default_family": DEFAULT_FAMILY,
        "fallback_chain": [DEFAULT_FAMILY, "lxgw-wenkai", EMOJI_FAMILY],
        "families": entries,
    }
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(report(entries))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
