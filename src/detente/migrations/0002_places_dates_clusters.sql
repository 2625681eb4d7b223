-- détente store schema v2: event dates with precision, resolved places, argument spans and event
-- clusters.
-- Every coded sentence-level event becomes an event mention; clusters of mentions that report
-- the same real event are the events.
ALTER TABLE events RENAME TO event_mentions;
DROP INDEX events_article;
DROP INDEX events_dyad;
ALTER TABLE event_mentions RENAME COLUMN location TO location_text;
ALTER TABLE event_mentions ADD COLUMN location_name TEXT;
ALTER TABLE event_mentions ADD COLUMN location_country TEXT;
ALTER TABLE event_mentions ADD COLUMN location_latitude REAL;
ALTER TABLE event_mentions ADD COLUMN location_longitude REAL;
ALTER TABLE event_mentions ADD COLUMN location_geonames_id INTEGER;
ALTER TABLE event_mentions ADD COLUMN location_level TEXT;
ALTER TABLE event_mentions ADD COLUMN date_precision TEXT;
ALTER TABLE event_mentions ADD COLUMN date_text TEXT;
ALTER TABLE event_mentions ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_mentions ADD COLUMN source_span_text TEXT;
ALTER TABLE event_mentions ADD COLUMN source_span_start INTEGER;
ALTER TABLE event_mentions ADD COLUMN source_span_end INTEGER;
ALTER TABLE event_mentions ADD COLUMN target_span_text TEXT;
ALTER TABLE event_mentions ADD COLUMN target_span_start INTEGER;
ALTER TABLE event_mentions ADD COLUMN target_span_end INTEGER;
ALTER TABLE event_mentions ADD COLUMN cluster_id TEXT;
ALTER TABLE event_mentions ADD COLUMN clustered INTEGER NOT NULL DEFAULT 0;
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE INDEX event_mentions_cluster ON event_mentions(cluster_id);
CREATE INDEX event_mentions_pending ON event_mentions(date) WHERE clustered = 0;
CREATE INDEX event_mentions_dyad ON event_mentions(source_country, target_country, date);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    plover_type TEXT,
    date TEXT,
    date_precision TEXT,
    date_first TEXT,
    date_last TEXT,
    historical INTEGER NOT NULL,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    mention_id TEXT NOT NULL,
    evidence TEXT NOT NULL,
    location_name TEXT,
    location_country TEXT,
    location_latitude REAL,
    location_longitude REAL,
    updated_at TEXT NOT NULL
);
-- covers every column of a dyad series but the evidence, so dyad queries read only the index
CREATE INDEX events_dyad ON events(source, target, date, quad_class, goldstein, historical, cameo,
    cameo_root, num_mentions, num_sources, num_articles, event_id);
CREATE INDEX events_first ON events(date_first);
CREATE INDEX events_date ON events(date);
