/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-window-private.h: what the app's tests reach into.
 */
#pragma once

#include "sl-window.h"

G_BEGIN_DECLS

GtkDropTarget *sl_window_get_drop_target (SlWindow *self);
GtkWidget     *sl_window_get_page        (SlWindow   *self,
                                          const char *name);
gboolean       sl_window_get_drop_highlighted (SlWindow *self);

G_END_DECLS
