/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-cli-llm.h: the LLM options shared by `parse` and `import`
 * (--provider, --base-url, --model, --redact, --llm-timeout, --llm-jobs) and
 * the client built from them.  The key comes from SHORTLIST_LLM_API_KEY or
 * the provider's own variable and is never printed.
 */
#pragma once

#include "llm/sl-llm.h"

G_BEGIN_DECLS

typedef struct
{
  char *provider;
  char *base_url;
  char *model;
  char *redact;
  int   timeout_s;
  int   jobs;
} SlCliLlmOptions;

/* An option group writing into @opts (which must outlive the context). */
GOptionGroup *sl_cli_llm_option_group   (SlCliLlmOptions *opts);

/* The client for @opts, or NULL after printing one line saying what to fix
 * (the caller exits with SL_CLI_USAGE). */
SlLlmClient  *sl_cli_llm_client_new     (const SlCliLlmOptions *opts) G_GNUC_WARN_UNUSED_RESULT;

void          sl_cli_llm_options_clear  (SlCliLlmOptions *opts);

/* For --parser @parser: TRUE with *@client NULL for rules (or no
 * --parser), the client for @opts for llm; FALSE after printing one line
 * (an unknown parser, or what to fix).  Clears @opts either way. */
gboolean      sl_cli_llm_for_parser     (const char       *parser,
                                         SlCliLlmOptions  *opts,
                                         SlLlmClient     **client);

G_END_DECLS
