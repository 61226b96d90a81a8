/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-text.h: text helpers of the LLM parser (internal to the llm room,
 * exposed for the tests).
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shared compiled patterns (thread-safe, never freed). */
GRegex   *sl_llm_email_regex      (void);
GRegex   *sl_llm_phone_regex      (void);
GRegex   *sl_llm_address_regex    (void);

/* TRUE when a phone-pattern match is plausibly a phone number and not a
 * date range like "2015 - 2019". */
gboolean  sl_llm_looks_like_phone (const char *match);

/* Cuts @text to at most @budget characters (not bytes) at the last
 * section/paragraph boundary (blank line, page break), else the last line
 * break, in the final half of the budget.  Returns a copy; sets @cut to
 * TRUE when something was removed. */
char     *sl_llm_cut_text         (const char *text,
                                   gsize       budget,
                                   gboolean   *cut) G_GNUC_WARN_UNUSED_RESULT;

/* Finds the JSON object in a model's answer: tolerates code fences and
 * prose before or after it.  Returns the parsed object node, or NULL with
 * SL_LLM_ERROR_INVALID_RESPONSE. */
JsonNode *sl_llm_extract_json     (const char  *answer,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* A partial ISO date ("YYYY", "YYYY-MM", "YYYY-MM-DD") from the usual ways
 * dates are written ("03/2019", "March 2019", "2019.03", "Jan 2020"), or
 * NULL.  Sets @present when the text means "until now". */
char     *sl_llm_normalize_date   (const char *s,
                                   gboolean   *present) G_GNUC_WARN_UNUSED_RESULT;

/* Lower-case text with runs of white space folded, for "does it occur in
 * the resume" checks. */
char     *sl_llm_fold_text        (const char *s) G_GNUC_WARN_UNUSED_RESULT;

/* Verification against the source text (@folded_source from
 * sl_llm_fold_text): */
gboolean  sl_llm_text_has_email   (const char *folded_source,
                                   const char *email);
gboolean  sl_llm_text_has_phone   (const char *source,
                                   const char *phone);
gboolean  sl_llm_text_has_url     (const char *folded_source,
                                   const char *url);
gboolean  sl_llm_text_has_phrase  (const char *folded_source,
                                   const char *phrase);

/* Replaces @secret (and nothing else) by "***" in @s; NULL-safe. */
char     *sl_llm_scrub_secret     (const char *s,
                                   const char *secret) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
