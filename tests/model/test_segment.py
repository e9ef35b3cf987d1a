import pytest

from xhscover.errors import XhsError
from xhscover.model import segment as seg


def test_cover_words_are_found():
    for run, words in (("杭州三天两晚", {"杭州"}), ("超全攻略", {"超全", "攻略"}), ("玩转西湖", {"玩转", "西湖"}),
                       ("租房避坑指南", {"租房", "避坑", "指南"}), ("学生党闭眼入", {"学生党", "闭眼入"}),
                       ("弄堂里的宝藏咖啡店", {"弄堂", "宝藏", "咖啡店"})):
        got = seg.segment(run)
        assert "".join(got) == run
        assert words <= set(got), (run, got)


def test_unknown_characters_are_single_words():
    assert seg.Lexicon({"攻略": 9.0}, total=1e4).segment("攻略龘") == ["攻略", "龘"]
    assert seg.Lexicon({}, total=1.0).segment("") == []


def test_missing_word_list_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("XHSCOVER_ASSETS", str(tmp_path))
    with pytest.raises(XhsError, match="word list"):
        seg._read_lists()
