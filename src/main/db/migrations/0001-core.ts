import type { Database } from 'better-sqlite3';

/**
 * The product's core schema. Later migrations extend these tables; they never rebuild them.
 * Times are integer milliseconds (epoch for timestamps, clip-relative for cues).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE projects (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    -- Every stored file, named by its SHA-256; rows describe what ffprobe found.
    CREATE TABLE media (
      id TEXT PRIMARY KEY CHECK (length(id) = 64),
      mime_type TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      duration_ms INTEGER,
      width INTEGER,
      height INTEGER,
      fps REAL,
      video_codec TEXT,
      audio_codec TEXT,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE jobs (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      provider TEXT NOT NULL,
      model TEXT,
      state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'submitting', 'running', 'downloading', 'succeeded', 'failed', 'canceled', 'needs_decision')),
      priority INTEGER NOT NULL DEFAULT 0,
      progress REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
      attempts INTEGER NOT NULL DEFAULT 0,
      prompt_text TEXT NOT NULL,
      prompt_json TEXT,
      params_json TEXT NOT NULL DEFAULT '{}',
      seed INTEGER,
      parent_clip_id INTEGER REFERENCES clips(id) ON DELETE SET NULL,
      error_code TEXT,
      error_message TEXT,
      remote_id TEXT,
      idempotency_key TEXT NOT NULL UNIQUE,
      cost_estimate_usd REAL,
      cost_actual_usd REAL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER
    ) STRICT;
    CREATE INDEX jobs_by_state ON jobs(state, priority DESC, created_at);
    CREATE INDEX jobs_by_project ON jobs(project_id, created_at);

    CREATE TABLE clips (
      id INTEGER PRIMARY KEY,
      project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      prompt_text TEXT,
      prompt_json TEXT,
      provider TEXT NOT NULL,
      model TEXT,
      params_json TEXT NOT NULL DEFAULT '{}',
      seed INTEGER,
      duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
      width INTEGER,
      height INTEGER,
      fps REAL,
      media_hash TEXT NOT NULL REFERENCES media(id),
      poster_hash TEXT REFERENCES media(id),
      sprite_hash TEXT REFERENCES media(id),
      peaks_hash TEXT REFERENCES media(id),
      parent_clip_id INTEGER REFERENCES clips(id) ON DELETE SET NULL,
      job_id INTEGER REFERENCES jobs(id) ON DELETE SET NULL,
      rating INTEGER CHECK (rating BETWEEN 0 AND 5),
      cost_usd REAL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX clips_by_project ON clips(project_id, created_at);
    CREATE INDEX clips_by_parent ON clips(parent_clip_id);

    CREATE TABLE tags (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE clip_tags (
      clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (clip_id, tag_id)
    ) STRICT;
    CREATE INDEX clip_tags_by_tag ON clip_tags(tag_id);

    CREATE TABLE cues (
      id INTEGER PRIMARY KEY,
      clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
      start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
      end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
      label TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'note',
      color TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX cues_by_clip ON cues(clip_id, start_ms);

    CREATE TABLE templates (
      id INTEGER PRIMARY KEY,
      project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      description TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL,
      variables_json TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    ) STRICT;

    -- One search document per clip: title, prompt, tags and cue text, kept in step by triggers.
    CREATE VIRTUAL TABLE clip_search USING fts5(title, prompt, tags, cues, tokenize = 'unicode61 remove_diacritics 2');

    CREATE TRIGGER clips_search_insert AFTER INSERT ON clips BEGIN
      INSERT INTO clip_search(rowid, title, prompt, tags, cues) VALUES (new.id, new.title, coalesce(new.prompt_text, ''), '', '');
    END;
    CREATE TRIGGER clips_search_update AFTER UPDATE OF title, prompt_text ON clips BEGIN
      UPDATE clip_search SET title = new.title, prompt = coalesce(new.prompt_text, '') WHERE rowid = new.id;
    END;
    CREATE TRIGGER clips_search_delete AFTER DELETE ON clips BEGIN
      DELETE FROM clip_search WHERE rowid = old.id;
    END;

    CREATE TRIGGER clip_tags_search_insert AFTER INSERT ON clip_tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = new.clip_id
      ) WHERE rowid = new.clip_id;
    END;
    CREATE TRIGGER clip_tags_search_delete AFTER DELETE ON clip_tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = old.clip_id
      ) WHERE rowid = old.clip_id;
    END;

    CREATE TRIGGER tags_search_update AFTER UPDATE OF name ON tags BEGIN
      UPDATE clip_search SET tags = (
        SELECT coalesce(group_concat(t.name, ' '), '') FROM clip_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.clip_id = clip_search.rowid
      ) WHERE rowid IN (SELECT clip_id FROM clip_tags WHERE tag_id = new.id);
    END;

    CREATE TRIGGER cues_search_insert AFTER INSERT ON cues BEGIN
      UPDATE clip_search SET cues = (
        SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = new.clip_id
      ) WHERE rowid = new.clip_id;
    END;
    CREATE TRIGGER cues_search_update AFTER UPDATE OF label, note ON cues BEGIN
      UPDATE clip_search SET cues = (
        SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = new.clip_id
      ) WHERE rowid = new.clip_id;
    END;
    CREATE TRIGGER cues_search_delete AFTER DELETE ON cues BEGIN
      UPDATE clip_search SET cues = (
        SELECT coalesce(group_concat(label || ' ' || note, ' '), '') FROM cues WHERE clip_id = old.clip_id
      ) WHERE rowid = old.clip_id;
    END;
  `);
}
