/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-secret.h: API keys in the desktop keyring (libsecret), blocking,
 * for worker threads and the intake pipeline.  Same schema and attribute as
 * the app's preferences (src/app/sl-secret.c): schema
 * "io.github.shortlist.Shortlist.ApiKey", attribute "provider" = preset name.
 */
#pragma once

#include <gio/gio.h>

#include "sl-llm-config.h"

G_BEGIN_DECLS

/* The key for @provider, or NULL (no error) when none is stored.  Free with
 * sl_llm_secret_free(). */
char     *sl_llm_secret_lookup (const char    *provider,
                                GCancellable  *cancellable,
                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Stores (or with @key NULL/empty, removes) the key for @provider in the
 * session collection when @session, else the default one. */
gboolean  sl_llm_secret_store  (const char    *provider,
                                const char    *key,
                                gboolean       session,
                                GCancellable  *cancellable,
                                GError       **error);
void      sl_llm_secret_free   (char *key);

/* Fills config->api_key from the keyring when it has none. TRUE when a key
 * is set afterwards. */
gboolean  sl_llm_config_load_key_from_keyring (SlLlmConfig   *config,
                                               GCancellable  *cancellable,
                                               GError       **error);

G_END_DECLS
