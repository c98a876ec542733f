"""The DuckDB schema of a Tacitus store: documents, sentences, events, event clusters, actors, rejects."""

SCHEMA_VERSION = 1

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        title VARCHAR,
        date DATE,
        date_source VARCHAR,  -- record, html, feed, dateline or option (--date)
        url VARCHAR,
        source VARCHAR,
        origin VARCHAR,
        text_hash VARCHAR NOT NULL,
        text VARCHAR,
        n_sentences INTEGER,
        n_events INTEGER,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    )""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        sentence_start INTEGER,
        sentence_end INTEGER,
        PRIMARY KEY (doc_id, sentence_index)
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER,
        sentence VARCHAR,
        sentence_start INTEGER,
        sentence_end INTEGER,
        date DATE,
        date_precision VARCHAR,
        source VARCHAR, source_text VARCHAR, source_name VARCHAR, source_country VARCHAR, source_role VARCHAR,
        source_resolution VARCHAR, source_start INTEGER, source_end INTEGER,
        target VARCHAR, target_text VARCHAR, target_name VARCHAR, target_country VARCHAR, target_role VARCHAR,
        target_resolution VARCHAR, target_start INTEGER, target_end INTEGER,
        code VARCHAR, root_code VARCHAR, base_code VARCHAR, event_name VARCHAR,
        goldstein DOUBLE, quad_class INTEGER,
        plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
        verb VARCHAR, verb_start INTEGER, verb_end INTEGER,
        rule VARCHAR,
        place_name VARCHAR, place_country VARCHAR, latitude DOUBLE, longitude DOUBLE, place_precision VARCHAR,
        killed INTEGER, wounded INTEGER, arrested INTEGER, casualties_at_least BOOLEAN,
        modality VARCHAR, quote BOOLEAN, speaker VARCHAR, speaker_text VARCHAR,
        cluster_id VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY,
        source VARCHAR, target VARCHAR, code VARCHAR, root_code VARCHAR,
        first_date DATE, last_date DATE,
        num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
        root_event_id VARCHAR,
        goldstein DOUBLE, quad_class INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
        code VARCHAR PRIMARY KEY,
        name VARCHAR, country VARCHAR, role VARCHAR,
        n_as_source INTEGER, n_as_target INTEGER
    )""",
    """CREATE TABLE IF NOT EXISTS rejects (
        origin VARCHAR, reason VARCHAR, rejected_at TIMESTAMP DEFAULT current_timestamp
    )""",
    """CREATE TABLE IF NOT EXISTS watch_seen (  -- what `tacitus watch` has read: files (path) and feed items (id)
        watched VARCHAR NOT NULL,      -- the folder, file or feed being watched
        key VARCHAR NOT NULL,          -- a file path or a feed item id
        fingerprint VARCHAR,           -- a file's mtime_ns:size; empty for a feed item
        seen_at TIMESTAMP DEFAULT current_timestamp,
        PRIMARY KEY (watched, key)
    )""",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target)",
    "CREATE INDEX IF NOT EXISTS events_date ON events (date)",
]

EVENT_COLUMNS = [
    "event_id", "doc_id", "sentence_index", "sentence", "sentence_start", "sentence_end", "date",
    "source", "source_text", "source_name", "source_country", "source_role", "source_resolution", "source_start",
    "source_end", "target", "target_text", "target_name", "target_country", "target_role", "target_resolution",
    "target_start", "target_end", "code", "root_code", "base_code", "event_name", "goldstein", "quad_class",
    "plover_event", "plover_mode", "plover_context", "verb", "verb_start", "verb_end", "rule",
    "date_precision", "place_name", "place_country", "latitude", "longitude", "place_precision",
    "killed", "wounded", "arrested", "casualties_at_least", "modality", "quote", "speaker", "speaker_text",
    "cluster_id",
]
