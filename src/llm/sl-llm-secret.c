/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsecret/secret.h>

#include "sl-llm-secret.h"

static const SecretSchema *
api_key_schema (void)
{
  /* Must match src/app/sl-secret.c. */
  static const SecretSchema schema = {
    "io.github.shortlist.Shortlist.ApiKey", SECRET_SCHEMA_NONE,
    {
      { "provider", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  return &schema;
}

char *
sl_llm_secret_lookup (const char    *provider,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_return_val_if_fail (provider != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return secret_password_lookup_sync (api_key_schema (), cancellable, error,
                                      "provider", provider, NULL);
}

gboolean
sl_llm_secret_store (const char    *provider,
                     const char    *key,
                     gboolean       session,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (key == NULL || key[0] == '\0')
    {
      GError *local = NULL;

      secret_password_clear_sync (api_key_schema (), cancellable, &local,
                                  "provider", provider, NULL);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          return FALSE;
        }
      return TRUE;
    }
  label = g_strdup_printf ("Shortlist API key for %s", provider);
  return secret_password_store_sync (api_key_schema (),
                                     session ? SECRET_COLLECTION_SESSION : SECRET_COLLECTION_DEFAULT,
                                     label, key, cancellable, error,
                                     "provider", provider, NULL);
}

void
sl_llm_secret_free (char *key)
{
  if (key != NULL)
    secret_password_free (key);
}

gboolean
sl_llm_config_load_key_from_keyring (SlLlmConfig   *config,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  char *key;

  g_return_val_if_fail (config != NULL, FALSE);

  if (config->api_key != NULL)
    return TRUE;
  key = sl_llm_secret_lookup (config->preset, cancellable, error);
  if (key == NULL)
    return FALSE;
  sl_llm_config_set_api_key (config, key);
  secret_password_free (key);
  return config->api_key != NULL;
}
