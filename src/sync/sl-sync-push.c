/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-push.c: sends the outbox in batches.  Per batch, one server
 * transaction: COPY the rows into a temp table; then ONE round trip
 * classifies each row against the central one into a narrow table (new,
 * already there, fast-forward, won or lost a conflict, erased, or another
 * laptop's profile of the same person), does the set-based writes and
 * answers what became of each row.  While the server works on batch k, the
 * client acknowledges batch k-1 locally and reads and encodes batch k+1.
 * Only after COMMIT are the outbox rows removed locally, so a batch cut off
 * anywhere is sent again and lands once: every write is keyed by uuid and a
 * row already there is recognised as such.
 *
 * Intake rows (file_intake_queue) follow the profiles, upserted by uuid
 * (newer updated_at wins), with profile_id as the profile's uuid.
 */
#include "config.h"

#include <string.h>

#include "core/sl-util.h"
#include "sl-sync-private.h"

#define IN_COLUMNS \
  "ord, op, id, base_seq, cand_uuid, cand_name, cand_email, cand_phone," \
  " personal_info, work_experience, education, skills, certifications," \
  " languages, projects, achievements, interests, metadata," \
  " source, raw_text, revision, deleted, device_id, created_at, updated_at"

#define SECTIONS(p) \
  p "personal_info, " p "work_experience, " p "education, " p "skills, " p "certifications, " \
  p "languages, " p "projects, " p "achievements, " p "interests, " p "metadata"

#define SET_SECTIONS \
  "personal_info = i.personal_info, work_experience = i.work_experience," \
  " education = i.education, skills = i.skills, certifications = i.certifications," \
  " languages = i.languages, projects = i.projects, achievements = i.achievements," \
  " interests = i.interests, metadata = i.metadata, source = i.source, raw_text = i.raw_text," \
  " device_id = i.device_id, deleted = i.deleted, updated_at = i.updated_at"

#define SECTIONS_OBJECT(p) \
  "jsonb_build_object ('personal_info', " p "personal_info, 'work_experience', " p "work_experience," \
  " 'education', " p "education, 'skills', " p "skills, 'certifications', " p "certifications," \
  " 'languages', " p "languages, 'projects', " p "projects, 'achievements', " p "achievements," \
  " 'interests', " p "interests, 'metadata', " p "metadata, 'source', " p "source)"

/* The classes whose answer carries the server's current row. */
#define WITH_WINNER "('lose', 'dup-win', 'dup-lose', 'merged')"

#define DEVICE "current_setting ('shortlist.device')"

static const char create_in_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS sl_in ("
  "  ord integer PRIMARY KEY, op text NOT NULL, id uuid NOT NULL, base_seq bigint NOT NULL,"
  "  cand_uuid uuid, cand_name text, cand_email text, cand_phone text,"
  "  personal_info jsonb, work_experience jsonb, education jsonb, skills jsonb,"
  "  certifications jsonb, languages jsonb, projects jsonb, achievements jsonb,"
  "  interests jsonb, metadata jsonb,"
  "  source text, raw_text text, revision integer, deleted boolean, device_id text,"
  "  created_at timestamptz, updated_at timestamptz) ON COMMIT DELETE ROWS;"
  /* A batch lives for one transaction: never spend CPU compressing it. */
  "ALTER TABLE sl_in ALTER raw_text SET STORAGE EXTERNAL,"
  "  ALTER personal_info SET STORAGE EXTERNAL, ALTER work_experience SET STORAGE EXTERNAL,"
  "  ALTER metadata SET STORAGE EXTERNAL, ALTER skills SET STORAGE EXTERNAL;"
  /* What each row is: narrow, so classifying never rewrites the data. */
  "CREATE TEMP TABLE IF NOT EXISTS sl_cls ("
  "  ord integer PRIMARY KEY, id uuid NOT NULL, cls text NOT NULL, target uuid,"
  "  cand_id uuid, cand_new uuid) ON COMMIT DELETE ROWS;"
  "CREATE TEMP TABLE IF NOT EXISTS sl_intake_in ("
  "  id uuid PRIMARY KEY, op text NOT NULL, path text, original_name text, sha256 text,"
  "  size bigint, mime text, source text, status text, error text, profile_id uuid,"
  "  metadata jsonb, created_at timestamptz, updated_at timestamptz) ON COMMIT DELETE ROWS";

/* After the COPY, one round trip: classification, writes, the answer. */
static const char merge_sql[] =
  /* The batch's size for the planner (only narrow columns: cheap), so it
   * looks rows up by index instead of scanning the central tables. */
  "ANALYZE sl_in (ord, id, cand_email);"
  /* target: for a profile this server does not have under its uuid, the
   * live profile of the same person (the candidate with the same e-mail),
   * or the one it was already merged into. */
  "INSERT INTO sl_cls (ord, id, cls, target, cand_id, cand_new)"
  "  SELECT i.ord, i.id, CASE"
  "    WHEN i.op = 'erase' THEN 'erase'"
  "    WHEN t.id IS NOT NULL AND (t.merged_into IS NULL OR e.id IS NULL) THEN 'erased'"
  "    WHEN p.id IS NOT NULL THEN CASE"
  "      WHEN p.revision = i.revision AND coalesce (p.device_id, '') = i.device_id"
  "           AND p.updated_at = i.updated_at THEN 'same'"
  "      WHEN p.seq = i.base_seq"
  "           OR (coalesce (p.device_id, '') = i.device_id AND p.revision < i.revision) THEN 'ff'"
  "      WHEN (i.updated_at, i.device_id) > (p.updated_at, coalesce (p.device_id, '')) THEN 'win'"
  "      ELSE 'lose' END"
  "    WHEN e.id IS NULL THEN 'new'"
  "    WHEN (i.updated_at, i.device_id) = (e.updated_at, coalesce (e.device_id, '')) THEN 'merged'"
  "    WHEN (i.updated_at, i.device_id) > (e.updated_at, coalesce (e.device_id, '')) THEN 'dup-win'"
  "    ELSE 'dup-lose' END,"
  "    e.id,"
  /* The candidate: by e-mail (by uuid when there is none); for a new
   * person the local uuid, or a new one when another person has it. */
  "    CASE WHEN i.cand_email IS NOT NULL THEN ce.id ELSE cu.id END,"
  "    CASE WHEN cu.id IS NULL THEN i.cand_uuid ELSE gen_random_uuid () END"
  "  FROM sl_in i"
  "  LEFT JOIN candidate_profiles p ON p.id = i.id"
  "  LEFT JOIN tombstones t ON t.id = i.id"
  "  LEFT JOIN candidates ce ON ce.email = i.cand_email"
  "  LEFT JOIN candidates cu ON cu.id = i.cand_uuid"
  "  LEFT JOIN LATERAL ("
  "    (SELECT p2.id, p2.updated_at, p2.device_id FROM candidate_profiles p2"
  "      WHERE p.id IS NULL AND i.op <> 'erase' AND p2.id = t.merged_into)"
  "    UNION ALL"
  "    (SELECT p2.id, p2.updated_at, p2.device_id"
  "       FROM candidates c JOIN candidate_profiles p2 ON p2.candidate_id = c.id"
  "      WHERE p.id IS NULL AND i.op <> 'erase' AND t.id IS NULL AND c.email = i.cand_email"
  "      ORDER BY p2.updated_at DESC, p2.id LIMIT 1)"
  "    LIMIT 1) e ON true;"
  /* Statistics with the classes in: without them the planner expects a
   * handful of rows per class and picks nested loops over whole tables. */
  "ANALYZE sl_cls;"

  /* Both sides of every conflict are kept: the loser here. */
  "INSERT INTO sync_conflicts (profile_id, loser_device, loser_revision, loser_updated_at,"
  "    loser_data, winner_device, winner_revision, winner_updated_at, resolved_by)"
  "  SELECT p.id, coalesce (p.device_id, ''), p.revision, p.updated_at, " SECTIONS_OBJECT ("p.") ","
  "         i.device_id, i.revision, i.updated_at, " DEVICE
  "    FROM sl_cls k JOIN sl_in i ON i.ord = k.ord"
  "    JOIN candidate_profiles p ON p.id = coalesce (k.target, k.id)"
  "   WHERE k.cls IN ('win', 'dup-win')"
  "  UNION ALL"
  "  SELECT p.id, i.device_id, i.revision, i.updated_at, " SECTIONS_OBJECT ("i.") ","
  "         coalesce (p.device_id, ''), p.revision, p.updated_at, " DEVICE
  "    FROM sl_cls k JOIN sl_in i ON i.ord = k.ord"
  "    JOIN candidate_profiles p ON p.id = coalesce (k.target, k.id)"
  "   WHERE k.cls IN ('lose', 'dup-lose')"
  "  ON CONFLICT DO NOTHING;"

  /* New people.  Two rows of one person in a batch meet ON CONFLICT; the
   * second then finds the first's candidate. */
  "INSERT INTO candidates (id, name, email, phone, created_at, updated_at)"
  "  SELECT k.cand_new, i.cand_name, i.cand_email, i.cand_phone, i.created_at, i.updated_at"
  "    FROM sl_cls k JOIN sl_in i ON i.ord = k.ord"
  "   WHERE k.cls IN ('new', 'ff', 'win') AND k.cand_id IS NULL"
  "   ORDER BY k.ord"
  "  ON CONFLICT DO NOTHING;"
  "UPDATE sl_cls k SET cand_id = CASE"
  "    WHEN EXISTS (SELECT 1 FROM candidates c WHERE c.id = k.cand_new) THEN k.cand_new"
  "    ELSE coalesce ((SELECT c.id FROM candidates c WHERE c.email = i.cand_email),"
  "                   (SELECT c.id FROM candidates c WHERE c.id = i.cand_uuid)) END"
  "  FROM sl_in i"
  "  WHERE i.ord = k.ord AND k.cls IN ('new', 'ff', 'win') AND k.cand_id IS NULL;"

  "INSERT INTO candidate_profiles (id, candidate_id, " SECTIONS ("") ","
  "    source, raw_text, revision, device_id, deleted, created_at, updated_at)"
  "  SELECT i.id, k.cand_id, " SECTIONS ("i.") ","
  "         i.source, i.raw_text, i.revision, i.device_id, i.deleted, i.created_at, i.updated_at"
  "    FROM sl_cls k JOIN sl_in i ON i.ord = k.ord WHERE k.cls = 'new'"
  "  ON CONFLICT (id) DO NOTHING;"

  "UPDATE candidate_profiles p SET candidate_id = k.cand_id, revision = i.revision, " SET_SECTIONS
  "  FROM sl_cls k JOIN sl_in i ON i.ord = k.ord WHERE p.id = k.id AND k.cls IN ('ff', 'win');"

  /* One live profile per person: another laptop's profile of the same
   * candidate is merged into the one the server has.  The newer version
   * is kept under the server's uuid (as its next revision); the other is
   * the loser above; the merged uuid becomes a tombstone pointing at the
   * survivor, and intake rows follow. */
  "UPDATE candidate_profiles p SET revision = p.revision + 1, " SET_SECTIONS
  "  FROM sl_cls k JOIN sl_in i ON i.ord = k.ord WHERE p.id = k.target AND k.cls = 'dup-win';"
  "INSERT INTO tombstones (id, device_id, merged_into)"
  "  SELECT k.id, i.device_id, k.target FROM sl_cls k JOIN sl_in i ON i.ord = k.ord"
  "   WHERE k.cls IN ('dup-win', 'dup-lose')"
  "  ON CONFLICT (id) DO NOTHING;"
  "UPDATE file_intake_queue q SET profile_id = k.target::text FROM sl_cls k"
  "  WHERE k.cls IN ('dup-win', 'dup-lose', 'merged') AND q.profile_id = k.id::text;"

  /* Erases: a tombstone (ours, with our device), then the row, its intake
   * rows, its conflicts' copies, and the candidate when nothing is left. */
  "UPDATE sl_cls k SET cand_id = p.candidate_id"
  "  FROM candidate_profiles p WHERE p.id = k.id AND k.cls = 'erase';"
  "INSERT INTO tombstones (id, device_id)"
  "  SELECT k.id, i.device_id FROM sl_cls k JOIN sl_in i ON i.ord = k.ord WHERE k.cls = 'erase'"
  "  ON CONFLICT (id) DO NOTHING;"
  "DELETE FROM file_intake_queue q USING sl_cls k WHERE k.cls = 'erase' AND q.profile_id = k.id::text;"
  "DELETE FROM sync_conflicts s USING sl_cls k WHERE k.cls = 'erase' AND s.profile_id = k.id;"
  "DELETE FROM candidate_profiles p USING sl_cls k WHERE k.cls = 'erase' AND p.id = k.id;"
  "DELETE FROM candidates c USING sl_cls k"
  "  WHERE k.cls = 'erase' AND c.id = k.cand_id"
  "    AND NOT EXISTS (SELECT 1 FROM candidate_profiles p WHERE p.candidate_id = c.id);"

  /* The answer, 1: per row its class, the change number of the row it
   * became, the conflict that keeps it (when it lost) and the survivor. */
  "SELECT k.ord, k.cls, coalesce (p.seq, 0), coalesce (s.id, 0), k.target"
  "  FROM sl_cls k JOIN sl_in i ON i.ord = k.ord"
  "  LEFT JOIN candidate_profiles p ON p.id = coalesce (k.target, k.id)"
  "  LEFT JOIN sync_conflicts s ON k.cls IN ('lose', 'dup-lose', 'merged')"
  "       AND s.profile_id = p.id AND s.loser_device = i.device_id"
  "       AND s.loser_revision = i.revision AND s.loser_updated_at = i.updated_at"
  " ORDER BY k.ord;"
  /* 2: the server's row where this laptop must take it. */
  "SELECT k.ord, c.id, c.name, c.email, c.phone, " SECTIONS ("p.") ","
  "       p.source, p.raw_text, p.revision, p.deleted, p.device_id,"
  "       " SL_SYNC_PG_TIME ("p.created_at") ", " SL_SYNC_PG_TIME ("p.updated_at")
  "  FROM sl_cls k JOIN candidate_profiles p ON p.id = coalesce (k.target, k.id)"
  "  JOIN candidates c ON c.id = p.candidate_id"
  " WHERE k.cls IN " WITH_WINNER
  " ORDER BY k.ord";

#define INTAKE_COLUMNS \
  "id, op, path, original_name, sha256, size, mime, source, status, error, profile_id," \
  " metadata, created_at, updated_at"

/* Intake rows: the newer updated_at wins; a row of a profile erased
 * centrally is not brought back; one of a merged profile follows it. */
static const char intake_merge_sql[] =
  "DELETE FROM file_intake_queue q USING sl_intake_in i WHERE i.op = 'erase' AND q.id = i.id;"
  "INSERT INTO file_intake_queue AS q (id, path, original_name, sha256, size, mime, source,"
  "    status, error, profile_id, metadata, created_at, updated_at)"
  "  SELECT i.id, i.path, i.original_name, i.sha256, coalesce (i.size, 0), i.mime, i.source,"
  "         coalesce (i.status, 'queued'), i.error, coalesce (t.merged_into, i.profile_id)::text,"
  "         coalesce (i.metadata, '{}'), i.created_at, i.updated_at"
  "    FROM sl_intake_in i LEFT JOIN tombstones t ON t.id = i.profile_id"
  "   WHERE i.op = 'upsert' AND (t.id IS NULL OR t.merged_into IS NOT NULL)"
  "  ON CONFLICT (id) DO UPDATE SET path = EXCLUDED.path, original_name = EXCLUDED.original_name,"
  "    sha256 = EXCLUDED.sha256, size = EXCLUDED.size, mime = EXCLUDED.mime,"
  "    source = EXCLUDED.source, status = EXCLUDED.status, error = EXCLUDED.error,"
  "    profile_id = EXCLUDED.profile_id, metadata = EXCLUDED.metadata,"
  "    updated_at = EXCLUDED.updated_at"
  "  WHERE q.updated_at <= EXCLUDED.updated_at";

/* COPY text format: \N for NULL; backslash, tab, newline and CR escaped. */
static void
copy_field (GString    *out,
            const char *s,
            gboolean    last)
{
  if (s == NULL)
    g_string_append (out, "\\N");
  else
    {
      const char *p = s;
      while (*p)
        {
          size_t n = strcspn (p, "\\\t\n\r");
          g_string_append_len (out, p, n);
          p += n;
          switch (*p)
            {
            case '\\': g_string_append (out, "\\\\"); break;
            case '\t': g_string_append (out, "\\t"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            default: continue;   /* end of string */
            }
          p++;
        }
    }
  g_string_append_c (out, last ? '\n' : '\t');
}

static void
copy_int (GString *out,
          gint64   v)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT "\t", v);
}

static void
copy_row (GString         *out,
          guint            ord,
          const SlSyncRow *r)
{
  copy_int (out, ord);
  copy_field (out, r->erase ? "erase" : "upsert", FALSE);
  copy_field (out, r->uuid, FALSE);
  copy_int (out, r->seq);
  copy_field (out, r->candidate_uuid, FALSE);
  copy_field (out, r->candidate_name, FALSE);
  copy_field (out, r->candidate_email, FALSE);
  copy_field (out, r->candidate_phone, FALSE);
  for (guint i = 0; i < SL_SYNC_N_SECTIONS; i++)
    copy_field (out, r->sections[i], FALSE);
  copy_field (out, r->source, FALSE);
  copy_field (out, r->raw_text, FALSE);
  if (r->erase)
    g_string_append (out, "\\N\t\\N\t");
  else
    g_string_append_printf (out, "%d\t%s\t", r->revision, r->deleted ? "t" : "f");
  copy_field (out, r->device_id, FALSE);
  copy_field (out, r->created_at, FALSE);
  copy_field (out, r->updated_at, TRUE);
}

static void
copy_intake_row (GString               *out,
                 const SlSyncIntakeRow *r)
{
  copy_field (out, r->uuid, FALSE);
  copy_field (out, r->erase ? "erase" : "upsert", FALSE);
  copy_field (out, r->path, FALSE);
  copy_field (out, r->original_name, FALSE);
  copy_field (out, r->sha256, FALSE);
  copy_int (out, r->size);
  copy_field (out, r->mime, FALSE);
  copy_field (out, r->source, FALSE);
  copy_field (out, r->status, FALSE);
  copy_field (out, r->error, FALSE);
  copy_field (out, r->profile_uuid, FALSE);
  copy_field (out, r->metadata, FALSE);
  copy_field (out, r->created_at, FALSE);
  copy_field (out, r->updated_at, TRUE);
}

/* Sends @data (COPY text rows) with one COPY statement. */
static gboolean
copy_send (PGconn      *conn,
           const char  *copy_sql,
           GString     *data,
           GError     **error)
{
  g_autoptr(SlPgResult) res = PQexec (conn, copy_sql);
  const gsize chunk = 1 << 20;

  if (PQresultStatus (res) != PGRES_COPY_IN)
    return sl_sync_pg_error (conn, res, "Could not start sending changes", error);
  for (gsize off = 0; off < data->len; off += chunk)
    if (PQputCopyData (conn, data->str + off, (int) MIN (chunk, data->len - off)) != 1)
      return sl_sync_pg_error (conn, NULL, "Could not send changes", error);
  if (PQputCopyEnd (conn, NULL) != 1)
    return sl_sync_pg_error (conn, NULL, "Could not send changes", error);
  g_clear_pointer (&res, PQclear);
  res = PQgetResult (conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    {
      /* Drain, so the connection is usable for the ROLLBACK. */
      PGresult *more;
      gboolean ret = sl_sync_pg_error (conn, res, "The server refused the changes", error);
      while ((more = PQgetResult (conn)) != NULL)
        PQclear (more);
      return ret;
    }
  while ((res = PQgetResult (conn)) != NULL)
    PQclear (g_steal_pointer (&res));
  return TRUE;
}

/* Reads columns 1.. of a winner row (candidate, sections, source,
 * raw_text, revision, deleted, device, created, updated). */
static SlSyncRow *
winner_row (PGresult   *res,
            int         i,
            const char *uuid,
            gint64      seq)
{
  SlSyncRow *r = g_new0 (SlSyncRow, 1);
  int c = 1;

  r->uuid = g_strdup (uuid);
  r->seq = seq;
  r->candidate_uuid = sl_sync_pg_dup_value (res, i, c++);
  r->candidate_name = sl_sync_pg_dup_value (res, i, c++);
  r->candidate_email = sl_sync_pg_dup_value (res, i, c++);
  r->candidate_phone = sl_sync_pg_dup_value (res, i, c++);
  for (guint s = 0; s < SL_SYNC_N_SECTIONS; s++)
    r->sections[s] = sl_sync_pg_dup_value (res, i, c++);
  r->source = sl_sync_pg_dup_value (res, i, c++);
  r->raw_text = sl_sync_pg_dup_value (res, i, c++);
  r->revision = (int) sl_sync_pg_int_value (res, i, c++);
  r->deleted = g_strcmp0 (PQgetvalue (res, i, c++), "t") == 0;
  r->device_id = sl_sync_pg_dup_value (res, i, c++);
  r->created_at = sl_sync_pg_dup_value (res, i, c++);
  r->updated_at = sl_sync_pg_dup_value (res, i, c++);
  return r;
}

/* One batch read from the outbox and encoded for COPY. */
typedef struct
{
  GPtrArray *rows;      /* (element-type SlSyncRow) */
  GString   *copy;
  gint64     last_id;   /* outbox id of the last row */
} Batch;

static void
batch_free (Batch *b)
{
  if (b == NULL)
    return;
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  if (b->copy != NULL)
    g_string_free (b->copy, TRUE);
  g_free (b);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Batch, batch_free)

static Batch *
read_batch (SlStore  *store,
            gint64    after_id,
            guint     limit,
            GError  **error)
{
  g_autoptr(Batch) b = g_new0 (Batch, 1);

  b->rows = sl_store_sync_read_outbox (store, after_id, limit, error);
  if (b->rows == NULL)
    return NULL;
  b->copy = g_string_sized_new (b->rows->len * 2048 + 1);
  for (guint i = 0; i < b->rows->len; i++)
    copy_row (b->copy, i, g_ptr_array_index (b->rows, i));
  b->last_id = b->rows->len > 0 ? ((SlSyncRow *) g_ptr_array_index (b->rows, b->rows->len - 1))->outbox_id
                                : after_id;
  return g_steal_pointer (&b);
}

/* Waits for every result of the merge; keeps the two answers. */
static gboolean
collect_answers (PGconn     *conn,
                 PGresult  **answer,
                 PGresult  **winners,
                 GError    **error)
{
  PGresult *res;
  gboolean ok = TRUE;

  while ((res = PQgetResult (conn)) != NULL)
    {
      ExecStatusType st = PQresultStatus (res);

      if (ok && st == PGRES_TUPLES_OK && *answer == NULL)
        *answer = g_steal_pointer (&res);
      else if (ok && st == PGRES_TUPLES_OK && *winners == NULL)
        *winners = g_steal_pointer (&res);
      else if (ok && st != PGRES_COMMAND_OK)
        ok = sl_sync_pg_error (conn, res, "The server could not merge the changes", error);
      g_clear_pointer (&res, PQclear);
    }
  if (ok && (*answer == NULL || *winners == NULL))
    ok = sl_sync_pg_error (conn, NULL, "The server could not merge the changes", error);
  return ok;
}

/* The acknowledgements of a batch from the server's two answers. */
static GPtrArray *
read_acks (GPtrArray  *rows,
           PGresult   *answer,
           PGresult   *winners,
           GError    **error)
{
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_push_ack_free);
  int n = PQntuples (answer), nw = PQntuples (winners), w = 0;

  if ((guint) n != rows->len)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
                   "The server answered %d rows for %u changes", n, rows->len);
      return NULL;
    }
  for (int i = 0; i < n; i++)
    {
      const SlSyncRow *row = g_ptr_array_index (rows, i);
      const char *cls = PQgetvalue (answer, i, 1);
      SlPushAck *ack = g_new0 (SlPushAck, 1);

      g_assert (sl_sync_pg_int_value (answer, i, 0) == i);
      ack->outbox_id = row->outbox_id;
      ack->uuid = g_strdup (row->uuid);
      ack->seq = sl_sync_pg_int_value (answer, i, 2);
      ack->conflict_id = sl_sync_pg_int_value (answer, i, 3);
      g_ptr_array_add (acks, ack);

      if (g_str_equal (cls, "erased"))
        ack->outcome = SL_PUSH_ERASED;
      else if (g_str_equal (cls, "lose"))
        ack->outcome = SL_PUSH_LOST;
      else if (g_str_has_prefix (cls, "dup-") || g_str_equal (cls, "merged"))
        {
          ack->outcome = SL_PUSH_MERGED;
          ack->merged_into = sl_sync_pg_dup_value (answer, i, 4);
        }
      else
        {
          ack->outcome = SL_PUSH_ACCEPTED;   /* new, same, ff, win, erase */
          continue;
        }
      if (ack->outcome == SL_PUSH_ERASED)
        continue;
      if (w >= nw || sl_sync_pg_int_value (winners, w, 0) != i)
        {
          g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
                       "The server did not send the current version of a profile it kept");
          return NULL;
        }
      ack->winner = winner_row (winners, w++, ack->merged_into != NULL ? ack->merged_into : row->uuid,
                                ack->seq);
    }
  return g_steal_pointer (&acks);
}

static gboolean
finish_batch (SlStore      *store,
              GPtrArray    *acks,
              SlSyncStats  *stats,
              GError      **error)
{
  if (!sl_store_sync_finish_push (store, acks, &stats->conflicts, error))
    return FALSE;
  stats->pushed += acks->len;
  stats->batches++;
  return TRUE;
}

static gboolean
rollback (PGconn *conn)
{
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}

/* Sends batch @cur; meanwhile acknowledges @prev_acks locally (then frees
 * them) and reads the next batch into @next.  On success @acks_out holds
 * @cur's acknowledgements, to be applied locally later. */
static gboolean
push_batch (SlSync       *self,
            PGconn       *conn,
            SlStore      *store,
            Batch        *cur,
            GPtrArray   **prev_acks,
            Batch       **next,
            guint         batch,
            SlSyncStats  *stats,
            GPtrArray   **acks_out,
            GError      **error)
{
  g_autoptr(SlPgResult) answer = NULL;
  g_autoptr(SlPgResult) winners = NULL;
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) local_error = NULL;
  double t0 = sl_monotonic_ms (), t1, t2, t3;
  gboolean local_ok = TRUE;

  if (!sl_sync_pg_exec (conn, "BEGIN", "Could not start a push", error))
    return FALSE;
  /* Writers one at a time (see SL_SYNC_LOCK_KEY). */
  if (!sl_sync_pg_exec (conn, "SELECT pg_advisory_xact_lock (" SL_SYNC_LOCK_KEY ")",
                        "Could not lock the server for writing", error) ||
      !copy_send (conn, "COPY sl_in (" IN_COLUMNS ") FROM STDIN", cur->copy, error))
    return rollback (conn);
  t1 = sl_monotonic_ms ();
  if (!PQsendQuery (conn, merge_sql))
    {
      sl_sync_pg_error (conn, NULL, "The server could not merge the changes", error);
      return rollback (conn);
    }

  /* While the server merges: the local side of the previous batch, and
   * the next batch. */
  if (*prev_acks != NULL)
    {
      local_ok = finish_batch (store, *prev_acks, stats, &local_error);
      g_clear_pointer (prev_acks, g_ptr_array_unref);
    }
  if (local_ok)
    local_ok = (*next = read_batch (store, cur->last_id, sl_sync_get_batch_size (self), &local_error)) != NULL;
  t2 = sl_monotonic_ms ();

  if (!collect_answers (conn, &answer, &winners, error))
    return rollback (conn);
  if (!local_ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return rollback (conn);
    }
  acks = read_acks (cur->rows, answer, winners, error);
  if (acks == NULL)
    return rollback (conn);
  t3 = sl_monotonic_ms ();

  if (!sl_sync_call_hook (self, SL_SYNC_HOOK_BEFORE_COMMIT, batch, error) ||
      !sl_sync_pg_exec (conn, "COMMIT", "The server could not commit the changes", error))
    return rollback (conn);
  g_debug ("batch %u: copy %.0f ms, merge %.0f ms (local work %.0f ms meanwhile), commit %.0f ms",
           batch, t1 - t0, t3 - t1, t2 - t1, sl_monotonic_ms () - t3);
  /* From here the server has the batch: a failure before the outbox is
   * updated only means the batch is sent again, and recognised. */
  if (!sl_sync_call_hook (self, SL_SYNC_HOOK_AFTER_COMMIT, batch, error))
    return FALSE;
  *acks_out = g_steal_pointer (&acks);
  return TRUE;
}

static gboolean
push_profiles (SlSync        *self,
               PGconn        *conn,
               SlStore       *store,
               SlSyncStats   *stats,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(Batch) cur = NULL;
  g_autoptr(GPtrArray) prev_acks = NULL;
  guint batch = 0;

  cur = read_batch (store, 0, sl_sync_get_batch_size (self), error);
  if (cur == NULL)
    return FALSE;
  while (cur->rows->len > 0)
    {
      Batch *next = NULL;
      GPtrArray *acks = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!push_batch (self, conn, store, cur, &prev_acks, &next, batch, stats, &acks, error))
        {
          batch_free (next);
          return FALSE;
        }
      prev_acks = acks;
      batch_free (cur);
      cur = next;
      batch++;
    }
  return prev_acks == NULL || finish_batch (store, prev_acks, stats, error);
}

static gboolean
push_intake (SlSync        *self,
             PGconn        *conn,
             SlStore       *store,
             SlSyncStats   *stats,
             GCancellable  *cancellable,
             GError       **error)
{
  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GString) copy = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      rows = sl_store_sync_read_intake_outbox (store, sl_sync_get_batch_size (self), error);
      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        return TRUE;
      copy = g_string_sized_new (rows->len * 512);
      for (guint i = 0; i < rows->len; i++)
        copy_intake_row (copy, g_ptr_array_index (rows, i));

      if (!sl_sync_pg_exec (conn, "BEGIN", "Could not start sending intake records", error))
        return FALSE;
      if (!sl_sync_pg_exec (conn, "SELECT pg_advisory_xact_lock (" SL_SYNC_LOCK_KEY ")",
                            "Could not lock the server for writing", error) ||
          !copy_send (conn, "COPY sl_intake_in (" INTAKE_COLUMNS ") FROM STDIN", copy, error) ||
          !sl_sync_pg_exec (conn, intake_merge_sql, "The server could not store intake records", error) ||
          !sl_sync_pg_exec (conn, "COMMIT", "The server could not commit intake records", error))
        return rollback (conn);
      if (!sl_store_sync_finish_intake (store, rows, error))
        return FALSE;
      stats->intake += rows->len;
    }
}

gboolean
sl_sync_push (SlSync        *self,
              PGconn        *conn,
              SlStore       *store,
              SlSyncStats   *stats,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *device = sl_store_get_device_id (store);

  if (device == NULL)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
                   "The local database has no device id (is it a Shortlist database?)");
      return FALSE;
    }
  {
    const char *values[] = { device };
    g_autoptr(SlPgResult) res = PQexecParams (conn, "SELECT set_config ('shortlist.device', $1, false)",
                                              1, NULL, values, NULL, NULL, 0);
    if (PQresultStatus (res) != PGRES_TUPLES_OK)
      return sl_sync_pg_error (conn, res, "Could not prepare the push", error);
  }
  if (!sl_sync_pg_exec (conn, create_in_sql, "Could not prepare the push", error))
    return FALSE;

  return push_profiles (self, conn, store, stats, cancellable, error) &&
         push_intake (self, conn, store, stats, cancellable, error);
}
