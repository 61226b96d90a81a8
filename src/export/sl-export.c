/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-export.c: streaming CSV and JSON Resume export.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-csv.h"
#include "sl-export.h"
#include "store/sl-query.h"
#include "store/sl-store-search.h"

#define FLUSH_AT (64 * 1024)
#define SEARCH_PAGE 256

/* Columns ----------------------------------------------------------------- */

static const SlExportColumn columns[] = {
  { "name", N_("Name") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "location", N_("Location") },
  { "title", N_("Current title") },
  { "company", N_("Current company") },
  { "years", N_("Years of experience") },
  { "skills", N_("Skills") },
  { "education", N_("Education") },
  { "languages", N_("Languages") },
  { "certifications", N_("Certifications") },
  { "links", N_("Links") },
  { "headline", N_("Headline") },
  { "summary", N_("Summary") },
  { "source", N_("Source") },
  { "imported", N_("Imported") },
  { "updated", N_("Updated") },
  { "uuid", N_("Profile ID") },
};

static const char * const default_columns[] = {
  "name", "email", "phone", "location", "title", "company", "years", "skills", NULL,
};

const SlExportColumn *
sl_export_columns (guint *n_columns)
{
  if (n_columns != NULL)
    *n_columns = G_N_ELEMENTS (columns);
  return columns;
}

const char *
sl_export_column_label (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (columns[i].id, id))
      return g_dgettext (GETTEXT_PACKAGE, columns[i].label);
  return NULL;
}

const char * const *
sl_export_default_columns (void)
{
  return default_columns;
}

GStrv
sl_export_parse_columns (const char  *list,
                         GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (list != NULL, NULL);

  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *id = g_ascii_strdown (g_strstrip (parts[i]), -1);
      if (id[0] == '\0')
        continue;
      if (sl_export_column_label (id) == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);
          for (guint k = 0; k < G_N_ELEMENTS (columns); k++)
            g_string_append_printf (known, "%s%s", k > 0 ? ", " : "", columns[k].id);
          g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN,
                       "Unknown column “%s” (known: %s)", id, known->str);
          return NULL;
        }
      g_strv_builder_add (b, id);
    }
  return g_strv_builder_end (b);
}

/* Options ----------------------------------------------------------------- */

SlExportOptions *
sl_export_options_new (SlExportFormat format)
{
  SlExportOptions *o = g_new0 (SlExportOptions, 1);

  o->format = format;
  o->neutralise = TRUE;
  o->delimiter = ',';
  return o;
}

SlExportOptions *
sl_export_options_copy (const SlExportOptions *options)
{
  SlExportOptions *o;

  g_return_val_if_fail (options != NULL, NULL);

  o = g_memdup2 (options, sizeof *options);
  o->query = g_strdup (options->query);
  o->columns = g_strdupv (options->columns);
  if (options->profile_ids != NULL)
    {
      o->profile_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), options->profile_ids->len);
      g_array_append_vals (o->profile_ids, options->profile_ids->data, options->profile_ids->len);
    }
  return o;
}

void
sl_export_options_free (SlExportOptions *options)
{
  if (options == NULL)
    return;
  g_free (options->query);
  g_strfreev (options->columns);
  if (options->profile_ids != NULL)
    g_array_unref (options->profile_ids);
  g_free (options);
}

/* Cells -------------------------------------------------------------------- */

static char *
join_ptr (GPtrArray *parts)
{
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static char *
format_years (int months)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (months < 0)
    return NULL;
  if (months % 12 == 0)
    return g_strdup_printf ("%d", months / 12);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.1f", months / 12.0));
}

char *
sl_export_cell (const char            *column,
                const SlProfile       *p,
                const SlExportRowInfo *info)
{
  const SlPersonalInfo *pi;
  g_autoptr(GPtrArray) parts = NULL;

  g_return_val_if_fail (column != NULL, NULL);
  g_return_val_if_fail (p != NULL, NULL);

  pi = &p->personal;
  parts = g_ptr_array_new_with_free_func (g_free);

  if (g_str_equal (column, "name"))
    return g_strdup (pi->name);
  if (g_str_equal (column, "email"))
    return g_strdup (pi->email);
  if (g_str_equal (column, "phone"))
    return g_strdup (pi->phone);
  if (g_str_equal (column, "location"))
    {
      if (pi->location != NULL)
        return g_strdup (pi->location);
      for (guint i = 0; i < 3; i++)
        {
          const char *v = i == 0 ? pi->city : i == 1 ? pi->region : pi->country;
          if (!sl_str_empty (v))
            g_ptr_array_add (parts, g_strdup (v));
        }
      if (parts->len == 0)
        return NULL;
      g_ptr_array_add (parts, NULL);
      return g_strjoinv (", ", (char **) parts->pdata);
    }
  if (g_str_equal (column, "title") || g_str_equal (column, "company"))
    {
      const SlWorkEntry *w = sl_profile_current_work (p);
      if (w == NULL)
        return g_str_equal (column, "title") ? g_strdup (pi->headline) : NULL;
      return g_strdup (g_str_equal (column, "title") ? w->title : w->company);
    }
  if (g_str_equal (column, "years"))
    {
      int months = info != NULL ? info->experience_months : -1;
      if (months < 0)
        months = p->meta.experience_months >= 0 ? p->meta.experience_months
                                                : sl_profile_compute_experience_months (p, NULL);
      return format_years (months);
    }
  if (g_str_equal (column, "skills"))
    {
      g_autoptr(GPtrArray) names = sl_profile_skill_names (p);
      for (guint i = 0; i < names->len; i++)
        g_ptr_array_add (parts, g_strdup (g_ptr_array_index (names, i)));
      return join_ptr (parts);
    }
  if (g_str_equal (column, "education"))
    {
      for (guint i = 0; i < p->education->len; i++)
        {
          const SlEducationEntry *e = g_ptr_array_index (p->education, i);
          GString *s = g_string_new (NULL);
          const char *degree = e->degree != NULL ? e->degree : e->level;
          if (degree != NULL)
            g_string_append (s, degree);
          if (e->field != NULL && (degree == NULL || strstr (degree, e->field) == NULL))
            g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", e->field);
          if (e->institution != NULL)
            g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", e->institution);
          if (e->end != NULL)
            g_string_append_printf (s, " (%.4s)", e->end);
          if (s->len > 0)
            g_ptr_array_add (parts, g_string_free (s, FALSE));
          else
            g_string_free (s, TRUE);
        }
      return join_ptr (parts);
    }
  if (g_str_equal (column, "languages"))
    {
      for (guint i = 0; i < p->languages->len; i++)
        {
          const SlLanguage *l = g_ptr_array_index (p->languages, i);
          if (l->language == NULL)
            continue;
          g_ptr_array_add (parts, l->level != NULL ? g_strdup_printf ("%s (%s)", l->language, l->level)
                                                   : g_strdup (l->language));
        }
      return join_ptr (parts);
    }
  if (g_str_equal (column, "certifications"))
    {
      for (guint i = 0; i < p->certifications->len; i++)
        {
          const SlCertification *c = g_ptr_array_index (p->certifications, i);
          if (c->name != NULL)
            g_ptr_array_add (parts, g_strdup (c->name));
        }
      return join_ptr (parts);
    }
  if (g_str_equal (column, "links"))
    {
      for (guint i = 0; i < pi->links->len; i++)
        g_ptr_array_add (parts, g_strdup (g_ptr_array_index (pi->links, i)));
      return join_ptr (parts);
    }
  if (g_str_equal (column, "headline"))
    return g_strdup (pi->headline);
  if (g_str_equal (column, "summary"))
    return g_strdup (pi->summary);
  if (g_str_equal (column, "source"))
    return g_strdup (p->source);
  if (g_str_equal (column, "imported"))
    return info != NULL ? g_strdup (info->created_at) : NULL;
  if (g_str_equal (column, "updated"))
    return info != NULL ? g_strdup (info->updated_at) : NULL;
  if (g_str_equal (column, "uuid"))
    return info != NULL ? g_strdup (info->uuid) : NULL;
  return NULL;
}

/* The cursor: one row at a time from SQLite ---------------------------------- */

#define ROW_SQL \
  "SELECT id, uuid, personal_info, work_experience, education, skills," \
  " certifications, languages, projects, achievements, interests, metadata," \
  " source, created_at, updated_at, experience_months FROM candidate_profiles"

/* Section columns 2..11, in the order of sl_profile_section_names(). */
static const char *section_members[] = {
  "personal_info", "work_experience", "education", "skills", "certifications",
  "languages", "projects", "achievements", "interests", "metadata",
};

typedef struct
{
  sqlite3         *db;
  sqlite3_stmt    *stmt;
  const GArray    *ids;     /* nullable: export just these */
  guint            id_pos;
  /* a search: its hits are read a page at a time into @page_ids */
  SlStore         *search_store;
  SlQuery         *query;
  GArray          *page_ids;
  guint            offset;
  gboolean         last_page;
  /* the current row */
  SlProfile       *profile;
  SlExportRowInfo  info;
  char            *uuid;
  char            *created_at;
  char            *updated_at;
} Cursor;

static void
cursor_clear_row (Cursor *c)
{
  g_clear_pointer (&c->profile, sl_profile_free);
  g_clear_pointer (&c->uuid, g_free);
  g_clear_pointer (&c->created_at, g_free);
  g_clear_pointer (&c->updated_at, g_free);
}

static void
cursor_close (Cursor *c)
{
  cursor_clear_row (c);
  g_clear_object (&c->search_store);
  g_clear_pointer (&c->query, sl_query_unref);
  g_clear_pointer (&c->page_ids, g_array_unref);
  g_clear_pointer (&c->stmt, sqlite3_finalize);
  g_clear_pointer (&c->db, sqlite3_close);
}

static gboolean
set_db_error (Cursor     *c,
              const char *what,
              GError    **error)
{
  g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_FAILED,
               "Could not read the candidates (%s): %s", what,
               c->db != NULL ? sqlite3_errmsg (c->db) : "no database");
  return FALSE;
}

static gboolean
cursor_open (Cursor                *c,
             const char            *db_path,
             const SlExportOptions *options,
             GError               **error)
{
  memset (c, 0, sizeof *c);

  if (!sl_str_empty (options->query))
    {
      /* The search runs through the store's own API (its own read-only
       * connection); the rows are then read here by id. */
      c->query = sl_query_parse (options->query, error);
      if (c->query == NULL)
        return FALSE;
      if (!sl_query_is_empty (c->query))
        {
          c->search_store = sl_store_open_full (db_path, SL_STORE_OPEN_READONLY, error);
          if (c->search_store == NULL)
            return FALSE;
          c->page_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        }
    }
  if (sqlite3_open_v2 (db_path, &c->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return set_db_error (c, "open", error);
  sqlite3_busy_timeout (c->db, 5000);
  c->ids = c->page_ids != NULL ? c->page_ids : options->profile_ids;
  if (sqlite3_prepare_v2 (c->db,
                          c->ids != NULL ? ROW_SQL " WHERE id = ? AND deleted = 0"
                                         : ROW_SQL " WHERE deleted = 0 ORDER BY id",
                          -1, &c->stmt, NULL) != SQLITE_OK)
    return set_db_error (c, "prepare", error);
  return TRUE;
}

static char *
col_dup (sqlite3_stmt *st,
         int           col)
{
  const char *t = (const char *) sqlite3_column_text (st, col);
  return t != NULL ? g_strdup (t) : NULL;
}

static gboolean
cursor_load_row (Cursor  *c,
                 GError **error)
{
  g_autoptr(GString) json = g_string_new ("{");

  for (guint i = 0; i < G_N_ELEMENTS (section_members); i++)
    {
      const char *v = (const char *) sqlite3_column_text (c->stmt, 2 + i);
      if (v == NULL)
        continue;
      g_string_append_printf (json, "%s\"%s\":%s", json->len > 1 ? "," : "", section_members[i], v);
    }
  g_string_append_c (json, '}');

  c->profile = sl_profile_from_json (json->str, json->len, error);
  if (c->profile == NULL)
    return FALSE;
  g_free (c->profile->source);
  c->profile->source = col_dup (c->stmt, 12);
  c->uuid = col_dup (c->stmt, 1);
  c->created_at = col_dup (c->stmt, 13);
  c->updated_at = col_dup (c->stmt, 14);
  c->info.profile_id = sqlite3_column_int64 (c->stmt, 0);
  c->info.uuid = c->uuid;
  c->info.created_at = c->created_at;
  c->info.updated_at = c->updated_at;
  c->info.experience_months = sqlite3_column_type (c->stmt, 15) == SQLITE_NULL
                              ? -1 : sqlite3_column_int (c->stmt, 15);
  return TRUE;
}

/* TRUE with a row loaded; FALSE at the end (no error) or on error. */
static gboolean
cursor_next (Cursor  *c,
             GError **error)
{
  int rc;

  cursor_clear_row (c);
  for (;;)
    {
      if (c->page_ids != NULL && c->id_pos >= c->page_ids->len && !c->last_page)
        {
          /* The next page of the search, oldest import first (a stable
           * order, so pages neither overlap nor skip). */
          g_autoptr(GPtrArray) hits = sl_store_search_page (c->search_store, c->query, SL_SORT_IMPORTED,
                                                            FALSE, c->offset, SEARCH_PAGE, NULL, error);
          if (hits == NULL)
            return FALSE;
          g_array_set_size (c->page_ids, 0);
          for (guint i = 0; i < hits->len; i++)
            g_array_append_val (c->page_ids, ((SlSearchHit *) g_ptr_array_index (hits, i))->profile_id);
          c->offset += hits->len;
          c->id_pos = 0;
          c->last_page = hits->len < SEARCH_PAGE;
        }
      if (c->ids != NULL)
        {
          if (c->id_pos >= c->ids->len)
            return FALSE;
          sqlite3_reset (c->stmt);
          sqlite3_bind_int64 (c->stmt, 1, g_array_index (c->ids, gint64, c->id_pos++));
        }
      rc = sqlite3_step (c->stmt);
      if (rc == SQLITE_ROW)
        return cursor_load_row (c, error);
      if (rc != SQLITE_DONE)
        return set_db_error (c, "step", error);
      if (c->ids == NULL)
        return FALSE;
      /* An id that is gone (deleted meanwhile): skip it. */
    }
}

/* Writing ------------------------------------------------------------------ */

static gboolean
flush (GString       *buf,
       GOutputStream *stream,
       gboolean       force,
       GCancellable  *cancellable,
       GError       **error)
{
  if (buf->len == 0 || (!force && buf->len < FLUSH_AT))
    return TRUE;
  if (!g_output_stream_write_all (stream, buf->str, buf->len, NULL, cancellable, error))
    return FALSE;
  g_string_truncate (buf, 0);
  return TRUE;
}

static gboolean
export_csv (Cursor                *c,
            const SlExportOptions *o,
            GOutputStream         *stream,
            guint64               *n,
            GCancellable          *cancellable,
            GError               **error)
{
  g_autoptr(GString) buf = g_string_sized_new (FLUSH_AT + 4096);
  const char * const *cols = o->columns != NULL ? (const char * const *) o->columns
                                                : sl_export_default_columns ();
  g_autoptr(GError) local = NULL;

  for (guint i = 0; cols[i] != NULL; i++)
    if (sl_export_column_label (cols[i]) == NULL)
      {
        g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_COLUMN, "Unknown column “%s”", cols[i]);
        return FALSE;
      }

  if (o->bom)
    g_string_append (buf, SL_CSV_BOM);
  for (guint i = 0; cols[i] != NULL; i++)
    sl_csv_append_cell (buf, sl_export_column_label (cols[i]), o->delimiter, i == 0, o->neutralise);
  sl_csv_end_row (buf);

  while (cursor_next (c, &local))
    {
      for (guint i = 0; cols[i] != NULL; i++)
        {
          g_autofree char *v = sl_export_cell (cols[i], c->profile, &c->info);
          sl_csv_append_cell (buf, v, o->delimiter, i == 0, o->neutralise);
        }
      sl_csv_end_row (buf);
      (*n)++;
      if (!flush (buf, stream, FALSE, cancellable, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return flush (buf, stream, TRUE, cancellable, error);
}

static gboolean
export_json_resume (Cursor        *c,
                    GOutputStream *stream,
                    guint64       *n,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GString) buf = g_string_sized_new (FLUSH_AT + 4096);
  g_autoptr(GError) local = NULL;

  g_string_append_c (buf, '[');
  while (cursor_next (c, &local))
    {
      g_autoptr(JsonNode) node = sl_json_resume_from_profile (c->profile);
      g_autofree char *text = sl_json_node_to_string (node, TRUE);
      g_string_append (buf, *n > 0 ? ",\n" : "\n");
      g_string_append (buf, text);
      (*n)++;
      if (!flush (buf, stream, FALSE, cancellable, error))
        return FALSE;
    }
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_string_append (buf, *n > 0 ? "\n]\n" : "]\n");
  return flush (buf, stream, TRUE, cancellable, error);
}

static gboolean
export_path_to_stream (const char            *db_path,
                       const SlExportOptions *options,
                       GOutputStream         *stream,
                       guint64               *n_written,
                       GCancellable          *cancellable,
                       GError               **error)
{
  Cursor c;
  guint64 n = 0;
  gboolean ok;

  if (!cursor_open (&c, db_path, options, error))
    {
      cursor_close (&c);
      return FALSE;
    }
  if (options->format == SL_EXPORT_FORMAT_CSV)
    ok = export_csv (&c, options, stream, &n, cancellable, error);
  else
    ok = export_json_resume (&c, stream, &n, cancellable, error);
  cursor_close (&c);
  if (n_written != NULL)
    *n_written = n;
  g_debug ("exported %" G_GUINT64_FORMAT " candidates", n);
  return ok;
}

gboolean
sl_export_to_stream (SlStore               *store,
                     const SlExportOptions *options,
                     GOutputStream         *stream,
                     guint64               *n_written,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_path_to_stream (sl_store_get_path (store), options, stream, n_written,
                                cancellable, error);
}

/* To a file, atomically ----------------------------------------------------- */

static gboolean
export_path_to_file (const char            *db_path,
                     const SlExportOptions *options,
                     GFile                 *file,
                     guint64               *n_written,
                     GCancellable          *cancellable,
                     GError               **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) local = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;
  if (!export_path_to_stream (db_path, options, G_OUTPUT_STREAM (out), n_written, cancellable, &local))
    {
      /* Closing with a cancelled cancellable drops the temporary file and
       * leaves any previous file in place. */
      g_autoptr(GCancellable) abort = g_cancellable_new ();
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error);
}

typedef struct
{
  char            *db_path;
  SlExportOptions *options;
  GFile           *file;
  guint64          n_written;
} FileJob;

static void
file_job_free (FileJob *job)
{
  g_free (job->db_path);
  sl_export_options_free (job->options);
  g_clear_object (&job->file);
  g_free (job);
}

static void
export_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  FileJob *job = task_data;
  GError *error = NULL;

  if (export_path_to_file (job->db_path, job->options, job->file, &job->n_written, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sl_export_to_file_async (SlStore               *store,
                         const SlExportOptions *options,
                         GFile                 *file,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  FileJob *job;

  g_return_if_fail (SL_IS_STORE (store));
  g_return_if_fail (options != NULL);
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (FileJob, 1);
  job->db_path = g_strdup (sl_store_get_path (store));
  job->options = sl_export_options_copy (options);
  job->file = g_object_ref (file);

  /* Only the path goes to the worker; the store object stays on its thread. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, sl_export_to_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify) file_job_free);
  g_task_run_in_thread (task, export_file_thread);
}

gboolean
sl_export_to_file_finish (GAsyncResult  *result,
                          guint64       *n_written,
                          GError       **error)
{
  FileJob *job;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sl_export_to_file_async, FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = job->n_written;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* One file per candidate ------------------------------------------------------ */

static char *
file_stem (const SlProfile *p,
           const char      *uuid)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *ascii = NULL;

  if (p->personal.name != NULL)
    ascii = g_str_to_ascii (p->personal.name, "C");
  for (const char *c = ascii; c != NULL && *c != '\0' && s->len < 40; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (s, g_ascii_tolower (*c));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "candidate");
  g_string_append_printf (s, "-%.8s", uuid != NULL ? uuid : "00000000");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
sl_export_json_resume_files (SlStore               *store,
                             const SlExportOptions *options,
                             GFile                 *directory,
                             guint64               *n_written,
                             GCancellable          *cancellable,
                             GError               **error)
{
  g_autoptr(GError) local = NULL;
  Cursor c;
  guint64 n = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (SL_IS_STORE (store), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  if (!g_file_make_directory_with_parents (directory, cancellable, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_error (&local);

  if (!cursor_open (&c, sl_store_get_path (store), options, error))
    {
      cursor_close (&c);
      return FALSE;
    }
  while (ok && cursor_next (&c, &local))
    {
      g_autoptr(JsonNode) node = sl_json_resume_from_profile (c.profile);
      g_autofree char *text = sl_json_node_to_string (node, TRUE);
      g_autofree char *stem = file_stem (c.profile, c.uuid);
      g_autofree char *name = g_strconcat (stem, ".json", NULL);
      g_autoptr(GFile) file = g_file_get_child (directory, name);

      ok = g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
      if (ok)
        n++;
    }
  cursor_close (&c);
  if (ok && local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      ok = FALSE;
    }
  if (n_written != NULL)
    *n_written = n;
  return ok;
}

char *
sl_export_json_resume_one (SlStore  *store,
                           gint64    profile_id,
                           GError  **error)
{
  g_autoptr(SlStoredProfile) sp = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  sp = sl_store_get_profile (store, profile_id, error);
  if (sp == NULL)
    return NULL;
  node = sl_json_resume_from_profile (sp->profile);
  return sl_json_node_to_string (node, TRUE);
}
