"""The bundled font manifest, files, licenses, size budget and character coverage (no Qt)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from xhscover.errors import FontError
from xhscover.model import fonts as mf
from xhscover.paths import assets_dir

REQUIRED_IDS = {"smiley-sans", "lxgw-wenkai", "noto-sans-sc", "zcool-kuaile", "noto-color-emoji"}


@pytest.fixture(scope="module")
def catalog() -> mf.FontCatalog:
    return mf.load_catalog(strict=True)


@pytest.fixture(scope="module")
def cmaps(catalog) -> dict[Path, set[str]]:
    return {p: {chr(c) for c in TTFont(p, lazy=True).getBestCmap()}
            for fam in catalog.families for p in fam.files}


def test_manifest_lists_the_required_families(catalog):
    ids = set(catalog.ids())
    assert REQUIRED_IDS <= ids
    assert len([f for f in catalog.families if not f.is_emoji]) >= 5
    assert set(mf.family_ids()) == ids
    assert catalog.default_family == mf.DEFAULT_FAMILY == "noto-sans-sc"
    assert catalog.fallback_chain[0] == "noto-sans-sc"
    assert catalog.fallback_chain[-1] == mf.EMOJI_FAMILY
    categories = {f.id: f.category for f in catalog.families}
    assert categories["smiley-sans"] == "display"
    assert categories["lxgw-wenkai"] == "handwriting"
    assert categories["zcool-kuaile"] == "playful"
    assert categories["noto-color-emoji"] == "emoji"
    assert set(catalog.get("noto-sans-sc").weights) >= {400, 700, 900}


def test_every_font_file_exists_with_its_license_beside_it(catalog):
    for fam in catalog.families:
        assert fam.license == "OFL-1.1"
        text = fam.license_path.read_text(encoding="utf-8")
        assert "SIL OPEN FONT LICENSE" in text.upper()
        for path in fam.files:
            assert path.is_file() and path.suffix in mf.FONT_SUFFIXES
            assert path.parent == fam.license_path.parent


def test_licenses_md_lists_every_bundled_font(catalog):
    text = (assets_dir() / "LICENSES.md").read_text(encoding="utf-8")
    assert "## Fonts" in text
    for fam in catalog.families:
        assert f"fonts/{fam.id}/" in text
        for path in fam.files:
            assert path.name in text


def test_total_font_payload_within_budget(catalog):
    on_disk = sum(p.stat().st_size for p in (assets_dir() / "fonts").rglob("*") if p.is_file())
    assert catalog.total_bytes() <= on_disk <= mf.MAX_PAYLOAD_BYTES


def test_qt_family_matches_the_name_table(catalog):
    for fam in catalog.families:
        for path in fam.files:
            name = TTFont(path, lazy=True)["name"]
            assert fam.qt_family in {name.getDebugName(16), name.getDebugName(1)}


def test_text_families_cover_gb2312_ascii_and_punctuation(catalog, cmaps):
    """Level 1 + ASCII + punctuation is the hard floor; the build also fills the rest of GB2312."""
    required = mf.required_chars() | mf.gb2312_chars()
    assert len(mf.gb2312_chars(1)) == 3755 and len(mf.gb2312_hanzi()) == 6763
    for fam in catalog.families:
        if fam.is_emoji:
            continue
        for path in fam.files:
            missing = required - cmaps[path]
            assert not missing, f"{path.name} lacks {''.join(sorted(missing))[:40]}"


def test_fallback_chain_covers_all_of_gb2312(catalog, cmaps):
    """What the chosen face lacks, the chain must have: no GB2312 char may end up as tofu."""
    chain = set()
    for fid in catalog.fallback_chain:
        for path in catalog.get(fid).files:
            chain |= cmaps[path]
    assert mf.gb2312_chars() <= chain
    assert set(mf.EXTRA_SYMBOLS) <= chain


def test_emoji_font_is_colour_bitmap_with_common_emoji(catalog, cmaps):
    fam = catalog.get(mf.EMOJI_FAMILY)
    font = TTFont(fam.files[0], lazy=True)
    assert "CBDT" in font and "CBLC" in font
    assert set("😀😂❤👍🎉🔥✨🌸") <= cmaps[fam.files[0]]


def test_renamed_wenkai_does_not_use_reserved_font_names(catalog):
    fam = catalog.get("lxgw-wenkai")
    assert fam.modified_name
    for path in fam.files:
        for rec in TTFont(path, lazy=True)["name"].names:
            if rec.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
                assert "LXGW" not in rec.toUnicode() and "霞鹜" not in rec.toUnicode()


def test_lookups_and_nearest_weight(catalog):
    noto = mf.get_family("noto-sans-sc")
    assert noto.nearest_weight(400) == 400
    assert noto.nearest_weight(800) == 900  # ties go heavier
    assert noto.nearest_weight(100) == 400
    assert noto.file_for(700).name == "NotoSansSC-Bold.otf"
    assert catalog.fallbacks_for("noto-sans-sc") == [f for f in catalog.fallback_chain if f != "noto-sans-sc"]
    with pytest.raises(FontError, match=r"'comic-sans'.*noto-sans-sc"):
        mf.get_family("comic-sans")


def test_describe_fonts_has_a_line_per_family(catalog):
    lines = mf.describe_fonts(catalog)
    assert len(lines) == len(catalog.families) + 1
    for fam, line in zip(catalog.families, lines[:-1], strict=True):
        assert fam.id in line and fam.name_zh in line and "OFL-1.1" in line
    assert "fallback" in lines[-1]


# --- validation: a broken manifest gives one clear FontError ---------------------------------

@pytest.fixture()
def fonts_copy(tmp_path, catalog) -> Path:
    """A tiny copy of the fonts folder: one family with a real (small) font file."""
    fam = catalog.get("zcool-kuaile")
    dest = tmp_path / "fonts" / fam.id
    dest.mkdir(parents=True)
    shutil.copy(fam.files[0], dest)
    shutil.copy(fam.license_path, dest)
    data = json.loads((catalog.root / mf.MANIFEST_NAME).read_text(encoding="utf-8"))
    entry = next(e for e in data["families"] if e["id"] == fam.id)
    manifest = {"default_family": fam.id, "fallback_chain": [fam.id], "families": [entry]}
    (tmp_path / "fonts" / mf.MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    return tmp_path / "fonts"


def _edit(root: Path, change) -> None:
    path = root / mf.MANIFEST_NAME
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_small_copy_loads(fonts_copy):
    assert mf.load_catalog(fonts_copy).ids() == ["zcool-kuaile"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["families"][0].update(category="serif"), "category 'serif'"),
        (lambda d: d["families"][0]["weights"].update({"700": "Missing.ttf"}), "Missing.ttf does not exist"),
        (lambda d: d["families"][0]["weights"].update({"bold": "x.ttf"}), "weight 'bold'"),
        (lambda d: d["families"][0].update(license_file="NOPE.txt"), "license file"),
        (lambda d: d["families"][0].pop("qt_family"), "'qt_family' is missing"),
        (lambda d: d["families"].append(dict(d["families"][0])), "more than once"),
        (lambda d: d.update(default_family="nope"), "default family 'nope'"),
        (lambda d: d.update(fallback_chain=["zcool-kuaile", "ghost"]), "fallback family 'ghost'"),
    ],
)
def test_validation_errors_name_the_problem(fonts_copy, change, message):
    _edit(fonts_copy, change)
    with pytest.raises(FontError, match=message):
        mf.load_catalog(fonts_copy, strict=True)


def test_one_broken_family_does_not_take_down_the_others(tmp_path):
    root = tmp_path / "fonts"
    shutil.copytree(mf.load_catalog().root, root)
    (root / "ma-shan-zheng" / "MaShanZheng-Regular.ttf").unlink()
    catalog = mf.load_catalog(root)
    assert "ma-shan-zheng" not in catalog.ids() and "noto-sans-sc" in catalog.ids()
    assert any("MaShanZheng-Regular.ttf does not exist" in p for p in catalog.problems)
    with pytest.raises(FontError, match="does not exist"):
        mf.load_catalog(root, strict=True)
    (root / "noto-sans-sc" / "NotoSansSC-Regular.otf").unlink()
    with pytest.raises(FontError, match="default family"):
        mf.load_catalog(root)


def test_missing_or_garbled_manifest(tmp_path, fonts_copy):
    with pytest.raises(FontError, match="missing"):
        mf.load_catalog(tmp_path / "nowhere")
    (fonts_copy / mf.MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    with pytest.raises(FontError, match="cannot be read"):
        mf.load_catalog(fonts_copy)
