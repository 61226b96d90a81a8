/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-candidate-item.h: one row of the Candidates list. An item starts as a
 * placeholder (loaded = FALSE) and is filled when its page arrives from the
 * database; bound widgets update through property notifications.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The plain data of one row, as read from the database. */
typedef struct
{
  gint64  profile_id;
  char   *name;
  char   *title;
  char   *company;
  char   *location;
  int     years;        /* whole years of experience, -1 unknown */
  char   *skills;       /* top skills joined with ", " */
  char   *imported;     /* ISO 8601 UTC */
} SlCandidateRow;

SlCandidateRow *sl_candidate_row_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void            sl_candidate_row_free (SlCandidateRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCandidateRow, sl_candidate_row_free)

#define SL_TYPE_CANDIDATE_ITEM (sl_candidate_item_get_type ())
G_DECLARE_FINAL_TYPE (SlCandidateItem, sl_candidate_item, SL, CANDIDATE_ITEM, GObject)

SlCandidateItem *sl_candidate_item_new        (void) G_GNUC_WARN_UNUSED_RESULT;
/* Takes the row's data; notifies every property that changed. */
void             sl_candidate_item_fill       (SlCandidateItem *self,
                                               SlCandidateRow  *row);
gboolean         sl_candidate_item_get_loaded (SlCandidateItem *self);
gint64           sl_candidate_item_get_profile_id (SlCandidateItem *self);
const char      *sl_candidate_item_get_name   (SlCandidateItem *self);

G_END_DECLS
