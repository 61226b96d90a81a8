/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-preferences-window.h: every setting, bound to GSettings; the API key
 * goes to the keyring.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SL_TYPE_PREFERENCES_WINDOW (sl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (SlPreferencesWindow, sl_preferences_window, SL, PREFERENCES_WINDOW, AdwPreferencesWindow)

SlPreferencesWindow *sl_preferences_window_new (GSettings *settings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
