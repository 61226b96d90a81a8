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

/* TRUE from a query's start until all its rows are reported. */
gboolean          sl_candidate_model_get_loading (SlCandidateModel *self);

/* With @n_items > 0, the first answer of a new query (a changed query text)
 * reports at most @n_items rows, enough for the first frame: a list view
 * creates a row widget for every reported item up to its own limit (~200
 * in GTK 4.8), whatever the window shows. The rest is reported, with
 * items-changed at the end, by sl_candidate_model_grow(), which the view
 * calls once those rows are drawn; "loading" stays TRUE until then. A
 * refresh or a new sort reports every row at once. 0 (the default): off. */
void              sl_candidate_model_set_first_screen (SlCandidateModel *self,
                                                       guint             n_items);
/* The current query's count, reported or not yet. */
guint             sl_candidate_model_get_total   (SlCandidateModel *self);
/* TRUE while the answered query reports only its first screen. */
gboolean          sl_candidate_model_get_growing (SlCandidateModel *self);
/* Reports the rest of the answered query's rows; nothing when all are
 * reported or a newer query is on its way (its answer replaces them). */
void              sl_candidate_model_grow        (SlCandidateModel *self);

/* Pages read so far (for tests and the benchmark). */
guint             sl_candidate_model_get_pages_loaded (SlCandidateModel *self);

G_END_DECLS
