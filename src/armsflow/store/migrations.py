"""The database schema as an ordered list of migrations.

A database records the version it was made with (``meta.schema_version``);
opening it applies the migrations it lacks, in order and in one transaction
each, so a database made by an older armsflow is upgraded, never misread.
A database made by a *newer* armsflow is refused with a clear message.

The SQL is the common subset of SQLite and PostgreSQL (TEXT, INTEGER,
BIGINT, ``ON CONFLICT``), so one schema serves both backends.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]
    rebuild_records: bool = False  # derived tables to recompute from events after this step
    sqlite: tuple[str, ...] = ()  # statements only one backend understands (full-text search), after the others
    postgresql: tuple[str, ...] = ()


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents and their events",
        (
            """CREATE TABLE IF NOT EXISTS meta (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            )""",
            """CREATE TABLE documents (
                id TEXT PRIMARY KEY,            -- content hash of the normalised text
                doc_key TEXT NOT NULL,          -- the id the document came with (file name, JSONL id, URL)
                lang TEXT,
                title TEXT,
                date TEXT,                      -- publication date, ISO 8601, when known
                url TEXT,
                publisher TEXT,
                text TEXT NOT NULL,
                n_events INTEGER NOT NULL,      -- written with the events, in the same transaction
                ingested_at TEXT NOT NULL
            )""",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                type TEXT NOT NULL,
                status TEXT NOT NULL,
                supplier TEXT,
                recipient TEXT,
                item TEXT,
                designation TEXT,
                quantity BIGINT,
                imposer TEXT,
                target TEXT,
                source TEXT,
                evidence TEXT NOT NULL,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                rule TEXT NOT NULL
            )""",
            "CREATE INDEX events_document ON events (document_id)",
            "CREATE INDEX documents_date ON documents (date)",
        ),
    ),
    Migration(
        2,
        "transfer and sanction records merged across documents",
        (
            "ALTER TABLE events ADD COLUMN record_id TEXT",
            """CREATE TABLE records (
                id TEXT PRIMARY KEY,            -- hash of the record key
                type TEXT NOT NULL,
                supplier TEXT,
                recipient TEXT,
                item TEXT,
                designation TEXT,
                imposer TEXT,
                target TEXT,
                status TEXT NOT NULL,           -- the latest reported status
                first_reported TEXT NOT NULL,
                last_reported TEXT NOT NULL,
                n_documents INTEGER NOT NULL,
                n_sources INTEGER NOT NULL,
                n_publishers INTEGER NOT NULL,
                contradiction TEXT,             -- e.g. "delivered/denied", NULL when none
                quantities TEXT NOT NULL,       -- JSON list of the quantities reported
                history TEXT NOT NULL           -- JSON list: status, first and last reported, documents
            )""",
            "CREATE INDEX events_record ON events (record_id)",
            "CREATE INDEX records_supplier ON records (type, supplier, last_reported)",
            "CREATE INDEX records_recipient ON records (type, recipient, last_reported)",
            "CREATE INDEX records_item ON records (type, item, last_reported)",
            "CREATE INDEX records_status ON records (type, status, last_reported)",
            "CREATE INDEX records_imposer ON records (type, imposer, last_reported)",
            "CREATE INDEX records_target ON records (type, target, last_reported)",
            "CREATE INDEX records_last ON records (type, last_reported)",
        ),
        rebuild_records=True,
    ),
    Migration(
        3,
        "the rules behind each event (trace) and confidence of events and records",
        (
            "ALTER TABLE events ADD COLUMN trace TEXT",  # JSON list of rule ids, in the order they decided
            "ALTER TABLE events ADD COLUMN confidence REAL",
            "ALTER TABLE records ADD COLUMN confidence REAL",  # combined over the record's documents
            "CREATE INDEX records_confidence ON records (type, confidence)",
        ),
        rebuild_records=True,
    ),
    Migration(
        4,
        "review judgements of events and records; how each record's current status was decided",
        (
            """CREATE TABLE judgements (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,       -- ISO 8601 with microseconds: judgements apply in this order
                author TEXT NOT NULL,
                reason TEXT,
                action TEXT NOT NULL,           -- accept, reject, correct, merge, split
                scope TEXT NOT NULL,            -- event or record: what the analyst pointed at
                record_id TEXT,                 -- the record judged, as it was then (informational)
                changes TEXT,                   -- JSON {field: value} of a correction
                group_id TEXT,                  -- merge/split: the record id the judged events form
                withdrawn_at TEXT,              -- set by 'review undo'; a withdrawn judgement applies no more
                withdrawn_by TEXT
            )""",
            """CREATE TABLE judgement_events (
                judgement_id TEXT NOT NULL REFERENCES judgements(id) ON DELETE CASCADE,
                event_id TEXT NOT NULL,         -- events.id: deterministic, so it survives re-ingest and merge
                PRIMARY KEY (judgement_id, event_id)
            )""",
            "CREATE INDEX judgement_events_event ON judgement_events (event_id)",
            "CREATE INDEX judgements_record ON judgements (record_id)",
            "ALTER TABLE events ADD COLUMN review TEXT",  # NULL, accepted, corrected or rejected
            "ALTER TABLE events ADD COLUMN extracted TEXT",  # JSON: what the extractor said, for fields judged
            "ALTER TABLE events ADD COLUMN judgements TEXT",  # JSON list of the judgement ids that apply
            "ALTER TABLE records ADD COLUMN review TEXT",  # JSON summary of the judgements, NULL when none
            "ALTER TABLE records ADD COLUMN dispute TEXT",  # JSON: both sides of a contradiction, the decision
        ),
        rebuild_records=True,
    ),
    Migration(
        5,
        "canonical designations and deals (record groups), canonical sources, full-text document search",
        (
            "ALTER TABLE events ADD COLUMN record_group TEXT",  # id of the event's group (supplier, recipient, item,
            "CREATE INDEX events_group ON events (record_group)",  # designation family), split into deals;
            # 'review:' + a record id for the events a judged merge or split pinned to that record
            "ALTER TABLE records ADD COLUMN record_group TEXT",
            "ALTER TABLE records ADD COLUMN variant TEXT",  # the deal's variant (Leopard 2A6), when one is named
            "ALTER TABLE records ADD COLUMN reported_as TEXT",  # JSON list: the designations as the texts gave them
            "ALTER TABLE records ADD COLUMN sources TEXT",  # JSON list: the canonical sources n_sources counts
            "CREATE INDEX records_group ON records (record_group)",
            "CREATE INDEX records_designation ON records (type, designation, last_reported)",
        ),
        rebuild_records=True,
        sqlite=(
            "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', "
            "tokenize='unicode61 remove_diacritics 0')",
            "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
            "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); END",
            "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN "
            "INSERT INTO documents_fts (documents_fts, rowid, title, text) "
            "VALUES ('delete', old.rowid, old.title, old.text); "
            "INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
            "INSERT INTO documents_fts (documents_fts) VALUES ('rebuild')",
        ),
        postgresql=(
            # 'simple': no stemming, so German and English words are found alike; strip() drops positions and
            # left() bounds the lexemes, so no text (a hostile one of unique words included) exceeds tsvector's 1 MB
            "ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS "
            "(strip(to_tsvector('simple', left(coalesce(title, '') || ' ' || text, 400000)))) STORED",
            "CREATE INDEX documents_search ON documents USING GIN (search)",
        ),
    ),
    Migration(
        6,
        "screening: sanctions and control lists, their entities, blocking keys, and analysts' decisions on hits",
        (
            """CREATE TABLE screening_lists (
                name TEXT PRIMARY KEY,          -- ofac-sdn, eu-fsf, un-sc, uk, or an OpenSanctions dataset name
                source TEXT NOT NULL,           -- the file or URL it was read from
                format TEXT NOT NULL,
                published TEXT,                 -- the date the list gives itself
                loaded_at TEXT NOT NULL,
                checked_at TEXT,                -- last update attempt
                stale TEXT,                     -- NULL when the last update worked, else why it failed
                n_entities INTEGER NOT NULL
            )""",
            """CREATE TABLE screening_entities (
                list_name TEXT NOT NULL REFERENCES screening_lists(name) ON DELETE CASCADE,
                id TEXT NOT NULL,               -- the list's own reference for the entry
                schema TEXT NOT NULL,
                name TEXT NOT NULL,
                data TEXT NOT NULL,             -- JSON of the whole model.Entity
                fingerprint TEXT NOT NULL,      -- hash of data: a changed entity re-opens decisions on it
                PRIMARY KEY (list_name, id)
            )""",
            """CREATE TABLE screening_keys (
                key TEXT NOT NULL,              -- a blocking key of one of the entity's names (names.blocking_keys)
                list_name TEXT NOT NULL,
                entity_id TEXT NOT NULL
            )""",
            # covering: a candidate lookup reads the index alone, never the table (3x faster on 1,000,000 names)
            "CREATE INDEX screening_keys_key ON screening_keys (key, list_name, entity_id)",
            "CREATE INDEX screening_keys_entity ON screening_keys (list_name, entity_id)",
            """CREATE TABLE screening_decisions (
                id TEXT PRIMARY KEY,
                query_key TEXT NOT NULL,        -- the normalised counterparty screened (names.query_key)
                list_name TEXT NOT NULL,
                entity_id TEXT NOT NULL,
                fingerprint TEXT NOT NULL,      -- of the entity as it was decided on
                decision TEXT NOT NULL,         -- false_positive or confirmed
                author TEXT NOT NULL,
                reason TEXT,
                created_at TEXT NOT NULL
            )""",
            "CREATE INDEX screening_decisions_query ON screening_decisions (query_key, list_name, entity_id)",
        ),
    ),
    Migration(
        7,
        "screening: the blocking-key algorithm each list was indexed with; postings (the entities under each "
        "key, as numbers) instead of one row a key and entity",
        (
            # NULL for a list loaded before: its keys were cut by an unknown version, so it must be re-keyed
            # (armsflow lists rekey) before it is screened against; re-keying numbers its entities and writes
            # its postings from the stored entities
            "ALTER TABLE screening_lists ADD COLUMN key_version TEXT",
            "ALTER TABLE screening_entities ADD COLUMN num INTEGER",  # the entity's number within its list
            "CREATE INDEX screening_entities_num ON screening_entities (list_name, num)",
            # one row a key and list replaces one row a key and entity: a lookup read up to 40,000 index
            # entries through SQL (nine tenths of a screening's time at 1,000,000 names); it now reads a few
            # rows and adds up the numbers in them
            "DROP TABLE screening_keys",
        ),
        sqlite=(
            """CREATE TABLE screening_postings (
                key TEXT NOT NULL,              -- a blocking key (names.blocking_keys)
                list_name TEXT NOT NULL,
                n INTEGER NOT NULL,             -- entities of the list holding the key
                nums BLOB NOT NULL,             -- their numbers (screening_entities.num), uint32 little-endian
                PRIMARY KEY (key, list_name)
            ) WITHOUT ROWID""",
            "CREATE INDEX screening_postings_list ON screening_postings (list_name)",
        ),
        postgresql=(
            """CREATE TABLE screening_postings (
                key TEXT NOT NULL,
                list_name TEXT NOT NULL,
                n INTEGER NOT NULL,
                nums BYTEA NOT NULL,
                PRIMARY KEY (key, list_name)
            )""",
            "CREATE INDEX screening_postings_list ON screening_postings (list_name)",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1].version
