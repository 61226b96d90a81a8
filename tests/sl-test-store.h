/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-store.h: a store on a real SQLite file in a fresh temporary
 * folder, and small checks on the files, for any room's tests.
 */
#pragma once

#include "store/sl-store.h"

G_BEGIN_DECLS

typedef struct
{
  char    *dir;
  char    *path;     /* DIR/shortlist.db */
  SlStore *store;
} SlTestStore;

/* Creates the folder ("shortlist-@prefix-XXXXXX") and opens the store. */
void      sl_test_store_open   (SlTestStore *t,
                                const char  *prefix);
/* Closes the store (asserting nothing else holds it) and removes the
 * folder with everything in it. */
void      sl_test_store_close  (SlTestStore *t);

/* The first column of the first row of @sql, read through a connection of
 * its own (so it sees what was committed); -1 when there is no row. */
gint64    sl_test_count        (const char  *db_path,
                                const char  *sql);

/* TRUE when the bytes of @needle occur anywhere in the file. */
gboolean  sl_test_file_contains (const char *path,
                                 const char *needle);

G_END_DECLS
