/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-llm-client.h"
#include "sl-llm-error.h"
#include "sl-llm-text.h"

typedef struct _Limiter Limiter;

struct _SlLlmClient
{
  GObject      parent_instance;

  SlLlmConfig *config;
  GThreadPool *pool;

  Limiter     *limiter;
};

/* The limit on requests in flight is per provider endpoint, not per client:
 * every client for the same base URL in this process shares one counter, so
 * a new client per batch cannot exceed it. */
struct _Limiter
{
  char   *key;
  int     ref_count;
  GMutex  lock;
  GCond   cond;
  guint   in_flight;
  guint   limit;
};

G_LOCK_DEFINE_STATIC (limiters);
static GHashTable *limiters;  /* key -> Limiter (borrowed) */

static Limiter *
limiter_get (const char *base_url,
             guint       limit)
{
  g_autofree char *key = g_ascii_strdown (base_url, -1);
  Limiter *l;

  G_LOCK (limiters);
  if (limiters == NULL)
    limiters = g_hash_table_new (g_str_hash, g_str_equal);
  l = g_hash_table_lookup (limiters, key);
  if (l == NULL)
    {
      l = g_new0 (Limiter, 1);
      l->key = g_steal_pointer (&key);
      g_mutex_init (&l->lock);
      g_cond_init (&l->cond);
      g_hash_table_insert (limiters, l->key, l);
    }
  l->ref_count++;
  G_UNLOCK (limiters);

  /* The newest configuration wins. */
  g_mutex_lock (&l->lock);
  l->limit = MAX (limit, 1);
  g_cond_broadcast (&l->cond);
  g_mutex_unlock (&l->lock);
  return l;
}

static void
limiter_unref (Limiter *l)
{
  gboolean last;

  G_LOCK (limiters);
  last = --l->ref_count == 0;
  if (last)
    g_hash_table_remove (limiters, l->key);
  G_UNLOCK (limiters);
  if (!last)
    return;
  g_mutex_clear (&l->lock);
  g_cond_clear (&l->cond);
  g_free (l->key);
  g_free (l);
}

G_DEFINE_FINAL_TYPE (SlLlmClient, sl_llm_client, G_TYPE_OBJECT)

typedef struct
{
  GTask           *task;
  GTaskThreadFunc  func;
} PoolJob;

static void
pool_func (gpointer data,
           gpointer user_data)
{
  PoolJob *job = data;
  GTask *task = job->task;

  job->func (task, g_task_get_source_object (task), g_task_get_task_data (task),
             g_task_get_cancellable (task));
  g_object_unref (task);
  g_free (job);
}

static void
sl_llm_client_finalize (GObject *object)
{
  SlLlmClient *self = SL_LLM_CLIENT (object);

  /* Pending jobs hold a ref on us, so none is left; never wait here (the
   * last unref may happen on a pool thread). */
  g_thread_pool_free (self->pool, FALSE, FALSE);
  g_clear_pointer (&self->config, sl_llm_config_free);
  g_clear_pointer (&self->limiter, limiter_unref);
  G_OBJECT_CLASS (sl_llm_client_parent_class)->finalize (object);
}

static void
sl_llm_client_class_init (SlLlmClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sl_llm_client_finalize;
}

static void
sl_llm_client_init (SlLlmClient *self)
{
}

void
sl_llm_reply_free (SlLlmReply *reply)
{
  if (reply == NULL)
    return;
  g_free (reply->content);
  g_free (reply->model);
  g_free (reply);
}

SlLlmClient *
sl_llm_client_new (const SlLlmConfig  *config,
                   GError            **error)
{
  SlLlmClient *self;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sl_llm_config_validate (config, error))
    return NULL;
  self = g_object_new (SL_TYPE_LLM_CLIENT, NULL);
  self->config = sl_llm_config_copy (config);
  self->limiter = limiter_get (config->base_url, config->max_concurrency);
  self->pool = g_thread_pool_new (pool_func, NULL, (int) config->max_concurrency, FALSE, NULL);
  return self;
}

const SlLlmConfig *
sl_llm_client_get_config (SlLlmClient *self)
{
  g_return_val_if_fail (SL_IS_LLM_CLIENT (self), NULL);
  return self->config;
}

void
sl_llm_client_run_task (SlLlmClient     *self,
                        GTask           *task,
                        GTaskThreadFunc  func)
{
  PoolJob *job;

  g_return_if_fail (SL_IS_LLM_CLIENT (self));
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (func != NULL);

  job = g_new0 (PoolJob, 1);
  job->task = g_object_ref (task);
  job->func = func;
  g_thread_pool_push (self->pool, job, NULL);
}

char *
sl_llm_client_get_endpoint (SlLlmClient *self)
{
  const SlLlmConfig *c;

  g_return_val_if_fail (SL_IS_LLM_CLIENT (self), NULL);

  c = self->config;
  if (c->kind == SL_LLM_KIND_GEMINI)
    {
      const char *model = c->model;
      g_autofree char *escaped = NULL;

      if (g_str_has_prefix (model, "models/"))
        model += strlen ("models/");
      escaped = g_uri_escape_string (model, NULL, FALSE);
      return g_strdup_printf ("%s/v1beta/models/%s:generateContent", c->base_url, escaped);
    }
  return g_strdup_printf ("%s/chat/completions", c->base_url);
}

/* ---- request bodies ---------------------------------------------------- */

static JsonNode *
gemini_schema (JsonObject *schema)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const char *type = json_object_get_string_member_with_default (schema, "type", NULL);

  json_builder_begin_object (b);
  if (type != NULL)
    {
      g_autofree char *up = g_ascii_strup (type, -1);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, up);
    }
  if (json_object_has_member (schema, "description"))
    {
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, json_object_get_string_member (schema, "description"));
    }
  if (json_object_has_member (schema, "properties"))
    {
      JsonObject *props = json_object_get_object_member (schema, "properties");
      g_autoptr(GList) names = json_object_get_members (props);

      json_builder_set_member_name (b, "properties");
      json_builder_begin_object (b);
      for (GList *l = names; l; l = l->next)
        {
          json_builder_set_member_name (b, l->data);
          json_builder_add_value (b, gemini_schema (json_object_get_object_member (props, l->data)));
        }
      json_builder_end_object (b);
    }
  if (json_object_has_member (schema, "items"))
    {
      json_builder_set_member_name (b, "items");
      json_builder_add_value (b, gemini_schema (json_object_get_object_member (schema, "items")));
    }
  if (json_object_has_member (schema, "required"))
    {
      json_builder_set_member_name (b, "required");
      json_builder_add_value (b, json_node_copy (json_object_get_member (schema, "required")));
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
sl_llm_schema_to_gemini (JsonNode *schema)
{
  g_return_val_if_fail (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema), NULL);
  return gemini_schema (json_node_get_object (schema));
}

static char *
build_body (SlLlmClient *self,
            SlLlmFormat  format,
            const char  *system_prompt,
            const char  *user_text,
            JsonNode    *schema);

char *
sl_llm_client_build_body (SlLlmClient *self,
                          const char  *system_prompt,
                          const char  *user_text,
                          JsonNode    *schema)
{
  g_return_val_if_fail (SL_IS_LLM_CLIENT (self), NULL);
  return build_body (self, self->config->format, system_prompt, user_text, schema);
}

static char *
build_body (SlLlmClient *self,
            SlLlmFormat  format,
            const char  *system_prompt,
            const char  *user_text,
            JsonNode    *schema)
{
  const SlLlmConfig *c;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *system = NULL;
  gboolean use_schema;

  g_return_val_if_fail (system_prompt != NULL, NULL);
  g_return_val_if_fail (user_text != NULL, NULL);

  c = self->config;
  use_schema = schema != NULL && format == SL_LLM_FORMAT_JSON_SCHEMA;
  /* Without structured output the model only sees the schema in the prompt. */
  if (schema != NULL && !use_schema)
    {
      g_autofree char *schema_text = sl_json_node_to_string (schema, FALSE);
      system = g_strdup_printf ("%s\nThe answer must follow this JSON schema:\n%s\n",
                                system_prompt, schema_text);
    }
  else
    system = g_strdup (system_prompt);

  json_builder_begin_object (b);
  if (c->kind == SL_LLM_KIND_GEMINI)
    {
      json_builder_set_member_name (b, "systemInstruction");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "parts");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, system);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);

      json_builder_set_member_name (b, "contents");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, "user");
      json_builder_set_member_name (b, "parts");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, user_text);
      json_builder_end_object (b);
      json_builder_end_array (b);
      json_builder_end_object (b);
      json_builder_end_array (b);

      json_builder_set_member_name (b, "generationConfig");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "temperature");
      json_builder_add_double_value (b, 0.0);
      if (format != SL_LLM_FORMAT_NONE)
        {
          json_builder_set_member_name (b, "responseMimeType");
          json_builder_add_string_value (b, "application/json");
        }
      if (use_schema)
        {
          json_builder_set_member_name (b, "responseSchema");
          json_builder_add_value (b, sl_llm_schema_to_gemini (schema));
        }
      json_builder_end_object (b);
    }
  else
    {
      json_builder_set_member_name (b, "model");
      json_builder_add_string_value (b, c->model);
      json_builder_set_member_name (b, "temperature");
      json_builder_add_double_value (b, 0.0);
      json_builder_set_member_name (b, "stream");
      json_builder_add_boolean_value (b, FALSE);
      json_builder_set_member_name (b, "messages");
      json_builder_begin_array (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, "system");
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, system);
      json_builder_end_object (b);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, "user");
      json_builder_set_member_name (b, "content");
      json_builder_add_string_value (b, user_text);
      json_builder_end_object (b);
      json_builder_end_array (b);
      if (format != SL_LLM_FORMAT_NONE)
        {
          json_builder_set_member_name (b, "response_format");
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "type");
          if (use_schema)
            {
              json_builder_add_string_value (b, "json_schema");
              json_builder_set_member_name (b, "json_schema");
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, "json_resume");
              /* strict mode would demand every property be required. */
              json_builder_set_member_name (b, "strict");
              json_builder_add_boolean_value (b, FALSE);
              json_builder_set_member_name (b, "schema");
              json_builder_add_value (b, json_node_copy (schema));
              json_builder_end_object (b);
            }
          else
            json_builder_add_string_value (b, "json_object");
          json_builder_end_object (b);
        }
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return sl_json_node_to_string (root, FALSE);
}

/* ---- the concurrency limit --------------------------------------------- */

static gboolean
acquire_slot (SlLlmClient   *self,
              GCancellable  *cancellable,
              GError       **error)
{
  Limiter *l = self->limiter;
  gboolean ok = TRUE;

  g_mutex_lock (&l->lock);
  while (l->in_flight >= l->limit)
    {
      /* Wake up now and then to notice cancellation. */
      gint64 until = g_get_monotonic_time () + 50 * G_TIME_SPAN_MILLISECOND;

      if (g_cancellable_is_cancelled (cancellable))
        {
          ok = FALSE;
          break;
        }
      g_cond_wait_until (&l->cond, &l->lock, until);
    }
  if (ok)
    l->in_flight++;
  g_mutex_unlock (&l->lock);
  if (!ok)
    g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CANCELLED, "The LLM request was cancelled");
  return ok;
}

static void
release_slot (SlLlmClient *self)
{
  Limiter *l = self->limiter;

  g_mutex_lock (&l->lock);
  g_assert (l->in_flight > 0);
  l->in_flight--;
  g_cond_signal (&l->cond);
  g_mutex_unlock (&l->lock);
}

/* ---- one HTTP attempt on a private main context ----------------------- */

typedef struct
{
  GMainContext *ctx;
  GCancellable *cancel;        /* internal: user cancel, timeouts */
  GSource      *connect_timer;
  GSource      *total_timer;
  gboolean      connect_timed_out;
  gboolean      total_timed_out;
  gboolean      done;
  GBytes       *body;
  GError       *error;
} Attempt;

static gboolean
on_connect_timeout (gpointer data)
{
  Attempt *a = data;

  a->connect_timed_out = TRUE;
  g_cancellable_cancel (a->cancel);
  return G_SOURCE_REMOVE;
}

static gboolean
on_total_timeout (gpointer data)
{
  Attempt *a = data;

  a->total_timed_out = TRUE;
  g_cancellable_cancel (a->cancel);
  return G_SOURCE_REMOVE;
}

static void
on_network_event (SoupMessage        *msg,
                  GSocketClientEvent  event,
                  GIOStream          *connection,
                  gpointer            data)
{
  Attempt *a = data;

  /* Connected (TLS included): from now on only the total timeout counts. */
  if (event == G_SOCKET_CLIENT_COMPLETE && a->connect_timer != NULL)
    {
      g_source_destroy (a->connect_timer);
      g_clear_pointer (&a->connect_timer, g_source_unref);
    }
}

static void
on_user_cancelled (GCancellable *cancellable,
                   gpointer      data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Attempt *a = data;

  a->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &a->error);
  a->done = TRUE;
}

static GSource *
add_timer (GMainContext *ctx,
           guint         ms,
           GSourceFunc   func,
           gpointer      data)
{
  GSource *source = g_timeout_source_new (ms);

  g_source_set_callback (source, func, data, NULL);
  g_source_attach (source, ctx);
  return source;
}

typedef struct
{
  guint   status;
  char   *retry_after;
  char   *retry_delay;   /* from the body (Gemini RetryInfo), seconds */
  GBytes *body;
} HttpResult;

static void
http_result_clear (HttpResult *r)
{
  g_clear_pointer (&r->retry_after, g_free);
  g_clear_pointer (&r->retry_delay, g_free);
  g_clear_pointer (&r->body, g_bytes_unref);
}

static char *
host_of (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : "the provider");
}

/* Network-level failures become SL_LLM_ERROR; FALSE + *retryable says
 * whether another attempt makes sense. */
static gboolean
http_attempt (SlLlmClient   *self,
              const char    *url,
              GBytes        *request,
              HttpResult    *out,
              gboolean      *retryable,
              GCancellable  *cancellable,
              GError       **error)
{
  const SlLlmConfig *c = self->config;
  Attempt a = { 0 };
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autofree char *host = host_of (url);
  SoupMessageHeaders *headers;
  GHashTableIter iter;
  gpointer k, v;
  gulong cancel_id = 0;
  gboolean ok = FALSE;

  *retryable = FALSE;
  a.ctx = g_main_context_new ();
  a.cancel = g_cancellable_new ();
  g_main_context_push_thread_default (a.ctx);

  /* A session per attempt, created on this thread's private context: libsoup
   * 3.2 allows that from any thread, and it keeps attempts independent. */
  session = soup_session_new_with_options ("user-agent", "Shortlist/" PACKAGE_VERSION,
                                           "max-conns-per-host", 1,
                                           NULL);
  msg = soup_message_new ("POST", url);
  if (msg == NULL)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG,
                   "The LLM endpoint is not a valid URL");
      goto out;
    }
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  g_hash_table_iter_init (&iter, c->extra_headers);
  while (g_hash_table_iter_next (&iter, &k, &v))
    soup_message_headers_replace (headers, k, v);
  if (c->api_key != NULL)
    {
      if (c->kind == SL_LLM_KIND_GEMINI)
        soup_message_headers_replace (headers, "x-goog-api-key", c->api_key);
      else
        {
          g_autofree char *bearer = g_strconcat ("Bearer ", c->api_key, NULL);
          soup_message_headers_replace (headers, "Authorization", bearer);
          memset (bearer, 0, strlen (bearer));
        }
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  g_signal_connect (msg, "network-event", G_CALLBACK (on_network_event), &a);

  if (cancellable != NULL)
    cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (on_user_cancelled),
                                       g_object_ref (a.cancel), g_object_unref);
  if (c->connect_timeout_ms > 0)
    a.connect_timer = add_timer (a.ctx, c->connect_timeout_ms, on_connect_timeout, &a);
  if (c->timeout_ms > 0)
    a.total_timer = add_timer (a.ctx, c->timeout_ms, on_total_timeout, &a);

  soup_session_send_and_read_async (session, msg, G_PRIORITY_DEFAULT, a.cancel, on_sent, &a);
  while (!a.done)
    g_main_context_iteration (a.ctx, TRUE);

  if (a.error == NULL)
    {
      const char *ra = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                     "Retry-After");
      out->status = soup_message_get_status (msg);
      out->retry_after = g_strdup (ra);
      out->body = g_steal_pointer (&a.body);
      ok = TRUE;
    }
  else if (g_cancellable_is_cancelled (cancellable))
    g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CANCELLED, "The LLM request was cancelled");
  else if (a.connect_timed_out)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_UNREACHABLE,
                   "Could not connect to %s within %u s", host, (c->connect_timeout_ms + 999) / 1000);
      *retryable = TRUE;
    }
  else if (a.total_timed_out)
    g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_TIMEOUT,
                 "%s did not answer within %.1f s", host, c->timeout_ms / 1000.0);
  else
    {
      g_autofree char *msg_text = sl_llm_scrub_secret (a.error->message, c->api_key);

      /* A dropped connection may be a one-off; a refused one or an unknown
       * host will not get better in a second. */
      *retryable = g_error_matches (a.error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
                   g_error_matches (a.error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
                   g_error_matches (a.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
                   g_error_matches (a.error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT);
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_UNREACHABLE,
                   "Could not reach %s: %s", host, msg_text);
    }

out:
  if (cancel_id != 0)
    g_cancellable_disconnect (cancellable, cancel_id);
  if (a.connect_timer)
    {
      g_source_destroy (a.connect_timer);
      g_source_unref (a.connect_timer);
    }
  if (a.total_timer)
    {
      g_source_destroy (a.total_timer);
      g_source_unref (a.total_timer);
    }
  if (msg != NULL)
    g_signal_handlers_disconnect_by_data (msg, &a);
  soup_session_abort (session);
  g_clear_object (&msg);
  g_clear_object (&session);
  while (g_main_context_pending (a.ctx))
    g_main_context_iteration (a.ctx, FALSE);
  g_main_context_pop_thread_default (a.ctx);
  g_main_context_unref (a.ctx);
  g_object_unref (a.cancel);
  g_clear_pointer (&a.body, g_bytes_unref);
  g_clear_error (&a.error);
  return ok;
}

/* Sleeps @ms unless @cancellable fires first (checked every 10 ms). */
static gboolean
cancellable_sleep (guint          ms,
                   GCancellable  *cancellable,
                   GError       **error)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      gint64 left = until - g_get_monotonic_time ();

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CANCELLED, "The LLM request was cancelled");
          return FALSE;
        }
      if (left <= 0)
        return TRUE;
      g_usleep (MIN (left, 10 * G_TIME_SPAN_MILLISECOND));
    }
}

/* ---- statuses, retries, answers --------------------------------------- */

/* The provider's own error message ("error": {"message": ...}) and code,
 * scrubbed of anything that looks like a key. */
static void
provider_error (SlLlmClient  *self,
                GBytes       *body,
                char        **message,
                char        **code,
                char        **retry_delay)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *err = NULL;

  *message = NULL;
  *code = NULL;
  if (retry_delay != NULL)
    *retry_delay = NULL;
  if (body == NULL || g_bytes_get_size (body) == 0)
    return;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL))
    return;
  root = json_parser_get_root (parser);
  if (root && JSON_NODE_HOLDS_ARRAY (root) && json_array_get_length (json_node_get_array (root)) > 0)
    root = json_array_get_element (json_node_get_array (root), 0);  /* Gemini sometimes wraps it */
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      if (json_object_has_member (o, "error") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "error")))
        err = json_object_get_object_member (o, "error");
    }
  if (err == NULL)
    return;
  if (json_object_has_member (err, "message") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (err, "message")))
    {
      g_autofree char *m = sl_llm_scrub_secret (json_object_get_string_member (err, "message"),
                                                self->config->api_key);
      if (m != NULL && g_utf8_strlen (m, -1) > 200)
        {
          char *cut = g_utf8_substring (m, 0, 200);
          g_free (m);
          m = g_strconcat (cut, "…", NULL);
          g_free (cut);
        }
      *message = g_steal_pointer (&m);
    }
  /* OpenAI: code/type strings; Gemini: status plus details[].reason. */
  {
    GString *codes = g_string_new (NULL);
    const char *members[] = { "code", "type", "status" };

    for (gsize i = 0; i < G_N_ELEMENTS (members); i++)
      if (json_object_has_member (err, members[i]))
        {
          JsonNode *n = json_object_get_member (err, members[i]);
          if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
            g_string_append_printf (codes, "%s ", json_node_get_string (n));
        }
    if (json_object_has_member (err, "details") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (err, "details")))
      {
        JsonArray *details = json_object_get_array_member (err, "details");
        for (guint i = 0; i < json_array_get_length (details); i++)
          {
            JsonNode *d = json_array_get_element (details, i);
            if (JSON_NODE_HOLDS_OBJECT (d) &&
                json_object_has_member (json_node_get_object (d), "reason"))
              g_string_append_printf (codes, "%s ",
                                      json_object_get_string_member_with_default (json_node_get_object (d), "reason", ""));
            /* Gemini's google.rpc.RetryInfo: "retryDelay": "37s". */
            if (JSON_NODE_HOLDS_OBJECT (d) && retry_delay != NULL && *retry_delay == NULL &&
                json_object_has_member (json_node_get_object (d), "retryDelay"))
              {
                const char *delay = json_object_get_string_member_with_default (json_node_get_object (d), "retryDelay", NULL);
                if (delay != NULL)
                  *retry_delay = g_strndup (delay, strspn (delay, "0123456789."));
              }
          }
      }
    *code = g_string_free (codes, FALSE);
  }
}

static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (haystack == NULL)
    return FALSE;
  h = g_ascii_strdown (haystack, -1);
  n = g_ascii_strdown (needle, -1);
  return strstr (h, n) != NULL;
}

/* Maps a non-2xx answer to an error; returns TRUE when a retry may help. */
static gboolean
status_error (SlLlmClient  *self,
              const char   *host,
              HttpResult   *r,
              GError      **error)
{
  const SlLlmConfig *c = self->config;
  g_autofree char *message = NULL;
  g_autofree char *code = NULL;
  gboolean model_missing;

  provider_error (self, r->body, &message, &code, &r->retry_delay);
  model_missing = (contains_ci (message, "model") &&
                   (contains_ci (message, "not found") || contains_ci (message, "does not exist") ||
                    contains_ci (message, "not a valid model") || contains_ci (message, "no such model") ||
                    contains_ci (message, "is not supported")));

  if (r->status == 401 || contains_ci (code, "API_KEY_INVALID") || contains_ci (code, "invalid_api_key"))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH,
                   "The API key was rejected by %s (HTTP %u): check the key", host, r->status);
      return FALSE;
    }
  if (r->status == 403)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH,
                   "The API key is not allowed to use this model or API at %s (HTTP 403)", host);
      return FALSE;
    }
  if (r->status == 404 || (r->status == 400 && model_missing))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_MODEL_NOT_FOUND,
                   "Model not found: “%s” at %s (HTTP %u)", c->model, host, r->status);
      return FALSE;
    }
  if (r->status == 402 || contains_ci (code, "insufficient_quota"))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_QUOTA,
                   "The quota or credits for this API key at %s are used up (HTTP %u)", host, r->status);
      return FALSE;
    }
  if (r->status == 429)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_RATE_LIMITED,
                   "%s is rate-limiting requests (HTTP 429); try fewer at a time or later", host);
      return TRUE;
    }
  if (r->status >= 500 || r->status == 408)
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_SERVER,
                   "%s had a server error (HTTP %u)%s%s", host, r->status,
                   message ? ": " : "", message ? message : "");
      return TRUE;
    }
  g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_REQUEST,
               "%s refused the request (HTTP %u)%s%s", host, r->status,
               message ? ": " : "", message ? message : "");
  return FALSE;
}

/* Retry-After in ms (delta-seconds or an HTTP date), or 0. */
static guint
parse_retry_after (const char *value)
{
  char *end = NULL;
  double secs;

  if (value == NULL)
    return 0;
  secs = g_ascii_strtod (value, &end);
  if (end != value && end != NULL && (*end == '\0' || g_ascii_isspace (*end)))
    return secs > 0 ? (guint) MIN (secs * 1000.0, (double) G_MAXUINT / 2) : 0;
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    GTimeSpan diff;

    if (when == NULL)
      return 0;
    diff = g_date_time_difference (when, now);
    return diff > 0 ? (guint) MIN (diff / 1000, G_MAXUINT / 2) : 0;
  }
}

static gint64
get_int_member (JsonObject *o,
                const char *name)
{
  JsonNode *n;

  if (o == NULL || !json_object_has_member (o, name))
    return -1;
  n = json_object_get_member (o, name);
  if (!JSON_NODE_HOLDS_VALUE (n))
    return -1;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return json_node_get_int (n);
  if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (n);
  return -1;
}

static JsonObject *
obj_member (JsonObject *o,
            const char *name)
{
  JsonNode *n;

  if (o == NULL || !json_object_has_member (o, name))
    return NULL;
  n = json_object_get_member (o, name);
  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonObject *
first_obj (JsonObject *o,
           const char *name)
{
  JsonNode *n;
  JsonArray *a;

  if (o == NULL || !json_object_has_member (o, name))
    return NULL;
  n = json_object_get_member (o, name);
  if (!JSON_NODE_HOLDS_ARRAY (n))
    return NULL;
  a = json_node_get_array (n);
  if (json_array_get_length (a) == 0)
    return NULL;
  n = json_array_get_element (a, 0);
  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static SlLlmReply *
parse_reply (SlLlmClient  *self,
             GBytes       *body,
             GError      **error)
{
  const SlLlmConfig *c = self->config;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlLlmReply) reply = g_new0 (SlLlmReply, 1);
  JsonObject *root;

  reply->prompt_tokens = reply->completion_tokens = -1;
  if (body == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The provider's reply is not the JSON it should be");
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  if (c->kind == SL_LLM_KIND_GEMINI)
    {
      JsonObject *cand = first_obj (root, "candidates");
      JsonObject *content = obj_member (cand, "content");
      JsonObject *usage = obj_member (root, "usageMetadata");
      GString *text = g_string_new (NULL);

      if (content && json_object_has_member (content, "parts") &&
          JSON_NODE_HOLDS_ARRAY (json_object_get_member (content, "parts")))
        {
          JsonArray *parts = json_object_get_array_member (content, "parts");
          for (guint i = 0; i < json_array_get_length (parts); i++)
            {
              JsonNode *pn = json_array_get_element (parts, i);
              if (JSON_NODE_HOLDS_OBJECT (pn))
                g_string_append (text, json_object_get_string_member_with_default (json_node_get_object (pn), "text", ""));
            }
        }
      reply->content = g_string_free (text, FALSE);
      reply->prompt_tokens = get_int_member (usage, "promptTokenCount");
      reply->completion_tokens = get_int_member (usage, "candidatesTokenCount");
      reply->model = g_strdup (json_object_get_string_member_with_default (root, "modelVersion", NULL));
      if (reply->content[0] == '\0')
        {
          JsonObject *feedback = obj_member (root, "promptFeedback");
          const char *reason = feedback ? json_object_get_string_member_with_default (feedback, "blockReason", NULL) : NULL;
          const char *finish = cand ? json_object_get_string_member_with_default (cand, "finishReason", NULL) : NULL;

          g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                       "The model gave no answer (%s)", reason ? reason : finish ? finish : "no candidates");
          return NULL;
        }
    }
  else
    {
      JsonObject *choice = first_obj (root, "choices");
      JsonObject *message = obj_member (choice, "message");
      JsonObject *usage = obj_member (root, "usage");
      JsonNode *content = message && json_object_has_member (message, "content")
                          ? json_object_get_member (message, "content") : NULL;

      if (content == NULL || !JSON_NODE_HOLDS_VALUE (content) ||
          json_node_get_value_type (content) != G_TYPE_STRING)
        {
          const char *refusal = message ? json_object_get_string_member_with_default (message, "refusal", NULL) : NULL;
          g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                       "The model gave no answer%s", refusal ? " (it refused)" : "");
          return NULL;
        }
      reply->content = g_strdup (json_node_get_string (content));
      reply->prompt_tokens = get_int_member (usage, "prompt_tokens");
      reply->completion_tokens = get_int_member (usage, "completion_tokens");
      reply->model = g_strdup (json_object_get_string_member_with_default (root, "model", NULL));
    }
  if (reply->model == NULL || reply->model[0] == '\0')
    {
      g_free (reply->model);
      reply->model = g_strdup (c->model);
    }
  return g_steal_pointer (&reply);
}

static gboolean
schema_unsupported (GBytes *body)
{
  g_autofree char *text = NULL;

  if (body == NULL)
    return FALSE;
  text = g_ascii_strdown (g_bytes_get_data (body, NULL) ? g_bytes_get_data (body, NULL) : "",
                          (gssize) g_bytes_get_size (body));
  return (strstr (text, "response_format") != NULL || strstr (text, "json_schema") != NULL ||
          strstr (text, "structured output") != NULL) &&
         (strstr (text, "not support") != NULL || strstr (text, "unsupported") != NULL ||
          strstr (text, "invalid") != NULL);
}

SlLlmReply *
sl_llm_client_complete (SlLlmClient   *self,
                        const char    *system_prompt,
                        const char    *user_text,
                        JsonNode      *schema,
                        GCancellable  *cancellable,
                        GError       **error)
{
  const SlLlmConfig *c;
  g_autofree char *url = NULL;
  g_autofree char *host = NULL;
  g_autoptr(GBytes) request = NULL;
  double started = sl_monotonic_ms ();
  GError *last = NULL;
  guint retry_after_ms = 0;
  SlLlmFormat format;
  gboolean downgraded = FALSE;
  gboolean skip_wait = FALSE;

  g_return_val_if_fail (SL_IS_LLM_CLIENT (self), NULL);
  g_return_val_if_fail (system_prompt != NULL && user_text != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  c = self->config;
  format = c->format;
  url = sl_llm_client_get_endpoint (self);
  host = host_of (url);
  {
    char *body = build_body (self, format, system_prompt, user_text, schema);
    request = g_bytes_new_take (body, strlen (body));
  }

  for (guint attempt = 0; attempt <= c->max_retries; attempt++)
    {
      HttpResult r = { 0 };
      gboolean retryable = FALSE;

      if (skip_wait)
        skip_wait = FALSE;
      else if (attempt > 0)
        {
          /* Exponential backoff with jitter (50–100 % of the step), or what
           * the provider asked for if that is longer; capped. */
          guint step = c->backoff_base_ms << MIN (attempt - 1, 16u);
          guint wait_ms = step / 2;

          if (step > 1)
            wait_ms += (guint) g_random_int_range (0, (gint32) MIN (step / 2 + 1, (guint) G_MAXINT32));
          wait_ms = MAX (wait_ms, retry_after_ms);
          wait_ms = MIN (wait_ms, c->backoff_max_ms);
          g_debug ("llm: retry %u to %s in %u ms", attempt, host, wait_ms);
          if (!cancellable_sleep (wait_ms, cancellable, error))
            {
              g_clear_error (&last);
              return NULL;
            }
          g_clear_error (&last);
          retry_after_ms = 0;
        }

      if (!acquire_slot (self, cancellable, error))
        {
          g_clear_error (&last);
          return NULL;
        }
      g_debug ("llm: request to %s (attempt %u)", host, attempt + 1);
      if (!http_attempt (self, url, request, &r, &retryable, cancellable, &last))
        {
          release_slot (self);
          if (!retryable)
            break;
          continue;
        }
      release_slot (self);

      if (r.status >= 200 && r.status < 300)
        {
          SlLlmReply *reply = parse_reply (self, r.body, error);

          http_result_clear (&r);
          if (reply != NULL)
            {
              reply->latency_ms = sl_monotonic_ms () - started;
              reply->attempts = attempt + 1;
            }
          return reply;
        }

      g_debug ("llm: %s answered HTTP %u", host, r.status);
      if (r.status == 400 && format == SL_LLM_FORMAT_JSON_SCHEMA && !downgraded &&
          schema_unsupported (r.body))
        {
          /* Not every model behind a gateway takes a json_schema: ask for
           * json_object (schema in the prompt) instead, once, at once. */
          char *body = build_body (self, SL_LLM_FORMAT_JSON_OBJECT, system_prompt, user_text, schema);

          g_debug ("llm: %s refused json_schema; asking for json_object", host);
          g_bytes_unref (request);
          request = g_bytes_new_take (body, strlen (body));
          downgraded = TRUE;
          http_result_clear (&r);
          attempt--;  /* does not count as a retry */
          skip_wait = TRUE;
          continue;
        }
      retryable = status_error (self, host, &r, &last);
      retry_after_ms = MAX (parse_retry_after (r.retry_after), parse_retry_after (r.retry_delay));
      http_result_clear (&r);
      if (retryable && retry_after_ms > c->backoff_max_ms)
        {
          /* Asked to come back much later: say so instead of hammering. */
          g_prefix_error (&last, "Asked to wait %u s: ", (retry_after_ms + 999) / 1000);
          break;
        }
      if (!retryable)
        break;
    }

  g_propagate_error (error, last);
  return NULL;
}
