/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-export.h: exporting stored candidates as CSV or JSON Resume.
 *
 * Exports stream: rows are read one at a time from an SQLite statement on a
 * read-only connection of the export's own (WAL lets it read while the app
 * writes) and written as they come, so 100,000 candidates take no more
 * memory than 1,000 (docs/BENCHMARKS.md, "Export").
 *
 * For the app's Export dialog: sl_export_columns() lists the CSV columns
 * with translated labels; build an SlExportOptions, then
 * sl_export_to_file_async() writes to a GFile (atomically: a failed or
 * cancelled export leaves no half file) on a worker thread.
 */
#pragma once

#include <gio/gio.h>

#include "core/sl-profile.h"
#include "store/sl-store.h"
#include "sl-json-resume.h"

G_BEGIN_DECLS

typedef enum
{
  SL_EXPORT_FORMAT_CSV,
  SL_EXPORT_FORMAT_JSON_RESUME,   /* one JSON array of JSON Resume objects */
} SlExportFormat;

typedef struct
{
  const char *id;      /* stable, for --columns and settings: "name", "email", … */
  const char *label;   /* untranslated; use sl_export_column_label() */
} SlExportColumn;

/* Every CSV column, in a sensible default order. */
const SlExportColumn *sl_export_columns          (guint       *n_columns);
/* The translated label of a column id, or NULL for an unknown id. */
const char           *sl_export_column_label     (const char  *id);
/* The columns used when none are chosen. (transfer none) */
const char * const   *sl_export_default_columns  (void);

typedef struct
{
  SlExportFormat  format;
  char           *query;        /* search query (sl-query.h); NULL or "" = every
                                 * candidate.  A search exports in import order. */
  GArray         *profile_ids;  /* (element-type gint64) nullable: just these profiles
                                 * (ignored when @query is set) */
  GStrv           columns;      /* CSV column ids; NULL = the defaults */
  gboolean        bom;          /* CSV: start with a UTF-8 BOM (for Excel) */
  gboolean        neutralise;   /* CSV: formula-injection guard; TRUE by default */
  char            delimiter;    /* CSV: ',' by default */
} SlExportOptions;

SlExportOptions *sl_export_options_new  (SlExportFormat          format) G_GNUC_WARN_UNUSED_RESULT;
SlExportOptions *sl_export_options_copy (const SlExportOptions  *options) G_GNUC_WARN_UNUSED_RESULT;
void             sl_export_options_free (SlExportOptions        *options);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlExportOptions, sl_export_options_free)

/* Parses "name,email, skills" into column ids, checking each
 * (SL_EXPORT_ERROR_COLUMN names the unknown one). */
GStrv      sl_export_parse_columns      (const char             *list,
                                         GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* One CSV cell of @column for @profile (NULL when empty).  @row_info
 * supplies what is not in the profile itself. */
typedef struct
{
  gint64      profile_id;
  const char *uuid;
  const char *created_at;
  const char *updated_at;
  int         experience_months;  /* -1 = unknown */
} SlExportRowInfo;

char      *sl_export_cell               (const char             *column,
                                         const SlProfile        *profile,
                                         const SlExportRowInfo  *row_info) G_GNUC_WARN_UNUSED_RESULT;

/* Writes the export to @stream (not closed).  The database is read through
 * its own read-only connection to the file @store was opened on.
 * @n_written (nullable) gets the number of candidates written. */
gboolean   sl_export_to_stream          (SlStore                *store,
                                         const SlExportOptions  *options,
                                         GOutputStream          *stream,
                                         guint64                *n_written,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* The same, to @file (replaced atomically), on a worker thread. */
void       sl_export_to_file_async      (SlStore                *store,
                                         const SlExportOptions  *options,
                                         GFile                  *file,
                                         GCancellable           *cancellable,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
gboolean   sl_export_to_file_finish     (GAsyncResult           *result,
                                         guint64                *n_written,
                                         GError                **error);

/* JSON Resume, one file per candidate in @directory (created when
 * missing), named after the candidate: "ada-lovelace-1a2b3c4d.json". */
gboolean   sl_export_json_resume_files  (SlStore                *store,
                                         const SlExportOptions  *options,
                                         GFile                  *directory,
                                         guint64                *n_written,
                                         GCancellable           *cancellable,
                                         GError                **error);

/* One stored profile as a JSON Resume document (pretty). */
char      *sl_export_json_resume_one    (SlStore                *store,
                                         gint64                  profile_id,
                                         GError                **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
