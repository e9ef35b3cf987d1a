from xhscover.shelfimport.text import clean_title, parse_like_count, split_author_row


def test_like_counts_as_shown():
    assert parse_like_count("1.2万") == 12000
    assert parse_like_count("3.1w") == 31000
    assert parse_like_count("3.1W") == 31000
    assert parse_like_count("赞") == 0
    assert parse_like_count("836") == 836
    assert parse_like_count("10万+") == 100000
    assert parse_like_count("1.1亿") == 110_000_000
    assert parse_like_count("1,234") == 1234
    assert parse_like_count("1O2") == 102  # an O read for a zero
    assert parse_like_count("") is None
    assert parse_like_count("abc") is None


def test_titles_lose_a_trailing_ellipsis_and_keep_latin_spaces():
    assert clean_title(["新疆自驾15天全攻略，含路线和花", "费明细，看这一篇…"]) == "新疆自驾15天全攻略，含路线和花费明细，看这一篇"
    assert clean_title(["iPhone 15 Pro", "使用一个月"]) == "iPhone 15 Pro使用一个月"
    assert clean_title(["City", "walk夜景"]) == "City walk夜景"
    assert clean_title(["一周通勤..."]) == "一周通勤"
    assert clean_title([]) == ""
    assert clean_title(["周末去哪儿|城市近郊露营"]) == "周末去哪儿｜城市近郊露营"
    assert clean_title(["ootd | 今日份"]) == "ootd｜今日份"
    assert clean_title(["a|b"]) == "a|b"


def test_author_row_read_as_one_line():
    assert split_author_row("读书的鱼 ♡ 836") == ("读书的鱼", "836")
    assert split_author_row("健身girl 34.8万") == ("健身girl", "34.8万")
    assert split_author_row("momo 赞") == ("momo", "赞")
    assert split_author_row("没有数字") == ("没有数字", "")
