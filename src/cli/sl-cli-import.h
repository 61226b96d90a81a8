/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cli-import.h: the pieces of `import` other inputs can reuse.
 *
 * The command collects files (folders recursively), then hands each kind
 * to its importer.  Today only profile JSON (.json, the format
 * sl_profile_to_json writes) is handled; resumes are added by giving
 * sl_cli_import_collect's caller another branch (see sl-cli-import.c).
 */
#pragma once

#include "sl-cli.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  char           *path;
  SlWriteOutcome  outcome;
  gint64          profile_id;   /* 0 when failed */
  GError         *error;        /* set when failed */
} SlImportItem;

SlImportItem *sl_import_item_new  (const char *path) G_GNUC_WARN_UNUSED_RESULT;
void          sl_import_item_free (SlImportItem *item);

/* Expands @paths: files as given, folders recursively (sorted, hidden
 * entries skipped).  A path that does not exist becomes a failed item in
 * @failed. Returns (element-type filename) the files. */
GPtrArray    *sl_cli_import_collect (char      **paths,
                                     GPtrArray  *failed) G_GNUC_WARN_UNUSED_RESULT;

/* Reads the profile JSON files @items (their ->path) and stores them with
 * the bulk path, @batch files per transaction; fills in each item's
 * outcome, profile id or error.  A profile without a source gets
 * "import". */
void          sl_cli_import_profile_json (SlStore   *store,
                                          GPtrArray *items,
                                          guint      batch);

G_END_DECLS
