"""Read articles from text, HTML, JSONL and CSV files (optionally gzipped), folders and stdin.

:func:`read_articles` yields :class:`Article` records and :class:`Failure` records in input
order; it never raises for a bad item, so one broken file or line cannot stop a batch.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import logging
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from dateutil import parser as date_parser

from detente.model import Article, Failure, Severity, content_hash

log = logging.getLogger(__name__)

FORMATS = ("txt", "html", "jsonl", "csv")
SUFFIXES = {".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html",
            ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}  # fmt: skip
HEADER_RE = re.compile(r"^(title|date|source|url|id)\s*:\s*(.*)$", re.IGNORECASE)
STDIN = "-"
BOM = b"\xef\xbb\xbf"
# Two different defaults: a date string that leaves any of year/month/day to the default parses
# differently under each, so it is incomplete (dateutil would silently fill in today's values).
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))

Item = Article | Failure


@dataclass(frozen=True)
class IngestOptions:
    """Limits and choices for reading input."""

    max_article_chars: int = 1_000_000  # spaCy's default max_length
    max_file_bytes: int = 10_000_000  # one-article formats (txt, html)
    format: str | None = None  # force a format (needed for stdin that is not text or JSONL)


def parse_date(value: str) -> date:
    """Parse a publication date: ISO 8601, RFC 2822, "21 April 2020", "April 21, 2020 10:30 GMT".

    The date is the one written, in the time zone written (not converted to UTC). Raises
    ValueError for anything else, including trailing text after an ISO date ("2020-04-21junk").
    """
    value = value.strip()
    if not value:
        raise ValueError("empty date")
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass  # not ISO 8601 as Python reads it ("2020-04-21 10:30 UTC"): try dateutil
    try:
        # ignoretz: the zone does not change the date written, and unknown zone names ("BST")
        # would otherwise warn (and are to become errors in dateutil)
        parsed: list[date] = [date_parser.parse(value, default=d, fuzzy=False, ignoretz=True).date()
                              for d in _DEFAULTS]  # fmt: skip
    except (ValueError, OverflowError, date_parser.ParserError) as exc:
        raise ValueError(f"unparseable date {value!r}") from exc
    if parsed[0] != parsed[1]:
        raise ValueError(f"incomplete date {value!r} (needs year, month and day)")
    return parsed[0]


def read_articles(paths: Iterable[str], options: IngestOptions | None = None) -> Iterator[Item]:
    """Yield articles and failures from files, folders (recursively) and ``-`` (stdin)."""
    opts = options or IngestOptions()
    for raw in paths:
        if raw == STDIN:
            yield from _read_stdin(opts)
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield from read_file(child, opts)
        elif path.exists():
            yield from read_file(path, opts)
        else:
            yield Failure(str(path), None, "no such file or directory")


def detect_format(path: Path) -> tuple[str | None, bool]:
    """Return (format, gzipped) from the file name, format None when unknown."""
    suffixes = [s.lower() for s in path.suffixes]
    gz = bool(suffixes) and suffixes[-1] == ".gz"
    if gz:
        suffixes = suffixes[:-1]
    return (SUFFIXES.get(suffixes[-1]) if suffixes else None), gz


def read_file(path: Path, opts: IngestOptions) -> Iterator[Item]:
    """Yield the articles of one file, or failures naming the file and the problem."""
    name = str(path)
    fmt, gz = detect_format(path)
    fmt = opts.format or fmt
    if fmt is None:
        kind = "".join(path.suffixes[-2:]) if gz else path.suffix
        yield Failure(name, None, f"unsupported file type {kind or '(none)'!r}; "
                      f"expected one of {', '.join(sorted(SUFFIXES))} (optionally .gz)")
        return
    try:
        with path.open("rb") as raw:
            stream: BinaryIO = gzip.GzipFile(fileobj=raw) if gz else raw  # type: ignore[assignment]
            yield from read_stream(stream, fmt, name, opts)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(name, None, f"cannot read file: {exc}")


def read_stream(stream: BinaryIO, fmt: str, name: str, opts: IngestOptions) -> Iterator[Item]:
    """Yield the articles of an open binary stream in format ``fmt``."""
    if fmt == "jsonl":
        yield from _read_jsonl(stream, name, opts)
    elif fmt == "csv":
        yield from _read_csv(stream, name, opts)
    else:
        data = stream.read(opts.max_file_bytes + 1)
        if len(data) > opts.max_file_bytes:
            yield Failure(name, None, f"file larger than the {opts.max_file_bytes:,}-byte limit "
                          "for one article (split it, or raise --max-file-bytes)")
            return
        text = _decode(data, name)
        if isinstance(text, Failure):
            yield text
        elif fmt == "html":
            yield from _article_from_html(text, name, opts)
        else:
            yield from _article_from_txt(text, name, opts)


def _read_stdin(opts: IngestOptions) -> Iterator[Item]:
    stream = sys.stdin.buffer
    fmt = opts.format
    if fmt is None:
        head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
        fmt = "jsonl" if head.removeprefix(BOM).lstrip().startswith(b"{") else "txt"
    yield from read_stream(stream, fmt, "<stdin>", opts)


def _decode(data: bytes, name: str, line: int | None = None) -> str | Failure:
    if not data.strip():
        return Failure(name, line, "empty input")
    if b"\x00" in data[:8192]:
        return Failure(name, line, "binary data, not text (found NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = data[: exc.start].count(b"\n") + (line or 1)
        return Failure(name, where, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
                       f"{exc.start}); convert the file to UTF-8")


def _article_from_txt(text: str, name: str, opts: IngestOptions) -> Iterator[Item]:
    lines = text.splitlines(keepends=True)
    meta: dict[str, str] = {}
    body_start = 0
    for i, line in enumerate(lines):
        m = HEADER_RE.match(line.strip())
        if m and i == len(meta):
            meta[m.group(1).lower()] = m.group(2).strip()
            body_start = i + 1
            continue
        if meta and not line.strip():
            body_start = i + 1
        break
    body = "".join(lines[body_start:]).strip()
    yield from _make_article(meta | {"text": body}, name, None, opts)


def _article_from_html(html: str, name: str, opts: IngestOptions) -> Iterator[Item]:
    import trafilatura  # slow to import; only needed for HTML
    from trafilatura.settings import Document

    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_tables=False)
    except Exception as exc:  # trafilatura raises many kinds of parser errors
        yield Failure(name, None, f"cannot parse HTML: {exc}")
        return
    doc = extracted.as_dict() if isinstance(extracted, Document) else extracted
    if not isinstance(doc, dict) or not doc.get("text"):
        yield Failure(name, None, "no main text found in the HTML page")
        return
    meta = {"text": doc["text"], "title": doc.get("title"), "date": doc.get("date"),
            "source": doc.get("sitename"), "url": doc.get("url")}  # fmt: skip
    yield from _make_article(meta, name, None, opts)


def _read_jsonl(stream: BinaryIO, name: str, opts: IngestOptions) -> Iterator[Item]:
    seen_any = False
    for lineno, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        seen_any = True
        text = _decode(raw, name, lineno)
        if isinstance(text, Failure):
            yield text
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Failure(name, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
            continue
        except (ValueError, RecursionError) as exc:  # e.g. a 5000-digit number, deep nesting
            yield Failure(name, lineno, f"invalid JSON: {exc}")
            continue
        if not isinstance(record, dict):
            yield Failure(name, lineno, f"expected a JSON object, got {type(record).__name__}")
            continue
        yield from _make_article(record, name, lineno, opts)
    if not seen_any:
        yield Failure(name, None, "empty input")


def _read_csv(stream: BinaryIO, name: str, opts: IngestOptions) -> Iterator[Item]:
    text = _decode(stream.read(), name)
    if isinstance(text, Failure):
        yield text
        return
    csv.field_size_limit(max(opts.max_article_chars * 4, 1 << 20))
    # A plain reader, not DictReader: DictReader skips blank lines, which made the line numbers
    # reported for later rows point at the blank lines instead of the rows.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        columns = next((row for row in reader if row), [])  # header: first non-blank row
    except csv.Error as exc:
        yield Failure(name, reader.line_num or 1, f"malformed CSV header: {exc}")
        return
    header_line = max(reader.line_num, 1)
    if "text" not in columns:
        yield Failure(name, header_line,
                      f"CSV has no 'text' column (columns: {', '.join(columns) or 'none'})")
        return
    rows = 0
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Failure(name, line, f"malformed CSV row: {exc}")
            break
        if not row:  # blank line
            continue
        rows += 1
        yield from _make_article(dict(zip(columns, row, strict=False)), name, line, opts)
    if not rows:
        yield Failure(name, None, "CSV has a header but no rows")


def _make_article(record: dict[str, Any], name: str, line: int | None,
                  opts: IngestOptions) -> Iterator[Item]:  # fmt: skip
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Failure(name, line, "missing or empty 'text'")
        return
    if len(text) > opts.max_article_chars:
        yield Failure(name, line, f"article text has {len(text):,} characters, more than the "
                      f"{opts.max_article_chars:,} limit (raise --max-chars)")
        return
    article_id = _opt_str(record.get("id")) or content_hash(text)  # blank id -> content hash
    published = None
    raw_date = record.get("date")
    if raw_date not in (None, ""):
        try:
            published = parse_date(str(raw_date))
        except ValueError as exc:
            yield Failure(name, line, f"{exc}; article kept without a date",
                          Severity.WARNING, article_id)
    origin = f"{name}:{line}" if line is not None else name
    yield Article(
        id=article_id, text=text, title=_opt_str(record.get("title")), published=published,
        source=_opt_str(record.get("source")), url=_opt_str(record.get("url")), origin=origin,
    )


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
