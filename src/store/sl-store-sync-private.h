/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-sync-private.h: the sync migration, as one SQL text that
 * sl-store.c lists in its migrations, and the intake outbox, created on
 * open (idempotent, so it needs no migration number).
 */
#pragma once

/* The columns whose change is a change of the profile (device_id is left
 * out: the triggers stamp it themselves). */
#define SL_SYNC_CHANGE_COLUMNS \
  "personal_info, work_experience, education, skills, certifications, languages," \
  " projects, achievements, interests, metadata, source, raw_text, revision, deleted," \
  " candidate_id"

#define SL_SYNC_NOW "strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')"
#define SL_SYNC_CAPTURING "(SELECT value FROM sync_meta WHERE key = 'capture') = 1"
#define SL_SYNC_DEVICE "(SELECT value FROM sync_meta WHERE key = 'device_id')"

/* Written to run again harmlessly (IF NOT EXISTS, OR IGNORE), should a
 * database ever be taken back to an older version number. */
#define SL_STORE_SYNC_MIGRATION \
  /* key/value: device_id, capture (1 = local changes go to the outbox; a \
   * pulling transaction sets 0 and back), last_seq, status strings */ \
  "CREATE TABLE IF NOT EXISTS sync_meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;" \
  "INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('device_id', lower (printf ('%s-%s-4%s-%s%s-%s'," \
  "  hex (randomblob (4)), hex (randomblob (2)), substr (hex (randomblob (2)), 2)," \
  "  substr ('89ab', 1 + abs (random ()) % 4, 1), substr (hex (randomblob (2)), 2)," \
  "  hex (randomblob (6)))));" \
  "INSERT OR IGNORE INTO sync_meta (key, value) VALUES ('capture', 1), ('last_seq', 0);" \
  /* AUTOINCREMENT: ids never come back, so a row replaced while a push is \
   * in flight can never be mistaken for the one the push sent. */ \
  "CREATE TABLE IF NOT EXISTS sync_outbox (" \
  "  id INTEGER PRIMARY KEY AUTOINCREMENT," \
  "  uuid TEXT NOT NULL UNIQUE," \
  "  op TEXT NOT NULL CHECK (op IN ('upsert', 'erase'))," \
  "  queued_at TEXT NOT NULL);" \
  /* the server change number each profile's local version is based on */ \
  "CREATE TABLE IF NOT EXISTS sync_base (uuid TEXT PRIMARY KEY, seq INTEGER NOT NULL) WITHOUT ROWID;" \
  /* server conflict records already applied here */ \
  "CREATE TABLE IF NOT EXISTS sync_conflicts_seen (id INTEGER PRIMARY KEY, profile_uuid TEXT, seen_at TEXT NOT NULL);" \
  "UPDATE candidate_profiles SET device_id = " SL_SYNC_DEVICE " WHERE device_id IS NULL;" \
  "INSERT OR IGNORE INTO sync_outbox (uuid, op, queued_at)" \
  "  SELECT uuid, 'upsert', " SL_SYNC_NOW " FROM candidate_profiles ORDER BY id;" \
  "DROP TRIGGER IF EXISTS sync_outbox_ai;" \
  "DROP TRIGGER IF EXISTS sync_outbox_au;" \
  "DROP TRIGGER IF EXISTS sync_outbox_ad;" \
  "CREATE TRIGGER sync_outbox_ai AFTER INSERT ON candidate_profiles" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  UPDATE candidate_profiles SET device_id = " SL_SYNC_DEVICE \
  "    WHERE id = new.id AND new.device_id IS NOT " SL_SYNC_DEVICE ";" \
  "  INSERT OR REPLACE INTO sync_outbox (uuid, op, queued_at) VALUES (new.uuid, 'upsert', " SL_SYNC_NOW ");" \
  "END;" \
  "CREATE TRIGGER sync_outbox_au AFTER UPDATE OF " SL_SYNC_CHANGE_COLUMNS " ON candidate_profiles" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  UPDATE candidate_profiles SET device_id = " SL_SYNC_DEVICE \
  "    WHERE id = new.id AND new.revision IS NOT old.revision" \
  "      AND new.device_id IS NOT " SL_SYNC_DEVICE ";" \
  "  INSERT OR REPLACE INTO sync_outbox (uuid, op, queued_at) VALUES (new.uuid, 'upsert', " SL_SYNC_NOW ");" \
  "END;" \
  "CREATE TRIGGER sync_outbox_ad AFTER DELETE ON candidate_profiles" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  INSERT OR REPLACE INTO sync_outbox (uuid, op, queued_at) VALUES (old.uuid, 'erase', " SL_SYNC_NOW ");" \
  "END;"

/* The intake outbox: like sync_outbox, for file_intake_queue.  The name of
 * its last trigger tells whether it is there. */
#define SL_STORE_SYNC_INTAKE_TRIGGER "sync_intake_ad"
#define SL_STORE_SYNC_INTAKE_SCHEMA \
  "CREATE TABLE IF NOT EXISTS sync_intake_outbox (" \
  "  id INTEGER PRIMARY KEY AUTOINCREMENT," \
  "  uuid TEXT NOT NULL UNIQUE," \
  "  op TEXT NOT NULL CHECK (op IN ('upsert', 'erase'))," \
  "  queued_at TEXT NOT NULL);" \
  "INSERT OR IGNORE INTO sync_intake_outbox (uuid, op, queued_at)" \
  "  SELECT uuid, 'upsert', " SL_SYNC_NOW " FROM file_intake_queue ORDER BY qid;" \
  "CREATE TRIGGER IF NOT EXISTS sync_intake_ai AFTER INSERT ON file_intake_queue" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  INSERT OR REPLACE INTO sync_intake_outbox (uuid, op, queued_at) VALUES (new.uuid, 'upsert', " SL_SYNC_NOW ");" \
  "END;" \
  "CREATE TRIGGER IF NOT EXISTS sync_intake_au AFTER UPDATE ON file_intake_queue" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  INSERT OR REPLACE INTO sync_intake_outbox (uuid, op, queued_at) VALUES (new.uuid, 'upsert', " SL_SYNC_NOW ");" \
  "END;" \
  "CREATE TRIGGER IF NOT EXISTS " SL_STORE_SYNC_INTAKE_TRIGGER " AFTER DELETE ON file_intake_queue" \
  "  WHEN " SL_SYNC_CAPTURING " BEGIN" \
  "  INSERT OR REPLACE INTO sync_intake_outbox (uuid, op, queued_at) VALUES (old.uuid, 'erase', " SL_SYNC_NOW ");" \
  "END;"
