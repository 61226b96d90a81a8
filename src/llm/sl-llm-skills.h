/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-skills.h: the one place the LLM parser asks the parse room (skills
 * gazetteer, degree levels).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets @canonical (and @category when known) for a skill as written;
 * both NULL when the gazetteer does not know it (or is not built in). */
void sl_llm_skill_canonicalize (const char  *name,
                                char       **canonical,
                                char       **category);

/* The normalised degree level ("master", "bachelor", ...) from the rule
 * parser, or NULL. */
const char *sl_llm_degree_level (const char *degree);

G_END_DECLS
