/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-llm-answer.h"
#include "sl-llm-error.h"
#include "sl-llm-redact.h"
#include "sl-llm-resources.h"
#include "sl-llm-skills.h"
#include "sl-llm-text.h"

#define RESOURCE_DIR "/io/github/shortlist/Shortlist/llm/"

/* The resource is looked up in the GResource object itself rather than via
 * the global registry: referencing sl_llm_get_resource() is what keeps the
 * generated object file in the link of a static library. */
static GBytes *
load_resource (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resource_lookup_data (sl_llm_get_resource (), path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

const char *
sl_llm_prompt_text (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = load_resource ("prompt-1.txt");
      char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_once_init_leave (&once, (gsize) text);
    }
  return (const char *) once;
}

const char *
sl_llm_schema_text (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = load_resource ("schema-1.json");
      char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_once_init_leave (&once, (gsize) text);
    }
  return (const char *) once;
}

JsonNode *
sl_llm_schema (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonNode *root;

      json_parser_load_from_data (parser, sl_llm_schema_text (), -1, &error);
      g_assert_no_error (error);
      root = json_node_copy (json_parser_get_root (parser));
      json_node_seal (root);
      g_once_init_leave (&once, (gsize) root);
    }
  return (JsonNode *) once;
}

/* ---- validation ------------------------------------------------------ */

static const char *
node_kind (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "object";
    case JSON_NODE_ARRAY:
      return "array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      {
        GType t = json_node_get_value_type (node);
        if (t == G_TYPE_STRING)
          return "string";
        if (t == G_TYPE_BOOLEAN)
          return "boolean";
        return "number";
      }
    }
}

static JsonNode *validate (JsonNode *node, JsonObject *schema, const char *path, GError **error);

/* Returns the node to keep (maybe a new one), NULL with @error set on a
 * violation, or NULL without error when the value is to be dropped. */
static JsonNode *
validate (JsonNode    *node,
          JsonObject  *schema,
          const char  *path,
          GError     **error)
{
  const char *type = json_object_get_string_member_with_default (schema, "type", NULL);

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (type == NULL)
    return json_node_ref (node);

  if (g_str_equal (type, "object"))
    {
      JsonObject *obj;
      JsonObject *props;
      JsonArray *required;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                       "The model's answer does not match the schema: %s should be an object, not %s",
                       path, node_kind (node));
          return NULL;
        }
      obj = json_node_get_object (node);
      props = json_object_has_member (schema, "properties")
              ? json_object_get_object_member (schema, "properties") : NULL;
      if (props != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (obj);

          for (GList *l = names; l; l = l->next)
            {
              const char *name = l->data;
              JsonNode *sub = json_object_get_member (props, name);
              g_autofree char *subpath = NULL;
              JsonNode *kept;
              GError *local = NULL;

              if (sub == NULL || !JSON_NODE_HOLDS_OBJECT (sub))
                continue;  /* unknown members are ignored, not rejected */
              subpath = g_strdup_printf ("%s.%s", path, name);
              kept = validate (json_object_get_member (obj, name), json_node_get_object (sub),
                               subpath, &local);
              if (local != NULL)
                {
                  g_propagate_error (error, local);
                  return NULL;
                }
              if (kept == NULL)
                json_object_remove_member (obj, name);
              else if (kept == json_object_get_member (obj, name))
                json_node_unref (kept);  /* edited in place */
              else
                json_object_set_member (obj, name, kept);
            }
        }
      required = json_object_has_member (schema, "required")
                 ? json_object_get_array_member (schema, "required") : NULL;
      for (guint i = 0; required && i < json_array_get_length (required); i++)
        {
          const char *name = json_array_get_string_element (required, i);
          JsonNode *member = json_object_get_member (obj, name);

          if (member == NULL ||
              (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
               sl_str_empty (json_node_get_string (member))))
            {
              g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                           "The model's answer does not match the schema: %s.%s is required",
                           path, name);
              return NULL;
            }
        }
      return json_node_ref (node);
    }

  if (g_str_equal (type, "array"))
    {
      JsonObject *items = json_object_has_member (schema, "items")
                          ? json_object_get_object_member (schema, "items") : NULL;
      g_autoptr(JsonArray) out = json_array_new ();
      g_autoptr(JsonArray) wrapped = NULL;
      JsonArray *in;
      JsonNode *result;

      if (JSON_NODE_HOLDS_ARRAY (node))
        in = json_node_get_array (node);
      else
        {
          /* A lone value where a list was expected: a list of one. */
          wrapped = json_array_new ();
          json_array_add_element (wrapped, json_node_copy (node));
          in = wrapped;
        }
      for (guint i = 0; i < json_array_get_length (in); i++)
        {
          g_autofree char *subpath = g_strdup_printf ("%s[%u]", path, i);
          GError *local = NULL;
          JsonNode *kept = items ? validate (json_array_get_element (in, i), items, subpath, &local)
                                 : json_node_copy (json_array_get_element (in, i));

          if (local != NULL)
            {
              g_propagate_error (error, local);
              return NULL;
            }
          if (kept != NULL)
            json_array_add_element (out, kept);
        }
      result = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (result, out);
      return result;
    }

  if (g_str_equal (type, "string"))
    {
      if (JSON_NODE_HOLDS_VALUE (node))
        {
          GType t = json_node_get_value_type (node);
          JsonNode *s;

          if (t == G_TYPE_STRING)
            return json_node_ref (node);
          s = json_node_new (JSON_NODE_VALUE);
          if (t == G_TYPE_INT64)
            {
              g_autofree char *v = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
              json_node_set_string (s, v);
            }
          else if (t == G_TYPE_DOUBLE)
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              json_node_set_string (s, g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
            }
          else
            json_node_set_string (s, json_node_get_boolean (node) ? "true" : "false");
          return s;
        }
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The model's answer does not match the schema: %s should be a string, not %s",
                   path, node_kind (node));
      return NULL;
    }

  if (g_str_equal (type, "number") || g_str_equal (type, "integer"))
    {
      if (JSON_NODE_HOLDS_VALUE (node))
        {
          GType t = json_node_get_value_type (node);

          if (t == G_TYPE_INT64 || t == G_TYPE_DOUBLE)
            return json_node_ref (node);
          if (t == G_TYPE_STRING)
            {
              const char *str = json_node_get_string (node);
              char *end = NULL;
              double v = g_ascii_strtod (str, &end);

              if (end != str && end != NULL && *end == '\0')
                {
                  JsonNode *n = json_node_new (JSON_NODE_VALUE);
                  if (g_str_equal (type, "integer"))
                    json_node_set_int (n, (gint64) v);
                  else
                    json_node_set_double (n, v);
                  return n;
                }
            }
        }
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The model's answer does not match the schema: %s should be a number, not %s",
                   path, node_kind (node));
      return NULL;
    }

  if (g_str_equal (type, "boolean"))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return json_node_ref (node);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (node);
          if (g_ascii_strcasecmp (s, "true") == 0 || g_ascii_strcasecmp (s, "false") == 0)
            {
              JsonNode *n = json_node_new (JSON_NODE_VALUE);
              json_node_set_boolean (n, g_ascii_strcasecmp (s, "true") == 0);
              return n;
            }
        }
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The model's answer does not match the schema: %s should be true or false",
                   path);
      return NULL;
    }

  return json_node_ref (node);
}

gboolean
sl_llm_schema_validate (JsonNode  *node,
                        JsonNode  *schema,
                        GError   **error)
{
  g_autoptr(JsonNode) kept = NULL;
  GError *local = NULL;

  g_return_val_if_fail (node != NULL, FALSE);
  g_return_val_if_fail (schema != NULL && JSON_NODE_HOLDS_OBJECT (schema), FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SL_LLM_ERROR, SL_LLM_ERROR_INVALID_RESPONSE,
                   "The model's answer is not a JSON object");
      return FALSE;
    }
  kept = validate (node, json_node_get_object (schema), "$", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  /* An object stays the same node (edited in place). */
  g_assert (kept == node);
  return TRUE;
}

/* ---- mapping ---------------------------------------------------------- */

static char *
get_str (JsonObject *obj,
         const char *name)
{
  return sl_strdup_clean (sl_json_member_string (obj, name));
}

static JsonObject *
arr_obj (JsonArray *arr,
         guint      i)
{
  JsonNode *n = json_array_get_element (arr, i);
  return JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static char *
arr_str (JsonArray *arr,
         guint      i)
{
  JsonNode *n = json_array_get_element (arr, i);

  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return sl_strdup_clean (json_node_get_string (n));
}

/* summary + highlights as one text with one bullet per line. */
static char *
join_text (JsonObject *obj,
           const char *summary_member)
{
  g_autofree char *summary = get_str (obj, summary_member);
  JsonArray *highlights = sl_json_member_array (obj, "highlights");
  GString *out = g_string_new (summary);

  for (guint i = 0; highlights && i < json_array_get_length (highlights); i++)
    {
      g_autofree char *h = arr_str (highlights, i);
      if (h == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "• %s", h);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  SlProfile  *profile;
  const char *source;     /* original text */
  char       *folded;     /* sl_llm_fold_text (source) */
} Ctx;

/* Keeps @url when it occurs in the text; warns and drops it otherwise. */
static char *
verified_url (Ctx        *ctx,
              char       *url,
              const char *where)
{
  if (url == NULL)
    return NULL;
  if (sl_llm_text_has_url (ctx->folded, url))
    return url;
  g_free (url);
  {
    g_autofree char *w = g_strdup_printf ("llm: dropped a URL (%s) that does not occur in the resume text", where);
    sl_profile_add_warning (ctx->profile, w);
  }
  return NULL;
}

static void
note (Ctx        *ctx,
      const char *field,
      double      confidence,
      const char *provenance)
{
  sl_profile_set_field_note (ctx->profile, field, confidence, "llm", provenance);
}

static void
add_link (Ctx  *ctx,
          char *url)
{
  SlPersonalInfo *pi = &ctx->profile->personal;

  if (url == NULL)
    return;
  for (guint i = 0; i < pi->links->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (pi->links, i), url) == 0)
      {
        g_free (url);
        return;
      }
  g_ptr_array_add (pi->links, url);
}

static void
map_basics (Ctx        *ctx,
            JsonObject *basics)
{
  SlPersonalInfo *pi = &ctx->profile->personal;
  JsonObject *loc = sl_json_member_object (basics, "location");
  JsonArray *profiles = sl_json_member_array (basics, "profiles");
  g_autofree char *email = get_str (basics, "email");
  g_autofree char *phone = get_str (basics, "phone");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  pi->name = get_str (basics, "name");
  if (pi->name != NULL)
    note (ctx, "personal.name",
          sl_llm_text_has_phrase (ctx->folded, pi->name) ? 0.9 : 0.3,
          sl_llm_text_has_phrase (ctx->folded, pi->name) ? "llm answer, found in the text"
                                                         : "llm answer, not found in the text");
  pi->headline = get_str (basics, "label");
  if (pi->headline)
    note (ctx, "personal.headline", 0.7, "llm answer");
  pi->summary = get_str (basics, "summary");
  if (pi->summary)
    note (ctx, "personal.summary", 0.7, "llm answer");

  if (email != NULL)
    {
      g_autofree char *norm = sl_normalize_email (email);

      if (norm != NULL && sl_llm_text_has_email (ctx->folded, norm))
        {
          pi->email = g_steal_pointer (&norm);
          note (ctx, "personal.email", 0.9, "llm answer, found in the text");
        }
      else
        sl_profile_add_warning (ctx->profile,
                                "llm: dropped an e-mail address that does not occur in the resume text");
    }
  if (phone != NULL)
    {
      if (sl_llm_text_has_phone (ctx->source, phone))
        {
          pi->phone = g_steal_pointer (&phone);
          note (ctx, "personal.phone", 0.9, "llm answer, found in the text");
        }
      else
        sl_profile_add_warning (ctx->profile,
                                "llm: dropped a phone number that does not occur in the resume text");
    }
  add_link (ctx, verified_url (ctx, get_str (basics, "url"), "basics.url"));
  for (guint i = 0; profiles && i < json_array_get_length (profiles); i++)
    {
      JsonObject *p = arr_obj (profiles, i);
      add_link (ctx, verified_url (ctx, get_str (p, "url"), "basics.profiles"));
    }
  if (pi->links->len > 0)
    note (ctx, "personal.links", 0.8, "llm answer, found in the text");

  if (loc != NULL)
    {
      g_autofree char *address = get_str (loc, "address");

      pi->city = get_str (loc, "city");
      pi->region = get_str (loc, "region");
      pi->country = get_str (loc, "countryCode");
      if (pi->city)
        g_ptr_array_add (parts, pi->city);
      if (pi->region)
        g_ptr_array_add (parts, pi->region);
      if (pi->country)
        g_ptr_array_add (parts, pi->country);
      g_ptr_array_add (parts, NULL);
      if (parts->len > 1)
        pi->location = g_strjoinv (", ", (char **) parts->pdata);
      else if (address != NULL)
        pi->location = g_steal_pointer (&address);
      if (pi->location)
        note (ctx, "personal.location", 0.7, "llm answer");
    }
}

static void
map_work (Ctx       *ctx,
          JsonArray *work)
{
  for (guint i = 0; work && i < json_array_get_length (work); i++)
    {
      JsonObject *w = arr_obj (work, i);
      g_autoptr(SlWorkEntry) e = sl_work_entry_new ();
      g_autofree char *start = get_str (w, "startDate");
      g_autofree char *end = get_str (w, "endDate");
      g_autofree char *field = NULL;
      gboolean present = FALSE;
      gboolean found;

      e->company = get_str (w, "name");
      if (e->company == NULL)
        e->company = get_str (w, "company");  /* JSON Resume 0.x spelling */
      e->title = get_str (w, "position");
      if (e->company == NULL && e->title == NULL)
        continue;
      e->location = get_str (w, "location");
      e->start = sl_llm_normalize_date (start, NULL);
      e->end = sl_llm_normalize_date (end, &present);
      e->current = present;
      e->description = join_text (w, "summary");

      field = g_strdup_printf ("work[%u]", ctx->profile->work->len);
      found = sl_llm_text_has_phrase (ctx->folded, e->company) ||
              sl_llm_text_has_phrase (ctx->folded, e->title);
      if (found)
        note (ctx, field, 0.8, "llm answer");
      else
        {
          g_autofree char *w2 = g_strdup_printf ("llm: %s: neither company nor title occurs in the resume text", field);
          note (ctx, field, 0.2, "llm answer; company and title not found in the text (low confidence)");
          sl_profile_add_warning (ctx->profile, w2);
        }
      g_ptr_array_add (ctx->profile->work, g_steal_pointer (&e));
    }
}

static void
map_education (Ctx       *ctx,
               JsonArray *education)
{
  for (guint i = 0; education && i < json_array_get_length (education); i++)
    {
      JsonObject *o = arr_obj (education, i);
      g_autoptr(SlEducationEntry) e = sl_education_entry_new ();
      g_autofree char *start = get_str (o, "startDate");
      g_autofree char *end = get_str (o, "endDate");
      g_autofree char *field = NULL;

      e->institution = get_str (o, "institution");
      e->degree = get_str (o, "studyType");
      e->field = get_str (o, "area");
      if (e->institution == NULL && e->degree == NULL && e->field == NULL)
        continue;
      e->grade = get_str (o, "score");
      e->level = g_strdup (sl_llm_degree_level (e->degree));
      e->start = sl_llm_normalize_date (start, NULL);
      e->end = sl_llm_normalize_date (end, NULL);
      field = g_strdup_printf ("education[%u]", ctx->profile->education->len);
      note (ctx, field,
            sl_llm_text_has_phrase (ctx->folded, e->institution) ||
            sl_llm_text_has_phrase (ctx->folded, e->degree) ? 0.8 : 0.2,
            "llm answer");
      g_ptr_array_add (ctx->profile->education, g_steal_pointer (&e));
    }
}

static void
add_skill (Ctx        *ctx,
           GHashTable *seen,
           char       *name,
           const char *group)
{
  g_autofree char *owned = name;
  g_autofree char *canonical = NULL;
  g_autofree char *category = NULL;
  g_autofree char *key = NULL;
  SlSkill *skill;

  if (name == NULL)
    return;
  sl_llm_skill_canonicalize (name, &canonical, &category);
  key = g_utf8_casefold (canonical ? canonical : name, -1);
  if (!g_hash_table_add (seen, g_steal_pointer (&key)))
    return;
  skill = sl_skill_new (name, canonical);
  skill->category = category ? g_steal_pointer (&category) : g_strdup (group);
  g_ptr_array_add (ctx->profile->skills, skill);
}

static void
map_skills (Ctx       *ctx,
            JsonArray *skills)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; skills && i < json_array_get_length (skills); i++)
    {
      JsonObject *o = arr_obj (skills, i);
      JsonArray *keywords = sl_json_member_array (o, "keywords");
      g_autofree char *name = get_str (o, "name");

      if (keywords != NULL && json_array_get_length (keywords) > 0)
        {
          /* A group: the heading is the category, the keywords the skills. */
          for (guint k = 0; k < json_array_get_length (keywords); k++)
            add_skill (ctx, seen, arr_str (keywords, k), name);
        }
      else
        add_skill (ctx, seen, g_steal_pointer (&name), NULL);
    }
  if (ctx->profile->skills->len > 0)
    note (ctx, "skills", 0.8, "llm answer");
}

static void
map_rest (Ctx        *ctx,
          JsonObject *root)
{
  JsonArray *languages = sl_json_member_array (root, "languages");
  JsonArray *certificates = sl_json_member_array (root, "certificates");
  JsonArray *projects = sl_json_member_array (root, "projects");
  JsonArray *awards = sl_json_member_array (root, "awards");
  SlProfile *p = ctx->profile;

  for (guint i = 0; languages && i < json_array_get_length (languages); i++)
    {
      JsonObject *o = arr_obj (languages, i);
      g_autofree char *language = get_str (o, "language");
      g_autofree char *fluency = get_str (o, "fluency");

      if (language != NULL)
        g_ptr_array_add (p->languages, sl_language_new (language, fluency));
    }
  if (p->languages->len)
    note (ctx, "languages", 0.8, "llm answer");

  for (guint i = 0; certificates && i < json_array_get_length (certificates); i++)
    {
      JsonObject *o = arr_obj (certificates, i);
      g_autofree char *date = get_str (o, "date");
      SlCertification *c = sl_certification_new ();

      c->name = get_str (o, "name");
      c->issuer = get_str (o, "issuer");
      c->date = sl_llm_normalize_date (date, NULL);
      g_ptr_array_add (p->certifications, c);
    }
  if (p->certifications->len)
    note (ctx, "certifications", 0.8, "llm answer");

  for (guint i = 0; projects && i < json_array_get_length (projects); i++)
    {
      JsonObject *o = arr_obj (projects, i);
      JsonArray *keywords = sl_json_member_array (o, "keywords");
      g_autofree char *start = get_str (o, "startDate");
      g_autofree char *end = get_str (o, "endDate");
      SlProject *pr = sl_project_new ();

      pr->name = get_str (o, "name");
      pr->description = join_text (o, "description");
      pr->url = verified_url (ctx, get_str (o, "url"), "projects.url");
      pr->start = sl_llm_normalize_date (start, NULL);
      pr->end = sl_llm_normalize_date (end, NULL);
      for (guint k = 0; keywords && k < json_array_get_length (keywords); k++)
        {
          char *kw = arr_str (keywords, k);
          if (kw)
            g_ptr_array_add (pr->keywords, kw);
        }
      g_ptr_array_add (p->projects, pr);
    }
  if (p->projects->len)
    note (ctx, "projects", 0.8, "llm answer");

  for (guint i = 0; awards && i < json_array_get_length (awards); i++)
    {
      JsonObject *o = arr_obj (awards, i);
      g_autofree char *title = get_str (o, "title");
      g_autofree char *awarder = get_str (o, "awarder");
      g_autofree char *date = get_str (o, "date");
      g_autofree char *year = sl_llm_normalize_date (date, NULL);
      GString *s;

      if (title == NULL)
        continue;
      s = g_string_new (title);
      if (awarder)
        g_string_append_printf (s, " — %s", awarder);
      if (year)
        g_string_append_printf (s, " (%s)", year);
      g_ptr_array_add (p->achievements, g_string_free (s, FALSE));
    }
  if (p->achievements->len)
    note (ctx, "achievements", 0.8, "llm answer");
}

SlProfile *
sl_llm_answer_to_profile (JsonNode   *resume,
                          const char *source_text)
{
  Ctx ctx = { 0 };
  JsonObject *root;

  g_return_val_if_fail (resume != NULL && JSON_NODE_HOLDS_OBJECT (resume), NULL);
  g_return_val_if_fail (source_text != NULL, NULL);

  root = json_node_get_object (resume);
  ctx.profile = sl_profile_new ();
  ctx.source = source_text;
  ctx.folded = sl_llm_fold_text (source_text);

  map_basics (&ctx, sl_json_member_object (root, "basics"));
  map_work (&ctx, sl_json_member_array (root, "work"));
  map_education (&ctx, sl_json_member_array (root, "education"));
  map_skills (&ctx, sl_json_member_array (root, "skills"));
  map_rest (&ctx, root);

  g_free (ctx.folded);
  g_free (ctx.profile->meta.parser);
  ctx.profile->meta.parser = g_strdup ("llm");
  g_free (ctx.profile->meta.prompt_version);
  ctx.profile->meta.prompt_version = g_strdup (SL_LLM_PROMPT_VERSION);
  ctx.profile->meta.experience_months = sl_profile_compute_experience_months (ctx.profile, NULL);
  return ctx.profile;
}

SlProfile *
sl_llm_answer_parse (const char              *answer,
                     const SlLlmRedactionMap *map,
                     const char              *source_text,
                     GError                 **error)
{
  g_autoptr(JsonNode) resume = NULL;

  g_return_val_if_fail (source_text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  resume = sl_llm_extract_json (answer, error);
  if (resume == NULL)
    return NULL;
  if (map != NULL)
    sl_llm_redaction_restore_node (map, resume);
  if (!sl_llm_schema_validate (resume, sl_llm_schema (), error))
    return NULL;
  return sl_llm_answer_to_profile (resume, source_text);
}
