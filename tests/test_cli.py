from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pyarrow.parquet as pq
import pytest

from detente.records import FLAT_COLUMNS, schema

from .conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow


def run(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "detente", *args], capture_output=True, text=True,
                          input=stdin, cwd=cwd or ROOT, timeout=300)


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


@pytest.fixture(scope="module")
def example_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "events.sqlite"
    proc = run("code", str(EXAMPLES), "--db", str(db), "--processes", "2")
    assert proc.returncode == 0, proc.stderr
    assert "coded 9 articles" in proc.stderr
    return db


def test_cli_end_to_end_examples_validate_against_schema(example_db, tmp_path):
    out = tmp_path / "events.jsonl"
    proc = run("export", "--db", str(example_db), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(records) == count(example_db, "event_mentions") > 20
    validator = jsonschema.Draft202012Validator(schema())
    for record in records:
        validator.validate(record)
    dyads = {(r["source"]["country"], r["cameo_root"], (r["target"] or {}).get("country"))
             for r in records if r["article_id"] == "ex-aze-irn-001"}
    assert ("AZE", "11", "IRN") in dyads
    with sqlite3.connect(example_db) as conn:
        texts = dict(conn.execute("SELECT article_id, text FROM articles"))
    for r in records:
        ev = r["evidence"]
        assert texts[r["article_id"]][ev["start"] : ev["end"]] == ev["text"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_cli_export_flat_formats(example_db, tmp_path, suffix):
    out = tmp_path / f"events{suffix}"
    assert run("export", "--db", str(example_db), "-o", str(out)).returncode == 0
    if suffix == ".parquet":
        table = pq.read_table(out)
        assert table.column_names == list(FLAT_COLUMNS)
        assert table.num_rows == count(example_db, "event_mentions")
    else:
        lines = out.read_text().splitlines()
        assert lines[0].split(",") == list(FLAT_COLUMNS)


def test_cli_rerun_is_idempotent(example_db):
    before = {t: count(example_db, t) for t in ("articles", "events", "actor_mentions", "failures")}
    proc = run("code", str(EXAMPLES), "--db", str(example_db), "-p", "1")
    assert proc.returncode == 0
    assert "skipped 9 already coded" in proc.stderr
    after = {t: count(example_db, t) for t in before}
    assert after == before


def test_cli_show_and_db_info(example_db):
    proc = run("show", "ex-aze-irn-001", "--db", str(example_db))
    assert proc.returncode == 0, proc.stderr
    assert "Azerbaijan protests to Iran" in proc.stdout and "AZE" in proc.stdout
    assert "ACCUSE" in proc.stdout
    info = run("db", "info", "--db", str(example_db))
    assert info.returncode == 0
    assert "schema version 2" in info.stdout and "events" in info.stdout
    missing = run("show", "nope", "--db", str(example_db))
    assert missing.returncode == 1 and "no article with id 'nope'" in missing.stderr


def test_cli_missing_db_is_one_line_error(tmp_path):
    proc = run("db", "info", "--db", str(tmp_path / "none.sqlite"))
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "no such database" in proc.stderr


def test_cli_version_and_help_everywhere():
    assert run("--version").stdout.strip().startswith("detente ")
    for args in ([], ["code"], ["export"], ["show"], ["db"], ["db", "info"], ["evaluate"],
                 ["evaluate", "actors"]):
        proc = run(*args, "--help")
        assert proc.returncode == 0 and "Usage" in proc.stdout, args


def test_cli_stdin_text_and_jsonl(tmp_path):
    db = tmp_path / "db.sqlite"
    proc = run("code", "-", "--db", str(db), "-p", "1", stdin="Israel struck Syria on Tuesday.\n")
    assert proc.returncode == 0, proc.stderr
    jsonl = '{"id": "s1", "text": "Iran praised Azerbaijan."}\n'
    assert run("code", "-", "--db", str(db), "-p", "1", stdin=jsonl).returncode == 0
    assert count(db, "articles") == 2 and count(db, "event_mentions") >= 2 and count(db, "events") >= 1


BAD_INPUTS = {
    "latin1.txt": ("Iran protested to Azerbaijan. Caf\xe9".encode("latin-1"), "not valid UTF-8"),
    "empty.txt": (b"", "empty input"),
    "image.txt": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "binary data"),
    "lines.jsonl": (b'{"id": "j1", "text": "Iran praised Iraq."}\n{broken\n', "invalid JSON"),
    "notext.csv": (b"id,body\n1,Iran praised Iraq.\n", "no 'text' column"),
    "baddate.jsonl": (b'{"id": "d1", "text": "Iran praised Iraq.", "date": "31/31/2020"}\n',
                      "unparseable date"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_bad_input_one_line_and_rest_is_coded(tmp_path, name):
    data, problem = BAD_INPUTS[name]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("Title: Good\n\nIsrael struck Syria on Tuesday.\n")
    db = tmp_path / "db.sqlite"
    proc = run("code", str(folder), "--db", str(db), "-p", "1")
    assert proc.returncode == 0, proc.stderr
    problem_lines = [line for line in proc.stderr.splitlines() if problem in line]
    assert len(problem_lines) == 1 and name in problem_lines[0]
    assert count(db, "failures") == 1
    with sqlite3.connect(db) as conn:
        titles = [r[0] for r in conn.execute("SELECT title FROM articles")]
    assert "Good" in titles
    strict = run("code", str(folder), "--db", str(db), "-p", "1", "--strict")
    assert strict.returncode == 3
    assert count(db, "failures") == 1  # the same problem is not recorded twice


def test_cli_huge_file_is_refused_and_rest_is_coded(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with (folder / "huge.txt").open("wb") as fh:
        fh.write(b"word " * 10_000_000)  # 50 MB
    (folder / "good.txt").write_text("Israel struck Syria on Tuesday.\n")
    db = tmp_path / "db.sqlite"
    proc = run("code", str(folder), "--db", str(db), "-p", "1")
    assert proc.returncode == 0
    assert any("huge.txt" in line and "limit" in line for line in proc.stderr.splitlines())
    assert count(db, "articles") == 1 and count(db, "failures") == 1


def test_cli_nothing_coded_exits_non_zero(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n")
    proc = run("code", str(bad), "--db", str(tmp_path / "db.sqlite"), "-p", "1")
    assert proc.returncode == 1 and "bad.jsonl:1" in proc.stderr


def _many_articles(path: Path, n: int) -> Path:
    text = (EXAMPLES / "txt" / "aze_irn_trucks.txt").read_text().split("\n\n", 1)[1]
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"k{i:04d}", "text": f"Report {i}. {text}"}) + "\n")
    return path


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_cli_interrupted_batch_keeps_committed_and_resumes(tmp_path, sig):
    src = _many_articles(tmp_path / "many.jsonl", 120)
    db = tmp_path / "db.sqlite"
    cmd = [sys.executable, "-m", "detente", "code", str(src), "--db", str(db), "-p", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if db.exists() and os.path.getsize(db) and _safe_count(db) >= 5:
            break
        time.sleep(0.1)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    stored = count(db, "articles")
    assert 5 <= stored < 120
    if sig == signal.SIGINT:
        assert proc.returncode == 130 and "interrupted" in err
    with sqlite3.connect(db) as conn:  # every stored article is complete
        rows = conn.execute("SELECT a.n_events, COUNT(e.event_id) FROM articles a LEFT JOIN "
                            "event_mentions e USING (article_id) GROUP BY a.article_id").fetchall()
    assert all(n == m for n, m in rows)
    again = run("code", str(src), "--db", str(db), "-p", "1")
    assert again.returncode == 0
    assert f"skipped {stored} already coded" in again.stderr
    assert count(db, "articles") == 120


def _safe_count(db: Path) -> int:
    try:
        return count(db, "articles")
    except sqlite3.OperationalError:
        return 0


def test_cli_progress_bar_only_on_a_terminal(tmp_path):
    src = _many_articles(tmp_path / "some.jsonl", 3)
    piped = run("code", str(src), "--db", str(tmp_path / "a.sqlite"), "-p", "1")
    assert piped.stderr.strip().splitlines() == [piped.stderr.strip()]  # the summary line only
    assert "coding" not in piped.stderr
    master, slave = os.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "detente", "code", str(src), "--db",
                             str(tmp_path / "b.sqlite"), "-p", "1"], stdout=subprocess.DEVNULL,
                            stderr=slave, cwd=ROOT, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the terminal closes when the process exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=120) == 0
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "coding" in shown and "coded 3 articles" in shown


PETRARCH_SAMPLE = """# sample
HEYDAR_ALIYEV_
+H._ALIYEV_
\t[AZEELI 410101-930624]
\t[AZEGOV 930624-031031]
JOHN_NOBODY_
\t[XXXGOV]
"""


@pytest.mark.parametrize("suffix", [".tsv", ".yaml"])
def test_cli_dict_import_petrarch_then_check_and_use(tmp_path, suffix):
    source = tmp_path / "actors.txt"
    source.write_text(PETRARCH_SAMPLE)
    out = tmp_path / f"people{suffix}"
    proc = run("dict", "import-petrarch", str(source), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert f"{source}:7: John Nobody: unknown country or organisation" in proc.stderr
    assert "wrote 1 entries" in proc.stderr
    check = run("dict", "check", str(out))
    assert check.returncode == 0 and "1 people in 1 file(s): OK" in check.stdout
    article = tmp_path / "a.txt"
    article.write_text("Date: 1999-05-01\n\nH. Aliyev accused Armenia of aggression.\n")
    db = tmp_path / "e.sqlite"
    coded = run("code", str(article), "--db", str(db), "--processes", "1", "--people", str(out))
    assert coded.returncode == 0, coded.stderr
    exported = run("export", "-o", "-", "--db", str(db))
    events = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [(e["source"]["code"], e["target"]["code"]) for e in events] == [("AZEGOV", "ARM")]


def test_cli_dict_check_bad_file_is_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\npeople:\n  - name: X Y\n    country: XXX\n    roles: [{sector: GOV}]\n")
    proc = run("dict", "check", str(bad))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"detente: error: {bad}:3: X Y: unknown country code 'XXX'"


def test_cli_evaluate_events_writes_reports(shared, tmp_path):
    md, js = tmp_path / "report.md", tmp_path / "report.json"
    proc = run("evaluate", "events", "--gold-dir", str(shared / "gold"), "--limit", "5",
               "--markdown", str(md), "--json", str(js))
    assert proc.returncode == 0, proc.stderr
    assert "## plover-gsr" in proc.stdout and "## conflibert-class" in proc.stdout
    report = json.loads(js.read_text())
    assert report and "# Event evaluation" in md.read_text()


def test_cli_evaluate_events_missing_gold_dir_is_one_line(tmp_path):
    proc = run("evaluate", "events", "--gold-dir", str(tmp_path / "nope"))
    assert proc.returncode == 1 and proc.stderr.strip().endswith("no such folder (pass --gold-dir PATH)")
