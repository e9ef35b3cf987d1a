import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from xhscover.errors import ImageError, ProjectError, XhsError
from xhscover.model.cover import Cover
from xhscover.model.images import ImageStore, decode_image
from xhscover.model.layers import ImageLayer, ShapeLayer, TextLayer
from xhscover.model.project import (
    MIGRATIONS,
    SCHEMA_VERSION,
    Project,
    load_project,
    project_to_dict,
    save_project,
)
from xhscover.model.serialize import cover_from_dict, to_dict
from xhscover.model.styles import Fill, Shadow, Stroke, TextStyle

DATA = Path(__file__).parent / "data"


def png_bytes(mode="RGB", size=(40, 30), color=(200, 30, 30)) -> bytes:
    buf = io.BytesIO()
    Image.new(mode, size, color).save(buf, "PNG")
    return buf.getvalue()


def sample_project() -> Project:
    project = Project(title="测试")
    key = project.images.add_bytes(png_bytes(), "red.png")
    style = TextStyle(family="smiley-sans", size=120, strokes=[Stroke("#1A1A1A", 10), Stroke("#FFFFFF", 20)],
                      shadow=Shadow(), fill=Fill.linear([(0, "#FF2442"), (1, "#FFD400")]))
    cover = Cover(layers=[ImageLayer(id="img", src=key, focal=(0.3, 0.7)), TextLayer(id="t", text="标题", style=style),
                          ShapeLayer(id="s", shape="arrow")])
    project.covers = [cover, Cover(id="B", name="B")]
    return project


def test_roundtrip(tmp_path):
    project = sample_project()
    path = tmp_path / "p.xhscover"
    save_project(project, path)
    back = load_project(path)
    assert [to_dict(c) for c in back.covers] == [to_dict(c) for c in project.covers]
    assert back.images.blobs == project.images.blobs
    assert back.title == "测试"


def test_save_is_atomic_and_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "p.xhscover"
    save_project(sample_project(), path)
    before = path.read_bytes()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", boom)
    with pytest.raises(ProjectError, match="No space left"):
        save_project(sample_project(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["p.xhscover"]


def _zip(tmp_path, entries: dict[str, bytes]):
    path = tmp_path / "bad.xhscover"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return path


def test_hostile_and_broken_files(tmp_path):
    good = json.dumps(project_to_dict(Project())).encode()
    with pytest.raises(ProjectError, match="unsafe entry"):
        load_project(_zip(tmp_path, {"project.json": good, "../evil.txt": b"x"}))
    with pytest.raises(ProjectError, match="project.json is missing"):
        load_project(_zip(tmp_path, {"x.txt": b"x"}))
    with pytest.raises(ProjectError, match="damaged"):
        load_project(_zip(tmp_path, {"project.json": b"{not json"}))
    future = project_to_dict(Project())
    future["schema"] = SCHEMA_VERSION + 1
    with pytest.raises(ProjectError, match="newer xhscover"):
        load_project(_zip(tmp_path, {"project.json": json.dumps(future).encode()}))
    (tmp_path / "junk.xhscover").write_bytes(b"not a zip at all")
    with pytest.raises(ProjectError, match="not a valid"):
        load_project(tmp_path / "junk.xhscover")
    with pytest.raises(ProjectError, match="no such file"):
        load_project(tmp_path / "missing.xhscover")


def test_missing_image_entry(tmp_path):
    data = project_to_dict(sample_project())
    with pytest.raises(ProjectError, match="missing"):
        load_project(_zip(tmp_path, {"project.json": json.dumps(data).encode()}))


def test_validation_errors_name_the_field():
    data = to_dict(sample_project().covers[0])
    data["layers"][1]["style"]["strokes"][0]["color"] = "red"
    with pytest.raises(XhsError, match=r"layers\[1\]\.style\.strokes\[0\]\.color"):
        cover_from_dict(data)
    data = to_dict(sample_project().covers[0])
    data["layers"][2]["shape"] = "hexagon"
    with pytest.raises(XhsError, match="shape"):
        cover_from_dict(data)
    data = to_dict(sample_project().covers[0])
    data["layers"][1]["text"] = "字" * 20000
    with pytest.raises(XhsError, match="limit"):
        cover_from_dict(data)


@pytest.mark.parametrize("mode", ["CMYK", "P", "LA", "RGBA", "L", "I;16"])
def test_odd_colour_modes_decode_to_rgb(mode):
    buf = io.BytesIO()
    img = Image.new(mode, (20, 10))
    img.save(buf, "TIFF" if mode in ("CMYK",) else "PNG")
    out = decode_image(buf.getvalue())
    assert out.mode in ("RGB", "RGBA")
    assert out.size == (20, 10)


def test_exif_orientation_is_applied():
    img = Image.new("RGB", (60, 20), (10, 200, 10))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW on display
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif)
    assert decode_image(buf.getvalue()).size == (20, 60)


def test_corrupt_and_truncated_images():
    with pytest.raises(ImageError, match="not an image format"):
        decode_image(b"hello world")
    data = io.BytesIO()
    Image.new("RGB", (200, 200), (1, 2, 3)).save(data, "JPEG")
    with pytest.raises(ImageError):
        decode_image(data.getvalue()[:300])


def test_huge_images_are_refused():
    # a PNG header claiming 20000x20000 pixels: refused before decoding
    img = Image.new("1", (20000, 6000))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    with pytest.raises(ImageError, match="100 megapixels"):
        decode_image(buf.getvalue())


def test_store_downscales_and_dedupes():
    store = ImageStore()
    big = io.BytesIO()
    Image.new("RGB", (5000, 1000), (5, 5, 5)).save(big, "JPEG")
    k1 = store.add_bytes(big.getvalue())
    k2 = store.add_bytes(big.getvalue())
    assert k1 == k2 and len(store.blobs) == 1
    assert max(store.load(k1).size) == 4096
    alpha = store.add_bytes(png_bytes("RGBA", color=(1, 2, 3, 100)))
    assert alpha.endswith(".png") and store.load(alpha).mode == "RGBA"


def test_asset_refs_cannot_escape():
    store = ImageStore()
    with pytest.raises(ImageError, match="outside"):
        store.raw("asset:../../etc/passwd")


def test_variant_ids():
    p = Project()
    assert p.next_variant_id() == "B"


def test_every_old_schema_version_has_a_migration():
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


def test_frozen_version_1_file_still_loads():
    """tests/model/data/project-v1.xhscover was written by the version-1 app; never regenerate it."""
    project = load_project(DATA / "project-v1.xhscover")
    assert project.title == "版本1项目"
    assert [c.id for c in project.covers] == ["A", "B", "C"]
    assert project.covers[2].layers and any(
        isinstance(layer, TextLayer) and "西湖" in layer.text for layer in project.covers[2].layers
    )
    assert len(project.images.blobs) == 1
    assert project_to_dict(project)["schema"] == SCHEMA_VERSION


def test_saved_file_has_the_users_normal_mode(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    path = tmp_path / "p.xhscover"
    save_project(Project(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # as any new file, not a temp file's 0600
    path.chmod(0o640)  # a mode the user chose is kept on the next save
    save_project(Project(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_save_removes_temporary_files_of_killed_saves(tmp_path):
    import os

    path = tmp_path / "p.xhscover"
    dead = tmp_path / f".p.xhscover.{2**22 + 5}.x1y2.tmp"
    dead.write_bytes(b"\0" * 4096)
    live = tmp_path / f".p.xhscover.{os.getpid()}.x3y4.tmp"
    live.write_bytes(b"\0")
    other = tmp_path / ".q.xhscover.12.x.tmp"
    other.write_bytes(b"\0")
    save_project(Project(), path)
    assert not dead.exists() and live.exists() and other.exists()
    assert [p.name for p in tmp_path.glob("*.xhscover")] == ["p.xhscover"]
