/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-answer.h: from a model's JSON Resume answer to a checked SlProfile.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "core/sl-profile.h"

G_BEGIN_DECLS

/* The version of the prompt + schema pair in resources/llm, recorded as
 * the profile's metadata prompt_version. */
#define SL_LLM_PROMPT_VERSION "jsonresume-1.0.0/prompt-1"

/* The prompt and the schema from the compiled-in resources. */
const char *sl_llm_prompt_text   (void);
JsonNode   *sl_llm_schema        (void);   /* (transfer none), shared: do not modify */
const char *sl_llm_schema_text   (void);

/* Validates @node against @schema (the subset used here: type, properties,
 * items, required), coercing what can be coerced in place (numbers to
 * strings and back, a lone value to a one-element array, nulls dropped).
 * Fails with SL_LLM_ERROR_INVALID_RESPONSE naming the offending path. */
gboolean    sl_llm_schema_validate (JsonNode    *node,
                                    JsonNode    *schema,
                                    GError     **error);

/* Maps a validated JSON Resume object to a profile: dates normalised,
 * skills canonicalised, and everything checked against @source_text (the
 * text before redaction): invented e-mails, phones and URLs are dropped with
 * a warning; work entries whose company and title occur nowhere get a
 * low-confidence note.  Field notes record source "llm". */
SlProfile  *sl_llm_answer_to_profile (JsonNode   *resume,
                                      const char *source_text) G_GNUC_WARN_UNUSED_RESULT;

/* The whole answer path in one call (what sl_llm_parse runs on the
 * model's text, and the entry point for fuzzing): find the JSON object in
 * @answer, restore placeholders with @map (may be NULL), validate, map and
 * check against @source_text.  NULL with SL_LLM_ERROR_INVALID_RESPONSE. */
struct _SlLlmRedactionMap;
SlProfile  *sl_llm_answer_parse      (const char                      *answer,
                                      const struct _SlLlmRedactionMap *map,
                                      const char                      *source_text,
                                      GError                         **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
