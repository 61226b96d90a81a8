/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-cli.h"
#include "sl-cli-llm.h"

GOptionGroup *
sl_cli_llm_option_group (SlCliLlmOptions *opts)
{
  const GOptionEntry entries[] = {
    { "provider", 0, 0, G_OPTION_ARG_STRING, &opts->provider,
      "LLM provider: openai, openrouter, groq, ollama, llamacpp, gemini or custom", "NAME" },
    { "base-url", 0, 0, G_OPTION_ARG_STRING, &opts->base_url,
      "the provider's API base URL (default: the preset's)", "URL" },
    { "model", 0, 0, G_OPTION_ARG_STRING, &opts->model, "the model name", "NAME" },
    { "redact", 0, 0, G_OPTION_ARG_STRING, &opts->redact,
      "replace e-mails, phones and addresses before sending: always, remote (default, all but localhost) or never", "MODE" },
    { "llm-timeout", 0, 0, G_OPTION_ARG_INT, &opts->timeout_s,
      "seconds to wait for one answer (default 120)", "S" },
    { "llm-jobs", 0, 0, G_OPTION_ARG_INT, &opts->jobs,
      "LLM requests in flight at once (default 4)", "N" },
    { NULL },
  };
  GOptionGroup *group = g_option_group_new ("llm", "LLM options (with --parser llm):",
                                            "Show the LLM options", NULL, NULL);

  g_option_group_add_entries (group, entries);
  return group;
}

SlLlmClient *
sl_cli_llm_client_new (const SlCliLlmOptions *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLlmConfig) config = NULL;
  SlLlmClient *client;

  g_return_val_if_fail (opts != NULL, NULL);

  if (opts->provider == NULL)
    {
      sl_cli_error ("--parser llm needs --provider (openai, openrouter, groq, ollama, llamacpp, gemini or custom)");
      return NULL;
    }
  config = sl_llm_config_new_preset (opts->provider, &error);
  if (config == NULL)
    {
      sl_cli_error ("%s", error->message);
      return NULL;
    }
  if (opts->base_url != NULL)
    sl_llm_config_set_base_url (config, opts->base_url);
  sl_llm_config_set_model (config, opts->model);
  if (opts->redact != NULL && !sl_llm_redaction_from_string (opts->redact, &config->redaction))
    {
      sl_cli_error ("--redact must be always, remote or never, not '%s'", opts->redact);
      return NULL;
    }
  if (opts->timeout_s > 0)
    config->timeout_ms = (guint) MIN (opts->timeout_s, 3600) * 1000;
  if (opts->jobs > 0)
    config->max_concurrency = (guint) MIN (opts->jobs, 64);
  sl_llm_config_load_key_from_env (config);

  client = sl_llm_client_new (config, &error);
  if (client == NULL)
    sl_cli_error ("%s", error->message);
  return client;
}

gboolean
sl_cli_llm_for_parser (const char       *parser,
                       SlCliLlmOptions  *opts,
                       SlLlmClient     **client)
{
  g_return_val_if_fail (opts != NULL, FALSE);
  g_return_val_if_fail (client != NULL && *client == NULL, FALSE);

  if (parser != NULL && !g_str_equal (parser, "rules") && !g_str_equal (parser, "llm"))
    sl_cli_error ("--parser must be rules or llm, not '%s'", parser);
  else if (parser != NULL && g_str_equal (parser, "llm"))
    *client = sl_cli_llm_client_new (opts);
  sl_cli_llm_options_clear (opts);
  return parser == NULL || g_str_equal (parser, "rules") || *client != NULL;
}

void
sl_cli_llm_options_clear (SlCliLlmOptions *opts)
{
  g_return_if_fail (opts != NULL);

  g_clear_pointer (&opts->provider, g_free);
  g_clear_pointer (&opts->base_url, g_free);
  g_clear_pointer (&opts->model, g_free);
  g_clear_pointer (&opts->redact, g_free);
}
