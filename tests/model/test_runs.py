import pytest

from xhscover.errors import XhsError
from xhscover.model.cover import Cover
from xhscover.model.layers import TextLayer
from xhscover.model.project import Project, load_project, save_project
from xhscover.model.runs import check_runs, normalize, remap, segments, style_range
from xhscover.model.serialize import cover_from_dict, to_dict
from xhscover.model.styles import Highlight, Stroke, TextRun

TEXT = "人均800玩转西湖"  # 800 = [2, 5), 西湖 = [7, 9)


def test_style_range_splits_and_merges():
    runs = style_range([], len(TEXT), 2, 5, color="#FF2442")
    assert runs == [TextRun(2, 5, color="#FF2442")]
    runs = style_range(runs, len(TEXT), 4, 9, scale=1.3)  # overlaps the end of the first run
    assert runs == [TextRun(2, 4, color="#FF2442"), TextRun(4, 5, color="#FF2442", scale=1.3), TextRun(5, 9, scale=1.3)]
    runs = style_range(runs, len(TEXT), 0, 9, scale=1.0)  # back to the layer's size everywhere
    assert runs == [TextRun(2, 5, color="#FF2442")]
    assert style_range(runs, len(TEXT), 2, 5, color=None) == []
    with pytest.raises(XhsError, match="unknown run style"):
        style_range([], len(TEXT), 0, 1, colour="#000000")


def test_normalize_clips_and_lets_later_runs_win():
    runs = [TextRun(0, 50, color="#111111"), TextRun(3, 4, color="#222222"), TextRun(5, 5, color="#333333")]
    assert normalize(runs, 6) == [TextRun(0, 3, color="#111111"), TextRun(3, 4, color="#222222"),
                                  TextRun(4, 6, color="#111111")]


def test_remap_follows_edits():
    runs = [TextRun(2, 5, color="#FF2442"), TextRun(7, 9, scale=1.3)]
    # typing inside 西湖 grows it; text before a run moves it
    assert remap(runs, TEXT, "人均800玩转西子湖") == [TextRun(2, 5, color="#FF2442"), TextRun(7, 10, scale=1.3)]
    assert remap(runs, TEXT, "杭州人均800玩转西湖")[0] == TextRun(4, 7, color="#FF2442")
    # typing right after 800 extends it, typing right before 西湖 does not
    assert remap(runs, TEXT, "人均800元玩转西湖")[0] == TextRun(2, 6, color="#FF2442")
    assert remap(runs, TEXT, "人均800玩转杭州西湖")[1] == TextRun(9, 11, scale=1.3)
    # replacing the whole run keeps its style on the new text; deleting it drops the run
    assert remap(runs, TEXT, "人均900玩转西湖")[0] == TextRun(2, 5, color="#FF2442")
    assert remap(runs, TEXT, "人均玩转西湖") == [TextRun(4, 6, scale=1.3)]
    assert remap(runs, TEXT, "") == []


def test_segments_cut_a_line_at_run_edges():
    runs = [TextRun(2, 5, color="#FF2442")]
    assert segments(runs, 0, 9) == [(0, 2, None), (2, 5, runs[0]), (5, 9, None)]
    assert segments(runs, 3, 4) == [(3, 4, runs[0])]


def test_check_runs_reports_bad_files():
    check_runs([TextRun(0, 2, color="#000000")], 2, "t")
    with pytest.raises(XhsError, match="outside the text"):
        check_runs([TextRun(0, 3, color="#000000")], 2, "t")
    with pytest.raises(XhsError, match="overlaps"):
        check_runs([TextRun(0, 2, color="#000000"), TextRun(1, 2, scale=2.0)], 2, "t")
    with pytest.raises(XhsError, match="scale"):
        check_runs([TextRun(0, 2, scale=50.0)], 2, "t")


def _cover_with_runs() -> Cover:
    layer = TextLayer(id="title", text=TEXT, runs=[
        TextRun(2, 5, color="#FF2442", strokes=[Stroke("#FFFFFF", 6.0)]),
        TextRun(7, 9, scale=1.3, highlight=Highlight("#FFE45C")),
    ])
    return Cover(layers=[layer])


def test_runs_round_trip_through_the_project_file(tmp_path):
    project = Project(covers=[_cover_with_runs()])
    save_project(project, tmp_path / "p.xhscover")
    back = load_project(tmp_path / "p.xhscover")
    assert back.covers[0].layers[0].runs == project.covers[0].layers[0].runs


def test_broken_runs_in_a_file_are_named():
    data = to_dict(_cover_with_runs())
    data["layers"][0]["runs"][0]["end"] = 99
    with pytest.raises(XhsError, match=r"layers\[0\].runs\[0\]"):
        cover_from_dict(data)
    data = to_dict(_cover_with_runs())
    data["layers"][0]["runs"][0]["color"] = "red"
    with pytest.raises(XhsError, match="colour"):
        cover_from_dict(data)


def test_layers_without_runs_read_as_before():
    data = to_dict(_cover_with_runs())
    del data["layers"][0]["runs"]
    assert cover_from_dict(data).layers[0].runs == []
