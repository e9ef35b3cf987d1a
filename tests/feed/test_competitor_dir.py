import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from xhscover.errors import XhsError
from xhscover.feed.cards import load_competitor_dir, sample_shelf_dir


def save(path, w, h, color=(200, 30, 60), mode="RGB"):
    Image.new(mode, (w, h), color).save(path)


def huge_png_header(path, w, h):
    """A valid-looking PNG whose header claims w x h (never decoded: refused before that)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    raw = zlib.compress(b"\x00" + b"\x00\x00\x00")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def test_folder_with_csv_metadata_and_bad_files(tmp_path):
    save(tmp_path / "a.png", 300, 400)
    save(tmp_path / "b.jpg", 400, 400)
    save(tmp_path / "c.webp", 400, 300)
    save(tmp_path / "IMG_1234.JPG", 600, 800)
    save(tmp_path / "big.png", 1620, 2160)
    (tmp_path / "broken.png").write_bytes(b"not an image at all")
    huge_png_header(tmp_path / "bomb.png", 12000, 10000)
    save(tmp_path / "face.png", 64, 64, (10, 200, 10))
    (tmp_path / "notes.txt").write_text("ignored")
    (tmp_path / "cards.csv").write_text(
        "file,title,author,likes,avatar\n"
        "c.webp,横图,阿花,2.3万,face.png\n"
        "a.png,竖图,momo,77,\n"
        "missing.png,x,y,1,\n"
        "b.jpg,方图,z,lots,\n",
        encoding="utf-8",
    )
    cards, warns = load_competitor_dir(tmp_path)
    ids = [c.id for c in cards]
    assert ids[:2] == ["c", "a"]  # metadata order first
    assert set(ids) == {"c", "a", "IMG_1234", "big", "b", "face"}
    c = cards[0]
    assert c.title == "横图" and c.author == "阿花" and c.likes == 23_000 and c.aspect == pytest.approx(4 / 3)
    assert isinstance(c.avatar, np.ndarray)
    img = next(x for x in cards if x.id == "IMG_1234")
    assert img.title == "" and img.author.startswith("小红薯") and img.likes > 0  # camera name: no title
    big = next(x for x in cards if x.id == "big")
    assert big.image.shape == (1440, 1080, 3)  # downscaled on import to 1080 wide
    text = "\n".join(warns)
    assert "broken.png" in text and "bomb.png" in text and "100 megapixels" in text
    assert "cards.csv line 4" in text and "missing.png" in text
    assert "cards.csv line 5" in text
    assert all(not c.mine for c in cards)


def test_json_metadata(tmp_path):
    save(tmp_path / "a.png", 300, 400)
    (tmp_path / "cards.json").write_text('[{"file": "a.png", "title": "标题", "likes": 12000}]', encoding="utf-8")
    cards, warns = load_competitor_dir(tmp_path)
    assert warns == [] and cards[0].title == "标题" and cards[0].likes == 12000


def test_transparent_png_flattened_on_white(tmp_path):
    save(tmp_path / "t.png", 30, 40, (0, 0, 0, 0), mode="RGBA")
    cards, _ = load_competitor_dir(tmp_path)
    assert cards[0].image[0, 0].tolist() == [255, 255, 255]


def test_empty_folder_falls_back_to_sample_shelf(tmp_path):
    cards, warns = load_competitor_dir(tmp_path)
    assert len(cards) >= 6
    assert any("sample shelf" in w for w in warns)
    assert sample_shelf_dir().name == "shelf"


def test_only_unreadable_images_also_fall_back(tmp_path):
    (tmp_path / "x.jpg").write_bytes(b"\xff\xd8garbage")
    cards, warns = load_competitor_dir(tmp_path)
    assert cards and "x.jpg" in warns[0]


def test_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(XhsError, match="does not exist"):
        load_competitor_dir(tmp_path / "nope")
