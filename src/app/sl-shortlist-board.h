/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-shortlist-board.h: a job's shortlist as one column per stage (New …
 * Rejected) with a card per candidate.  A card moves by drag and drop or,
 * from the keyboard, with its menu's "Move to"; each card's menu also has
 * the note for this job, the stage history, the profile and removal.
 */
#pragma once

#include <adwaita.h>

#include "rank/sl-shortlist.h"

G_BEGIN_DECLS

#define SL_TYPE_SHORTLIST_BOARD (sl_shortlist_board_get_type ())
G_DECLARE_FINAL_TYPE (SlShortlistBoard, sl_shortlist_board, SL, SHORTLIST_BOARD, GtkWidget)

/* Shows job @job_id's shortlist from @store (the main thread's
 * connection; the shortlist is small), 0 = none. */
void           sl_shortlist_board_set_job      (SlShortlistBoard *self,
                                                SlStore          *store,
                                                gint64            job_id);
gboolean       sl_shortlist_board_reload       (SlShortlistBoard *self,
                                                GError          **error);
void           sl_shortlist_board_set_blind    (SlShortlistBoard *self,
                                                gboolean          blind);
/* (element-type SlShortlistEntry) as shown, by stage. */
GPtrArray     *sl_shortlist_board_get_entries  (SlShortlistBoard *self);

/* What a drop on a column and the card menu's "Move to" do. */
gboolean       sl_shortlist_board_move         (SlShortlistBoard *self,
                                                gint64            candidate_id,
                                                SlStage           stage,
                                                GError          **error);
gboolean       sl_shortlist_board_set_note     (SlShortlistBoard *self,
                                                gint64            candidate_id,
                                                const char       *note,
                                                GError          **error);

/* "Added as New · 28/11/26 19:40\nNew → Contacted · …" for a stage history
 * (element-type SlStageChange). */
char          *sl_shortlist_describe_history   (GPtrArray        *history) G_GNUC_WARN_UNUSED_RESULT;

/* The drop target of @stage's column (for the tests). */
GtkDropTarget *sl_shortlist_board_get_drop_target (SlShortlistBoard *self,
                                                   SlStage           stage);

G_END_DECLS
