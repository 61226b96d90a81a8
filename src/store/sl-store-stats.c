/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-store-stats.c: profile and intake statistics, all computed in SQL.
 */
#include "config.h"

#include "core/sl-json.h"
#include "sl-store-private.h"
#include "sl-store-stats.h"

static void
stat_count_free (gpointer data)
{
  SlStatCount *c = data;
  g_free (c->key);
  g_free (c);
}

static void
stage_time_free (gpointer data)
{
  SlStageTime *t = data;
  g_free (t->stage);
  g_free (t);
}

void
sl_store_stats_free (SlStoreStats *s)
{
  if (s == NULL)
    return;
  g_clear_pointer (&s->by_source, g_ptr_array_unref);
  g_clear_pointer (&s->by_status, g_ptr_array_unref);
  g_clear_pointer (&s->top_skills, g_ptr_array_unref);
  g_clear_pointer (&s->per_day, g_ptr_array_unref);
  g_clear_pointer (&s->stage_times, g_ptr_array_unref);
  g_free (s);
}

static gboolean
scalar (SlStore     *self,
        const char  *sql,
        gint64      *out,
        GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);
  int rc;

  if (st == NULL)
    return FALSE;
  rc = sqlite3_step (st);
  if (rc != SQLITE_ROW)
    return sl_store_set_sqlite_error (self, rc, "Could not compute statistics", error);
  *out = sqlite3_column_int64 (st, 0);
  return TRUE;
}

static gpointer
read_count (SlStmt *st)
{
  SlStatCount *c = g_new0 (SlStatCount, 1);

  c->key = sl_stmt_dup_text (st, 0);
  if (c->key == NULL)
    c->key = g_strdup ("unknown");
  c->count = sqlite3_column_int64 (st, 1);
  return c;
}

static GPtrArray *
counts (SlStore     *self,
        const char  *sql,
        gint64       limit,
        GError     **error)
{
  g_autoptr(SlStmt) st = sl_store_stmt (self, sql, error);

  if (st == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (st) > 0)
    sqlite3_bind_int64 (st, 1, limit);
  return sl_store_read_rows (self, st, read_count, stat_count_free, "the statistics", error);
}

SlStoreStats *
sl_store_get_profile_statistics (SlStore  *self,
                                 guint     top_n,
                                 guint     days,
                                 GError  **error)
{
  g_autoptr(SlStoreStats) s = NULL;

  g_return_val_if_fail (SL_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  s = g_new0 (SlStoreStats, 1);
  if (!scalar (self, "SELECT count(*) FROM candidates", &s->candidates, error) ||
      /* count(*) over the table uses its smallest index; the deleted
       * ones come from a partial index. */
      !scalar (self, "SELECT count(*) FROM candidate_profiles", &s->profiles, error) ||
      !scalar (self, "SELECT count(*) FROM candidate_profiles INDEXED BY profiles_deleted WHERE deleted = 1", &s->deleted_profiles, error) ||
      !scalar (self, "SELECT count(*) FROM profile_history", &s->profile_versions, error) ||
      !scalar (self, "SELECT count(*) FROM file_intake_queue", &s->intake_total, error) ||
      !scalar (self, "SELECT count(*) FROM file_intake_queue WHERE status = 'failed'", &s->intake_failed, error) ||
      !scalar (self, "SELECT count(*) FROM candidate_notes", &s->notes, error) ||
      !scalar (self, "SELECT count(*) FROM tags", &s->tags, error))
    return NULL;
  s->profiles -= s->deleted_profiles;
  s->error_rate = s->intake_total > 0 ? (double) s->intake_failed / (double) s->intake_total : 0.0;

  s->by_source = counts (self,
                         "SELECT coalesce (source, 'unknown') AS k, count(*) AS n FROM candidate_profiles"
                         " WHERE deleted = 0 GROUP BY k ORDER BY n DESC, k", 0, error);
  if (s->by_source == NULL)
    return NULL;
  s->by_status = counts (self,
                         "SELECT status, count(*) AS n FROM file_intake_queue"
                         " GROUP BY status ORDER BY n DESC, status", 0, error);
  if (s->by_status == NULL)
    return NULL;
  /* A skill counts once per profile; canonical name first, case-folded;
   * kept current by triggers (schema 3), shown as spelled (schema 7). */
  s->top_skills = counts (self,
                          "SELECT coalesce (label, skill), profiles FROM skill_counts"
                          " ORDER BY profiles DESC, skill LIMIT ?",
                          top_n > 0 ? top_n : 20, error);
  if (s->top_skills == NULL)
    return NULL;
  s->per_day = counts (self,
                       "SELECT substr (created_at, 1, 10) AS d, count(*) FROM candidate_profiles"
                       " WHERE deleted = 0 GROUP BY d ORDER BY d DESC LIMIT ?",
                       days > 0 ? days : 30, error);
  if (s->per_day == NULL)
    return NULL;

  {
    g_autoptr(SlStmt) st = sl_store_stmt (self,
                                          "SELECT t.key, avg (t.value), count(*) FROM file_intake_queue q,"
                                          " json_each (q.metadata, '$.processing_report.timings') t"
                                          " WHERE t.type IN ('integer', 'real')"
                                          " GROUP BY t.key ORDER BY t.key", error);
    int rc;
    if (st == NULL)
      return NULL;
    s->stage_times = g_ptr_array_new_with_free_func (stage_time_free);
    while ((rc = sqlite3_step (st)) == SQLITE_ROW)
      {
        SlStageTime *t = g_new0 (SlStageTime, 1);
        t->stage = sl_stmt_dup_text (st, 0);
        t->avg_ms = sqlite3_column_double (st, 1);
        t->samples = sqlite3_column_int64 (st, 2);
        g_ptr_array_add (s->stage_times, t);
      }
    if (rc != SQLITE_DONE)
      {
        sl_store_set_sqlite_error (self, rc, "Could not compute statistics", error);
        return NULL;
      }
  }
  return g_steal_pointer (&s);
}

static void
add_counts (JsonBuilder *b,
            const char  *member,
            GPtrArray   *list)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; i < list->len; i++)
    {
      const SlStatCount *c = g_ptr_array_index (list, i);
      json_builder_set_member_name (b, c->key);
      json_builder_add_int_value (b, c->count);
    }
  json_builder_end_object (b);
}

char *
sl_store_stats_to_json (const SlStoreStats *s,
                        gboolean            pretty)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  json_builder_begin_object (b);
#define INT(name) json_builder_set_member_name (b, #name); json_builder_add_int_value (b, s->name)
  INT (candidates);
  INT (profiles);
  INT (deleted_profiles);
  INT (profile_versions);
  INT (intake_total);
  INT (intake_failed);
  INT (notes);
  INT (tags);
#undef INT
  json_builder_set_member_name (b, "error_rate");
  json_builder_add_double_value (b, s->error_rate);
  add_counts (b, "by_source", s->by_source);
  add_counts (b, "by_status", s->by_status);

  /* Ordered lists stay arrays so their order survives. */
  json_builder_set_member_name (b, "top_skills");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->top_skills->len; i++)
    {
      const SlStatCount *c = g_ptr_array_index (s->top_skills, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "skill");
      json_builder_add_string_value (b, c->key);
      json_builder_set_member_name (b, "profiles");
      json_builder_add_int_value (b, c->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "per_day");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->per_day->len; i++)
    {
      const SlStatCount *c = g_ptr_array_index (s->per_day, i);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "day");
      json_builder_add_string_value (b, c->key);
      json_builder_set_member_name (b, "profiles");
      json_builder_add_int_value (b, c->count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "stage_avg_ms");
  json_builder_begin_object (b);
  for (guint i = 0; i < s->stage_times->len; i++)
    {
      const SlStageTime *t = g_ptr_array_index (s->stage_times, i);
      json_builder_set_member_name (b, t->stage);
      json_builder_add_double_value (b, t->avg_ms);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  return sl_json_node_to_string (root, pretty);
}
