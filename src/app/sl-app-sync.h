/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-app-sync.h: the app's side of team sync.  One per application: builds
 * an SlSync from the sync-* settings and the keyring's password, owns the
 * app.sync-now action and the periodic sync, and keeps a one-line status
 * (last sync, changes waiting, last error) that windows show.
 */
#pragma once

#include <gtk/gtk.h>

#include "sl-application.h"

G_BEGIN_DECLS

#define SL_TYPE_APP_SYNC (sl_app_sync_get_type ())
G_DECLARE_FINAL_TYPE (SlAppSync, sl_app_sync, SL, APP_SYNC, GObject)

/* Creates the controller for @app (kept on it) and adds app.sync-now. */
void        sl_app_sync_install    (SlApplication *app);
/* The controller of @app, or NULL before sl_app_sync_install(). */
SlAppSync  *sl_app_sync_get        (SlApplication *app);

/* The status line ("" when team sync is not set up). */
const char *sl_app_sync_get_status (SlAppSync     *self);
gboolean    sl_app_sync_is_running (SlAppSync     *self);

/* Shows the status in @label (hidden while there is none). */
void        sl_app_sync_bind_label (SlAppSync     *self,
                                    GtkLabel      *label);

/* Re-reads the settings and the keyring (after the password changed). */
void        sl_app_sync_reload     (SlAppSync     *self);

/* The keyring key of the configured server: "user@host:port/database". */
char       *sl_app_sync_server_key (GSettings     *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
