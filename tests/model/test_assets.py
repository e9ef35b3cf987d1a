"""Bundled photos and stickers: manifests valid, files real and decodable, licenses beside them.

These guard the shipped assets themselves (a missing license file or an oversized photo is a
release bug) and the loader's error messages for hand-edited manifests.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from xhscover.errors import XhsError
from xhscover.model.assets import (
    NICHES,
    AssetError,
    photo_catalog,
    photos_for,
    sticker_catalog,
)
from xhscover.paths import assets_dir

MAIN_NICHES = ("food", "outfit", "travel", "study", "home", "beauty")
PERMISSIVE = {"CC0-1.0", "Public domain", "MIT", "CC-BY-2.0", "CC-BY-4.0"}
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def photos():
    return photo_catalog()


@pytest.fixture(scope="module")
def stickers():
    return sticker_catalog()


# --- the shipped photos ---------------------------------------------------------------------


def test_enough_photos_with_unique_ids(photos):
    assert len(photos) >= 48
    assert len(set(photos.ids())) == len(photos)


@pytest.mark.parametrize("niche", MAIN_NICHES)
def test_each_main_niche_has_four_photos(photos, niche):
    assert len(photos.photos_for(niche)) >= 4


def test_every_niche_is_used(photos):
    for niche in NICHES:
        assert photos.photos_for(niche), niche


def test_photos_decode_and_match_manifest(photos):
    for photo in photos:
        with Image.open(photo.path) as im:
            im.load()
            assert im.format == "JPEG", photo.file
            assert im.mode == "RGB", photo.file
            assert im.size == (photo.width, photo.height), photo.file
        assert max(photo.width, photo.height) <= 1080, photo.file
        expected = (
            "square"
            if abs(photo.aspect - 1) < 0.05
            else "landscape"
            if photo.aspect > 1
            else "portrait"
        )
        assert photo.orientation == expected, photo.file


def test_photos_have_permissive_license_file_and_attribution(photos):
    for photo in photos:
        assert photo.license in PERMISSIVE, photo.file
        assert photo.license_path.is_file(), photo.license_file
        assert photo.license_path.stat().st_size > 200, photo.license_file
        assert photo.author.strip() and photo.source.strip()


def test_photo_folder_stays_small_and_listed(photos):
    # the installer carries these; keep them well under the 15 MB budget
    assert photos.total_bytes() < 15_000_000
    on_disk = {p.name for p in photos.root.iterdir() if p.suffix.lower() in (".jpg", ".jpeg", ".png")}
    assert on_disk == {p.file for p in photos}, "every photo file is in photos.json and vice versa"


def test_osie_images_are_capped(photos):
    # OSIE is also the eye-tracking benchmark: bundle only a few of its images
    osie = [p for p in photos if "OSIE" in p.source]
    assert len(osie) <= 24
    assert all(p.license_file == "licenses/MIT-OSIE.txt" for p in osie)


def test_licenses_md_lists_photos_and_stickers(photos, stickers):
    text = (assets_dir() / "LICENSES.md").read_text(encoding="utf-8")
    assert "## Photos" in text and "## Stickers" in text
    for photo in photos:
        assert photo.file in text, photo.file


def test_photos_for_shorthand_and_unknown_niche(photos):
    assert [p.id for p in photos_for("food")] == [p.id for p in photos.photos_for("food")]
    with pytest.raises(AssetError, match="Unknown photo niche 'cars'"):
        photos.photos_for("cars")
    with pytest.raises(AssetError, match="Unknown bundled photo"):
        photos.get("no-such-photo")
    assert photos.get(photos.ids()[0]).id == photos.ids()[0]


# --- the shipped stickers -------------------------------------------------------------------


def test_enough_stickers_with_license(stickers):
    assert len(stickers) >= 16
    assert len(set(stickers.ids())) == len(stickers)
    assert stickers.license == "CC0-1.0"
    assert stickers.license_path.is_file()
    on_disk = {p.name for p in stickers.root.glob("*.svg")}
    assert on_disk == {s.file for s in stickers}


def test_stickers_are_svg_with_viewbox(stickers):
    for sticker in stickers:
        assert sticker.name_zh and sticker.name_en and sticker.tags
        root = ET.parse(sticker.path).getroot()
        assert root.tag == f"{SVG_NS}svg", sticker.file
        vb = [float(v) for v in root.attrib["viewBox"].split()]
        assert len(vb) == 4 and vb[2] > 0 and vb[3] > 0, sticker.file
        # text must name a font the renderer bundles, never rely on a system font
        for text in root.iter(f"{SVG_NS}text"):
            assert text.attrib.get("font-family") == "Smiley Sans", sticker.file


# --- broken manifests give one clear sentence -----------------------------------------------


def _copy_photos(tmp_path: Path) -> Path:
    root = tmp_path / "assets"
    src = assets_dir() / "photos"
    dst = root / "photos"
    dst.mkdir(parents=True)
    shutil.copytree(src / "licenses", dst / "licenses")
    data = json.loads((src / "photos.json").read_text(encoding="utf-8"))
    data["photos"] = data["photos"][:2]
    for entry in data["photos"]:
        shutil.copy(src / entry["file"], dst / entry["file"])
    (dst / "photos.json").write_text(json.dumps(data), encoding="utf-8")
    return root


def _edit(root: Path, change) -> None:
    path = root / "photos" / "photos.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_copied_manifest_loads(tmp_path):
    root = _copy_photos(tmp_path)
    assert len(photo_catalog(root)) == 2


def test_env_override_is_honoured(tmp_path, monkeypatch):
    root = _copy_photos(tmp_path)
    monkeypatch.setenv("XHSCOVER_ASSETS", str(root))
    assert len(photo_catalog()) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["photos"][0].pop("license"), r"entry 1 \('.+'\): field 'license' is missing"),
        (lambda d: d["photos"][1].update(file="gone.jpg"), r"file 'gone.jpg' named by 'file' is missing"),
        (lambda d: d["photos"][0].update(file="../x.jpg"), r"must be a relative path"),
        (lambda d: d["photos"][0].update(tags=["cars"]), r"unknown niche tag 'cars'"),
        (lambda d: d["photos"][0].update(width=0), r"field 'width' must be a positive whole number"),
        (lambda d: d["photos"][0].update(orientation="tall"), r"orientation 'tall' is not one of"),
        (lambda d: d["photos"][0].update(license_file="licenses/NOPE.txt"), r"'licenses/NOPE.txt'.+missing"),
        (lambda d: d["photos"].append(dict(d["photos"][0])), r"lists id '.+' twice"),
        (lambda d: d.update(photos=[]), r"needs a non-empty 'photos' list"),
        (lambda d: d["photos"].__setitem__(0, "x"), r"entry 1 must be a JSON object"),
    ],
)
def test_broken_photo_manifest_is_reported(tmp_path, change, message):
    root = _copy_photos(tmp_path)
    _edit(root, change)
    with pytest.raises(AssetError, match=message) as info:
        photo_catalog(root)
    assert isinstance(info.value, XhsError)
    assert "photos.json" in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_or_garbled_manifest(tmp_path):
    with pytest.raises(AssetError, match="photo manifest .+ is missing"):
        photo_catalog(tmp_path)
    (tmp_path / "stickers").mkdir()
    (tmp_path / "stickers" / "stickers.json").write_text("{ not json", encoding="utf-8")
    with pytest.raises(AssetError, match=r"is not valid JSON \(line 1"):
        sticker_catalog(tmp_path)
    (tmp_path / "stickers" / "stickers.json").write_text("[]", encoding="utf-8")
    with pytest.raises(AssetError, match="JSON object at the top"):
        sticker_catalog(tmp_path)


def test_broken_sticker_manifest_is_reported(tmp_path):
    src = assets_dir() / "stickers"
    dst = tmp_path / "stickers"
    shutil.copytree(src, dst)
    data = json.loads((dst / "stickers.json").read_text(encoding="utf-8"))
    data["stickers"][2]["file"] = "missing.svg"
    (dst / "stickers.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AssetError, match=r"entry 3 \('.+'\): file 'missing.svg'"):
        sticker_catalog(tmp_path)
    data["stickers"][2]["file"] = "must-see.png"
    (dst / "stickers.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(AssetError, match=r"must end in \.svg"):
        sticker_catalog(tmp_path)
