/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-pull.c: brings in what changed on the server since the last
 * change number this laptop saw: conflict records, profiles (in pages),
 * tombstones; all read from one snapshot, applied locally without being
 * queued again.  The new last change number is stored with the last page,
 * so an interrupted pull simply runs again (applying a row twice is
 * recognised as "already here").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sl-sync-private.h"

static const char max_seq_sql[] =
  "SELECT greatest ("
  "  (SELECT coalesce (max (seq), 0) FROM candidate_profiles),"
  "  (SELECT coalesce (max (seq), 0) FROM tombstones),"
  "  (SELECT coalesce (max (seq), 0) FROM sync_conflicts))";

static const char conflicts_sql[] =
  "SELECT id, profile_id, loser_device, loser_revision, "
  SL_SYNC_PG_TIME ("loser_updated_at") ", loser_data::text"
  "  FROM sync_conflicts WHERE seq > $1::bigint ORDER BY seq";

static const char tombstones_sql[] =
  "SELECT id FROM tombstones WHERE seq > $1::bigint ORDER BY seq";

/* Our own rows are left out: this laptop has them (it made them). */
static const char page_sql[] =
  "SELECT p.id, p.seq, c.id, c.name, c.email, c.phone,"
  "       p.personal_info::text, p.work_experience::text, p.education::text, p.skills::text,"
  "       p.certifications::text, p.languages::text, p.projects::text, p.achievements::text,"
  "       p.interests::text, p.metadata::text,"
  "       p.source, p.raw_text, p.revision, p.deleted, p.device_id,"
  "       " SL_SYNC_PG_TIME ("p.created_at") ", " SL_SYNC_PG_TIME ("p.updated_at")
  "  FROM candidate_profiles p JOIN candidates c ON c.id = p.candidate_id"
  " WHERE p.seq > $1::bigint AND p.device_id IS DISTINCT FROM $2"
  " ORDER BY p.seq LIMIT $3::integer";

static PGresult *
exec_params (PGconn      *conn,
             const char  *sql,
             int          n,
             const char **values)
{
  return PQexecParams (conn, sql, n, NULL, values, NULL, NULL, 0);
}

gboolean
sl_sync_pull (SlSync        *self,
              PGconn        *conn,
              SlStore       *store,
              SlSyncStats   *stats,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_sync_conflict_free);
  g_autoptr(GPtrArray) tombstones = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *device = sl_store_get_device_id (store);
  g_autofree char *since = g_strdup_printf ("%" G_GINT64_FORMAT, sl_store_sync_get_last_seq (store));
  g_autofree char *limit = g_strdup_printf ("%u", sl_sync_get_batch_size (self));
  gint64 max_seq;

  if (!sl_sync_pg_exec (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                        "Could not start reading changes", error))
    return FALSE;

  {
    g_autoptr(SlPgResult) res = PQexec (conn, max_seq_sql);
    if (PQresultStatus (res) != PGRES_TUPLES_OK)
      {
        sl_sync_pg_error (conn, res, "Could not read the server's change number", error);
        goto fail;
      }
    max_seq = sl_sync_pg_int_value (res, 0, 0);
  }

  {
    const char *values[] = { since };
    g_autoptr(SlPgResult) res = exec_params (conn, conflicts_sql, 1, values);
    if (PQresultStatus (res) != PGRES_TUPLES_OK)
      {
        sl_sync_pg_error (conn, res, "Could not read conflicts", error);
        goto fail;
      }
    for (int i = 0; i < PQntuples (res); i++)
      {
        SlSyncConflict *c = g_new0 (SlSyncConflict, 1);
        c->id = sl_sync_pg_int_value (res, i, 0);
        c->profile_uuid = sl_sync_pg_dup_value (res, i, 1);
        c->loser_device = sl_sync_pg_dup_value (res, i, 2);
        c->loser_revision = (int) sl_sync_pg_int_value (res, i, 3);
        c->loser_updated_at = sl_sync_pg_dup_value (res, i, 4);
        c->loser_json = sl_sync_pg_dup_value (res, i, 5);
        g_ptr_array_add (conflicts, c);
      }
  }

  {
    const char *values[] = { since };
    g_autoptr(SlPgResult) res = exec_params (conn, tombstones_sql, 1, values);
    if (PQresultStatus (res) != PGRES_TUPLES_OK)
      {
        sl_sync_pg_error (conn, res, "Could not read erased profiles", error);
        goto fail;
      }
    for (int i = 0; i < PQntuples (res); i++)
      g_ptr_array_add (tombstones, sl_sync_pg_dup_value (res, i, 0));
  }

  {
    g_autofree char *after = g_strdup (since);
    for (guint page = 0;; page++)
      {
        const char *values[] = { after, device, limit };
        g_autoptr(SlPgResult) res = NULL;
        g_autoptr(GPtrArray) rows = NULL;
        int n;

        if (g_cancellable_set_error_if_cancelled (cancellable, error))
          goto fail;
        res = exec_params (conn, page_sql, 3, values);
        if (PQresultStatus (res) != PGRES_TUPLES_OK)
          {
            sl_sync_pg_error (conn, res, "Could not read changed profiles", error);
            goto fail;
          }
        n = PQntuples (res);
        if (n == 0)
          break;
        rows = g_ptr_array_new_full (n, (GDestroyNotify) sl_sync_row_free);
        for (int i = 0; i < n; i++)
          {
            SlSyncRow *r = g_new0 (SlSyncRow, 1);
            int c = 0;
            r->uuid = sl_sync_pg_dup_value (res, i, c++);
            r->seq = sl_sync_pg_int_value (res, i, c++);
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
            g_ptr_array_add (rows, r);
          }
        g_free (after);
        after = g_strdup_printf ("%" G_GINT64_FORMAT,
                                 ((SlSyncRow *) g_ptr_array_index (rows, n - 1))->seq);
        if (!sl_store_sync_apply_pulled (store, rows, NULL, conflicts, -1,
                                         &stats->pulled, NULL, &stats->conflicts, error) ||
            !sl_sync_call_hook (self, SL_SYNC_HOOK_PULL_PAGE, page, error))
          goto fail;
        if ((guint) n < sl_sync_get_batch_size (self))
          break;
      }
  }

  /* The last step: erases, conflicts not met above, the new change number. */
  if (!sl_store_sync_apply_pulled (store, NULL, tombstones, conflicts,
                                   max_seq, NULL, &stats->erased,
                                   &stats->conflicts, error))
    goto fail;

  return sl_sync_pg_exec (conn, "COMMIT", "Could not finish reading changes", error);

fail:
  if (PQstatus (conn) == CONNECTION_OK)
    PQclear (PQexec (conn, "ROLLBACK"));
  return FALSE;
}
