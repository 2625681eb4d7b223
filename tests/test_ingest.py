from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from detente.ingest import IngestOptions, detect_format, parse_date, read_articles
from detente.model import Article, Failure, Severity, content_hash

BODY = (
    "Armenia and Azerbaijan resumed peace talks in Geneva on Tuesday.\n\n"
    "Iran welcomed the talks."
)
GOOD_TXT = "Russia and Turkey signed a trade agreement in Ankara."
BOM = b"\xef\xbb\xbf"


def _read(*paths: Path | str, options: IngestOptions | None = None) -> list[Article | Failure]:
    return list(read_articles([str(p) for p in paths], options))


def _articles(items: list[Article | Failure]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def _failures(items: list[Article | Failure]) -> list[Failure]:
    return [item for item in items if isinstance(item, Failure)]


def _only_article(items: list[Article | Failure]) -> Article:
    assert _failures(items) == []
    (article,) = _articles(items)
    return article


def _jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


# --- plain text ---------------------------------------------------------------------------------


def test_ingest_txt_header_lines_become_metadata_and_are_not_in_body(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(
        "Title: Talks resume in Geneva\n"
        "Date: 2020-04-21\n"
        "Source: Example Wire\n"
        "URL: https://example.org/news/talks\n"
        "\n" + BODY + "\n",
        encoding="utf-8",
    )
    article = _only_article(_read(path))
    assert article.title == "Talks resume in Geneva"
    assert article.published == date(2020, 4, 21)
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/news/talks"
    assert article.text == BODY
    assert "Title:" not in article.text and "Example Wire" not in article.text
    assert article.origin == str(path)
    assert article.id == content_hash(BODY)


def test_ingest_txt_without_headers_whole_text_is_body(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("\n" + BODY + "\n\n", encoding="utf-8")
    article = _only_article(_read(path))
    assert article.text == BODY
    assert (article.title, article.published, article.source, article.url) == (None,) * 4


def test_ingest_txt_id_header_is_used_as_id(tmp_path):
    path = tmp_path / "with_id.txt"
    path.write_text("ID: wire-0042\nTitle: Talks\n\n" + BODY, encoding="utf-8")
    article = _only_article(_read(path))
    assert article.id == "wire-0042"
    assert article.title == "Talks"
    assert article.text == BODY


def test_ingest_id_is_content_hash_and_same_text_gives_same_id(tmp_path):
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "two.txt").write_text("Title: Another title\n\n" + BODY, encoding="utf-8")
    (tmp_path / "three.txt").write_text(GOOD_TXT, encoding="utf-8")
    one, two, three = (_only_article(_read(tmp_path / f"{n}.txt")) for n in ("one", "two", "three"))
    assert one.id == two.id == content_hash(BODY)
    assert three.id == content_hash(GOOD_TXT) != one.id
    assert one.text_hash == one.id


@pytest.mark.parametrize(
    ("given", "expected"),
    [("abc-1", "abc-1"), (42, "42"), (" padded ", "padded"), ("", None), ("   ", None),
     (None, None)],
)
def test_ingest_jsonl_id_given_or_content_hash(tmp_path, given, expected):
    path = tmp_path / "ids.jsonl"
    path.write_text(_jsonl({"id": given, "text": GOOD_TXT}), encoding="utf-8")
    article = _only_article(_read(path))
    assert article.id == (expected if expected is not None else content_hash(GOOD_TXT))


# --- HTML ---------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Talks resume | Example News</title>
<meta name="date" content="2020-04-21">
<link rel="canonical" href="https://example.org/news/talks-resume">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> Subscribe to our newsletter menu</nav>
<article><h1>Talks resume</h1>
<p>Armenia and Azerbaijan resumed peace talks in Geneva on Tuesday, officials from both
countries said after the meeting ended.</p>
<p>The foreign ministers agreed to meet again next month to discuss the exchange of prisoners
and the opening of transport links across the region.</p>
<p>Iran welcomed the talks and offered to host a future round, according to a statement from
its foreign ministry released late on Tuesday evening.</p>
</article>
<footer>Copyright 2020 Example Media. All rights reserved. Privacy policy.</footer>
</body></html>
"""


def test_ingest_html_main_text_title_date_and_canonical_url(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    article = _only_article(_read(path))
    assert "resumed peace talks in Geneva" in article.text
    assert "host a future round" in article.text
    for boilerplate in ("Subscribe to our newsletter", "All rights reserved", "Privacy policy"):
        assert boilerplate not in article.text
    assert "<p>" not in article.text
    assert article.title == "Talks resume"
    assert article.published == date(2020, 4, 21)
    assert article.url == "https://example.org/news/talks-resume"
    assert article.origin == str(path)
    assert article.id == content_hash(article.text)


def test_ingest_html_without_main_text_is_a_failure(tmp_path):
    path = tmp_path / "empty_page.htm"
    path.write_text("<html><head><title>Nothing</title></head><body></body></html>", "utf-8")
    (failure,) = _read(path)
    assert isinstance(failure, Failure)
    assert failure.origin == str(path)
    assert "no main text" in failure.problem


# --- JSONL and CSV ------------------------------------------------------------------------------

RECORDS = [
    {"id": "a1", "title": "Talks resume", "date": "2020-04-21", "source": "Example Wire",
     "url": "https://example.org/a1", "text": BODY},
    {"id": "a2", "title": "Trade deal", "date": "Tue, 21 Apr 2020 10:30:00 +0000",
     "source": "Other Wire", "url": "https://example.org/a2", "text": GOOD_TXT},
]  # fmt: skip


def test_ingest_jsonl_reads_all_fields_with_line_origins(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(_jsonl(*RECORDS), encoding="utf-8")
    items = _read(path)
    assert _failures(items) == []
    first, second = _articles(items)
    assert first == Article(id="a1", text=BODY, title="Talks resume", published=date(2020, 4, 21),
                            source="Example Wire", url="https://example.org/a1",
                            origin=f"{path}:1")  # fmt: skip
    assert (second.id, second.title, second.published) == ("a2", "Trade deal", date(2020, 4, 21))
    assert (second.source, second.url, second.text) == (
        "Other Wire", "https://example.org/a2", GOOD_TXT)  # fmt: skip
    assert second.origin == f"{path}:2"


CSV_CELL = 'Talks resumed, officials said.\nA second paragraph, with "quotes" and commas.'
CSV_TEXT = (
    "id,title,date,source,url,text\n"
    "c1,Talks resume,2020-04-21,Example Wire,https://example.org/c1,"
    '"Talks resumed, officials said.\nA second paragraph, with ""quotes"" and commas."\n'
    "c2,Trade deal,21 April 2020,Other Wire,https://example.org/c2," + GOOD_TXT + "\n"
)


def test_ingest_csv_reads_columns_and_multiline_quoted_text(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")
    items = _read(path)
    assert _failures(items) == []
    first, second = _articles(items)
    assert first.text == CSV_CELL
    assert (first.id, first.title, first.published) == ("c1", "Talks resume", date(2020, 4, 21))
    assert (first.source, first.url) == ("Example Wire", "https://example.org/c1")
    assert first.origin == f"{path}:2"
    # the first record spans lines 2-3, so the second one starts on line 4
    assert (second.id, second.text, second.published) == ("c2", GOOD_TXT, date(2020, 4, 21))
    assert second.origin == f"{path}:4"


def test_ingest_csv_line_numbers_count_blank_lines(tmp_path):
    path = tmp_path / "gaps.csv"
    path.write_text("id,text,date\n\nr1,First text.,not a date\n\n\nr2,Second text.,2020-01-02\n",
                    encoding="utf-8")  # fmt: skip
    items = _read(path)
    (warning,) = _failures(items)
    assert (warning.line, warning.article_id) == (3, "r1")
    assert [a.origin for a in _articles(items)] == [f"{path}:3", f"{path}:6"]


@pytest.mark.parametrize(
    ("name", "content", "expected_texts"),
    [
        ("article.txt.gz", "Title: Talks\n\n" + BODY, [BODY]),
        ("articles.jsonl.gz", _jsonl(*RECORDS), [BODY, GOOD_TXT]),
        ("articles.csv.gz", CSV_TEXT, [CSV_CELL, GOOD_TXT]),
    ],
    ids=["txt", "jsonl", "csv"],
)  # fmt: skip
def test_ingest_gzipped_files_read_like_plain_ones(tmp_path, name, content, expected_texts):
    path = tmp_path / name
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    items = _read(path)
    assert _failures(items) == []
    assert [a.text for a in _articles(items)] == expected_texts


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", ("txt", False)),
        ("a.text", ("txt", False)),
        ("a.HTM", ("html", False)),
        ("archive.2020.jsonl.gz", ("jsonl", True)),
        ("a.ndjson", ("jsonl", False)),
        ("A.CSV.GZ", ("csv", True)),
        ("report.pdf", (None, False)),
        ("report.pdf.gz", (None, True)),
        ("README", (None, False)),
    ],
)
def test_ingest_detect_format_from_file_name(name, expected):
    assert detect_format(Path(name)) == expected


def test_ingest_forced_format_reads_unknown_extension(tmp_path):
    path = tmp_path / "export.log"
    path.write_text(_jsonl(*RECORDS), encoding="utf-8")
    assert "unsupported" in _failures(_read(path))[0].problem
    items = _read(path, options=IngestOptions(format="jsonl"))
    assert [a.id for a in _articles(items)] == ["a1", "a2"]
    assert _failures(items) == []


# --- folders and stdin --------------------------------------------------------------------------


def test_ingest_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b.txt").write_text("Text of b.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text of a.", encoding="utf-8")
    (tmp_path / "sub" / "c.jsonl").write_text(
        _jsonl({"text": "Text of c1."}, {"text": "Text of c2."}), encoding="utf-8")  # fmt: skip
    (tmp_path / "sub" / "d.txt.gz").write_bytes(gzip.compress(b"Text of d."))
    (tmp_path / ".hidden.txt").write_text("Hidden file.", encoding="utf-8")
    (tmp_path / "sub" / ".draft.txt").write_text("Hidden draft.", encoding="utf-8")
    (tmp_path / ".git" / "notes.txt").write_text("Inside a hidden folder.", encoding="utf-8")
    items = _read(tmp_path)
    assert _failures(items) == []
    assert [a.text for a in _articles(items)] == [
        "Text of a.", "Text of b.", "Text of c1.", "Text of c2.", "Text of d."]  # fmt: skip
    assert _articles(items)[2].origin == f"{tmp_path / 'sub' / 'c.jsonl'}:1"


class _FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_jsonl(*RECORDS).encode(), [("a1", BODY, "<stdin>:1"), ("a2", GOOD_TXT, "<stdin>:2")]),
        (b"\n  " + _jsonl(RECORDS[1]).encode(), [("a2", GOOD_TXT, "<stdin>:2")]),
        (BOM + _jsonl(RECORDS[1]).encode(), [("a2", GOOD_TXT, "<stdin>:1")]),
        (GOOD_TXT.encode(), [(content_hash(GOOD_TXT), GOOD_TXT, "<stdin>")]),
        (b"ID: s-1\nTitle: Trade\n\n" + GOOD_TXT.encode(), [("s-1", GOOD_TXT, "<stdin>")]),
    ],
    ids=["jsonl", "jsonl-leading-blank", "jsonl-bom", "text", "text-headers"],
)
def test_ingest_stdin_detects_jsonl_or_text(monkeypatch, data, expected):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(data))
    items = _read("-")
    assert _failures(items) == []
    assert [(a.id, a.text, a.origin) for a in _articles(items)] == expected


def test_ingest_stdin_empty_is_a_failure(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(b"  \n"))
    (failure,) = _read("-")
    assert isinstance(failure, Failure)
    assert failure.message() == "<stdin>: error: empty input"


def test_ingest_stdin_forced_csv(monkeypatch):
    monkeypatch.setattr(sys, "stdin", _FakeStdin(CSV_TEXT.encode()))
    items = _read("-", options=IngestOptions(format="csv"))
    assert _failures(items) == []
    assert [(a.id, a.origin) for a in _articles(items)] == [
        ("c1", "<stdin>:2"), ("c2", "<stdin>:4")]  # fmt: skip


# --- bad input ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 256


BAD_FILES = [
    ("latin1.txt", b"Title: Caf\xc3\xa9\n\ncaf\xe9 talks", "not valid UTF-8 (byte 0xe9", 3),
    ("empty.txt", b"", "empty input", None),
    ("blank.txt", b"  \n\t\r\n \n", "empty input", None),
    ("image.txt", PNG, "binary data", None),
    ("headers_only.txt", b"Title: Nothing follows\nDate: 2020-04-21\n\n",
     "missing or empty 'text'", None),
    ("empty.jsonl", b"", "empty input", None),
    ("blank.jsonl", b"\n  \n\n", "empty input", None),
    ("empty.csv", b"", "empty input", None),
    ("no_text.csv", b"id,title,body\n1,Talks,Some body\n",
     "no 'text' column (columns: id, title, body)", 1),
    ("header_only.csv", b"id,text\n", "header but no rows", None),
    ("report.pdf", b"%PDF-1.4\n", "unsupported file type '.pdf'", None),
    ("report.pdf.gz", gzip.compress(b"%PDF-1.4\n"), "unsupported file type '.pdf.gz'", None),
    ("corrupt.txt.gz", b"\x1f\x8b\x08\x00garbage, not deflate data", "cannot read file", None),
    ("not_gzip.jsonl.gz", b'{"text": "plain, not gzipped"}\n', "cannot read file", None),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "problem", "line"), BAD_FILES,
                         ids=[case[0] for case in BAD_FILES])  # fmt: skip
def test_ingest_bad_file_is_a_failure_and_batch_continues(tmp_path, name, content, problem, line):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    for items in (_read(tmp_path), _read(bad, good)):
        (failure,) = _failures(items)
        assert failure.origin == str(bad)
        assert problem in failure.problem
        assert failure.line == line
        assert failure.severity is Severity.ERROR
        where = f"{bad}:{line}" if line is not None else str(bad)
        assert failure.message() == f"{where}: error: {failure.problem}"
        assert [a.text for a in _articles(items)] == [GOOD_TXT]


def test_ingest_truncated_gzip_reports_failure_after_readable_part(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    records = [{"id": f"r{i}", "text": f"Article number {i} about talks."} for i in range(2000)]
    path.write_bytes(gzip.compress(_jsonl(*records).encode())[:-200])
    items = _read(path)
    failure = items[-1]
    assert isinstance(failure, Failure)
    assert failure.origin == str(path)
    assert "cannot read file" in failure.problem
    articles = _articles(items)
    assert 0 < len(articles) < 2000
    assert [a.id for a in articles] == [f"r{i}" for i in range(len(articles))]


def test_ingest_nonexistent_path_is_a_failure_and_batch_continues(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TXT, encoding="utf-8")
    missing = tmp_path / "missing" / "nothing.txt"
    items = _read(missing, good)
    assert items[0] == Failure(str(missing), None, "no such file or directory")
    assert [a.text for a in _articles(items)] == [GOOD_TXT]


@pytest.mark.parametrize(
    ("bad_line", "problem"),
    [
        (b'{"id": "x", "text": "unterminated}', "invalid JSON"),
        (b'{"text": "trailing comma",}', "invalid JSON"),
        (b'["a", "list"]', "expected a JSON object, got list"),
        (b'"just a string"', "expected a JSON object, got str"),
        (b'{"id": "t", "title": "No text here"}', "missing or empty 'text'"),
        (b'{"id": "t", "text": "   "}', "missing or empty 'text'"),
        (b'{"id": "t", "text": 12345}', "missing or empty 'text'"),
        (b'{"text": "caf\xe9 au lait"}', "not valid UTF-8 (byte 0xe9"),
        (b'{"text": "nul\x00byte"}', "binary data"),
        (b'{"text": "big", "n": ' + b"9" * 5000 + b"}", "invalid JSON"),
        (b"[" * 100_000, "invalid JSON"),
    ],
    ids=["unterminated", "trailing-comma", "list", "string", "no-text", "blank-text",
         "number-text", "latin1", "nul", "huge-int", "deep-nesting"],
)  # fmt: skip
def test_ingest_jsonl_bad_line_is_reported_with_line_and_neighbours_kept(tmp_path, bad_line,
                                                                          problem):  # fmt: skip
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "first", "text": "First article."}\n'
                     b"\n"
                     + bad_line + b"\n"
                     b'{"id": "last", "text": "Last article."}\n')  # fmt: skip
    items = _read(path)
    (failure,) = _failures(items)
    assert (failure.origin, failure.line) == (str(path), 3)
    assert problem in failure.problem
    assert failure.message().startswith(f"{path}:3: error: ")
    assert [(a.id, a.origin) for a in _articles(items)] == [
        ("first", f"{path}:1"), ("last", f"{path}:4")]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "content", "line"),
    [
        ("bad_date.txt", "ID: d1\nDate: 31/31/2020\n\n" + GOOD_TXT, None),
        ("bad_date.jsonl", _jsonl({"id": "d1", "date": "not a date", "text": GOOD_TXT}), 1),
        ("bad_date.csv", f"id,date,text\nd1,31/31/2020,{GOOD_TXT}\n", 2),
        ("partial_date.jsonl", _jsonl({"id": "d1", "date": "April 2020", "text": GOOD_TXT}), 1),
    ],
    ids=["txt", "jsonl", "csv", "jsonl-partial"],
)
def test_ingest_bad_date_is_a_warning_and_article_kept_without_date(tmp_path, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    items = _read(path)
    (warning,) = _failures(items)
    (article,) = _articles(items)
    assert warning.severity is Severity.WARNING
    assert warning.article_id == article.id == "d1"
    assert (warning.origin, warning.line) == (str(path), line)
    assert "date" in warning.problem and "kept without a date" in warning.problem
    assert ": warning: " in warning.message()
    assert article.published is None
    assert article.text == GOOD_TXT


def test_ingest_txt_over_file_size_limit_fails_and_small_neighbour_kept(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 10_000_000)  # 50 MB, over the default 10 MB limit
    small = tmp_path / "small.txt"
    small.write_text(GOOD_TXT, encoding="utf-8")
    items = _read(tmp_path)
    (failure,) = _failures(items)
    assert failure.origin == str(big)
    assert "10,000,000-byte limit" in failure.problem
    assert [a.origin for a in _articles(items)] == [str(small)]


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_ingest_max_file_bytes_option_applies_to_one_article_formats(tmp_path, name):
    path = tmp_path / name
    path.write_text(HTML, encoding="utf-8")
    (failure,) = _read(path, options=IngestOptions(max_file_bytes=100))
    assert isinstance(failure, Failure)
    assert "100-byte limit" in failure.problem


def test_ingest_jsonl_text_over_max_article_chars_fails_and_others_kept(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(_jsonl({"id": "long", "text": "x" * 1001}, {"id": "fits", "text": "y" * 1000}),
                    encoding="utf-8")  # fmt: skip
    items = _read(path, options=IngestOptions(max_article_chars=1000))
    (failure,) = _failures(items)
    assert (failure.origin, failure.line) == (str(path), 1)
    assert "1,001 characters" in failure.problem and "1,000 limit" in failure.problem
    assert [a.id for a in _articles(items)] == ["fits"]


# --- dates and BOM ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "2020-04-21",
        "2020-04-21T10:30:00Z",
        "2020-04-21T23:59:59+05:00",
        "Tue, 21 Apr 2020 10:30:00 +0000",
        "21 April 2020",
        "April 21, 2020 10:30 GMT",
        "  21 Apr 2020  ",
    ],
)
def test_ingest_parse_date_accepts_common_formats(value):
    assert parse_date(value) == date(2020, 4, 21)


@pytest.mark.parametrize(
    "value",
    ["not a date", "", "   ", "31/31/2020", "2020-02-30", "April 2020", "21 April", "10:30",
     "2020"],
)
def test_ingest_parse_date_rejects_bad_or_incomplete_dates(value):
    with pytest.raises(ValueError):
        parse_date(value)


@pytest.mark.parametrize(
    ("name", "content", "expected_title"),
    [
        ("bom.txt", "Title: With BOM\n\n" + GOOD_TXT, "With BOM"),
        ("bom.jsonl", _jsonl({"title": "With BOM", "text": GOOD_TXT}), "With BOM"),
        ("bom.csv", f"text,title\n{GOOD_TXT},With BOM\n", "With BOM"),
        ("bom_plain.txt", GOOD_TXT, None),
    ],
    ids=["txt-headers", "jsonl", "csv", "txt-plain"],
)
def test_ingest_utf8_bom_at_file_start_is_stripped(tmp_path, name, content, expected_title):
    path = tmp_path / name
    path.write_bytes(BOM + content.encode("utf-8"))
    article = _only_article(_read(path))
    assert article.text == GOOD_TXT
    assert article.title == expected_title
    assert "\ufeff" not in article.text
    assert article.id == content_hash(GOOD_TXT)


@pytest.mark.parametrize(
    "value",
    ["2020-04-21", "2020-04-21T10:30:00Z", "2020-04-21T10:30:00.123+00:00", "2020-04-21T10:30:00+0530",
     "2020-04-21 10:30", "2020-04-21 10:30:00 UTC", "20200421"],
)  # fmt: skip
def test_ingest_parse_date_iso_8601(value):
    assert parse_date(value) == date(2020, 4, 21)


@pytest.mark.parametrize(
    "value",
    ["Tue, 21 Apr 2020 10:30:00 +0000", "Tue, 21 Apr 2020 10:30:00 GMT", "21 Apr 2020 10:30:00 -0700",
     "Tue, 21 Apr 2020 23:59:00 -0500"],
)  # fmt: skip
def test_ingest_parse_date_rfc_2822_keeps_the_date_written(value):
    # 23:59 at -05:00 is already 22 April in UTC; the publication date is the one written
    assert parse_date(value) == date(2020, 4, 21)


@pytest.mark.parametrize(
    "value", ["21 April 2020", "21 Apr 2020", "Tuesday, 21 April 2020", "21st April 2020"]
)
def test_ingest_parse_date_day_month_name_year(value):
    assert parse_date(value) == date(2020, 4, 21)


@pytest.mark.parametrize(
    "value",
    ["April 21, 2020 10:30 GMT", "April 21, 2020", "Apr. 21, 2020, 10:30 a.m. EDT", "April 21 2020 10:30"],
)
def test_ingest_parse_date_month_name_day_year_with_time_and_zone(value):
    assert parse_date(value) == date(2020, 4, 21)


@pytest.mark.parametrize("value", ["2020-04-21junk", "2020-04-2112", "2020-04-21 and later"])
def test_ingest_parse_date_rejects_text_after_an_iso_date(value):
    with pytest.raises(ValueError):
        parse_date(value)


def test_ingest_parse_date_unknown_zone_name_does_not_warn():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_date("21 April 2020 10:30 BST") == date(2020, 4, 21)
