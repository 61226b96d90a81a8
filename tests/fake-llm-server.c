/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fake-llm-server.h"

typedef struct
{
  gboolean  raw;
  guint     status;
  char     *body;         /* raw body, or the model's answer text */
  char     *retry_after;
  guint     delay_ms;
} Reply;

struct _FakeLlmServer
{
  GThread      *thread;
  GMainContext *ctx;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;

  GMutex        lock;
  GCond         ready;
  gboolean      started;
  GQueue        script;      /* Reply* */
  Reply        *fallback;
  GPtrArray    *requests;    /* FakeLlmRequest* */
  guint         in_flight;
  guint         max_in_flight;
  guint         counter;
};

static void
reply_free (Reply *r)
{
  if (r == NULL)
    return;
  g_free (r->body);
  g_free (r->retry_after);
  g_free (r);
}

static void
request_free (FakeLlmRequest *r)
{
  g_free (r->method);
  g_free (r->path);
  g_free (r->authorization);
  g_free (r->goog_api_key);
  g_free (r->x_title);
  g_free (r->body);
  g_free (r);
}

static char *
wrap_openai (const char *content,
             const char *model,
             guint       id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  {
    g_autofree char *s = g_strdup_printf ("chatcmpl-%u", id);
    json_builder_add_string_value (b, s);
  }
  json_builder_set_member_name (b, "object");
  json_builder_add_string_value (b, "chat.completion");
  json_builder_set_member_name (b, "created");
  json_builder_add_int_value (b, 1764300000);
  json_builder_set_member_name (b, "model");
  json_builder_add_string_value (b, model ? model : "unknown");
  json_builder_set_member_name (b, "choices");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "index");
  json_builder_add_int_value (b, 0);
  json_builder_set_member_name (b, "message");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "assistant");
  json_builder_set_member_name (b, "content");
  json_builder_add_string_value (b, content);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "finish_reason");
  json_builder_add_string_value (b, "stop");
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "usage");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "prompt_tokens");
  json_builder_add_int_value (b, 1234);
  json_builder_set_member_name (b, "completion_tokens");
  json_builder_add_int_value (b, 321);
  json_builder_set_member_name (b, "total_tokens");
  json_builder_add_int_value (b, 1555);
  json_builder_end_object (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static char *
wrap_gemini (const char *content)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "candidates");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "content");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "parts");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, content);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, "model");
  json_builder_end_object (b);
  json_builder_set_member_name (b, "finishReason");
  json_builder_add_string_value (b, "STOP");
  json_builder_set_member_name (b, "index");
  json_builder_add_int_value (b, 0);
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "usageMetadata");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "promptTokenCount");
  json_builder_add_int_value (b, 987);
  json_builder_set_member_name (b, "candidatesTokenCount");
  json_builder_add_int_value (b, 210);
  json_builder_set_member_name (b, "totalTokenCount");
  json_builder_add_int_value (b, 1197);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "modelVersion");
  json_builder_add_string_value (b, "gemini-test-001");
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static char *
request_model (const char *body)
{
  g_autoptr(JsonParser) p = json_parser_new ();

  if (body == NULL || !json_parser_load_from_data (p, body, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p)))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (
      json_node_get_object (json_parser_get_root (p)), "model", NULL));
}

typedef struct
{
  FakeLlmServer     *self;
  SoupServerMessage *msg;
  guint              status;
  char              *body;
  char              *retry_after;
} Pending;

static void
finish (Pending *p)
{
  SoupMessageHeaders *h = soup_server_message_get_response_headers (p->msg);

  if (p->retry_after)
    soup_message_headers_replace (h, "Retry-After", p->retry_after);
  soup_server_message_set_status (p->msg, p->status, NULL);
  soup_server_message_set_response (p->msg, "application/json", SOUP_MEMORY_COPY,
                                    p->body, strlen (p->body));
  g_mutex_lock (&p->self->lock);
  p->self->in_flight--;
  g_mutex_unlock (&p->self->lock);
}

static gboolean
finish_later (gpointer data)
{
  Pending *p = data;

  finish (p);
  soup_server_message_unpause (p->msg);
  g_object_unref (p->msg);
  g_free (p->body);
  g_free (p->retry_after);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
handler (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           data)
{
  FakeLlmServer *self = data;
  SoupMessageHeaders *h = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  FakeLlmRequest *req = g_new0 (FakeLlmRequest, 1);
  gboolean gemini = g_str_has_suffix (path, ":generateContent");
  gboolean openai = g_str_has_suffix (path, "/chat/completions");
  g_autofree char *model = NULL;
  Reply *r;
  Pending *p;
  guint id;

  req->method = g_strdup (soup_server_message_get_method (msg));
  req->path = g_strdup (path);
  req->authorization = g_strdup (soup_message_headers_get_one (h, "Authorization"));
  req->goog_api_key = g_strdup (soup_message_headers_get_one (h, "x-goog-api-key"));
  req->x_title = g_strdup (soup_message_headers_get_one (h, "X-Title"));
  req->body = g_strndup (body->data, body->length);
  model = request_model (req->body);

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->requests, req);
  self->in_flight++;
  self->max_in_flight = MAX (self->max_in_flight, self->in_flight);
  id = ++self->counter;
  r = g_queue_pop_head (&self->script);
  p = g_new0 (Pending, 1);
  p->self = self;
  p->msg = msg;
  if (r == NULL && self->fallback != NULL)
    {
      r = g_new0 (Reply, 1);
      r->body = g_strdup (self->fallback->body);
      r->delay_ms = self->fallback->delay_ms;
    }
  g_mutex_unlock (&self->lock);

  if (!g_str_equal (req->method, "POST") || (!gemini && !openai))
    {
      p->status = 404;
      p->body = g_strdup ("{\"error\":{\"message\":\"Unknown path\",\"type\":\"invalid_request_error\"}}");
    }
  else if (openai && g_strcmp0 (model, "no-such-model") == 0)
    {
      p->status = 404;
      p->body = g_strdup ("{\"error\":{\"message\":\"The model `no-such-model` does not exist or you do not have access to it.\","
                          "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"model_not_found\"}}");
    }
  else if (r == NULL)
    {
      p->status = 500;
      p->body = g_strdup ("{\"error\":{\"message\":\"no scripted reply\",\"type\":\"server_error\"}}");
    }
  else if (r->raw)
    {
      p->status = r->status;
      g_free (p->body);
      p->body = g_strdup (r->body);
      p->retry_after = g_strdup (r->retry_after);
    }
  else
    {
      p->status = 200;
      g_free (p->body);
      p->body = gemini ? wrap_gemini (r->body) : wrap_openai (r->body, model, id);
    }

  if (r != NULL && r->delay_ms > 0)
    {
      GSource *s = g_timeout_source_new (r->delay_ms);

      g_object_ref (msg);
      soup_server_message_pause (msg);
      g_source_set_callback (s, finish_later, p, NULL);
      g_source_attach (s, self->ctx);
      g_source_unref (s);
    }
  else
    {
      finish (p);
      g_free (p->body);
      g_free (p->retry_after);
      g_free (p);
    }
  reply_free (r);
}

static gpointer
server_thread (gpointer data)
{
  FakeLlmServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->ctx);
  self->server = soup_server_new ("server-header", "fake-llm", NULL);
  soup_server_add_handler (self->server, NULL, handler, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("fake LLM server: %s", error->message);
  uris = soup_server_get_uris (self->server);
  self->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->started = TRUE;
  g_cond_signal (&self->ready);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  while (g_main_context_pending (self->ctx))
    g_main_context_iteration (self->ctx, FALSE);
  g_main_context_pop_thread_default (self->ctx);
  return NULL;
}

FakeLlmServer *
fake_llm_server_new (void)
{
  FakeLlmServer *self = g_new0 (FakeLlmServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready);
  g_queue_init (&self->script);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  self->ctx = g_main_context_new ();
  self->loop = g_main_loop_new (self->ctx, FALSE);
  self->thread = g_thread_new ("fake-llm", server_thread, self);
  g_mutex_lock (&self->lock);
  while (!self->started)
    g_cond_wait (&self->ready, &self->lock);
  g_mutex_unlock (&self->lock);
  return self;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
fake_llm_server_free (FakeLlmServer *self)
{
  GSource *s = g_idle_source_new ();

  g_source_set_callback (s, quit_loop, self->loop, NULL);
  g_source_attach (s, self->ctx);
  g_source_unref (s);
  g_thread_join (self->thread);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->ctx);
  g_queue_clear_full (&self->script, (GDestroyNotify) reply_free);
  reply_free (self->fallback);
  g_ptr_array_unref (self->requests);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready);
  g_free (self);
}

const char *
fake_llm_server_get_url (FakeLlmServer *self)
{
  return self->url;
}

void
fake_llm_server_push_answer (FakeLlmServer *self,
                             const char    *content,
                             guint          delay_ms)
{
  Reply *r = g_new0 (Reply, 1);

  r->body = g_strdup (content);
  r->delay_ms = delay_ms;
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->script, r);
  g_mutex_unlock (&self->lock);
}

void
fake_llm_server_push_status (FakeLlmServer *self,
                             guint          status,
                             const char    *body,
                             const char    *retry_after,
                             guint          delay_ms)
{
  Reply *r = g_new0 (Reply, 1);

  r->raw = TRUE;
  r->status = status;
  r->body = g_strdup (body);
  r->retry_after = g_strdup (retry_after);
  r->delay_ms = delay_ms;
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->script, r);
  g_mutex_unlock (&self->lock);
}

void
fake_llm_server_set_default (FakeLlmServer *self,
                             const char    *content,
                             guint          delay_ms)
{
  Reply *r = NULL;

  if (content != NULL)
    {
      r = g_new0 (Reply, 1);
      r->body = g_strdup (content);
      r->delay_ms = delay_ms;
    }
  g_mutex_lock (&self->lock);
  reply_free (self->fallback);
  self->fallback = r;
  g_mutex_unlock (&self->lock);
}

guint
fake_llm_server_n_requests (FakeLlmServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->requests->len;
  g_mutex_unlock (&self->lock);
  return n;
}

const FakeLlmRequest *
fake_llm_server_get_request (FakeLlmServer *self,
                             guint          i)
{
  const FakeLlmRequest *r;

  g_mutex_lock (&self->lock);
  r = i < self->requests->len ? g_ptr_array_index (self->requests, i) : NULL;
  g_mutex_unlock (&self->lock);
  return r;
}

guint
fake_llm_server_max_in_flight (FakeLlmServer *self)
{
  guint n;

  g_mutex_lock (&self->lock);
  n = self->max_in_flight;
  g_mutex_unlock (&self->lock);
  return n;
}

void
fake_llm_server_reset (FakeLlmServer *self)
{
  g_mutex_lock (&self->lock);
  g_queue_clear_full (&self->script, (GDestroyNotify) reply_free);
  g_ptr_array_set_size (self->requests, 0);
  self->max_in_flight = 0;
  reply_free (self->fallback);
  self->fallback = NULL;
  g_mutex_unlock (&self->lock);
}
