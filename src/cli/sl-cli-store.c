/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sl-cli-store.h"

SlStore *
sl_cli_open_store (SlCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  SlStore *store = sl_store_open (ctx->db_path, &error);

  if (store == NULL)
    sl_cli_error ("%s", error->message);
  return store;
}

SlStoredProfile *
sl_cli_find_profile (SlStore     *store,
                     const char  *key,
                     GError     **error)
{
  guint64 id;

  if (g_ascii_string_to_unsigned (key, 10, 1, G_MAXINT64, &id, NULL))
    return sl_store_get_profile (store, (gint64) id, error);
  if (g_uuid_string_is_valid (key))
    return sl_store_get_profile_by_uuid (store, key, error);
  if (strchr (key, '@') != NULL)
    return sl_store_get_profile_by_email (store, key, error);
  g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_INVALID,
               "'%s' is not a profile id, uuid or e-mail address", key);
  return NULL;
}
