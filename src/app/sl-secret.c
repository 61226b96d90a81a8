/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "sl-secret.h"

static const SecretSchema *
api_key_schema (void)
{
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

static const SecretSchema *
sync_password_schema (void)
{
  static const SecretSchema schema = {
    "io.github.shortlist.Shortlist.SyncPassword", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  };
  return &schema;
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key, (GDestroyNotify) secret_password_free);
}

static void
lookup_secret (const SecretSchema  *schema,
               const char          *attribute,
               const char          *value,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  secret_password_lookup (schema, cancellable, lookup_cb, task, attribute, value, NULL);
}

void
sl_secret_lookup_api_key (const char          *provider,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (provider != NULL);

  lookup_secret (api_key_schema (), "provider", provider, cancellable, callback, user_data);
}

void
sl_secret_lookup_sync_password (const char          *server,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (server != NULL);

  lookup_secret (sync_password_schema (), "server", server, cancellable, callback, user_data);
}

char *
sl_secret_lookup_api_key_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_autofree char *secret = NULL;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  /* Copy out of secure memory into an ordinary string the caller frees. */
  secret = g_task_propagate_pointer (G_TASK (result), error);
  return g_strdup (secret);
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean ok;

  if (g_task_get_task_data (task) != NULL)
    ok = secret_password_clear_finish (result, &error) || error == NULL;
  else
    ok = secret_password_store_finish (result, &error);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
store_secret (const SecretSchema  *schema,
              const char          *attribute,
              const char          *value,
              const char          *label,
              const char          *secret,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  if (secret == NULL || secret[0] == '\0')
    {
      /* task data marks a clear rather than a store */
      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      secret_password_clear (schema, cancellable, store_cb, task, attribute, value, NULL);
      return;
    }

  secret_password_store (schema, SECRET_COLLECTION_DEFAULT, label, secret,
                         cancellable, store_cb, task, attribute, value, NULL);
}

void
sl_secret_store_api_key (const char          *provider,
                         const char          *key,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (provider != NULL);

  label = g_strdup_printf (_("Shortlist API key for %s"), provider);
  store_secret (api_key_schema (), "provider", provider, label, key, cancellable, callback, user_data);
}

void
sl_secret_store_sync_password (const char          *server,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL);

  label = g_strdup_printf (_("Shortlist team sync password for %s"), server);
  store_secret (sync_password_schema (), "server", server, label, password, cancellable, callback, user_data);
}

gboolean
sl_secret_store_api_key_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
