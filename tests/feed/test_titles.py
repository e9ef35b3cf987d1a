import pytest

from xhscover.feed.fonts import feed_font
from xhscover.feed.titles import ELLIPSIS, TitleSetter
from xhscover.model.textbreak import NO_LINE_END, NO_LINE_START


@pytest.fixture
def setter(qapp):
    return TitleSetter(feed_font(500, 42), max_lines=2)


def char_width(setter):
    return setter.width("中")


def test_latin_words_stay_whole(setter):
    width = setter.width("iPhone 15 Pro") + 1
    lines = setter.lines("iPhone 15 Pro 使用一个月的真实感受", width)
    assert lines[0] == "iPhone 15 Pro"


def test_short_title_one_line(setter):
    assert setter.lines("秋冬穿搭", 500) == ("秋冬穿搭",)
    assert setter.count("", 500) == 0
    assert setter.count("   ", 500) == 0


def test_long_chinese_two_lines_with_ellipsis(setter):
    width = char_width(setter) * 8
    title = "去了十次的宝藏咖啡店终于舍得分享了还有隐藏菜单"
    lines = setter.lines(title, width)
    assert len(lines) == 2
    assert lines[1].endswith(ELLIPSIS)
    assert all(setter.width(line) <= width + 0.01 for line in lines)
    assert (lines[0] + lines[1][:-1]) == title[: len(lines[0]) + len(lines[1]) - 1]


def test_exact_two_lines_no_ellipsis(setter):
    width = char_width(setter) * 6
    lines = setter.lines("杭州西湖宝藏咖啡攻略", width)
    assert lines == ("杭州西湖宝藏", "咖啡攻略")


def test_words_stay_whole_as_on_the_cover(setter):
    """The feed breaks titles with the cover's line breaker: 攻略 is not cut into 攻/略."""
    width = char_width(setter) * 7
    assert setter.lines("杭州三天两晚超全攻略", width) == ("杭州三天两晚", "超全攻略")


@pytest.mark.parametrize("punct", ["，", "。", "！", "？", "、", "」", "）"])
def test_no_line_starts_with_closing_punctuation(setter, punct):
    width = char_width(setter) * 6
    title = "一二三四五六" + punct + "七八九"
    lines = setter.lines(title, width)
    assert len(lines) == 2
    assert lines[1][0] not in NO_LINE_START
    assert lines[1].startswith("六" + punct)  # the previous character comes down with it


def test_no_line_ends_with_opening_punctuation(setter):
    width = char_width(setter) * 6
    lines = setter.lines("一二三四五「六七」八九", width)
    assert lines[0][-1] not in NO_LINE_END
    assert lines[1].startswith("「")


def test_latin_words_not_split(setter):
    width = setter.width("穿搭分享 Citywa")
    lines = setter.lines("穿搭分享 Citywalk 路线", width)
    assert lines[0] == "穿搭分享"
    assert lines[1].startswith("Citywalk")


def test_mixed_title_fits_width(setter):
    width = char_width(setter) * 9
    for title in ["iPhone 15 Pro 使用一个月真实感受，优缺点都说清楚", "ootd | 今日份温柔奶茶色 #秋冬穿搭 #小个子",
                  "3000块打造ins风小屋！租房党必看（附清单）"]:
        lines = setter.lines(title, width)
        assert 1 <= len(lines) <= 2
        for line in lines:
            assert setter.width(line) <= width + 0.01
            assert line[0] not in NO_LINE_START


def test_overlong_word_is_broken(setter):
    width = char_width(setter) * 4
    lines = setter.lines("Supercalifragilisticexpialidocious", width)
    assert len(lines) == 2 and lines[1].endswith(ELLIPSIS)


def test_feed_font_has_cjk_glyphs(qapp):
    from PySide6.QtGui import QFontMetricsF

    fm = QFontMetricsF(feed_font(400, 40))
    assert fm.inFontUcs4(ord("中")) and fm.inFontUcs4(ord("赞"))
