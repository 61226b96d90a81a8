/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-parser.h: resume text → profile with an LLM, merged with the rule
 * parser's result, falling back to it when the LLM fails.
 *
 * What the intake pipeline calls (from a worker thread):
 *
 *   g_autoptr(GError) llm_error = NULL;
 *   SlProfile *p = sl_llm_parse_with_fallback (client, doc->text, rules_profile,
 *                                              cancellable, &llm_error);
 *
 * p is never NULL: the merged profile ("rules+llm"), or a copy of the rule
 * profile with the LLM failure recorded as a warning (llm_error says why).
 */
#pragma once

#include <gio/gio.h>

#include "core/sl-profile.h"
#include "sl-llm-client.h"

G_BEGIN_DECLS

/* The LLM's own profile: checked against @text, with field notes (source
 * "llm"), model, prompt version, token usage and latency in the metadata.
 * Blocking; for worker threads. */
SlProfile *sl_llm_parse          (SlLlmClient          *client,
                                  const char           *text,
                                  GCancellable         *cancellable,
                                  GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void       sl_llm_parse_async    (SlLlmClient          *client,
                                  const char           *text,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data);
SlProfile *sl_llm_parse_finish   (SlLlmClient          *client,
                                  GAsyncResult         *result,
                                  GError              **error) G_GNUC_WARN_UNUSED_RESULT;

/* Field-by-field merge: contacts (e-mail, phone) from the rules when both
 * have them, structure (work, education, projects, ...) from the LLM, skills
 * united; every field's note says where it came from; parser "rules+llm". */
SlProfile *sl_llm_merge          (const SlProfile      *rules,
                                  const SlProfile      *llm) G_GNUC_WARN_UNUSED_RESULT;

/* sl_llm_parse() merged with @rules; on any LLM failure a copy of @rules
 * with a warning "llm: ... (used the rule parser's result)".  Never NULL.
 * @llm_error (optional) receives the LLM failure. */
SlProfile *sl_llm_parse_with_fallback        (SlLlmClient         *client,
                                              const char          *text,
                                              const SlProfile     *rules,
                                              GCancellable        *cancellable,
                                              GError             **llm_error) G_GNUC_WARN_UNUSED_RESULT;
void       sl_llm_parse_with_fallback_async  (SlLlmClient         *client,
                                              const char          *text,
                                              const SlProfile     *rules,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
SlProfile *sl_llm_parse_with_fallback_finish (SlLlmClient         *client,
                                              GAsyncResult        *result,
                                              GError             **llm_error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
