/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyring helper against a real gnome-keyring in a private D-Bus session
 * (run by tests/run-with-keyring.sh; skipped without a session bus).
 */
#include "config.h"

#include "llm/sl-llm-secret.h"

#define KEY "sk-or-test-keyring-0123456789"

static void
test_store_lookup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLlmConfig) config = sl_llm_config_new_preset ("openrouter", &error);
  char *key;

  if (g_strcmp0 (g_getenv ("DBUS_SESSION_BUS_ADDRESS"), "disabled:") == 0 ||
      g_getenv ("SL_TEST_KEYRING") == NULL)
    {
      g_test_skip ("no private keyring session (run via run-with-keyring.sh)");
      return;
    }

  key = sl_llm_secret_lookup ("openrouter", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);

  g_assert_true (sl_llm_secret_store ("openrouter", KEY, TRUE, NULL, &error));
  g_assert_no_error (error);
  key = sl_llm_secret_lookup ("openrouter", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, KEY);
  sl_llm_secret_free (key);
  /* Per provider. */
  key = sl_llm_secret_lookup ("groq", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);

  g_assert_true (sl_llm_config_load_key_from_keyring (config, NULL, &error));
  g_assert_cmpstr (config->api_key, ==, KEY);

  g_assert_true (sl_llm_secret_store ("openrouter", NULL, TRUE, NULL, &error));
  g_assert_no_error (error);
  key = sl_llm_secret_lookup ("openrouter", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/llm-secret/store-lookup", test_store_lookup);
  return g_test_run ();
}
