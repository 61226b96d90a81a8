/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-secret.h: the language model API key, kept in the keyring (libsecret),
 * one per provider preset. Never in GSettings, never logged.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      sl_secret_lookup_api_key        (const char          *provider,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The key, or NULL with no error when none is stored. */
char     *sl_secret_lookup_api_key_finish (GAsyncResult        *result,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* Stores @key; an empty key removes the stored one. */
void      sl_secret_store_api_key         (const char          *provider,
                                           const char          *key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean  sl_secret_store_api_key_finish  (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
