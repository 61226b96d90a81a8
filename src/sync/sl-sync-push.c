/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-push.c: sends the outbox in batches.  Per batch, one server
 * transaction: COPY the rows into a temp table, classify each against the
 * central row (new, already there, fast-forward, won or lost a conflict,
 * erased), then set-based statements do the writes; the answer says what
 * became of each row.  Only after COMMIT are the outbox rows removed
 * locally, so a batch cut off anywhere is sent again and lands once: every
 * write is keyed by uuid and a row already there is recognised as such.
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

#define SECTIONS_OBJECT(p) \
  "jsonb_build_object ('personal_info', " p "personal_info, 'work_experience', " p "work_experience," \
  " 'education', " p "education, 'skills', " p "skills, 'certifications', " p "certifications," \
  " 'languages', " p "languages, 'projects', " p "projects, 'achievements', " p "achievements," \
  " 'interests', " p "interests, 'metadata', " p "metadata, 'source', " p "source)"

static const char create_in_sql[] =
  "CREATE TEMP TABLE IF NOT EXISTS sl_in ("
  "  ord integer NOT NULL, op text NOT NULL, id uuid NOT NULL, base_seq bigint NOT NULL,"
  "  cand_uuid uuid, cand_name text, cand_email text, cand_phone text,"
  "  personal_info jsonb, work_experience jsonb, education jsonb, skills jsonb,"
  "  certifications jsonb, languages jsonb, projects jsonb, achievements jsonb,"
  "  interests jsonb, metadata jsonb,"
  "  source text, raw_text text, revision integer, deleted boolean, device_id text,"
  "  created_at timestamptz, updated_at timestamptz,"
  "  cls text, cand_id uuid) ON COMMIT DELETE ROWS;"
  /* A batch lives for one transaction: never spend CPU compressing it. */
  "ALTER TABLE sl_in ALTER raw_text SET STORAGE EXTERNAL,"
  "  ALTER personal_info SET STORAGE EXTERNAL, ALTER work_experience SET STORAGE EXTERNAL,"
  "  ALTER metadata SET STORAGE EXTERNAL, ALTER skills SET STORAGE EXTERNAL";

/* After the COPY; one round trip.  %s = our device id as a literal. */
static const char merge_sql[] =
  "ANALYZE sl_in;"

  /* What each row is, against the central row and the tombstones. */
  "UPDATE sl_in i SET cls = CASE"
  "    WHEN i2.op = 'erase' THEN 'erase'"
  "    WHEN t.id IS NOT NULL THEN 'erased'"
  "    WHEN p.id IS NULL THEN 'new'"
  "    WHEN p.revision = i2.revision AND coalesce (p.device_id, '') = i2.device_id"
  "         AND p.updated_at = i2.updated_at THEN 'same'"
  "    WHEN p.seq = i2.base_seq"
  "         OR (coalesce (p.device_id, '') = i2.device_id AND p.revision < i2.revision) THEN 'ff'"
  "    WHEN (i2.updated_at, i2.device_id) > (p.updated_at, coalesce (p.device_id, '')) THEN 'win'"
  "    ELSE 'lose' END"
  "  FROM sl_in i2"
  "  LEFT JOIN candidate_profiles p ON p.id = i2.id"
  "  LEFT JOIN tombstones t ON t.id = i2.id"
  "  WHERE i2.ord = i.ord;"
  /* Statistics with the classes in: without them the planner expects one
   * row per class and picks nested loops over whole tables. */
  "ANALYZE sl_in;"

  /* Both sides of every conflict are kept: the loser here. */
  "INSERT INTO sync_conflicts (profile_id, loser_device, loser_revision, loser_updated_at,"
  "    loser_data, winner_device, winner_revision, winner_updated_at, resolved_by)"
  "  SELECT p.id, coalesce (p.device_id, ''), p.revision, p.updated_at, " SECTIONS_OBJECT ("p.") ","
  "         i.device_id, i.revision, i.updated_at, %s"
  "    FROM sl_in i JOIN candidate_profiles p ON p.id = i.id WHERE i.cls = 'win'"
  "  UNION ALL"
  "  SELECT i.id, i.device_id, i.revision, i.updated_at, " SECTIONS_OBJECT ("i.") ","
  "         coalesce (p.device_id, ''), p.revision, p.updated_at, %s"
  "    FROM sl_in i JOIN candidate_profiles p ON p.id = i.id WHERE i.cls = 'lose'"
  "  ON CONFLICT DO NOTHING;"

  /* Candidates merged by e-mail (by uuid when there is none).  A local
   * uuid already taken by a candidate with another e-mail gets a new one. */
  "INSERT INTO candidates (id, name, email, phone, created_at, updated_at)"
  "  SELECT DISTINCT ON (coalesce (i.cand_email, i.cand_uuid::text))"
  "         CASE WHEN EXISTS (SELECT 1 FROM candidates c WHERE c.id = i.cand_uuid)"
  "              THEN gen_random_uuid () ELSE i.cand_uuid END,"
  "         i.cand_name, i.cand_email, i.cand_phone, i.created_at, i.updated_at"
  "    FROM sl_in i"
  "   WHERE i.cls IN ('new', 'ff', 'win')"
  "     AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.email = i.cand_email)"
  "     AND (i.cand_email IS NOT NULL"
  "          OR NOT EXISTS (SELECT 1 FROM candidates c WHERE c.id = i.cand_uuid))"
  "   ORDER BY coalesce (i.cand_email, i.cand_uuid::text), i.ord"
  "  ON CONFLICT DO NOTHING;"
  "UPDATE sl_in i SET cand_id = coalesce ("
  "    (SELECT c.id FROM candidates c WHERE c.email = i.cand_email),"
  "    (SELECT c.id FROM candidates c WHERE c.id = i.cand_uuid))"
  "  WHERE i.cls IN ('new', 'ff', 'win');"

  "INSERT INTO candidate_profiles (id, candidate_id, " SECTIONS ("") ","
  "    source, raw_text, revision, device_id, deleted, created_at, updated_at)"
  "  SELECT id, cand_id, " SECTIONS ("") ","
  "         source, raw_text, revision, device_id, deleted, created_at, updated_at"
  "    FROM sl_in WHERE cls = 'new'"
  "  ON CONFLICT (id) DO NOTHING;"

  "UPDATE candidate_profiles p SET candidate_id = i.cand_id,"
  "    personal_info = i.personal_info, work_experience = i.work_experience,"
  "    education = i.education, skills = i.skills, certifications = i.certifications,"
  "    languages = i.languages, projects = i.projects, achievements = i.achievements,"
  "    interests = i.interests, metadata = i.metadata, source = i.source,"
  "    raw_text = i.raw_text, revision = i.revision, device_id = i.device_id,"
  "    deleted = i.deleted, updated_at = i.updated_at"
  "  FROM sl_in i WHERE p.id = i.id AND i.cls IN ('ff', 'win');"

  /* Erases: a tombstone (ours, with our device), then the row, its intake
   * rows, its conflicts' copies, and the candidate when nothing is left. */
  "UPDATE sl_in i SET cand_id = p.candidate_id"
  "  FROM candidate_profiles p WHERE p.id = i.id AND i.cls = 'erase';"
  "INSERT INTO tombstones (id, device_id)"
  "  SELECT id, device_id FROM sl_in WHERE cls = 'erase' ON CONFLICT (id) DO NOTHING;"
  "DELETE FROM file_intake_queue q USING sl_in i WHERE i.cls = 'erase' AND q.profile_id = i.id::text;"
  "DELETE FROM sync_conflicts s USING sl_in i WHERE i.cls = 'erase' AND s.profile_id = i.id;"
  "DELETE FROM candidate_profiles p USING sl_in i WHERE i.cls = 'erase' AND p.id = i.id;"
  "DELETE FROM candidates c USING sl_in i"
  "  WHERE i.cls = 'erase' AND c.id = i.cand_id"
  "    AND NOT EXISTS (SELECT 1 FROM candidate_profiles p WHERE p.candidate_id = c.id);";

/* The answer: per row its class and change number; for a lost conflict the
 * conflict id and the winning row. */
static const char answer_sql[] =
  "SELECT i.ord, i.cls, coalesce (p.seq, 0), coalesce (s.id, 0),"
  "       c.id, c.name, c.email, c.phone, "
  SECTIONS ("p.") ","
  "       p.source, p.raw_text, p.revision, p.deleted, p.device_id,"
  "       " SL_SYNC_PG_TIME ("p.created_at") ", " SL_SYNC_PG_TIME ("p.updated_at")
  "  FROM sl_in i"
  "  LEFT JOIN candidate_profiles p ON p.id = i.id AND i.cls = 'lose'"
  "  LEFT JOIN candidates c ON c.id = p.candidate_id"
  "  LEFT JOIN sync_conflicts s ON i.cls = 'lose' AND s.profile_id = i.id"
  "       AND s.loser_device = i.device_id AND s.loser_revision = i.revision"
  "       AND s.loser_updated_at = i.updated_at"
  " ORDER BY i.ord";

/* The change numbers of the rows that are not lost (the join above only
 * brings the winner's columns for lost rows, to keep the answer small). */
static const char seq_sql[] =
  "SELECT i.ord, p.seq FROM sl_in i JOIN candidate_profiles p ON p.id = i.id ORDER BY i.ord";

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

static gboolean
copy_batch (PGconn     *conn,
            GPtrArray  *rows,
            GError    **error)
{
  g_autoptr(SlPgResult) res = PQexec (conn, "COPY sl_in (" IN_COLUMNS ") FROM STDIN");
  g_autoptr(GString) buf = g_string_sized_new (1 << 20);

  if (PQresultStatus (res) != PGRES_COPY_IN)
    return sl_sync_pg_error (conn, res, "Could not start sending changes", error);
  for (guint i = 0; i < rows->len; i++)
    {
      copy_row (buf, i, g_ptr_array_index (rows, i));
      if (buf->len >= (1 << 20) || i + 1 == rows->len)
        {
          if (PQputCopyData (conn, buf->str, (int) buf->len) != 1)
            return sl_sync_pg_error (conn, NULL, "Could not send changes", error);
          g_string_truncate (buf, 0);
        }
    }
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

static char *
dup_value (PGresult *res,
           int       row,
           int       col)
{
  return PQgetisnull (res, row, col) ? NULL : g_strdup (PQgetvalue (res, row, col));
}

static gint64
int_value (PGresult *res,
           int       row,
           int       col)
{
  return PQgetisnull (res, row, col) ? 0 : g_ascii_strtoll (PQgetvalue (res, row, col), NULL, 10);
}

/* Reads columns @first.. of the answer (candidate, sections, source,
 * raw_text, revision, deleted, device, created, updated) into a row. */
static SlSyncRow *
winner_row (PGresult   *res,
            int         i,
            int         first,
            const char *uuid,
            gint64      seq)
{
  SlSyncRow *r = g_new0 (SlSyncRow, 1);
  int c = first;

  r->uuid = g_strdup (uuid);
  r->seq = seq;
  r->candidate_uuid = dup_value (res, i, c++);
  r->candidate_name = dup_value (res, i, c++);
  r->candidate_email = dup_value (res, i, c++);
  r->candidate_phone = dup_value (res, i, c++);
  for (guint s = 0; s < SL_SYNC_N_SECTIONS; s++)
    r->sections[s] = dup_value (res, i, c++);
  r->source = dup_value (res, i, c++);
  r->raw_text = dup_value (res, i, c++);
  r->revision = (int) int_value (res, i, c++);
  r->deleted = g_strcmp0 (PQgetvalue (res, i, c++), "t") == 0;
  r->device_id = dup_value (res, i, c++);
  r->created_at = dup_value (res, i, c++);
  r->updated_at = dup_value (res, i, c++);
  return r;
}

static gboolean
push_batch (SlSync       *self,
            PGconn       *conn,
            SlStore      *store,
            GPtrArray    *rows,
            const char   *merge,
            guint         batch,
            SlSyncStats  *stats,
            GError      **error)
{
  g_autoptr(GPtrArray) acks = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_push_ack_free);
  g_autoptr(SlPgResult) res = NULL;
  g_autoptr(SlPgResult) seqs = NULL;
  int n;

  double t0 = sl_monotonic_ms (), t1, t2, t3, t4;

  if (!sl_sync_pg_exec (conn, "BEGIN", "Could not start a push", error))
    return FALSE;
  /* Writers one at a time (see SL_SYNC_LOCK_KEY). */
  if (!sl_sync_pg_exec (conn, "SELECT pg_advisory_xact_lock (" SL_SYNC_LOCK_KEY ")",
                        "Could not lock the server for writing", error) ||
      !copy_batch (conn, rows, error))
    goto fail;
  t1 = sl_monotonic_ms ();
  if (!sl_sync_pg_exec (conn, merge, "The server could not merge the changes", error))
    goto fail;
  t2 = sl_monotonic_ms ();

  res = PQexec (conn, answer_sql);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      sl_sync_pg_error (conn, res, "Could not read the server's answer", error);
      goto fail;
    }
  seqs = PQexec (conn, seq_sql);
  if (PQresultStatus (seqs) != PGRES_TUPLES_OK)
    {
      sl_sync_pg_error (conn, seqs, "Could not read the server's answer", error);
      goto fail;
    }
  n = PQntuples (res);
  if ((guint) n != rows->len)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
                   "The server answered %d rows for %u changes", n, rows->len);
      goto fail;
    }
  {
    int sj = 0, ns = PQntuples (seqs);
    for (int i = 0; i < n; i++)
      {
        const SlSyncRow *row = g_ptr_array_index (rows, i);
        const char *cls = PQgetvalue (res, i, 1);
        SlPushAck *ack = g_new0 (SlPushAck, 1);
        gint64 seq = 0;

        g_assert (int_value (res, i, 0) == i);
        while (sj < ns && int_value (seqs, sj, 0) < i)
          sj++;
        if (sj < ns && int_value (seqs, sj, 0) == i)
          seq = int_value (seqs, sj, 1);

        ack->outbox_id = row->outbox_id;
        ack->uuid = g_strdup (row->uuid);
        ack->seq = seq;
        if (g_str_equal (cls, "erased"))
          ack->outcome = SL_PUSH_ERASED;
        else if (g_str_equal (cls, "lose"))
          {
            ack->outcome = SL_PUSH_LOST;
            ack->conflict_id = int_value (res, i, 3);
            ack->winner = winner_row (res, i, 4, row->uuid, seq);
          }
        else
          ack->outcome = SL_PUSH_ACCEPTED;   /* new, same, ff, win, erase */
        g_ptr_array_add (acks, ack);
      }
  }

  if (!sl_sync_call_hook (self, SL_SYNC_HOOK_BEFORE_COMMIT, batch, error))
    goto fail;
  if (!sl_sync_pg_exec (conn, "COMMIT", "The server could not commit the changes", error))
    goto fail;
  t3 = sl_monotonic_ms ();
  /* From here the server has the batch: a failure before the outbox is
   * updated only means the batch is sent again, and recognised. */
  if (!sl_sync_call_hook (self, SL_SYNC_HOOK_AFTER_COMMIT, batch, error))
    return FALSE;
  if (!sl_store_sync_finish_push (store, acks, &stats->conflicts, error))
    return FALSE;
  t4 = sl_monotonic_ms ();
  g_debug ("batch %u: copy %.0f ms, merge %.0f ms, answer+commit %.0f ms, local %.0f ms",
           batch, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
  stats->pushed += acks->len;
  stats->batches++;
  return TRUE;

fail:
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
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
  g_autofree char *merge = NULL;
  char *literal;
  guint batch = 0;

  if (device == NULL)
    {
      g_set_error (error, SL_SYNC_ERROR, SL_SYNC_ERROR_PROTOCOL,
                   "The local database has no device id (is it a Shortlist database?)");
      return FALSE;
    }
  literal = PQescapeLiteral (conn, device, strlen (device));
  if (literal == NULL)
    return sl_sync_pg_error (conn, NULL, "Could not prepare the push", error);
  merge = g_strdup_printf (merge_sql, literal, literal);
  PQfreemem (literal);

  if (!sl_sync_pg_exec (conn, create_in_sql, "Could not prepare the push", error))
    return FALSE;

  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* Always from the start: the rows of the previous batch are gone,
       * and a row re-queued meanwhile sits at the end. */
      rows = sl_store_sync_read_outbox (store, 0, sl_sync_get_batch_size (self), error);
      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        return TRUE;
      if (!push_batch (self, conn, store, rows, merge, batch, stats, error))
        return FALSE;
      batch++;
    }
}
