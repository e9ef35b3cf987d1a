from xhscover.model.textbreak import (
    NO_LINE_END,
    NO_LINE_START,
    break_lines,
    break_spans,
    fit_text,
    graphemes,
    paragraphs,
    plain_metrics,
)


def mono(s: str) -> float:
    return 10.0 * len(s)


def test_no_line_starts_with_closing_punctuation():
    text = "今天我们来聊聊如何，做一个好看的封面！真的超级简单。"
    for width in range(30, 200, 10):
        for line in break_lines(text, mono, width)[1:]:
            assert line[0] not in NO_LINE_START, (width, line)


def test_no_line_ends_with_opening_punctuation():
    text = "这是「一个」测试（括号）和《书名》的例子“引号”"
    for width in range(30, 200, 10):
        lines = break_lines(text, mono, width)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, line)
        assert "".join(lines) == text


def test_latin_words_are_not_split():
    lines = break_lines("用 Photoshop 做封面超简单", mono, 100)
    assert "Photoshop" in lines
    assert all("Photo" not in ln or "Photoshop" in ln for ln in lines)


def test_overlong_word_is_split_as_last_resort():
    lines = break_lines("abcdefghijklmnopqrstuvwxyz", mono, 100)
    assert lines == ["abcdefghij", "klmnopqrst", "uvwxyz"]
    _, forced = break_spans("abcdefghijklmnopqrstuvwxyz", lambda s, e: 10.0 * (e - s), 100)
    assert forced


def test_explicit_newlines_and_empty_text():
    assert break_lines("第一行\n第二行", mono, 1000) == ["第一行", "第二行"]
    assert break_lines("第一行\r\n第二行\r第三行", mono, 1000) == ["第一行", "第二行", "第三行"]
    assert break_lines("", mono, 100) == [""]
    assert paragraphs("a\r\nb") == [(0, 1), (3, 4)]


def test_wrapped_lines_drop_leading_spaces():
    lines = break_lines("hello world again", mono, 60)
    assert lines == ["hello", "world", "again"]


def test_words_are_not_split():
    # greedy by characters would give 超全攻 / 略 at 30 px; the words stay whole
    assert break_lines("超全攻略", mono, 30) == ["超全", "攻略"]
    for width in range(40, 130, 10):
        lines = break_lines("杭州三天两晚人均800玩转西湖", mono, width, balance=True)
        joined = "|".join(lines)
        for word in ("杭州", "人均", "西湖", "玩转", "800"):
            assert word in joined, (width, lines)


def test_numbers_keep_their_units():
    for text, unit in (("花了800元买到", "800元"), ("杭州3天玩遍", "3天"), ("月薪5千也能存下", "5千"),
                       ("存下10万+的方法", "10万+"), ("2024年度爱用物", "2024年度"), ("每天15分钟瑜伽", "15分钟")):
        for width in range(10 * len(unit), 120, 10):  # from the narrowest box the unit fits in
            lines = break_lines(text, mono, width)
            assert any(unit in ln for ln in lines), (text, width, lines)


def test_no_single_character_alone_on_the_last_line():
    # 9 characters in lines of 8 would leave 湖 alone; the widow takes a word with it
    for balance in (False, True):
        lines = break_lines("人均八百玩转杭州西湖", mono, 80, balance=balance)
        assert all(graphemes(ln) > 1 for ln in lines), lines
    assert graphemes("👍🏻") == 1 and graphemes("👨‍👩‍👧") == 1 and graphemes("🇨🇳") == 1


def test_balanced_lines_are_even_and_prefer_separators():
    lines = break_lines("杭州三天两晚｜人均800玩转西湖", mono, 140, balance=True)
    assert lines == ["杭州三天两晚", "人均800玩转西湖"]  # the ｜ gives way to the break
    greedy = break_lines("普通人也能照做的存钱方法", mono, 100)
    balanced = break_lines("普通人也能照做的存钱方法", mono, 100, balance=True)
    assert len(greedy) == len(balanced) == 2
    spread = [abs(len(a) - len(b)) for a, b in (greedy, balanced)]
    assert spread[1] < spread[0], (greedy, balanced)


def test_emoji_sequences_stay_whole():
    text = "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧"
    lines = break_lines(text, lambda s: 10.0 * graphemes(s), 20)
    assert "".join(lines) == text
    assert all(graphemes(ln) == 2 for ln in lines), lines


def _plain(text: str, line_height: float = 1.0):
    return plain_metrics(text, lambda size: (lambda s: len(s) * size), line_height)


def test_fit_text_shrinks_until_it_fits():
    text = "一二三四五六七八九十"
    res = fit_text(text, _plain(text), 300, 100, size=100, min_size=10)
    assert res.fits
    assert res.size < 100
    assert all(len(line) * res.size <= 300.5 for line in res.lines)
    assert len(res.lines) * res.size <= 100.5
    # the next half pixel up would not fit: the search finds the largest size
    bigger = fit_text(text, _plain(text), 300, 100, size=res.size + 0.5, min_size=10, auto_fit=False)
    assert not bigger.fits


def test_fit_text_reports_overflow_at_min_size():
    text = "字" * 500
    res = fit_text(text, _plain(text, 1.2), 100, 100, size=50, min_size=20)
    assert not res.fits
    assert res.size == 20


def test_hand_made_lines_are_not_rebroken_when_the_box_grows():
    text = "月薪五千\n也能存下\n十万块钱"
    for box_h in (300, 450, 800, 2000):  # a taller box must not buy a bigger size by wrapping a line
        res = fit_text(text, _plain(text), 400, box_h, size=400, min_size=10)
        assert res.lines == ["月薪五千", "也能存下", "十万块钱"], (box_h, res)
        assert res.size == min(100, box_h / 3)


def test_hand_made_lines_wrap_only_below_the_minimum_size():
    text = "短\n这一行非常非常非常长"
    res = fit_text(text, _plain(text), 100, 1000, size=100, min_size=20)
    assert res.fits and len(res.lines) > 2 and res.size >= 20


def test_fit_prefers_shrinking_to_splitting_a_word():
    text = "Photoshop"
    res = fit_text(text, _plain(text), 450, 400, size=100, min_size=10)
    assert res.lines == ["Photoshop"] and res.size == 50
