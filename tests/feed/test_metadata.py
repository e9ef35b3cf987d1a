from xhscover.feed.metadata import parse_csv, parse_json


def test_csv_rows_and_malformed_lines_reported_and_skipped():
    text = (
        "file,title,author,likes,avatar\n"   # line 1
        "a.png,秋冬穿搭,momo,1.2万,\n"        # 2
        "b.jpg,早餐,阿花,abc,\n"              # 3: bad likes
        ",no file,x,1,\n"                    # 4: no file
        "c.webp,\"标题, 有逗号\",Lily,88\n"   # 5
        "d.png,t,a,1,av.png,extra\n"         # 6: too many fields
    )
    metas, warns = parse_csv(text)
    assert [m.file for m in metas] == ["a.png", "c.webp"]
    assert metas[0].likes == 12_000 and metas[0].title == "秋冬穿搭" and metas[0].author == "momo"
    assert metas[1].title == "标题, 有逗号" and metas[1].line == 5
    assert len(warns) == 3
    assert "line 3" in warns[0] and "abc" in warns[0]
    assert "line 4" in warns[1]
    assert "line 6" in warns[2]


def test_csv_without_file_column():
    metas, warns = parse_csv("name,title\na.png,x\n")
    assert metas == [] and "line 1" in warns[0]


def test_json_line_numbers_for_bad_entries():
    text = """{"cards": [
  {"file": "a.png", "title": "一", "likes": 5},
  {"file": "b.png",
   "likes": "lots"},
  "oops",
  {"title": "no file"},
  {"file": "c.png", "author": "阿花"}
]}"""
    metas, warns = parse_json(text)
    assert [m.file for m in metas] == ["a.png", "c.png"]
    assert metas[1].author == "阿花"
    assert [w.split(":")[0] for w in warns] == ["cards.json line 3", "cards.json line 5", "cards.json line 6"]


def test_json_plain_list_and_syntax_error():
    metas, warns = parse_json('[{"file": "a.png"}]')
    assert [m.file for m in metas] == ["a.png"] and warns == []
    metas, warns = parse_json('[\n{"file": "a.png",}\n]')
    assert metas == [] and "line 2" in warns[0]


def test_unbalanced_quotes_are_reported_with_their_line():
    from xhscover.feed.metadata import parse_csv

    text = 'file,title,author,likes\nok.jpg,好,a,1.2万\npasta.jpg,番茄意面,"unterminated,12\nnope.jpg,x,y,3\n'
    metas, warnings = parse_csv(text)
    assert [m.file for m in metas] == ["ok.jpg"] and metas[0].likes == 12000
    assert len(warnings) == 1 and "line 3" in warnings[0] and "quote" in warnings[0]
    metas, warnings = parse_csv('file,title\n\na.jpg,"two\nlines"\nb.jpg,ok\nc.jpg,x,extra\n')
    assert [(m.file, m.line) for m in metas] == [("b.jpg", 5)]
    assert "line 3" in warnings[0] and "runs over 2 lines" in warnings[0]
    assert "line 6" in warnings[1]
