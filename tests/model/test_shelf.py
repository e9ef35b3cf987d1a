"""The project's shelf: saved with the project (cards' images inside the zip), checked on load."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from xhscover.errors import ProjectError
from xhscover.model.project import Project, load_project, project_from_dict, project_to_dict, save_project
from xhscover.model.shelf import Shelf, ShelfCard, shelf_from_dict, shelf_to_dict

DATA = Path(__file__).parent / "data"


def jpeg(color) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (60, 80), color).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def shelf_project() -> Project:
    p = Project(title="带货架的项目")
    a = p.images.add_bytes(jpeg((200, 30, 30)), "a.jpg")
    b = p.images.add_bytes(jpeg((30, 30, 200)), "b.jpg")
    p.shelf = Shelf(cards=[ShelfCard(image=a, name="shot-1", title="秋冬穿搭｜小个子", author="momo", likes=12000,
                                     video=True, source="shot.png", rect=(10, 20, 300, 400)),
                           ShelfCard(image=b, name="shot-2", title="", author="阿花", likes=0)],
                    origin="screenshots: shot.png", device="android-360", theme="dark", page="search",
                    query="秋冬穿搭", placement="random", slot=3, seed=42)
    return p


def test_shelf_round_trip_with_images(tmp_path):
    p = shelf_project()
    path = tmp_path / "p.xhscover"
    save_project(p, path)
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        saved = json.loads(zf.read("project.json"))
    assert {f"images/{c.image}" for c in p.shelf.cards} <= names
    assert saved["shelf"]["cards"][0]["likes"] == 12000
    back = load_project(path)
    assert back.shelf == p.shelf
    for card in back.shelf.cards:
        assert back.images.raw(card.image) == p.images.raw(card.image)


def test_defaults_when_missing_and_for_old_files():
    assert shelf_from_dict(None) == Shelf()
    data = project_to_dict(Project())
    del data["shelf"]
    assert project_from_dict(data).shelf == Shelf()
    assert load_project(DATA / "project-v1.xhscover").shelf == Shelf()
    partial = shelf_from_dict({"theme": "dark"})
    assert partial.theme == "dark" and partial.device == Shelf().device and partial.cards == []


@pytest.mark.parametrize(("bad", "message"), [
    ({"theme": "purple"}, "theme"),
    ({"page": 3}, "page"),
    ({"slot": -1}, "slot"),
    ({"seed": True}, "seed"),
    ({"cards": {}}, "cards"),
    ({"cards": [{"title": "no image"}]}, "image"),
    ({"cards": [{"image": "x.jpg", "likes": "many"}]}, "likes"),
    ({"cards": [{"image": "x.jpg", "rect": [1, 2, 3]}]}, "rect"),
    ({"cards": [{"image": "x.jpg"}] * 201}, "limit"),
    ({"sample_titles": {"a": 3}}, "sample_titles"),
])
def test_broken_shelves_are_refused_with_a_reason(bad, message):
    with pytest.raises(ProjectError, match=message):
        shelf_from_dict(bad, "p.xhscover: shelf")


def test_a_shelf_image_missing_from_the_zip_is_reported(tmp_path):
    p = shelf_project()
    data = project_to_dict(p)
    path = tmp_path / "broken.xhscover"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("project.json", json.dumps(data))
    with pytest.raises(ProjectError, match="referenced but missing"):
        load_project(path)


def test_to_dict_is_json_ready():
    d = shelf_to_dict(shelf_project().shelf)
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
