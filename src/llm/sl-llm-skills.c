/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "core/sl-util.h"
#include "parse/sl-rules.h"
#include "parse/sl-skills.h"
#include "sl-llm-skills.h"

void
sl_llm_skill_canonicalize (const char  *name,
                           char       **canonical,
                           char       **category)
{
  const char *canon;
  const char *cat;

  g_return_if_fail (canonical != NULL && category != NULL);

  *canonical = NULL;
  *category = NULL;
  if (sl_str_empty (name))
    return;
  /* The rule parser's gazetteer: the same canonical names whichever parser
   * found the skill, so search and matching see one vocabulary. */
  canon = sl_skills_canonicalize (name);
  if (canon == NULL)
    return;
  *canonical = g_strdup (canon);
  cat = sl_skills_category (canon);
  if (!sl_str_empty (cat))
    *category = g_strdup (cat);
}

const char *
sl_llm_degree_level (const char *degree)
{
  return sl_str_empty (degree) ? NULL : sl_rules_degree_level (degree);
}
