/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-client.h: one configured LLM provider.
 *
 * Speaks both wire formats (OpenAI-compatible chat completions and Gemini
 * generateContent), asks for structured JSON at temperature 0, and owns the
 * robustness rules: connect and per-attempt timeouts, retries with
 * exponential backoff and jitter on 429/5xx (honouring Retry-After), no retry
 * on 400/401/403/404, and at most max_concurrency requests in flight for
 * this provider across all threads.  Safe to use from any thread.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "sl-llm-config.h"

G_BEGIN_DECLS

#define SL_TYPE_LLM_CLIENT (sl_llm_client_get_type ())
G_DECLARE_FINAL_TYPE (SlLlmClient, sl_llm_client, SL, LLM_CLIENT, GObject)

typedef struct
{
  char   *content;            /* the model's answer text */
  char   *model;              /* as reported by the provider, else as configured */
  gint64  prompt_tokens;      /* -1 when the provider did not say */
  gint64  completion_tokens;  /* -1 when the provider did not say */
  double  latency_ms;         /* first attempt to answer, retries included */
  guint   attempts;
} SlLlmReply;

void          sl_llm_reply_free          (SlLlmReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlLlmReply, sl_llm_reply_free)

/* Validates and copies @config; fails with SL_LLM_ERROR_CONFIG/AUTH. */
SlLlmClient  *sl_llm_client_new          (const SlLlmConfig  *config,
                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;
const SlLlmConfig *sl_llm_client_get_config (SlLlmClient *self);

/* The endpoint requests go to (no key in it). */
char         *sl_llm_client_get_endpoint (SlLlmClient *self) G_GNUC_WARN_UNUSED_RESULT;

/* One structured completion, blocking: for worker threads.  @schema may be
 * NULL (no structured output requested). */
SlLlmReply   *sl_llm_client_complete     (SlLlmClient   *self,
                                          const char    *system_prompt,
                                          const char    *user_text,
                                          JsonNode      *schema,
                                          GCancellable  *cancellable,
                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Runs @func for @task on this provider's own thread pool (max_concurrency
 * threads), so that async callers never hold more than the limit of threads
 * waiting on the network. */
void          sl_llm_client_run_task     (SlLlmClient     *self,
                                          GTask           *task,
                                          GTaskThreadFunc  func);

/* Body sent for a request, for tests and debugging (no key inside). */
char         *sl_llm_client_build_body   (SlLlmClient   *self,
                                          const char    *system_prompt,
                                          const char    *user_text,
                                          JsonNode      *schema) G_GNUC_WARN_UNUSED_RESULT;

/* The JSON schema converted to Gemini's Schema object (OpenAPI subset with
 * upper-case types). */
JsonNode     *sl_llm_schema_to_gemini    (JsonNode *schema) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
