/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The LLM parser against a real HTTP server on 127.0.0.1 that speaks the
 * OpenAI chat-completions and Gemini generateContent wire formats.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "core/sl-json.h"
#include "llm/sl-llm.h"
#include "llm/sl-llm-answer.h"
#include "llm/sl-llm-redact.h"
#include "llm/sl-llm-text.h"
#include "fake-llm-server.h"

#define TEST_KEY "sk-test-9f8e7d6c5b4a39281706"

/* An invented resume. */
static const char resume_text[] =
  "Jane Q. Doe\n"
  "Senior Backend Engineer\n"
  "jane.doe@example.org | +49 30 1234 5678 | github.com/janedoe\n"
  "Hauptstraße 5, 10115 Berlin, Germany\n"
  "\n"
  "EXPERIENCE\n"
  "Acme Robotics GmbH — Senior Backend Engineer\n"
  "03/2019 – present\n"
  "- Built the order pipeline in Go and PostgreSQL\n"
  "\n"
  "Globex Corporation — Software Developer\n"
  "Jan 2015 - Feb 2019\n"
  "\n"
  "EDUCATION\n"
  "Technische Universität Berlin — M.Sc. Computer Science, 2014\n"
  "\n"
  "SKILLS\n"
  "Go, Python, PostgreSQL, Kubernetes\n"
  "\n"
  "LANGUAGES\n"
  "German (native), English (C1)\n";

/* What a model answers for the redacted text. */
static const char good_answer[] =
  "{\"basics\":{\"name\":\"Jane Q. Doe\",\"label\":\"Senior Backend Engineer\","
  "\"email\":\"[EMAIL_1]\",\"phone\":\"[PHONE_1]\",\"url\":\"https://github.com/janedoe\","
  "\"location\":{\"address\":\"[ADDRESS_1]\",\"city\":\"Berlin\",\"countryCode\":\"DE\"}},"
  "\"work\":[{\"name\":\"Acme Robotics GmbH\",\"position\":\"Senior Backend Engineer\","
  "\"startDate\":\"2019-03\",\"endDate\":\"present\",\"highlights\":[\"Built the order pipeline in Go and PostgreSQL\"]},"
  "{\"name\":\"Globex Corporation\",\"position\":\"Software Developer\",\"startDate\":\"Jan 2015\",\"endDate\":\"02/2019\"}],"
  "\"education\":[{\"institution\":\"Technische Universität Berlin\",\"studyType\":\"M.Sc.\","
  "\"area\":\"Computer Science\",\"endDate\":2014}],"
  "\"skills\":[{\"name\":\"Go\"},{\"name\":\"Languages\",\"keywords\":[\"Python\",\"go\"]},{\"name\":\"PostgreSQL\"},{\"name\":\"Kubernetes\"}],"
  "\"languages\":[{\"language\":\"German\",\"fluency\":\"native\"},{\"language\":\"English\",\"fluency\":\"C1\"}]}";

/* The same answer with unredacted contacts (for runs without redaction). */
static char *
plain_answer (void)
{
  GString *s = g_string_new (good_answer);

  g_string_replace (s, "[EMAIL_1]", "jane.doe@example.org", 0);
  g_string_replace (s, "[PHONE_1]", "+49 30 1234 5678", 0);
  g_string_replace (s, "[ADDRESS_1]", "Hauptstraße 5", 0);
  return g_string_free (s, FALSE);
}

/* Everything logged, to prove the key never is. */
static GString *log_capture;
static GMutex log_lock;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         data)
{
  g_mutex_lock (&log_lock);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (log_capture, "%s\n", (const char *) fields[i].value);
  g_mutex_unlock (&log_lock);
  return g_log_writer_default (level, fields, n_fields, data);
}

typedef struct
{
  FakeLlmServer *server;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->server = fake_llm_server_new ();
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  fake_llm_server_free (f->server);
}

static SlLlmConfig *
make_config (Fixture    *f,
             const char *preset)
{
  g_autoptr(GError) error = NULL;
  SlLlmConfig *c = sl_llm_config_new_preset (preset, &error);
  g_autofree char *base = NULL;

  g_assert_no_error (error);
  if (g_str_equal (preset, "gemini"))
    base = g_strdup (fake_llm_server_get_url (f->server));
  else
    base = g_strconcat (fake_llm_server_get_url (f->server), "/v1", NULL);
  sl_llm_config_set_base_url (c, base);
  sl_llm_config_set_model (c, g_str_equal (preset, "gemini") ? "gemini-test" : "test-model");
  sl_llm_config_set_api_key (c, TEST_KEY);
  c->backoff_base_ms = 20;
  c->backoff_max_ms = 3000;
  c->max_retries = 3;
  c->timeout_ms = 5000;
  c->connect_timeout_ms = 2000;
  return c;
}

static SlLlmClient *
make_client (SlLlmConfig *c)
{
  g_autoptr(GError) error = NULL;
  SlLlmClient *client = sl_llm_client_new (c, &error);

  g_assert_no_error (error);
  return client;
}

static JsonObject *
parse_body (const FakeLlmRequest *req,
            JsonParser           *parser)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, req->body, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
has_warning (const SlProfile *p,
             const char      *needle)
{
  for (guint i = 0; i < p->meta.warnings->len; i++)
    if (strstr (g_ptr_array_index (p->meta.warnings, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_no_key (const char *s)
{
  if (s != NULL)
    {
      g_assert_null (strstr (s, TEST_KEY));
      g_assert_null (strstr (s, "sk-test"));
    }
}

/* ---- pure helpers ------------------------------------------------------- */

static void
test_dates (void)
{
  struct { const char *in; const char *out; gboolean present; } cases[] = {
    { "2019", "2019", FALSE },
    { "2019-03", "2019-03", FALSE },
    { "2019-3-7", "2019-03-07", FALSE },
    { "03/2019", "2019-03", FALSE },
    { "Jan 2015", "2015-01", FALSE },
    { "March 2019", "2019-03", FALSE },
    { "2020.11", "2020-11", FALSE },
    { "15.04.2021", "2021-04-15", FALSE },
    { "2019-02-30", "2019-02", FALSE },
    { "Summer 2018", "2018", FALSE },
    { "present", NULL, TRUE },
    { "Current", NULL, TRUE },
    { "soon", NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean present = FALSE;
      g_autofree char *d = sl_llm_normalize_date (cases[i].in, &present);

      g_assert_cmpstr (d, ==, cases[i].out);
      g_assert_cmpint (present, ==, cases[i].present);
    }
}

static void
test_redact (void)
{
  g_autoptr(SlLlmRedactionMap) map = NULL;
  g_autofree char *out = sl_llm_redact (resume_text, &map);
  g_autofree char *back = NULL;

  g_assert_null (strstr (out, "jane.doe@example.org"));
  g_assert_null (strstr (out, "1234 5678"));
  g_assert_null (strstr (out, "Hauptstraße 5"));
  g_assert_nonnull (strstr (out, "[EMAIL_1]"));
  g_assert_nonnull (strstr (out, "[PHONE_1]"));
  g_assert_nonnull (strstr (out, "[ADDRESS_1]"));
  /* Dates are not phone numbers. */
  g_assert_nonnull (strstr (out, "03/2019 – present"));
  g_assert_nonnull (strstr (out, "Jan 2015 - Feb 2019"));
  g_assert_cmpuint (sl_llm_redaction_map_count (map, "EMAIL"), ==, 1);
  g_assert_cmpuint (sl_llm_redaction_map_count (map, "PHONE"), ==, 1);
  back = sl_llm_redaction_restore (map, out);
  g_assert_cmpstr (back, ==, resume_text);

  g_assert_false (sl_llm_looks_like_phone ("2015 - 2019"));
  g_assert_false (sl_llm_looks_like_phone ("01/2015 - 03/2019"));
  g_assert_true (sl_llm_looks_like_phone ("(555) 123-4567"));
  g_assert_true (sl_llm_looks_like_phone ("+44 20 7946 0958"));
}

static void
test_extract_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) a = sl_llm_extract_json ("Sure! Here it is:\n```json\n{\"basics\": {\"name\": \"A {B}\"}}\n```\nAnything else?", &error);
  g_autoptr(JsonNode) b = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_node_get_object (a), "basics"), "name"), ==, "A {B}");
  b = sl_llm_extract_json ("{\"basics\": {\"name\": \"cut off", &error);
  g_assert_null (b);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
  g_assert_null (sl_llm_extract_json ("I cannot help with that.", &error));
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
}

static void
test_cut (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *cut = NULL;
  gboolean was_cut = FALSE;

  for (int i = 0; i < 20; i++)
    g_string_append_printf (s, "SECTION %d\nline one of section %d\nline two ü\n\n", i, i);
  cut = sl_llm_cut_text (s->str, 200, &was_cut);
  g_assert_true (was_cut);
  g_assert_cmpint (g_utf8_strlen (cut, -1), <=, 200);
  g_assert_cmpint (g_utf8_strlen (cut, -1), >=, 100);
  /* Cut at a blank line: the last section is whole. */
  g_assert_true (g_str_has_suffix (cut, "line two ü\n"));
  g_free (cut);
  cut = sl_llm_cut_text ("short", 200, &was_cut);
  g_assert_false (was_cut);
  g_assert_cmpstr (cut, ==, "short");
}

static void
test_config (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLlmConfig) c = sl_llm_config_new_preset ("ollama", &error);
  g_autoptr(SlLlmConfig) g = sl_llm_config_new_preset ("openrouter", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (c->base_url, ==, "http://localhost:11434/v1");
  g_assert_cmpuint (c->max_concurrency, ==, 4);
  g_assert_true (sl_llm_config_is_loopback (c));
  g_assert_false (sl_llm_config_should_redact (c));
  c->redaction = SL_LLM_REDACT_ALWAYS;
  g_assert_true (sl_llm_config_should_redact (c));
  g_assert_false (sl_llm_config_is_loopback (g));
  g_assert_true (sl_llm_config_should_redact (g));
  g->redaction = SL_LLM_REDACT_NEVER;
  g_assert_false (sl_llm_config_should_redact (g));
  sl_llm_config_set_base_url (g, "http://[::1]:8080/v1/");
  g_assert_cmpstr (g->base_url, ==, "http://[::1]:8080/v1");
  g_assert_true (sl_llm_config_is_loopback (g));
  g_assert_cmpstr (sl_llm_config_env_key_name (g), ==, "OPENROUTER_API_KEY");

  /* A hosted provider without a key is a clear configuration error. */
  sl_llm_config_set_model (g, "m");
  g_assert_false (sl_llm_config_validate (g, &error));
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "OPENROUTER_API_KEY"));
  g_clear_error (&error);

  g_assert_null (sl_llm_config_new_preset ("claude-on-a-stick", &error));
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CONFIG);
}

static void
test_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) bad = json_from_string ("{\"basics\":{\"name\":\"X\"},\"work\":[{\"name\":{\"a\":1}}]}", NULL);
  g_autoptr(JsonNode) missing = json_from_string ("{\"work\":[]}", NULL);
  g_autoptr(JsonNode) coerce = json_from_string ("{\"basics\":{\"name\":\"X\",\"phone\":4930123},\"skills\":{\"name\":\"Go\"},\"work\":null}", NULL);
  JsonObject *o;

  g_assert_false (sl_llm_schema_validate (bad, sl_llm_schema (), &error));
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "$.work[0].name"));
  g_clear_error (&error);
  g_assert_false (sl_llm_schema_validate (missing, sl_llm_schema (), &error));
  g_assert_nonnull (strstr (error->message, "basics"));
  g_clear_error (&error);

  g_assert_true (sl_llm_schema_validate (coerce, sl_llm_schema (), &error));
  g_assert_no_error (error);
  o = json_node_get_object (coerce);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "basics"), "phone"), ==, "4930123");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "skills")), ==, 1);
  g_assert_false (json_object_has_member (o, "work"));
}

/* ---- against the server ------------------------------------------------- */

static void
test_openai_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const FakeLlmRequest *req;
  JsonObject *body, *rf;
  const SlWorkEntry *w;

  c->redaction = SL_LLM_REDACT_ALWAYS;  /* loopback is not redacted by default */
  client = make_client (c);
  fake_llm_server_push_answer (f->server, good_answer, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);

  /* What the server received. */
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);
  req = fake_llm_server_get_request (f->server, 0);
  g_assert_cmpstr (req->method, ==, "POST");
  g_assert_cmpstr (req->path, ==, "/v1/chat/completions");
  g_assert_cmpstr (req->authorization, ==, "Bearer " TEST_KEY);
  g_assert_null (req->goog_api_key);
  body = parse_body (req, parser);
  g_assert_cmpstr (json_object_get_string_member (body, "model"), ==, "test-model");
  g_assert_cmpfloat (json_object_get_double_member (body, "temperature"), ==, 0.0);
  rf = json_object_get_object_member (body, "response_format");
  g_assert_cmpstr (json_object_get_string_member (rf, "type"), ==, "json_schema");
  g_assert_true (json_object_has_member (json_object_get_object_member (
      json_object_get_object_member (json_object_get_object_member (rf, "json_schema"), "schema"),
      "properties"), "work"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (body, "messages")), ==, 2);
  /* Redaction: the e-mail, phone and street never left. */
  g_assert_null (strstr (req->body, "jane.doe@example.org"));
  g_assert_null (strstr (req->body, "1234 5678"));
  g_assert_null (strstr (req->body, "Hauptstra"));
  g_assert_nonnull (strstr (req->body, "[EMAIL_1]"));
  g_assert_nonnull (strstr (req->body, "[PHONE_1]"));
  g_assert_nonnull (strstr (req->body, "Acme Robotics"));

  /* What came back, restored and checked. */
  g_assert_cmpstr (p->personal.name, ==, "Jane Q. Doe");
  g_assert_cmpstr (p->personal.email, ==, "jane.doe@example.org");
  g_assert_cmpstr (p->personal.phone, ==, "+49 30 1234 5678");
  g_assert_cmpstr (p->personal.headline, ==, "Senior Backend Engineer");
  g_assert_cmpstr (p->personal.city, ==, "Berlin");
  g_assert_cmpuint (p->personal.links->len, ==, 1);
  g_assert_cmpuint (p->work->len, ==, 2);
  w = g_ptr_array_index (p->work, 0);
  g_assert_cmpstr (w->company, ==, "Acme Robotics GmbH");
  g_assert_cmpstr (w->start, ==, "2019-03");
  g_assert_true (w->current);
  g_assert_null (w->end);
  g_assert_nonnull (strstr (w->description, "order pipeline"));
  w = g_ptr_array_index (p->work, 1);
  g_assert_cmpstr (w->start, ==, "2015-01");
  g_assert_cmpstr (w->end, ==, "2019-02");
  g_assert_cmpuint (p->education->len, ==, 1);
  g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (p->education, 0))->end, ==, "2014");
  g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (p->education, 0))->degree, ==, "M.Sc.");
  /* Skills: groups flattened, duplicates ("go") folded. */
  g_assert_cmpuint (p->skills->len, ==, 4);
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (p->skills, 1))->name, ==, "Python");
  /* Canonical names and categories from the rule parser's gazetteer. */
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (p->skills, 1))->canonical, ==, "Python");
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (p->skills, 1))->category, ==, "Programming Languages");
  g_assert_cmpstr (((SlSkill *) g_ptr_array_index (p->skills, 2))->canonical, ==, "PostgreSQL");
  g_assert_cmpstr (((SlEducationEntry *) g_ptr_array_index (p->education, 0))->level, ==, "master");
  g_assert_cmpuint (p->languages->len, ==, 2);
  /* Metadata from the wire. */
  g_assert_cmpstr (p->meta.parser, ==, "llm");
  g_assert_cmpstr (p->meta.model, ==, "test-model");
  g_assert_cmpstr (p->meta.prompt_version, ==, SL_LLM_PROMPT_VERSION);
  g_assert_cmpint (p->meta.prompt_tokens, ==, 1234);
  g_assert_cmpint (p->meta.completion_tokens, ==, 321);
  g_assert_cmpfloat (p->meta.llm_latency_ms, >, 0);
  g_assert_cmpint (p->meta.experience_months, >, 48);
  g_assert_cmpstr (sl_profile_get_field_note (p, "work[0]")->source, ==, "llm");
  g_assert_cmpuint (p->meta.warnings->len, ==, 0);
}

static void
test_gemini_good (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "gemini");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *answer = plain_answer ();
  const FakeLlmRequest *req;
  JsonObject *body, *gc, *schema;

  fake_llm_server_push_answer (f->server, answer, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);

  req = fake_llm_server_get_request (f->server, 0);
  g_assert_cmpstr (req->method, ==, "POST");
  g_assert_cmpstr (req->path, ==, "/v1beta/models/gemini-test:generateContent");
  g_assert_cmpstr (req->goog_api_key, ==, TEST_KEY);
  g_assert_null (req->authorization);
  body = parse_body (req, parser);
  g_assert_true (json_object_has_member (body, "contents"));
  g_assert_true (json_object_has_member (body, "systemInstruction"));
  gc = json_object_get_object_member (body, "generationConfig");
  g_assert_cmpstr (json_object_get_string_member (gc, "responseMimeType"), ==, "application/json");
  g_assert_cmpfloat (json_object_get_double_member (gc, "temperature"), ==, 0.0);
  schema = json_object_get_object_member (gc, "responseSchema");
  g_assert_cmpstr (json_object_get_string_member (schema, "type"), ==, "OBJECT");
  g_assert_true (json_object_has_member (json_object_get_object_member (schema, "properties"), "education"));
  /* Loopback + default "remote" mode: sent as is. */
  g_assert_nonnull (strstr (req->body, "jane.doe@example.org"));

  g_assert_cmpstr (p->personal.email, ==, "jane.doe@example.org");
  g_assert_cmpstr (p->meta.model, ==, "gemini-test-001");
  g_assert_cmpint (p->meta.prompt_tokens, ==, 987);
  g_assert_cmpint (p->meta.completion_tokens, ==, 210);
  g_assert_cmpuint (p->work->len, ==, 2);
}

static void
test_fenced (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "groq");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *plain = plain_answer ();
  g_autofree char *fenced = g_strdup_printf ("Here is the extracted resume:\n\n```json\n%s\n```\n", plain);
  JsonObject *body;

  fake_llm_server_push_answer (f->server, fenced, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (p->personal.name, ==, "Jane Q. Doe");
  g_assert_cmpuint (p->work->len, ==, 2);
  /* Groq's preset asks for json_object and puts the schema in the prompt. */
  body = parse_body (fake_llm_server_get_request (f->server, 0), parser);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (body, "response_format"), "type"), ==, "json_object");
  g_assert_nonnull (strstr (fake_llm_server_get_request (f->server, 0)->body, "JSON schema"));
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;

  fake_llm_server_push_answer (f->server, "{\"basics\": {\"name\": \"Jane Q. Doe\", \"email\": ", 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);
}

static void
test_schema_violation (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;

  fake_llm_server_push_answer (f->server, "{\"basics\":{\"name\":\"Jane\"},\"work\":\"many places\",\"education\":[[1,2]]}", 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "schema"));
}

static void
test_invented_contacts (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  const SlFieldNote *n;

  fake_llm_server_push_answer (f->server,
      "{\"basics\":{\"name\":\"Jane Q. Doe\",\"email\":\"jane@invented-domain.example\","
      "\"phone\":\"+1 212 555 0199\",\"url\":\"https://linkedin.com/in/not-jane\"},"
      "\"work\":[{\"name\":\"Acme Robotics GmbH\",\"position\":\"Senior Backend Engineer\"},"
      "{\"name\":\"Initech Corp\",\"position\":\"Chief Astronaut\"}]}", 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (p->personal.email);
  g_assert_null (p->personal.phone);
  g_assert_cmpuint (p->personal.links->len, ==, 0);
  g_assert_true (has_warning (p, "e-mail"));
  g_assert_true (has_warning (p, "phone"));
  g_assert_true (has_warning (p, "URL"));
  g_assert_cmpuint (p->work->len, ==, 2);
  n = sl_profile_get_field_note (p, "work[0]");
  g_assert_cmpfloat (n->confidence, >=, 0.5);
  n = sl_profile_get_field_note (p, "work[1]");
  g_assert_nonnull (n);
  g_assert_cmpfloat (n->confidence, <, 0.5);
  g_assert_true (has_warning (p, "work[1]"));
}

static void
test_retry_after (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openrouter");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autofree char *answer = plain_answer ();
  gint64 t0;
  double elapsed_ms;

  c->backoff_base_ms = 10;
  sl_llm_config_set_header (c, "X-Title", "Shortlist");
  client = make_client (c);
  fake_llm_server_push_status (f->server, 429,
      "{\"error\":{\"message\":\"Rate limit exceeded: limit_rpm/test\",\"code\":429}}", "1", 0);
  fake_llm_server_push_answer (f->server, answer, 0);
  t0 = g_get_monotonic_time ();
  p = sl_llm_parse (client, resume_text, NULL, &error);
  elapsed_ms = (g_get_monotonic_time () - t0) / 1000.0;
  g_assert_no_error (error);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
  /* Extra headers go with every attempt. */
  g_assert_cmpstr (fake_llm_server_get_request (f->server, 1)->x_title, ==, "Shortlist");
  /* Retry-After: 1 was honoured over the 10 ms backoff. */
  g_assert_cmpfloat (elapsed_ms, >=, 950);
  g_assert_cmpstr (g_hash_table_lookup (p->meta.extras, "llm.attempts"), ==, "2");

  /* A wait far beyond the cap: give up at once and say why. */
  g_clear_pointer (&p, sl_profile_free);
  fake_llm_server_reset (f->server);
  fake_llm_server_push_status (f->server, 429, "{\"error\":{\"message\":\"Rate limit exceeded\",\"code\":429}}", "3600", 0);
  t0 = g_get_monotonic_time ();
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "3600 s"));
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);
  g_assert_cmpint ((g_get_monotonic_time () - t0) / 1000, <, 1000);
}

static void
test_gemini_retry_info (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "gemini");
  g_autoptr(SlLlmConfig) oc = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(SlLlmClient) oclient = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autofree char *answer = plain_answer ();
  gint64 t0;

  c->backoff_base_ms = 10;
  client = make_client (c);
  oclient = make_client (oc);
  /* Gemini says how long to wait in the body, not in a header. */
  fake_llm_server_push_status (f->server, 429,
      "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
      "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"1s\"}]}}",
      NULL, 0);
  fake_llm_server_push_answer (f->server, answer, 0);
  t0 = g_get_monotonic_time ();
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
  g_assert_cmpint ((g_get_monotonic_time () - t0) / 1000, >=, 950);

  /* OpenAI's insufficient_quota is not a rate limit: no retry. */
  g_clear_pointer (&p, sl_profile_free);
  fake_llm_server_push_status (f->server, 429,
      "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
      "\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}}", NULL, 0);
  p = sl_llm_parse (oclient, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_QUOTA);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 3);
}

static void
test_server_error_retry (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autofree char *answer = plain_answer ();

  fake_llm_server_push_status (f->server, 500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}", NULL, 0);
  fake_llm_server_push_status (f->server, 503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}", NULL, 0);
  fake_llm_server_push_answer (f->server, answer, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (p);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 3);

  /* Retries run out: the error says so. */
  fake_llm_server_reset (f->server);
  for (int i = 0; i < 5; i++)
    fake_llm_server_push_status (f->server, 502, "{\"error\":{\"message\":\"bad gateway\"}}", NULL, 0);
  g_clear_pointer (&p, sl_profile_free);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_SERVER);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, c->max_retries + 1);
}

static void
test_schema_downgrade (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openrouter");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autofree char *answer = plain_answer ();
  JsonObject *b1, *b2;

  fake_llm_server_push_status (f->server, 400,
      "{\"error\":{\"message\":\"This model does not support response format `json_schema`\",\"code\":400}}", NULL, 0);
  fake_llm_server_push_answer (f->server, answer, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
  b1 = parse_body (fake_llm_server_get_request (f->server, 0), p1);
  b2 = parse_body (fake_llm_server_get_request (f->server, 1), p2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (b1, "response_format"), "type"), ==, "json_schema");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (b2, "response_format"), "type"), ==, "json_object");
  g_assert_cmpuint (p->work->len, ==, 2);

  /* An empty document never reaches the provider. */
  g_clear_pointer (&p, sl_profile_free);
  p = sl_llm_parse (client, " \n\f ", NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_REQUEST);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
}

static void
test_timeout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  gint64 t0;

  c->timeout_ms = 300;
  client = make_client (c);
  fake_llm_server_push_answer (f->server, good_answer, 2000);
  t0 = g_get_monotonic_time ();
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_TIMEOUT);
  g_assert_cmpint ((g_get_monotonic_time () - t0) / 1000, <, 1500);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);
}

static void
test_auth (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmConfig) gc = make_config (f, "gemini");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(SlLlmClient) gclient = make_client (gc);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;

  /* OpenAI echoes a masked key in its message; none of it may leak. */
  fake_llm_server_push_status (f->server, 401,
      "{\"error\":{\"message\":\"Incorrect API key provided: " TEST_KEY ". You can find your API key at https://platform.openai.com/account/api-keys.\","
      "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}", NULL, 0);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "API key was rejected"));
  assert_no_key (error->message);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);  /* no retry */
  g_clear_error (&error);

  /* Gemini says 400 + API_KEY_INVALID. */
  fake_llm_server_push_status (f->server, 400,
      "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\","
      "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}}",
      NULL, 0);
  p = sl_llm_parse (gclient, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH);
  assert_no_key (error->message);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
}

static void
test_model_not_found (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;

  sl_llm_config_set_model (c, "no-such-model");
  client = make_client (c);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_MODEL_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Model not found"));
  g_assert_nonnull (strstr (error->message, "no-such-model"));
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 1);
}

static void
test_unreachable (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(GSocket) sock = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) lo = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (lo, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;

  /* A port that was free a moment ago and has no listener. */
  g_assert_true (g_socket_bind (sock, addr, TRUE, NULL));
  bound = g_socket_get_local_address (sock, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/v1", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (sock, NULL);
  sl_llm_config_set_base_url (c, url);
  client = make_client (c);
  p = sl_llm_parse (client, resume_text, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_UNREACHABLE);
  assert_no_key (error->message);
}

static gboolean
cancel_soon (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gpointer
cancel_thread (gpointer data)
{
  g_usleep (150 * 1000);
  cancel_soon (data);
  return NULL;
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GThread *t;
  gint64 t0;

  fake_llm_server_push_answer (f->server, good_answer, 3000);
  t = g_thread_new ("cancel", cancel_thread, cancellable);
  t0 = g_get_monotonic_time ();
  p = sl_llm_parse (client, resume_text, cancellable, &error);
  g_thread_join (t);
  g_assert_null (p);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_CANCELLED);
  g_assert_cmpint ((g_get_monotonic_time () - t0) / 1000, <, 2000);
}

typedef struct
{
  guint      pending;
  guint      ok;
  GMainLoop *loop;
} AsyncState;

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  AsyncState *st = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = sl_llm_parse_finish (SL_LLM_CLIENT (source), result, &error);

  g_assert_no_error (error);
  if (p != NULL && g_strcmp0 (p->personal.name, "Jane Q. Doe") == 0)
    st->ok++;
  if (--st->pending == 0)
    g_main_loop_quit (st->loop);
}

static void
test_async_concurrency (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "ollama");
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(SlLlmClient) client2 = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *answer = plain_answer ();
  AsyncState st = { 0, 0, loop };

  c->max_concurrency = 2;
  sl_llm_config_set_api_key (c, NULL);  /* a local model needs none */
  client = make_client (c);
  /* A second client for the same endpoint shares the limit. */
  client2 = make_client (c);
  fake_llm_server_set_default (f->server, answer, 150);
  for (int i = 0; i < 6; i++)
    {
      st.pending++;
      sl_llm_parse_async (i % 2 ? client : client2, resume_text, NULL, parsed_cb, &st);
    }
  g_main_loop_run (loop);
  g_assert_cmpuint (st.ok, ==, 6);
  g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 6);
  g_assert_cmpuint (fake_llm_server_max_in_flight (f->server), ==, 2);
  /* No key configured: no Authorization header at all. */
  g_assert_null (fake_llm_server_get_request (f->server, 0)->authorization);
}

static SlProfile *
rules_profile (void)
{
  SlProfile *r = sl_profile_new ();
  SlWorkEntry *w = sl_work_entry_new ();

  r->personal.name = g_strdup ("Jane Q. Doe");
  r->personal.email = g_strdup ("jane.doe@example.org");
  r->personal.phone = g_strdup ("+493012345678");
  r->meta.parser = g_strdup ("rules");
  r->meta.extraction_method = g_strdup ("plain");
  sl_profile_set_field_note (r, "personal.phone", 0.9, "rules", "line 3");
  w->company = g_strdup ("Acme Robotics GmbH — Senior Backend Engineer");
  g_ptr_array_add (r->work, w);
  g_ptr_array_add (r->skills, sl_skill_new ("Kubernetes", NULL));
  g_ptr_array_add (r->skills, sl_skill_new ("Docker", NULL));
  return r;
}

static void
test_merge_and_fallback (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(SlProfile) rules = rules_profile ();
  g_autoptr(SlProfile) merged = NULL;
  g_autoptr(SlProfile) fallback = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *answer = plain_answer ();
  g_autofree char *json = NULL;
  const SlFieldNote *n;

  fake_llm_server_push_answer (f->server, answer, 0);
  merged = sl_llm_parse_with_fallback (client, resume_text, rules, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (merged->meta.parser, ==, "rules+llm");
  g_assert_cmpstr (merged->meta.extraction_method, ==, "plain");
  g_assert_cmpstr (merged->meta.model, ==, "test-model");
  g_assert_cmpstr (merged->meta.prompt_version, ==, SL_LLM_PROMPT_VERSION);
  g_assert_cmpint (merged->meta.prompt_tokens, ==, 1234);
  /* Contacts from the rules, structure from the LLM. */
  g_assert_cmpstr (merged->personal.phone, ==, "+493012345678");
  n = sl_profile_get_field_note (merged, "personal.phone");
  g_assert_cmpstr (n->source, ==, "rules");
  g_assert_cmpstr (n->provenance, ==, "line 3");
  g_assert_cmpuint (merged->work->len, ==, 2);
  g_assert_cmpstr (((SlWorkEntry *) g_ptr_array_index (merged->work, 0))->company, ==, "Acme Robotics GmbH");
  g_assert_cmpstr (sl_profile_get_field_note (merged, "work[1]")->source, ==, "llm");
  g_assert_cmpstr (sl_profile_get_field_note (merged, "personal.headline")->source, ==, "llm");
  /* Skills united: the LLM's four plus the rules' Docker. */
  g_assert_cmpuint (merged->skills->len, ==, 5);
  g_assert_cmpstr (sl_profile_get_field_note (merged, "skills")->source, ==, "rules+llm");
  /* The merged profile survives the JSON round trip and holds no key. */
  json = sl_profile_to_json (merged, FALSE);
  assert_no_key (json);

  /* The LLM fails: the rule result, with the failure recorded. */
  fake_llm_server_push_status (f->server, 401, "{\"error\":{\"message\":\"bad key\",\"code\":\"invalid_api_key\"}}", NULL, 0);
  fallback = sl_llm_parse_with_fallback (client, resume_text, rules, NULL, &error);
  g_assert_nonnull (fallback);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_AUTH);
  g_assert_cmpstr (fallback->meta.parser, ==, "rules");
  g_assert_cmpuint (fallback->work->len, ==, 1);
  g_assert_true (has_warning (fallback, "rule parser"));
  g_free (json);
  json = sl_profile_to_json (fallback, FALSE);
  assert_no_key (json);
}

static void
fallback_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  SlProfile **out = data;
  g_autoptr(GError) error = NULL;

  *out = sl_llm_parse_with_fallback_finish (SL_LLM_CLIENT (source), result, &error);
  g_assert_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE);
}

static void
test_fallback_async (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SlLlmConfig) c = make_config (f, "openai");
  g_autoptr(SlLlmClient) client = make_client (c);
  g_autoptr(SlProfile) rules = rules_profile ();
  SlProfile *result = NULL;

  fake_llm_server_push_answer (f->server, "not json at all", 0);
  sl_llm_parse_with_fallback_async (client, resume_text, rules, NULL, fallback_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (result->personal.name, ==, "Jane Q. Doe");
  g_assert_true (has_warning (result, "llm:"));
  sl_profile_free (result);
}


/* Runs shortlist-cli with @envp additions; returns the exit status. */
static int
run_cli (const char * const *args,
         const char * const *env_add,
         char              **out,
         char              **err)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "SHORTLIST_LLM_API_KEY");
  envp = g_environ_unsetenv (envp, "OPENAI_API_KEY");
  envp = g_environ_unsetenv (envp, "OPENROUTER_API_KEY");
  envp = g_environ_setenv (envp, "G_MESSAGES_DEBUG", "all", TRUE);  /* debug logs too */
  for (guint i = 0; env_add[i]; i += 2)
    envp = g_environ_setenv (envp, env_add[i], env_add[i + 1], TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &wait_status, &error);
  g_assert_no_error (error);
  return WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *base = g_strconcat (fake_llm_server_get_url (f->server), "/v1", NULL);
  g_autofree char *answer = plain_answer ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = NULL;
  const char *env_key[] = { "OPENAI_API_KEY", TEST_KEY, NULL };
  const char *env_none[] = { NULL };
  int status;

  if (g_getenv ("SHORTLIST_CLI") == NULL)
    {
      g_test_skip ("SHORTLIST_CLI not set");
      return;
    }
  dir = g_dir_make_tmp ("test-llm-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_build_filename (dir, "jane.txt", NULL);
  g_file_set_contents (file, resume_text, -1, &error);
  g_assert_no_error (error);

  {
    const char *args[] = { "parse", "--parser", "llm", "--provider", "openai", "--base-url", base,
                           "--model", "test-model", file, NULL };

    /* A good answer: merged profile on stdout, the key only in the header. */
    fake_llm_server_push_answer (f->server, answer, 0);
    status = run_cli (args, env_key, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (err, "llm: request to"));  /* debug logs were on */
    assert_no_key (err);
    assert_no_key (out);
    g_assert_cmpstr (fake_llm_server_get_request (f->server, 0)->authorization, ==, "Bearer " TEST_KEY);
    p = sl_profile_from_json (out, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (p->meta.parser, ==, "rules+llm");
    g_assert_cmpstr (p->meta.model, ==, "test-model");
    g_assert_cmpuint (p->work->len, ==, 2);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&p, sl_profile_free);

    /* The key is rejected: a one-line reason, the rule result, no key. */
    fake_llm_server_push_status (f->server, 401,
        "{\"error\":{\"message\":\"Incorrect API key provided: " TEST_KEY "\",\"code\":\"invalid_api_key\"}}", NULL, 0);
    status = run_cli (args, env_key, &out, &err);
    g_assert_cmpint (status, !=, 2);
    g_assert_nonnull (strstr (err, "API key was rejected"));
    assert_no_key (err);
    assert_no_key (out);
    p = sl_profile_from_json (out, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (p->meta.parser, ==, "rules");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    /* No key for a hosted provider: a usage error naming the variable. */
    const char *args[] = { "parse", "--parser", "llm", "--provider", "openrouter", "--model", "m", file, NULL };

    status = run_cli (args, env_none, &out, &err);
    g_assert_cmpint (status, ==, 2);
    g_assert_nonnull (strstr (err, "OPENROUTER_API_KEY"));
    g_assert_cmpuint (fake_llm_server_n_requests (f->server), ==, 2);
  }
  g_unlink (file);
  g_rmdir (dir);
}

static void
test_no_key_in_logs (void)
{
  /* Runs last: everything the earlier tests logged (debug included). */
  g_mutex_lock (&log_lock);
  g_assert_cmpuint (log_capture->len, >, 0);
  assert_no_key (log_capture->str);
  g_mutex_unlock (&log_lock);
}

int
main (int    argc,
      char **argv)
{
  log_capture = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/llm/dates", test_dates);
  g_test_add_func ("/llm/redact", test_redact);
  g_test_add_func ("/llm/extract-json", test_extract_json);
  g_test_add_func ("/llm/cut", test_cut);
  g_test_add_func ("/llm/config", test_config);
  g_test_add_func ("/llm/schema", test_schema);
#define ADD(path, fn) g_test_add ("/llm/server/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("openai-good", test_openai_good);
  ADD ("gemini-good", test_gemini_good);
  ADD ("fenced", test_fenced);
  ADD ("invalid-json", test_invalid_json);
  ADD ("schema-violation", test_schema_violation);
  ADD ("invented-contacts", test_invented_contacts);
  ADD ("retry-after", test_retry_after);
  ADD ("gemini-retry-info", test_gemini_retry_info);
  ADD ("server-error-retry", test_server_error_retry);
  ADD ("schema-downgrade", test_schema_downgrade);
  ADD ("timeout", test_timeout);
  ADD ("auth", test_auth);
  ADD ("model-not-found", test_model_not_found);
  ADD ("unreachable", test_unreachable);
  ADD ("cancel", test_cancel);
  ADD ("async-concurrency", test_async_concurrency);
  ADD ("merge-and-fallback", test_merge_and_fallback);
  ADD ("fallback-async", test_fallback_async);
  ADD ("cli", test_cli);
#undef ADD
  g_test_add_func ("/llm/server/zz-no-key-in-logs", test_no_key_in_logs);
  return g_test_run ();
}
