-- détente store schema v1
CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    coder_version TEXT NOT NULL,
    inputs TEXT NOT NULL,
    articles_coded INTEGER NOT NULL DEFAULT 0,
    articles_skipped INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    text_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    n_sentences INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    coder_version TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(run_id),
    coded_at TEXT NOT NULL
);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    "group" TEXT NOT NULL,
    source_text TEXT NOT NULL,
    source_code TEXT,
    source_country TEXT,
    source_sector TEXT,
    target_text TEXT,
    target_code TEXT,
    target_country TEXT,
    target_sector TEXT,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    goldstein REAL NOT NULL,
    quad_class INTEGER NOT NULL,
    plover_type TEXT,
    plover_mode TEXT,
    plover_context TEXT,
    negated INTEGER NOT NULL,
    hypothetical INTEGER NOT NULL,
    future INTEGER NOT NULL,
    attributed_to TEXT,
    date TEXT,
    location TEXT,
    evidence_text TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    confidence REAL NOT NULL,
    coder_version TEXT NOT NULL,
    trigger TEXT NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_dyad ON events(source_country, target_country, date);

CREATE TABLE actor_mentions (
    article_id TEXT NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    code TEXT,
    country TEXT,
    sector TEXT,
    kind TEXT NOT NULL,
    PRIMARY KEY (article_id, start, "end")
);

CREATE TABLE failures (
    failure_id INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id INTEGER REFERENCES runs(run_id),
    origin TEXT NOT NULL,
    line INTEGER NOT NULL DEFAULT 0,
    problem TEXT NOT NULL,
    severity TEXT NOT NULL,
    article_id TEXT,
    first_seen TEXT NOT NULL,
    UNIQUE (origin, line, problem)
);
