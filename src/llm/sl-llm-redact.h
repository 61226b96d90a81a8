/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-redact.h: keep personal data on this machine.
 *
 * E-mail addresses, phone numbers and street addresses in the resume text are
 * replaced by placeholders ([EMAIL_1], [PHONE_1], [ADDRESS_1]) before the
 * text goes to a provider; the answer's strings get the originals back.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _SlLlmRedactionMap SlLlmRedactionMap;

/* Redacts @text; returns the text to send and fills @out_map (free with
 * sl_llm_redaction_map_free). */
char              *sl_llm_redact                 (const char          *text,
                                                  SlLlmRedactionMap  **out_map) G_GNUC_WARN_UNUSED_RESULT;
void               sl_llm_redaction_map_free     (SlLlmRedactionMap   *map);

/* Number of placeholders of a kind ("EMAIL", "PHONE", "ADDRESS"). */
guint              sl_llm_redaction_map_count    (const SlLlmRedactionMap *map,
                                                  const char              *kind);

/* A copy of @s with every placeholder replaced by its original. */
char              *sl_llm_redaction_restore      (const SlLlmRedactionMap *map,
                                                  const char              *s) G_GNUC_WARN_UNUSED_RESULT;

/* Restores every string value inside @node, in place. */
void               sl_llm_redaction_restore_node (const SlLlmRedactionMap *map,
                                                  JsonNode                *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlLlmRedactionMap, sl_llm_redaction_map_free)

G_END_DECLS
