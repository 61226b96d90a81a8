/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-sync-preferences.h: the "Team Sync" preferences page: server, port,
 * database, user, password (keyring), TLS mode, interval and Sync Now.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwPreferencesPage *sl_sync_preferences_page_new (GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
