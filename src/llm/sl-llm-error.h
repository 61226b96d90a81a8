/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-llm-error.h: errors of the LLM parser.  Messages are meant for a
 * recruiter and never contain an API key.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_LLM_ERROR (sl_llm_error_quark ())

typedef enum
{
  SL_LLM_ERROR_UNREACHABLE,      /* DNS, refused connection, TLS, connect timeout */
  SL_LLM_ERROR_RATE_LIMITED,     /* 429 after all retries */
  SL_LLM_ERROR_QUOTA,            /* credits or quota exhausted (402, insufficient_quota) */
  SL_LLM_ERROR_AUTH,             /* 401/403: key missing or rejected */
  SL_LLM_ERROR_MODEL_NOT_FOUND,  /* 404 or "model not found" */
  SL_LLM_ERROR_INVALID_RESPONSE, /* not JSON, schema violated, empty answer */
  SL_LLM_ERROR_TIMEOUT,          /* the total timeout passed */
  SL_LLM_ERROR_CANCELLED,
  SL_LLM_ERROR_CONFIG,           /* unknown provider, bad URL, no model */
  SL_LLM_ERROR_REQUEST,          /* other 4xx: the provider refused the request */
  SL_LLM_ERROR_SERVER,           /* 5xx after all retries */
} SlLlmError;

GQuark sl_llm_error_quark (void);

G_END_DECLS
