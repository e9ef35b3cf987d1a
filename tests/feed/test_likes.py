import pytest

from xhscover.feed.likes import format_likes, parse_likes


@pytest.mark.parametrize(
    "n, text",
    [(0, "赞"), (1, "1"), (999, "999"), (9999, "9999"), (10_000, "1万"), (12_000, "1.2万"), (12_345, "1.2万"),
     (12_500, "1.3万"), (19_990, "2万"), (100_000, "10万"), (1_234_567, "123.5万"), (99_999_999, "1亿"),
     (123_000_000, "1.2亿")],
)
def test_format_likes_app_style(n, text):
    assert format_likes(n) == text


@pytest.mark.parametrize("raw, n", [(42, 42), ("42", 42), ("1,234", 1234), ("1.2万", 12_000), ("3w", 30_000),
                                    ("10万+", 100_000), (" 7 ", 7)])
def test_parse_likes(raw, n):
    assert parse_likes(raw) == n


@pytest.mark.parametrize("raw", ["abc", "-3", -3, "1.2.3", None, True, [1]])
def test_parse_likes_rejects(raw):
    assert parse_likes(raw) is None
