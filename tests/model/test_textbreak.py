from xhscover.model.textbreak import NO_LINE_END, NO_LINE_START, break_lines, fit_text


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


def test_explicit_newlines_and_empty_text():
    assert break_lines("第一行\n第二行", mono, 1000) == ["第一行", "第二行"]
    assert break_lines("", mono, 100) == [""]


def test_wrapped_lines_drop_leading_spaces():
    lines = break_lines("hello world again", mono, 60)
    assert lines == ["hello", "world", "again"]


def test_fit_text_shrinks_until_it_fits():
    def measure_at(size: float):
        return lambda s: len(s) * size

    res = fit_text("一二三四五六七八九十", measure_at, 300, 100, size=100, min_size=10, line_height=1.0)
    assert res.fits
    assert res.size < 100
    assert all(len(line) * res.size <= 300.5 for line in res.lines)
    assert len(res.lines) * res.size <= 100.5
    # the next half pixel up would not fit: the search finds the largest size
    bigger = fit_text("一二三四五六七八九十", measure_at, 300, 100, size=res.size + 0.5, min_size=10,
                      line_height=1.0, auto_fit=False)
    assert not bigger.fits


def test_fit_text_reports_overflow_at_min_size():
    def measure_at(size: float):
        return lambda s: len(s) * size

    res = fit_text("字" * 500, measure_at, 100, 100, size=50, min_size=20, line_height=1.2)
    assert not res.fits
    assert res.size == 20
