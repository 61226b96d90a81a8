/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cli-store.h: what the store commands (stats, search, show, check,
 * import) share.
 */
#pragma once

#include "sl-cli.h"
#include "store/sl-store.h"

G_BEGIN_DECLS

/* Opens --db (creating it when missing).  On failure prints one line and
 * returns NULL; the caller exits with SL_CLI_USAGE (a configuration
 * problem: unreadable path, a database from a newer Shortlist, ...). */
SlStore *sl_cli_open_store (SlCliContext *ctx) G_GNUC_WARN_UNUSED_RESULT;

/* Finds a stored profile by numeric id, uuid or e-mail address. */
SlStoredProfile *sl_cli_find_profile (SlStore     *store,
                                      const char  *key,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
