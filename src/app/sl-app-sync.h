/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-app-sync.h: the app's side of team sync.  One per application: builds
 * an SlSync from the sync-* settings, owns the app.sync-now action and the
 * periodic sync (every sync-interval-minutes), and keeps a one-line status
 * (last sync, changes waiting, last error) that windows show.  Every run,
 * manual or periodic, reads the password from the keyring first, so a
 * password changed there is the one used.
 *
 * Debugging: SHORTLIST_SYNC_MINUTE_SECONDS=N (1-60) makes one minute of
 * sync-interval-minutes last N seconds, to watch the periodic sync without
 * waiting.
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
/* TRUE from Sync now (or the timer) until that run ended, keyring look-up
 * included. */
gboolean    sl_app_sync_is_running (SlAppSync     *self);

/* Shows the status in @label (hidden while there is none). */
void        sl_app_sync_bind_label (SlAppSync     *self,
                                    GtkLabel      *label);

/* Local data changed (an import, an edit, an erasure): reads the count of
 * changes waiting again.  @widget is any widget of one of the windows. */
void        sl_app_sync_local_changed (GtkWidget      *widget);

/* Re-reads the sync-* settings (done on every change of them). */
void        sl_app_sync_reload     (SlAppSync     *self);

/* Stores @password in the keyring for the configured server (an empty one
 * removes it).  A sync asked for meanwhile waits for it, so it uses the
 * new password. */
void        sl_app_sync_store_password        (SlAppSync           *self,
                                               const char          *password,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    sl_app_sync_store_password_finish (SlAppSync           *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* The keyring key of the configured server: "user@host:port/database". */
char       *sl_app_sync_server_key (GSettings     *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
