/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-config.h: how to reach one LLM provider.
 *
 * Presets fill in the wire format, base URL and structured-output support:
 * "openai", "openrouter", "groq", "ollama" (http://localhost:11434/v1),
 * "llamacpp" (http://localhost:8080/v1) and "gemini".  Any field can be
 * changed afterwards (e.g. base_url for a self-hosted gateway).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SL_LLM_KIND_OPENAI_COMPATIBLE,  /* POST {base}/chat/completions */
  SL_LLM_KIND_GEMINI,             /* POST {base}/v1beta/models/{model}:generateContent */
} SlLlmKind;

typedef enum
{
  SL_LLM_FORMAT_JSON_SCHEMA,  /* response_format json_schema / Gemini responseSchema */
  SL_LLM_FORMAT_JSON_OBJECT,  /* response_format json_object (schema in the prompt only) */
  SL_LLM_FORMAT_NONE,         /* plain text; the answer is still parsed as JSON */
} SlLlmFormat;

typedef enum
{
  SL_LLM_REDACT_REMOTE,  /* default: redact for every host but loopback */
  SL_LLM_REDACT_ALWAYS,
  SL_LLM_REDACT_NEVER,
} SlLlmRedaction;

typedef struct
{
  SlLlmKind       kind;
  char           *preset;            /* "openai", ... or "custom" */
  char           *base_url;          /* without trailing slash */
  char           *model;
  char           *api_key;           /* secret: never logged or stored */
  GHashTable     *extra_headers;     /* (utf8 -> utf8) */
  SlLlmFormat     format;
  SlLlmRedaction  redaction;
  guint           connect_timeout_ms;   /* default 10 000 */
  guint           timeout_ms;           /* whole request incl. retries' each attempt; default 120 000 */
  guint           max_concurrency;      /* requests in flight per provider; default 4 */
  guint           max_retries;          /* on 429/5xx/transient network errors; default 4 */
  guint           backoff_base_ms;      /* first retry delay; default 1000, doubled each time */
  guint           backoff_max_ms;       /* cap on one delay incl. Retry-After; default 60 000 */
  gsize           char_budget;          /* resume text cut beyond this; default 24 000 chars */
} SlLlmConfig;

/* A config for a preset, or NULL with SL_LLM_ERROR_CONFIG for an unknown
 * preset name. */
SlLlmConfig *sl_llm_config_new_preset   (const char  *preset,
                                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SlLlmConfig *sl_llm_config_copy         (const SlLlmConfig *config) G_GNUC_WARN_UNUSED_RESULT;
void         sl_llm_config_free         (SlLlmConfig *config);

/* The preset names, NULL-terminated. */
const char * const *sl_llm_config_presets (void);

void         sl_llm_config_set_base_url (SlLlmConfig *config,
                                         const char  *base_url);
void         sl_llm_config_set_model    (SlLlmConfig *config,
                                         const char  *model);
void         sl_llm_config_set_api_key  (SlLlmConfig *config,
                                         const char  *api_key);
void         sl_llm_config_set_header   (SlLlmConfig *config,
                                         const char  *name,
                                         const char  *value);

/* The provider's own environment variable ("OPENROUTER_API_KEY", ...), or
 * NULL for presets without one. */
const char  *sl_llm_config_env_key_name (const SlLlmConfig *config);

/* Sets api_key from SHORTLIST_LLM_API_KEY, else from the provider's own
 * variable.  Returns TRUE when a key was found. */
gboolean     sl_llm_config_load_key_from_env (SlLlmConfig *config);

/* TRUE when the provider needs a key (hosted providers) and has none. */
gboolean     sl_llm_config_needs_key    (const SlLlmConfig *config);

/* Checks the config can be used (URL parses, model set, ...). */
gboolean     sl_llm_config_validate     (const SlLlmConfig  *config,
                                         GError            **error);

/* TRUE when base_url's host is loopback (localhost, 127.0.0.0/8, ::1). */
gboolean     sl_llm_config_is_loopback  (const SlLlmConfig *config);

/* Whether personal data is redacted before sending, given the mode. */
gboolean     sl_llm_config_should_redact (const SlLlmConfig *config);

gboolean     sl_llm_redaction_from_string (const char     *s,
                                           SlLlmRedaction *out);
const char  *sl_llm_redaction_to_string   (SlLlmRedaction  mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlLlmConfig, sl_llm_config_free)

G_END_DECLS
