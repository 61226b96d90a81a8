/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fake-llm-server.h: a real HTTP server on 127.0.0.1 that answers like an
 * OpenAI-compatible chat-completions endpoint ({base}/v1/chat/completions)
 * and like Gemini's generateContent ({base}/v1beta/models/M:generateContent),
 * from a script of replies.  Runs on its own thread, so blocking clients can
 * be tested from the test's thread.  Used by tests/test-llm.c and
 * bench/bench-llm.c.
 */
#pragma once

#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _FakeLlmServer FakeLlmServer;

typedef struct
{
  char     *method;
  char     *path;
  char     *authorization;   /* Authorization header or NULL */
  char     *goog_api_key;    /* x-goog-api-key header or NULL */
  char     *x_title;         /* X-Title header (OpenRouter's app name) or NULL */
  char     *body;
} FakeLlmRequest;

FakeLlmServer *fake_llm_server_new        (void);
void           fake_llm_server_free       (FakeLlmServer *server);

/* "http://127.0.0.1:PORT" */
const char    *fake_llm_server_get_url    (FakeLlmServer *server);

/* The next reply: the model's answer text, wrapped in the wire format that
 * the request's path asks for, after @delay_ms. */
void           fake_llm_server_push_answer (FakeLlmServer *server,
                                            const char    *content,
                                            guint          delay_ms);
/* The next reply: a raw status + JSON body (+ Retry-After when not NULL). */
void           fake_llm_server_push_status (FakeLlmServer *server,
                                            guint          status,
                                            const char    *body,
                                            const char    *retry_after,
                                            guint          delay_ms);
/* When the script is empty: answer @content after @delay_ms. */
void           fake_llm_server_set_default (FakeLlmServer *server,
                                            const char    *content,
                                            guint          delay_ms);

guint          fake_llm_server_n_requests  (FakeLlmServer *server);
/* (transfer none) valid until the server is freed or reset. */
const FakeLlmRequest *fake_llm_server_get_request (FakeLlmServer *server,
                                                   guint          i);
/* Most requests that were in flight at the same time. */
guint          fake_llm_server_max_in_flight (FakeLlmServer *server);
/* Forgets requests and script. */
void           fake_llm_server_reset       (FakeLlmServer *server);

G_END_DECLS
