/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sl-llm-config.h"
#include "sl-llm-error.h"

G_DEFINE_QUARK (sl-llm-error-quark, sl_llm_error)

typedef struct
{
  const char  *name;
  SlLlmKind    kind;
  const char  *base_url;
  SlLlmFormat  format;
  const char  *env_key;     /* provider's own key variable */
  gboolean     needs_key;
} Preset;

/* Structured output: OpenAI, OpenRouter (passes it on to models that support
 * it) and llama.cpp's server take a json_schema; Groq only guarantees
 * json_object for every model, and Ollama's OpenAI endpoint is safest with
 * json_object too (its schema support depends on the version). */
static const Preset presets[] = {
  { "openai",     SL_LLM_KIND_OPENAI_COMPATIBLE, "https://api.openai.com/v1",      SL_LLM_FORMAT_JSON_SCHEMA, "OPENAI_API_KEY",     TRUE },
  { "openrouter", SL_LLM_KIND_OPENAI_COMPATIBLE, "https://openrouter.ai/api/v1",   SL_LLM_FORMAT_JSON_SCHEMA, "OPENROUTER_API_KEY", TRUE },
  { "groq",       SL_LLM_KIND_OPENAI_COMPATIBLE, "https://api.groq.com/openai/v1", SL_LLM_FORMAT_JSON_OBJECT, "GROQ_API_KEY",       TRUE },
  { "ollama",     SL_LLM_KIND_OPENAI_COMPATIBLE, "http://localhost:11434/v1",      SL_LLM_FORMAT_JSON_OBJECT, NULL,                 FALSE },
  { "llamacpp",   SL_LLM_KIND_OPENAI_COMPATIBLE, "http://localhost:8080/v1",       SL_LLM_FORMAT_JSON_SCHEMA, NULL,                 FALSE },
  { "gemini",     SL_LLM_KIND_GEMINI,            "https://generativelanguage.googleapis.com", SL_LLM_FORMAT_JSON_SCHEMA, "GEMINI_API_KEY", TRUE },
  { "custom",     SL_LLM_KIND_OPENAI_COMPATIBLE, NULL,                             SL_LLM_FORMAT_JSON_OBJECT, NULL,                 FALSE },
};

static const char * const preset_names[] = {
  "openai", "openrouter", "groq", "ollama", "llamacpp", "gemini", "custom", NULL
};

const char * const *
sl_llm_config_presets (void)
{
  return preset_names;
}

static const Preset *
find_preset (const char *name)
{
  if (name == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (presets); i++)
    if (g_ascii_strcasecmp (presets[i].name, name) == 0)
      return &presets[i];
  /* Accept a few spellings people use. */
  if (g_ascii_strcasecmp (name, "llama.cpp") == 0 || g_ascii_strcasecmp (name, "llama-cpp") == 0)
    return find_preset ("llamacpp");
  if (g_ascii_strcasecmp (name, "openai-compatible") == 0)
    return find_preset ("custom");
  return NULL;
}

SlLlmConfig *
sl_llm_config_new_preset (const char  *preset,
                          GError     **error)
{
  const Preset *p;
  SlLlmConfig *config;

  g_return_val_if_fail (preset != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = find_preset (preset);
  if (p == NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (char **) preset_names);
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "Unknown LLM provider “%s” (use one of: %s)", preset, names);
      return NULL;
    }

  config = g_new0 (SlLlmConfig, 1);
  config->kind = p->kind;
  config->preset = g_strdup (p->name);
  config->base_url = g_strdup (p->base_url);
  config->format = p->format;
  config->redaction = SL_LLM_REDACT_REMOTE;
  config->extra_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  config->connect_timeout_ms = 10000;
  config->timeout_ms = 120000;
  config->max_concurrency = 4;
  config->max_retries = 4;
  config->backoff_base_ms = 1000;
  config->backoff_max_ms = 60000;
  config->char_budget = 24000;
  return config;
}

SlLlmConfig *
sl_llm_config_copy (const SlLlmConfig *config)
{
  SlLlmConfig *copy;
  GHashTableIter iter;
  gpointer k, v;

  g_return_val_if_fail (config != NULL, NULL);

  copy = g_memdup2 (config, sizeof *config);
  copy->preset = g_strdup (config->preset);
  copy->base_url = g_strdup (config->base_url);
  copy->model = g_strdup (config->model);
  copy->api_key = g_strdup (config->api_key);
  copy->extra_headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, config->extra_headers);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (copy->extra_headers, g_strdup (k), g_strdup (v));
  return copy;
}

void
sl_llm_config_free (SlLlmConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->preset);
  g_free (config->base_url);
  g_free (config->model);
  if (config->api_key != NULL)
    {
      /* Do not leave the secret lying around in freed memory. */
      memset (config->api_key, 0, strlen (config->api_key));
      g_free (config->api_key);
    }
  g_clear_pointer (&config->extra_headers, g_hash_table_unref);
  g_free (config);
}

void
sl_llm_config_set_base_url (SlLlmConfig *config,
                            const char  *base_url)
{
  g_autofree char *url = NULL;

  g_return_if_fail (config != NULL);

  url = g_strstrip (g_strdup (base_url ? base_url : ""));
  while (g_str_has_suffix (url, "/"))
    url[strlen (url) - 1] = '\0';
  g_free (config->base_url);
  config->base_url = url[0] ? g_steal_pointer (&url) : NULL;
}

void
sl_llm_config_set_model (SlLlmConfig *config,
                         const char  *model)
{
  g_return_if_fail (config != NULL);
  g_free (config->model);
  config->model = g_strdup (model);
}

void
sl_llm_config_set_api_key (SlLlmConfig *config,
                           const char  *api_key)
{
  g_autofree char *key = NULL;

  g_return_if_fail (config != NULL);

  if (config->api_key != NULL)
    memset (config->api_key, 0, strlen (config->api_key));
  g_clear_pointer (&config->api_key, g_free);
  if (api_key != NULL)
    {
      key = g_strstrip (g_strdup (api_key));
      if (key[0] != '\0')
        config->api_key = g_steal_pointer (&key);
    }
}

void
sl_llm_config_set_header (SlLlmConfig *config,
                          const char  *name,
                          const char  *value)
{
  g_return_if_fail (config != NULL);
  g_return_if_fail (name != NULL);

  if (value == NULL)
    g_hash_table_remove (config->extra_headers, name);
  else
    g_hash_table_replace (config->extra_headers, g_strdup (name), g_strdup (value));
}

const char *
sl_llm_config_env_key_name (const SlLlmConfig *config)
{
  const Preset *p;

  g_return_val_if_fail (config != NULL, NULL);
  p = find_preset (config->preset);
  return p ? p->env_key : NULL;
}

gboolean
sl_llm_config_load_key_from_env (SlLlmConfig *config)
{
  const char *key;
  const char *own;

  g_return_val_if_fail (config != NULL, FALSE);

  key = g_getenv ("SHORTLIST_LLM_API_KEY");
  own = sl_llm_config_env_key_name (config);
  if ((key == NULL || key[0] == '\0') && own != NULL)
    key = g_getenv (own);
  if (key == NULL || key[0] == '\0')
    return FALSE;
  sl_llm_config_set_api_key (config, key);
  return config->api_key != NULL;
}

gboolean
sl_llm_config_needs_key (const SlLlmConfig *config)
{
  const Preset *p;

  g_return_val_if_fail (config != NULL, FALSE);
  p = find_preset (config->preset);
  return p != NULL && p->needs_key && config->api_key == NULL;
}

gboolean
sl_llm_config_validate (const SlLlmConfig  *config,
                        GError            **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (config != NULL, FALSE);

  if (config->base_url == NULL)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "No base URL for the LLM provider (give --base-url)");
      return FALSE;
    }
  uri = g_uri_parse (config->base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "The LLM base URL “%s” is not an http(s) URL", config->base_url);
      return FALSE;
    }
  if (config->model == NULL || config->model[0] == '\0')
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "No model chosen for the LLM provider (give --model)");
      return FALSE;
    }
  if (sl_llm_config_needs_key (config))
    {
      const char *own = sl_llm_config_env_key_name (config);
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH,
                   "No API key for %s: set SHORTLIST_LLM_API_KEY%s%s",
                   config->preset, own ? " or " : "", own ? own : "");
      return FALSE;
    }
  if (config->max_concurrency == 0)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "The LLM concurrency limit must be at least 1");
      return FALSE;
    }
  return TRUE;
}

gboolean
sl_llm_config_is_loopback (const SlLlmConfig *config)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GInetAddress) addr = NULL;
  g_autofree char *host = NULL;
  const char *h;

  g_return_val_if_fail (config != NULL, FALSE);

  if (config->base_url == NULL)
    return FALSE;
  uri = g_uri_parse (config->base_url, G_URI_FLAGS_NONE, NULL);
  h = uri ? g_uri_get_host (uri) : NULL;
  if (h == NULL)
    return FALSE;
  host = g_ascii_strdown (h, -1);
  if (host[0] == '[')
    {
      /* GUri keeps IPv6 literals bracket-free, but be safe. */
      memmove (host, host + 1, strlen (host));
      if (g_str_has_suffix (host, "]"))
        host[strlen (host) - 1] = '\0';
    }
  if (g_str_equal (host, "localhost") || g_str_has_suffix (host, ".localhost"))
    return TRUE;
  addr = g_inet_address_new_from_string (host);
  return addr != NULL && g_inet_address_get_is_loopback (addr);
}

gboolean
sl_llm_config_should_redact (const SlLlmConfig *config)
{
  g_return_val_if_fail (config != NULL, TRUE);

  switch (config->redaction)
    {
    case SL_LLM_REDACT_ALWAYS:
      return TRUE;
    case SL_LLM_REDACT_NEVER:
      return FALSE;
    case SL_LLM_REDACT_REMOTE:
    default:
      return !sl_llm_config_is_loopback (config);
    }
}

gboolean
sl_llm_redaction_from_string (const char     *s,
                              SlLlmRedaction *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_strcmp0 (s, "remote") == 0)
    *out = SL_LLM_REDACT_REMOTE;
  else if (g_strcmp0 (s, "always") == 0)
    *out = SL_LLM_REDACT_ALWAYS;
  else if (g_strcmp0 (s, "never") == 0)
    *out = SL_LLM_REDACT_NEVER;
  else
    return FALSE;
  return TRUE;
}

const char *
sl_llm_redaction_to_string (SlLlmRedaction mode)
{
  switch (mode)
    {
    case SL_LLM_REDACT_ALWAYS:
      return "always";
    case SL_LLM_REDACT_NEVER:
      return "never";
    case SL_LLM_REDACT_REMOTE:
    default:
      return "remote";
    }
}
