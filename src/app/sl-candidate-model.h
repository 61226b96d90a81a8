/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-candidate-model.h: a GListModel of SlCandidateItem over a search of the
 * database that reads rows only when they are asked for. Setting a query
 * counts its hits (one short query) and reads the first page; every other
 * page is read in a worker thread on its own read connection when a widget
 * first asks for one of its items, which arrives as a placeholder and is
 * filled in place. At most a bounded number of pages stay cached.
 *
 * Nothing here waits on the database on the main thread: a query is checked
 * for syntax at once, then counted and its first page read in the worker;
 * the rows change in one items-changed when that arrives ("loading" is TRUE
 * meanwhile, and the previous rows stay).
 */
#pragma once

#include <gio/gio.h>

#include "sl-candidate-item.h"
#include "sl-candidate-query.h"

G_BEGIN_DECLS

#define SL_CANDIDATE_MODEL_PAGE_SIZE 100

#define SL_TYPE_CANDIDATE_MODEL (sl_candidate_model_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateModel, sl_candidate_model, SL, CANDIDATE_MODEL, GObject)

/* @store: the main thread's connection (count and first page); workers open
 * their own read-only connection to the same file. */
SlCandidateModel *sl_candidate_model_new        (SlStore          *store) G_GNUC_WARN_UNUSED_RESULT;

/* Runs @query; FALSE with the store's query error (and the model unchanged)
 * when it is malformed. The new rows arrive later (see "loading"). */
gboolean          sl_candidate_model_set_query  (SlCandidateModel *self,
                                                 const char       *query,
                                                 GError          **error);
const char       *sl_candidate_model_get_query  (SlCandidateModel *self);
void              sl_candidate_model_set_sort   (SlCandidateModel *self,
                                                 SlCandidateSort   sort,
                                                 gboolean          descending);
/* Re-reads the current query (after imports or edits). */
void              sl_candidate_model_refresh    (SlCandidateModel *self);

gboolean          sl_candidate_model_get_loading (SlCandidateModel *self);

/* Pages read so far (for tests and the benchmark). */
guint             sl_candidate_model_get_pages_loaded (SlCandidateModel *self);

G_END_DECLS
