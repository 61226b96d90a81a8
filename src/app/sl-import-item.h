/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-import-item.h: one file on the Imports page: its intake row as the
 * pipeline last reported it.
 */
#pragma once

#include <glib-object.h>

#include "store/sl-store-intake.h"

G_BEGIN_DECLS

#define SL_TYPE_IMPORT_ITEM (sl_import_item_get_type ())
G_DECLARE_FINAL_TYPE (SlImportItem, sl_import_item, SL, IMPORT_ITEM, GObject)

SlImportItem *sl_import_item_new            (gint64                qid) G_GNUC_WARN_UNUSED_RESULT;
/* Takes the row's current values; notifies what changed. */
void          sl_import_item_update         (SlImportItem         *self,
                                             const SlIntakeRecord *record);
gint64        sl_import_item_get_qid        (SlImportItem *self);
const char   *sl_import_item_get_name       (SlImportItem *self);
const char   *sl_import_item_get_path       (SlImportItem *self);
const char   *sl_import_item_get_source     (SlImportItem *self);
const char   *sl_import_item_get_status     (SlImportItem *self);
const char   *sl_import_item_get_error      (SlImportItem *self);
gint64        sl_import_item_get_profile_id (SlImportItem *self);

/* The status in words a recruiter understands (with the error when failed). */
char         *sl_import_item_describe       (SlImportItem *self) G_GNUC_WARN_UNUSED_RESULT;
/* 0 … 1 through the stages. */
double        sl_import_item_get_fraction   (SlImportItem *self);
gboolean      sl_import_item_is_final       (SlImportItem *self);

G_END_DECLS
