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

/* The team sync password, keyed by "user@host:port/database"; finish with
 * the api-key _finish functions above. */
void      sl_secret_lookup_sync_password  (const char          *server,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
void      sl_secret_store_sync_password   (const char          *server,
                                           const char          *password,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);

G_END_DECLS
