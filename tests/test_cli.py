"""The command line end to end, in-process (real Qt offscreen, real fonts, real images)."""

import numpy as np
import pytest
from PIL import Image

from xhscover import __version__
from xhscover.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_layouts_and_fonts(capsys):
    code, out, _ = run(capsys, "layouts")
    assert code == 0 and "big-title-red" in out and len(out.splitlines()) >= 16
    code, out, _ = run(capsys, "fonts")
    assert code == 0 and "smiley-sans" in out and "noto-color-emoji" in out


def test_render_layout_with_text_and_image(capsys, tmp_path):
    photo = tmp_path / "p.png"
    Image.new("RGB", (300, 200), (0, 200, 0)).save(photo)
    out_png = tmp_path / "cover.png"
    code, out, err = run(capsys, "render", "photo-title-band", "-o", str(out_png), "--set", "title=周末去哪儿",
                         "--set", f"photo={photo}", "--ratio", "4:3")
    assert code == 0, err
    img = np.asarray(Image.open(out_png).convert("RGB"))
    assert img.shape == (1080, 1440, 3)
    greenish = (img[:, :, 1] > 150) & (img[:, :, 0] < 80) & (img[:, :, 2] < 80)
    assert greenish.mean() > 0.2  # the photo really went into the slot
    code, _, _ = run(capsys, "render", "big-title-red", "-o", str(tmp_path / "x2.jpg"), "--scale", "0.5")
    assert code == 0 and Image.open(tmp_path / "x2.jpg").size == (540, 720)


def test_render_with_a_preset_and_a_styled_run(capsys, tmp_path):
    """--style gives the title a 花字 preset, --run paints 800 in pure blue: both reach the pixels."""
    out_png = tmp_path / "c.png"
    code, _, err = run(capsys, "render", "big-title-yellow", "-o", str(out_png), "--scale", "0.5",
                       "--set", "title=人均800玩转西湖", "--style", "title=label-black-yellow",
                       "--run", "title=800:color=#0000FF,scale=1.2")
    assert code == 0, err
    img = np.asarray(Image.open(out_png).convert("RGB")).astype(int)
    blue = (img[:, :, 2] > 200) & (img[:, :, 0] < 60) & (img[:, :, 1] < 60)
    black = (img.max(axis=2) < 40)
    assert blue.sum() > 200 and black.sum() > 2000  # the blue run and the preset's black label
    code, out, _ = run(capsys, "presets")
    assert code == 0 and len(out.splitlines()) >= 24 and "label-black-yellow" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "no-such-layout", "-o", "x.png"], "no layout"),
        (["render", "big-title-red", "-o", "x.png", "--set", "nope=1"], "no slot"),
        (["render", "big-title-red", "-o", "x.gif"], "output must end"),
        (["render", "missing.xhscover", "-o", "x.png"], "no such file"),
        (["render", "big-title-red", "-o", "x.png", "--set", "title"], "SLOT=TEXT"),
        (["render", "big-title-red", "-o", "x.png", "--style", "title=nope"], "unknown text style"),
        (["render", "big-title-red", "-o", "x.png", "--style", "photo=label-red"], "no text slot"),
        (["render", "big-title-red", "-o", "x.png", "--run", "title=800"], "SLOT=TEXT:STYLE"),
        (["render", "big-title-red", "-o", "x.png", "--run", "title=月薪:color=red"], "colour"),
        (["render", "big-title-red", "-o", "x.png", "--run", "title=不在:color=#FF0000"], "does not occur"),
        (["render", "big-title-red", "-o", "x.png", "--run", "title=月薪:scale=9"], "outside"),
    ],
)
def test_errors_are_one_line(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_render_project_variants(capsys, tmp_path):
    from xhscover.model.layouts import build_cover, get_layout
    from xhscover.model.project import Project, save_project

    project = Project()
    a = build_cover(get_layout("big-title-red"))
    b = build_cover(get_layout("quote-card"))
    b.id = b.name = "B"
    project.covers = [a, b]
    save_project(project, tmp_path / "p.xhscover")
    code, out, err = run(capsys, "render", str(tmp_path / "p.xhscover"), "-o", str(tmp_path / "v.png"),
                         "--all-variants", "--scale", "0.25")
    assert code == 0, err
    assert (tmp_path / "v-A.png").is_file() and (tmp_path / "v-B.png").is_file()


def test_saliency_writes_16bit_maps_with_input_size_and_stem(capsys, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    img = np.full((90, 120, 3), 128, np.uint8)
    img[30:60, 40:80] = (255, 0, 0)
    Image.fromarray(img).save(src / "cover-one.jpg")
    (src / "broken.png").write_bytes(b"not an image")
    code, out, err = run(capsys, "saliency", str(src / "cover-one.jpg"), str(src / "broken.png"),
                         "--out-dir", str(tmp_path / "maps"))
    assert code == 2 and "broken.png" in err  # the bad file is reported, the good one still written
    smap = Image.open(tmp_path / "maps" / "cover-one.png")
    assert smap.size == (120, 90) and smap.mode.startswith("I")
    arr = np.asarray(smap)
    assert arr.max() == 65535
    code, _, err = run(capsys, "saliency", str(src / "cover-one.jpg"), "--out-dir", str(tmp_path), "--model", "x")
    assert code == 2 and "unknown model" in err


def test_app_without_a_screen_says_so(capsys, monkeypatch):
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    code, _, err = run(capsys)
    assert code == 2 and "no screen found" in err and "xhscover demo" in err
    code, _, err = run(capsys, "open", "x.xhscover")
    assert code == 2 and "no screen found" in err


def test_output_cut_short_by_a_pipe_is_not_an_error():
    """`xhscover presets | head -1`: the reader closes the pipe early; xhscover stops quietly
    (it printed "internal error: BrokenPipeError" before)."""
    import subprocess
    import sys

    code = "import sys; from xhscover.cli import main; sys.exit(main(['presets']))"
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # as `head -1` does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(60) == 0, err
    assert first.strip() and err == "", err
