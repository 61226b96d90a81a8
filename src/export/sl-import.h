/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-import.h: importing candidates from spreadsheets (CSV) and from JSON
 * Resume / profile JSON files.
 *
 * CSV: parse the file (sl-csv.h), guess a column mapping from the header
 * (English, German, French, Spanish header words), let the user adjust it,
 * preview the first rows as profiles, then import.  Each row succeeds or
 * fails on its own: a row without a name or e-mail, with an e-mail that is
 * not one, or with years that are not a number is reported with its line
 * number, and the other rows are stored.
 */
#pragma once

#include <gio/gio.h>

#include "store/sl-store.h"
#include "sl-csv.h"
#include "sl-json-resume.h"

G_BEGIN_DECLS

typedef enum
{
  SL_IMPORT_FIELD_IGNORE = 0,
  SL_IMPORT_FIELD_NAME,
  SL_IMPORT_FIELD_FIRST_NAME,
  SL_IMPORT_FIELD_LAST_NAME,
  SL_IMPORT_FIELD_EMAIL,
  SL_IMPORT_FIELD_PHONE,
  SL_IMPORT_FIELD_LOCATION,
  SL_IMPORT_FIELD_CITY,
  SL_IMPORT_FIELD_COUNTRY,
  SL_IMPORT_FIELD_TITLE,
  SL_IMPORT_FIELD_COMPANY,
  SL_IMPORT_FIELD_YEARS,
  SL_IMPORT_FIELD_SKILLS,        /* several columns allowed */
  SL_IMPORT_FIELD_LANGUAGES,
  SL_IMPORT_FIELD_EDUCATION,
  SL_IMPORT_FIELD_LINKS,         /* several columns allowed */
  SL_IMPORT_FIELD_HEADLINE,
  SL_IMPORT_FIELD_SUMMARY,
  SL_IMPORT_N_FIELDS
} SlImportField;

/* Stable id ("email") and translated label ("E-mail") of a field. */
const char    *sl_import_field_id        (SlImportField  field);
const char    *sl_import_field_label     (SlImportField  field);
/* SL_IMPORT_FIELD_IGNORE for an unknown id. */
SlImportField  sl_import_field_from_id   (const char    *id);

/* The field a header names, e.g. "E-Mail-Adresse" → EMAIL, or IGNORE. */
SlImportField  sl_import_guess_field     (const char    *header);

/* A mapping is a GArray of SlImportField (stored as int), one per column of
 * the table's first row.  Guessing uses each single-valued field once (the
 * first column that names it). */
GArray        *sl_csv_import_guess_mapping (const SlCsvTable *table) G_GNUC_WARN_UNUSED_RESULT;

/* Overrides @mapping with @spec, "Header=field,Other Header=field" (the
 * CLI's --map): headers match case-insensitively after trimming, fields
 * are ids ("email", "ignore", ...).  A single-valued field named here is
 * taken away from any other column that had it by guess.  FALSE with
 * SL_EXPORT_ERROR_COLUMN for a header the file lacks, an unknown field or
 * a single-valued field named twice; @mapping is unchanged then. */
gboolean       sl_csv_import_apply_map   (const SlCsvTable *table,
                                          GArray           *mapping,
                                          const char       *spec,
                                          GError          **error);

typedef struct
{
  guint           line;        /* 1-based line in the file (CSV) or item number (JSON) */
  SlProfile      *profile;     /* the mapped profile (preview), or NULL */
  SlWriteOutcome  outcome;     /* after an import */
  gint64          profile_id;  /* after an import; 0 when failed */
  GError         *error;       /* set when this row failed */
} SlImportResult;

void           sl_import_result_free     (SlImportResult *result);
/* Why @result failed, without the "Line N: " its error message starts
 * with (the caller shows the line itself); NULL when it did not fail. */
const char    *sl_import_result_reason   (const SlImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlImportResult, sl_import_result_free)

/* Counts @results (element-type SlImportResult) as stored new, stored as
 * an update, or failed; each out-parameter is nullable. */
void           sl_import_results_count   (GPtrArray        *results,
                                          guint            *created,
                                          guint            *updated,
                                          guint            *failed);

/* Row @index of @table (1 = the first row after the header) as a profile
 * (source "import"), or NULL with SL_EXPORT_ERROR_ROW. */
SlProfile     *sl_csv_import_row         (const SlCsvTable *table,
                                          guint             index,
                                          const GArray     *mapping,
                                          GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* The first @n data rows mapped, without storing anything.
 * (element-type SlImportResult) */
GPtrArray     *sl_csv_import_preview     (const SlCsvTable *table,
                                          const GArray     *mapping,
                                          guint             n) G_GNUC_WARN_UNUSED_RESULT;

/* Maps and stores every data row (in batches, one transaction each).
 * Returns one result per data row (element-type SlImportResult), or NULL
 * with @error when nothing could be stored at all. */
GPtrArray     *sl_csv_import             (SlStore          *store,
                                          const SlCsvTable *table,
                                          const GArray     *mapping,
                                          GCancellable     *cancellable,
                                          GError          **error) G_GNUC_WARN_UNUSED_RESULT;

typedef enum
{
  SL_IMPORT_KIND_UNKNOWN,
  SL_IMPORT_KIND_CSV,
  SL_IMPORT_KIND_JSON_RESUME,
  SL_IMPORT_KIND_PROFILE_JSON,
} SlImportKind;

/* What a file holds, from its name and first bytes: .csv/.tsv (or text
 * with a delimiter and no '{'/'[' start) → CSV; JSON whose object (or
 * first array item) has a "basics" object → JSON Resume; other JSON →
 * profile JSON. */
SlImportKind   sl_import_detect          (const char       *path,
                                          const char       *data,
                                          gsize             length);

/* Imports one .csv (guessed mapping) or .json file (a JSON Resume or a
 * profile, or an array of them) into @store.  Per-row / per-item results
 * as above; NULL with @error when the file cannot be read or is neither.
 * @kind (nullable) gets what the file was. */
GPtrArray     *sl_import_file            (SlStore          *store,
                                          const char       *path,
                                          SlImportKind     *kind,
                                          GCancellable     *cancellable,
                                          GError          **error) G_GNUC_WARN_UNUSED_RESULT;

/* For `shortlist-cli import`: TRUE for the files this room imports —
 * .csv/.tsv, and .json files holding JSON Resume (a "basics" object). */
gboolean       sl_import_path_is_exchange (const char     *path);

/* sl_import_file with the per-row results folded into counts: @created and
 * @updated (nullable) count stored rows, @profile_id (nullable) gets the
 * last stored one.  FALSE with @error when the file failed or any row did;
 * the message names each failed row ("2 of 6 rows not imported: Line 3:
 * …").  Rows that succeeded are stored either way.  @csv_map (nullable):
 * overrides for a CSV file's guessed mapping, see sl_csv_import_apply_map;
 * ignored for JSON. */
gboolean       sl_import_file_summarised (SlStore         *store,
                                          const char      *path,
                                          const char      *csv_map,
                                          guint           *created,
                                          guint           *updated,
                                          gint64          *profile_id,
                                          GError         **error);

/* sl_import_file on a worker thread with its own connection to @store's
 * database. */
void           sl_import_file_async      (SlStore            *store,
                                          GFile              *file,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
/* The same for a CSV file with @mapping (copied; one field per column of
 * its header, as the user set it) in place of the guess.  The file is read
 * again on the worker; a header with another number of columns fails with
 * SL_EXPORT_ERROR_INVALID.  Finish with sl_import_file_finish. */
void           sl_csv_import_file_async  (SlStore            *store,
                                          GFile              *file,
                                          const GArray       *mapping,
                                          GCancellable       *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer            user_data);
GPtrArray     *sl_import_file_finish     (GAsyncResult       *result,
                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
