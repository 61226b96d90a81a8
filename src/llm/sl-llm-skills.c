/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sl-llm-skills.h"

void
sl_llm_skill_canonicalize (const char  *name,
                           char       **canonical,
                           char       **category)
{
  g_return_if_fail (canonical != NULL && category != NULL);

  *canonical = NULL;
  *category = NULL;
  /* Wired to sl_skills_canonicalize() (src/parse/sl-skills.h) once the rule
   * parser's gazetteer is on main; until then skills keep their written
   * name and the merge de-duplicates case-insensitively. */
  (void) name;
}
