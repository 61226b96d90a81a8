/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-json-resume.c: JSON Resume v1.0.0 <-> SlProfile (see the header for the
 * mapping and the residual).
 *
 * Import works on a private deep copy of the document and *takes* every
 * member it maps out of that copy; what is left afterwards is the residual.
 */
#include "config.h"

#include <string.h>

#include "core/sl-date.h"
#include "core/sl-json.h"
#include "core/sl-util.h"
#include "sl-json-resume.h"

G_DEFINE_QUARK (sl-export-error-quark, sl_export_error)

#define BULLET "\xe2\x80\xa2 "   /* "• " */

/* Helpers ------------------------------------------------------------------ */

static JsonNode *
deep_copy (JsonNode *node)
{
  g_autofree char *text = sl_json_node_to_string (node, FALSE);

  return json_from_string (text, NULL);
}

/* A non-empty string member, removed from @o.  Anything else stays. */
static char *
take_str (JsonObject *o,
          const char *member)
{
  const char *s = sl_json_member_string (o, member);
  char *copy;

  if (s == NULL || s[0] == '\0')
    return NULL;
  copy = g_strdup (s);
  json_object_remove_member (o, member);
  return copy;
}

static char *
take_date (JsonObject *o,
           const char *member)
{
  const char *s = sl_json_member_string (o, member);

  if (s == NULL || !sl_date_is_valid (s))
    return NULL;
  return take_str (o, member);
}

/* An array of objects only (else NULL: the array stays in the residual). */
static JsonArray *
peek_object_array (JsonObject *o,
                   const char *member)
{
  JsonArray *a = sl_json_member_array (o, member);

  if (a == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (a); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (a, i)))
      return NULL;
  return a;
}

static gboolean
is_line (const char *s)
{
  return s != NULL && s[0] != '\0' && strchr (s, '\n') == NULL && strchr (s, '\r') == NULL;
}

/* A non-empty array of one-line non-empty strings, appended to @dest and
 * removed from @o. */
static gboolean
take_lines (JsonObject *o,
            const char *member,
            GPtrArray  *dest)
{
  JsonArray *a = sl_json_member_array (o, member);
  guint n;

  if (a == NULL || (n = json_array_get_length (a)) == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (JSON_NODE_TYPE (e) != JSON_NODE_VALUE || json_node_get_value_type (e) != G_TYPE_STRING ||
          !is_line (json_node_get_string (e)))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (dest, g_strdup (json_array_get_string_element (a, i)));
  json_object_remove_member (o, member);
  return TRUE;
}

/* summary + highlights → one description; highlights become final lines
 * that start with "• ".  Reversed by split_description(). */
static char *
take_description (JsonObject *o,
                  const char *summary_member)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;
  GString *s;

  /* Only take the summary when it cannot be mistaken for highlights. */
  if (sl_json_member_string (o, summary_member) != NULL)
    {
      const char *text = sl_json_member_string (o, summary_member);
      const char *last = strrchr (text, '\n');
      const char *last_line = last != NULL ? last + 1 : text;
      if (!g_str_has_prefix (last_line, BULLET))
        summary = take_str (o, summary_member);
    }
  if (summary == NULL && sl_json_member_string (o, summary_member) != NULL)
    return NULL;   /* ambiguous summary: leave both in the residual */

  take_lines (o, "highlights", highlights);
  if (summary == NULL && highlights->len == 0)
    return NULL;

  s = g_string_new (summary);
  for (guint i = 0; i < highlights->len; i++)
    {
      if (s->len > 0 || i > 0 || summary != NULL)
        g_string_append_c (s, '\n');
      g_string_append (s, BULLET);
      g_string_append (s, g_ptr_array_index (highlights, i));
    }
  return g_string_free (s, FALSE);
}

static void
split_description (const char  *description,
                   char       **summary,
                   GPtrArray   *highlights)
{
  g_auto(GStrv) lines = NULL;
  guint n, first;

  *summary = NULL;
  if (sl_str_empty (description))
    return;
  lines = g_strsplit (description, "\n", -1);
  n = g_strv_length (lines);
  first = n;
  while (first > 0 && g_str_has_prefix (lines[first - 1], BULLET) &&
         lines[first - 1][strlen (BULLET)] != '\0')
    first--;
  for (guint i = first; i < n; i++)
    g_ptr_array_add (highlights, g_strdup (lines[i] + strlen (BULLET)));
  if (first == n)
    {
      *summary = g_strdup (description);
      return;
    }
  if (first > 0)
    {
      /* The lines before the bullets, minus the one separating newline. */
      char *saved = lines[first];
      lines[first] = NULL;
      *summary = g_strjoinv ("\n", lines);
      lines[first] = saved;
    }
}

static char *
compose_location (const char *city,
                  const char *region,
                  const char *country)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = { city, region, country };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (!sl_str_empty (parts[i]))
      {
        if (s->len > 0)
          g_string_append (s, ", ");
        g_string_append (s, parts[i]);
      }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

/* Residual pruning: TRUE when @node carries nothing any more. */
static gboolean
prune (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *l = members; l != NULL; l = l->next)
        if (prune (json_object_get_member (o, l->data)))
          json_object_remove_member (o, l->data);
      return json_object_get_size (o) == 0;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      guint n = json_array_get_length (a);
      gboolean all_empty = n > 0;

      /* Elements stay (positions matter); an array of empty objects goes. */
      for (guint i = 0; i < n; i++)
        {
          JsonNode *e = json_array_get_element (a, i);
          if (!(JSON_NODE_HOLDS_OBJECT (e) && prune (e)))
            all_empty = FALSE;
        }
      return all_empty;
    }
  return FALSE;
}

/* Import ------------------------------------------------------------------- */

gboolean
sl_json_resume_detect (JsonNode *node)
{
  JsonObject *o;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  return sl_json_member_object (o, "basics") != NULL;
}

static void
add_link (SlProfile  *p,
          const char *url)
{
  if (sl_str_empty (url))
    return;
  for (guint i = 0; i < p->personal.links->len; i++)
    if (g_str_equal (g_ptr_array_index (p->personal.links, i), url))
      return;
  g_ptr_array_add (p->personal.links, g_strdup (url));
}

static void
import_basics (SlProfile  *p,
               JsonObject *basics)
{
  SlPersonalInfo *pi = &p->personal;
  JsonObject *loc;
  JsonArray *profiles;

  if (basics == NULL)
    return;
  pi->name = take_str (basics, "name");
  pi->headline = take_str (basics, "label");
  pi->email = take_str (basics, "email");
  pi->phone = take_str (basics, "phone");
  pi->summary = take_str (basics, "summary");

  /* url and profiles stay in the residual as annotations of the links; the
   * export keeps them for the links that still exist. */
  add_link (p, sl_json_member_string (basics, "url"));
  if (sl_json_member_string (basics, "url") == NULL && sl_json_member_string (basics, "website") != NULL)
    {
      g_autofree char *website = take_str (basics, "website");   /* 0.x */
      add_link (p, website);
    }
  if ((profiles = peek_object_array (basics, "profiles")) != NULL)
    for (guint i = 0; i < json_array_get_length (profiles); i++)
      add_link (p, sl_json_member_string (json_array_get_object_element (profiles, i), "url"));

  if ((loc = sl_json_member_object (basics, "location")) != NULL)
    {
      g_autofree char *address = take_str (loc, "address");
      pi->city = take_str (loc, "city");
      pi->region = take_str (loc, "region");
      pi->country = take_str (loc, "countryCode");
      pi->location = address != NULL ? g_steal_pointer (&address)
                                     : compose_location (pi->city, pi->region, pi->country);
    }
}

static gboolean
is_present_word (const char *s)
{
  static const char *words[] = { "present", "current", "now", "today", "heute", "aktuell" };

  if (s == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_ascii_strcasecmp (s, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Start/end of an entry; no endDate with a start means "current". */
static void
take_dates (JsonObject *o,
            char      **start,
            char      **end,
            gboolean   *current)
{
  *start = take_date (o, "startDate");
  *end = take_date (o, "endDate");
  if (current == NULL)
    return;
  *current = FALSE;
  if (*end == NULL && is_present_word (sl_json_member_string (o, "endDate")))
    {
      json_object_remove_member (o, "endDate");
      *current = TRUE;
    }
  else if (*end == NULL && *start != NULL && !json_object_has_member (o, "endDate"))
    *current = TRUE;
}

static void
import_work (SlProfile  *p,
             JsonArray  *work)
{
  for (guint i = 0; work != NULL && i < json_array_get_length (work); i++)
    {
      JsonObject *o = json_array_get_object_element (work, i);
      SlWorkEntry *e = sl_work_entry_new ();

      e->company = take_str (o, "name");
      if (e->company == NULL)
        e->company = take_str (o, "company");   /* 0.x */
      e->title = take_str (o, "position");
      e->location = take_str (o, "location");
      take_dates (o, &e->start, &e->end, &e->current);
      e->description = take_description (o, "summary");
      g_ptr_array_add (p->work, e);
    }
}

static void
import_education (SlProfile *p,
                  JsonArray *education)
{
  for (guint i = 0; education != NULL && i < json_array_get_length (education); i++)
    {
      JsonObject *o = json_array_get_object_element (education, i);
      SlEducationEntry *e = sl_education_entry_new ();

      e->institution = take_str (o, "institution");
      e->degree = take_str (o, "studyType");
      e->field = take_str (o, "area");
      take_dates (o, &e->start, &e->end, NULL);
      e->grade = take_str (o, "score");
      if (e->grade == NULL)
        e->grade = take_str (o, "gpa");          /* 0.x */
      g_ptr_array_add (p->education, e);
    }
}

static void
import_skills (SlProfile *p,
               JsonArray *skills)
{
  for (guint i = 0; skills != NULL && i < json_array_get_length (skills); i++)
    {
      JsonObject *o = json_array_get_object_element (skills, i);
      g_autoptr(GPtrArray) keywords = g_ptr_array_new_with_free_func (g_free);
      const char *name = sl_json_member_string (o, "name");

      /* A named group with keywords: one skill per keyword, the group as
       * its category.  Groups are rebuilt on export by category, so the
       * group name must be a usable one. */
      if (is_line (name) && take_lines (o, "keywords", keywords))
        {
          g_autofree char *category = take_str (o, "name");
          for (guint k = 0; k < keywords->len; k++)
            {
              SlSkill *s = sl_skill_new (g_ptr_array_index (keywords, k), NULL);
              s->category = g_strdup (category);
              g_ptr_array_add (p->skills, s);
            }
        }
      else if (is_line (name) && !json_object_has_member (o, "keywords"))
        {
          g_autofree char *n = take_str (o, "name");
          g_ptr_array_add (p->skills, sl_skill_new (n, NULL));
        }
      else
        {
          /* Cannot be rebuilt in place: mark the entry as unmapped so the
           * export does not pair it with another entry. */
          json_object_set_boolean_member (o, "x-shortlist-unmapped", TRUE);
        }
    }
}

static void
import_simple_lists (SlProfile  *p,
                     JsonObject *root)
{
  JsonArray *a;

  if ((a = peek_object_array (root, "languages")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        g_autofree char *language = take_str (o, "language");
        g_autofree char *fluency = take_str (o, "fluency");
        g_ptr_array_add (p->languages, sl_language_new (language, fluency));
      }

  if ((a = peek_object_array (root, "certificates")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlCertification *c = sl_certification_new ();
        c->name = take_str (o, "name");
        c->issuer = take_str (o, "issuer");
        c->date = take_date (o, "date");
        g_ptr_array_add (p->certifications, c);
      }

  if ((a = peek_object_array (root, "projects")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlProject *pr = sl_project_new ();
        pr->name = take_str (o, "name");
        pr->description = take_description (o, "description");
        pr->url = take_str (o, "url");
        take_dates (o, &pr->start, &pr->end, NULL);
        take_lines (o, "keywords", pr->keywords);
        g_ptr_array_add (p->projects, pr);
      }

  /* Awards and interests map to plain strings: only when every item has a
   * title / name, else positions would no longer line up. */
  if ((a = peek_object_array (root, "awards")) != NULL)
    {
      gboolean all = TRUE;
      for (guint i = 0; i < json_array_get_length (a); i++)
        all = all && is_line (sl_json_member_string (json_array_get_object_element (a, i), "title"));
      for (guint i = 0; all && i < json_array_get_length (a); i++)
        g_ptr_array_add (p->achievements, take_str (json_array_get_object_element (a, i), "title"));
    }
  if ((a = peek_object_array (root, "interests")) != NULL)
    {
      gboolean all = TRUE;
      for (guint i = 0; i < json_array_get_length (a); i++)
        all = all && is_line (sl_json_member_string (json_array_get_object_element (a, i), "name"));
      for (guint i = 0; all && i < json_array_get_length (a); i++)
        g_ptr_array_add (p->interests, take_str (json_array_get_object_element (a, i), "name"));
    }
}

SlProfile *
sl_json_resume_to_profile (JsonNode           *node,
                           SlJsonResumeFlags   flags,
                           GError            **error)
{
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(JsonNode) copy = NULL;
  JsonObject *root;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                   "A JSON Resume document must be a JSON object");
      return NULL;
    }

  copy = deep_copy (node);
  root = json_node_get_object (copy);
  p = sl_profile_new ();

  import_basics (p, sl_json_member_object (root, "basics"));
  import_work (p, peek_object_array (root, "work"));
  import_education (p, peek_object_array (root, "education"));
  import_skills (p, peek_object_array (root, "skills"));
  import_simple_lists (p, root);

  if ((flags & SL_JSON_RESUME_KEEP_RESIDUAL) != 0 && !prune (copy))
    {
      g_autofree char *residual = sl_json_node_to_string (copy, FALSE);
      sl_profile_set_extra (p, SL_JSON_RESUME_RESIDUAL_KEY, residual);
    }
  return g_steal_pointer (&p);
}

SlProfile *
sl_json_resume_parse (const char         *text,
                      gssize              length,
                      SlJsonResumeFlags   flags,
                      GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  if (!json_parser_load_from_data (parser, text, length, &local))
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID,
                   "Not valid JSON: %s", local->message);
      return NULL;
    }
  /* An empty or blank text parses as no document at all (found by
   * fuzz-json-resume; replayed from fuzz/regressions/json-resume/empty). */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SL_EXPORT_ERROR, SL_EXPORT_ERROR_INVALID, "Not valid JSON: the file is empty");
      return NULL;
    }
  return sl_json_resume_to_profile (json_parser_get_root (parser), flags, error);
}

/* Export ------------------------------------------------------------------- */

static void
set_str (JsonObject *o,
         const char *member,
         const char *value)
{
  if (!sl_str_empty (value))
    json_object_set_string_member (o, member, value);
}

static void
set_lines (JsonObject      *o,
           const char      *member,
           const GPtrArray *values)
{
  JsonArray *a;

  if (values == NULL || values->len == 0)
    return;
  a = json_array_new ();
  for (guint i = 0; i < values->len; i++)
    json_array_add_string_element (a, g_ptr_array_index (values, i));
  json_object_set_array_member (o, member, a);
}

static void
set_description (JsonObject *o,
                 const char *summary_member,
                 const char *description)
{
  g_autoptr(GPtrArray) highlights = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  split_description (description, &summary, highlights);
  set_str (o, summary_member, summary);
  set_lines (o, "highlights", highlights);
}

static void
add_array_if_any (JsonObject *root,
                  const char *member,
                  JsonArray  *a)
{
  if (json_array_get_length (a) > 0)
    json_object_set_array_member (root, member, a);
  else
    json_array_unref (a);
}

/* The network a URL belongs to, for basics.profiles ("LinkedIn", …), and
 * the user name from its path; NULL for a personal site. */
static const char *
guess_network (const char  *url,
               char       **username)
{
  static const struct { const char *host; const char *network; } known[] = {
    { "linkedin.com", "LinkedIn" }, { "github.com", "GitHub" },
    { "gitlab.com", "GitLab" }, { "twitter.com", "Twitter" }, { "x.com", "X" },
    { "stackoverflow.com", "Stack Overflow" }, { "xing.com", "XING" },
    { "behance.net", "Behance" }, { "dribbble.com", "Dribbble" },
    { "medium.com", "Medium" }, { "bitbucket.org", "Bitbucket" },
  };
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *host;

  *username = NULL;
  if (uri == NULL && !g_str_has_prefix (url, "http"))
    {
      g_autofree char *with_scheme = g_strconcat ("https://", url, NULL);
      uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
    }
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      gsize hl = strlen (host), kl = strlen (known[i].host);
      if (g_ascii_strcasecmp (host, known[i].host) == 0 ||
          (hl > kl && host[hl - kl - 1] == '.' &&
           g_ascii_strcasecmp (host + hl - kl, known[i].host) == 0))
        {
          g_auto(GStrv) parts = g_strsplit (g_uri_get_path (uri), "/", -1);
          for (int k = (int) g_strv_length (parts) - 1; k >= 0; k--)
            if (parts[k][0] != '\0')
              {
                *username = g_strdup (parts[k][0] == '@' ? parts[k] + 1 : parts[k]);
                break;
              }
          return known[i].network;
        }
    }
  return NULL;
}

static gboolean
strv_has (const GPtrArray *links,
          const char      *url)
{
  for (guint i = 0; url != NULL && i < links->len; i++)
    if (g_str_equal (g_ptr_array_index (links, i), url))
      return TRUE;
  return FALSE;
}

/* basics.url and basics.profiles from the links, keeping the residual's
 * annotations for links that still exist.  Removes both members from the
 * residual's basics. */
static void
export_links (JsonObject      *basics,
              const GPtrArray *links,
              JsonObject      *res_basics)
{
  JsonArray *res_profiles = peek_object_array (res_basics, "profiles");
  const char *res_url = sl_json_member_string (res_basics, "url");
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *profiles = json_array_new ();
  const char *url = NULL;

  if (res_url != NULL && strv_has (links, res_url))
    url = res_url;
  if (res_profiles != NULL)
    for (guint i = 0; i < json_array_get_length (res_profiles); i++)
      {
        JsonObject *o = json_array_get_object_element (res_profiles, i);
        const char *purl = sl_json_member_string (o, "url");
        if (purl == NULL || strv_has (links, purl))
          {
            json_array_add_element (profiles, deep_copy (json_array_get_element (res_profiles, i)));
            if (purl != NULL)
              g_hash_table_add (used, (gpointer) purl);
          }
      }
  if (url == NULL && res_url == NULL)
    for (guint i = 0; i < links->len; i++)
      {
        const char *l = g_ptr_array_index (links, i);
        g_autofree char *user = NULL;
        if (!g_hash_table_contains (used, l) && guess_network (l, &user) == NULL)
          {
            url = l;
            break;
          }
      }
  if (url != NULL)
    {
      json_object_set_string_member (basics, "url", url);
      g_hash_table_add (used, (gpointer) url);
    }
  for (guint i = 0; i < links->len; i++)
    {
      const char *l = g_ptr_array_index (links, i);
      g_autofree char *user = NULL;
      const char *network;
      JsonObject *o;

      if (g_hash_table_contains (used, l))
        continue;
      network = guess_network (l, &user);
      o = json_object_new ();
      set_str (o, "network", network != NULL ? network : "Website");
      set_str (o, "username", user);
      json_object_set_string_member (o, "url", l);
      json_array_add_object_element (profiles, o);
    }
  if (json_array_get_length (profiles) > 0)
    json_object_set_array_member (basics, "profiles", profiles);
  else
    json_array_unref (profiles);
  if (res_basics != NULL)
    {
      json_object_remove_member (res_basics, "url");
      json_object_remove_member (res_basics, "profiles");
    }
}

static JsonObject *
export_basics (const SlProfile *p,
               JsonObject      *res_basics)
{
  const SlPersonalInfo *pi = &p->personal;
  JsonObject *b = json_object_new ();
  g_autofree char *composed = compose_location (pi->city, pi->region, pi->country);
  JsonObject *loc = json_object_new ();

  set_str (b, "name", pi->name);
  set_str (b, "label", pi->headline);
  set_str (b, "email", pi->email);
  set_str (b, "phone", pi->phone);
  export_links (b, pi->links, res_basics);
  set_str (b, "summary", pi->summary);

  if (pi->location != NULL && g_strcmp0 (pi->location, composed) != 0)
    set_str (loc, "address", pi->location);
  set_str (loc, "city", pi->city);
  set_str (loc, "region", pi->region);
  set_str (loc, "countryCode", pi->country);
  if (json_object_get_size (loc) > 0)
    json_object_set_object_member (b, "location", loc);
  else
    json_object_unref (loc);
  return b;
}

static JsonArray *
export_skills (const SlProfile *p)
{
  JsonArray *a = json_array_new ();
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < p->skills->len; i++)
    {
      const SlSkill *s = g_ptr_array_index (p->skills, i);
      const char *name = s->name != NULL ? s->name : s->canonical;
      JsonArray *keywords;

      if (sl_str_empty (name))
        continue;
      if (sl_str_empty (s->category))
        {
          JsonObject *o = json_object_new ();
          json_object_set_string_member (o, "name", name);
          json_array_add_object_element (a, o);
          continue;
        }
      keywords = g_hash_table_lookup (groups, s->category);
      if (keywords == NULL)
        {
          JsonObject *o = json_object_new ();
          keywords = json_array_new ();
          json_object_set_string_member (o, "name", s->category);
          json_object_set_array_member (o, "keywords", keywords);
          json_array_add_object_element (a, o);
          g_hash_table_insert (groups, s->category, keywords);
        }
      json_array_add_string_element (keywords, name);
    }
  return a;
}

/* Merges @res into @dst: members @dst lacks are added; objects merge
 * recursively; arrays of the same length merge item by item. */
static void
merge_residual (JsonObject *dst,
                JsonObject *res)
{
  g_autoptr(GList) members = json_object_get_members (res);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *m = l->data;
      JsonNode *r = json_object_get_member (res, m);
      JsonNode *d = json_object_get_member (dst, m);

      if (d == NULL)
        {
          json_object_set_member (dst, m, deep_copy (r));
        }
      else if (JSON_NODE_HOLDS_OBJECT (d) && JSON_NODE_HOLDS_OBJECT (r))
        {
          merge_residual (json_node_get_object (d), json_node_get_object (r));
        }
      else if (JSON_NODE_HOLDS_ARRAY (d) && JSON_NODE_HOLDS_ARRAY (r))
        {
          JsonArray *da = json_node_get_array (d), *ra = json_node_get_array (r);
          guint n = json_array_get_length (da);

          if (json_array_get_length (ra) != n)
            continue;   /* edited since the import: positions are unreliable */
          for (guint i = 0; i < n; i++)
            {
              JsonNode *de = json_array_get_element (da, i);
              JsonNode *re = json_array_get_element (ra, i);
              if (JSON_NODE_HOLDS_OBJECT (de) && JSON_NODE_HOLDS_OBJECT (re))
                merge_residual (json_node_get_object (de), json_node_get_object (re));
            }
        }
    }
}

/* Skill entries the import could not rebuild are kept apart from the
 * generated ones: they are appended after them on export. */
static void
split_unmapped_skills (JsonObject *res,
                       JsonArray  *skills)
{
  JsonArray *ra = sl_json_member_array (res, "skills");
  JsonArray *mapped;

  if (ra == NULL)
    return;
  mapped = json_array_new ();
  for (guint i = 0; i < json_array_get_length (ra); i++)
    {
      JsonNode *e = json_array_get_element (ra, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      if (o != NULL && json_object_has_member (o, "x-shortlist-unmapped"))
        {
          JsonNode *c = deep_copy (e);
          json_object_remove_member (json_node_get_object (c), "x-shortlist-unmapped");
          json_array_add_element (skills, c);
        }
      else
        json_array_add_element (mapped, deep_copy (e));
    }
  json_object_set_array_member (res, "skills", mapped);
}

JsonNode *
sl_json_resume_from_profile (const SlProfile *p)
{
  static const char *order[] = {
    "basics", "work", "volunteer", "education", "awards", "certificates",
    "publications", "skills", "languages", "interests", "references",
    "projects", "meta",
  };
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonNode) residual = NULL;
  JsonObject *res = NULL;
  JsonArray *a;
  const char *res_text;
  g_autoptr(JsonArray) unmapped_skills = json_array_new ();
  JsonObject *out;
  JsonNode *node;

  g_return_val_if_fail (p != NULL, NULL);

  res_text = g_hash_table_lookup (p->meta.extras, SL_JSON_RESUME_RESIDUAL_KEY);
  if (res_text != NULL && (residual = json_from_string (res_text, NULL)) != NULL &&
      JSON_NODE_HOLDS_OBJECT (residual))
    res = json_node_get_object (residual);
  if (res != NULL)
    split_unmapped_skills (res, unmapped_skills);

  json_object_set_object_member (root, "basics", export_basics (p, sl_json_member_object (res, "basics")));

  a = json_array_new ();
  for (guint i = 0; i < p->work->len; i++)
    {
      const SlWorkEntry *e = g_ptr_array_index (p->work, i);
      JsonObject *o = json_object_new ();
      set_str (o, "name", e->company);
      set_str (o, "position", e->title);
      set_str (o, "location", e->location);
      set_str (o, "startDate", e->start);
      if (!e->current)
        set_str (o, "endDate", e->end);
      set_description (o, "summary", e->description);
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "work", a);

  a = json_array_new ();
  for (guint i = 0; i < p->education->len; i++)
    {
      const SlEducationEntry *e = g_ptr_array_index (p->education, i);
      JsonObject *o = json_object_new ();
      set_str (o, "institution", e->institution);
      set_str (o, "area", e->field);
      set_str (o, "studyType", e->degree != NULL ? e->degree : e->level);
      set_str (o, "startDate", e->start);
      set_str (o, "endDate", e->end);
      set_str (o, "score", e->grade);
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "education", a);

  a = json_array_new ();
  for (guint i = 0; i < p->achievements->len; i++)
    {
      JsonObject *o = json_object_new ();
      set_str (o, "title", g_ptr_array_index (p->achievements, i));
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "awards", a);

  a = json_array_new ();
  for (guint i = 0; i < p->certifications->len; i++)
    {
      const SlCertification *c = g_ptr_array_index (p->certifications, i);
      JsonObject *o = json_object_new ();
      set_str (o, "name", c->name);
      set_str (o, "date", c->date);
      set_str (o, "issuer", c->issuer);
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "certificates", a);

  add_array_if_any (root, "skills", export_skills (p));

  a = json_array_new ();
  for (guint i = 0; i < p->languages->len; i++)
    {
      const SlLanguage *l = g_ptr_array_index (p->languages, i);
      JsonObject *o = json_object_new ();
      set_str (o, "language", l->language);
      set_str (o, "fluency", l->level);
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "languages", a);

  a = json_array_new ();
  for (guint i = 0; i < p->interests->len; i++)
    {
      JsonObject *o = json_object_new ();
      set_str (o, "name", g_ptr_array_index (p->interests, i));
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "interests", a);

  a = json_array_new ();
  for (guint i = 0; i < p->projects->len; i++)
    {
      const SlProject *pr = g_ptr_array_index (p->projects, i);
      JsonObject *o = json_object_new ();
      set_str (o, "name", pr->name);
      set_description (o, "description", pr->description);
      set_lines (o, "keywords", pr->keywords);
      set_str (o, "startDate", pr->start);
      set_str (o, "endDate", pr->end);
      set_str (o, "url", pr->url);
      json_array_add_object_element (a, o);
    }
  add_array_if_any (root, "projects", a);

  if (res != NULL)
    merge_residual (root, res);

  if (json_array_get_length (unmapped_skills) > 0)
    {
      JsonArray *skills = sl_json_member_array (root, "skills");
      if (skills == NULL)
        {
          skills = json_array_new ();
          json_object_set_array_member (root, "skills", skills);
        }
      for (guint i = 0; i < json_array_get_length (unmapped_skills); i++)
        json_array_add_element (skills, deep_copy (json_array_get_element (unmapped_skills, i)));
    }

  /* Schema order first, then anything else the residual brought. */
  out = json_object_new ();
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (json_object_has_member (root, order[i]))
      json_object_set_member (out, order[i], json_node_copy (json_object_get_member (root, order[i])));
  {
    g_autoptr(GList) members = json_object_get_members (root);
    for (GList *l = members; l != NULL; l = l->next)
      if (!json_object_has_member (out, l->data))
        json_object_set_member (out, l->data, json_node_copy (json_object_get_member (root, l->data)));
  }
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, out);
  return node;
}

/* Deep equality ------------------------------------------------------------- */

gboolean
sl_json_node_equal_deep (JsonNode *a,
                         JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b))
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      return json_node_equal (a, b);
    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
        if (json_array_get_length (x) != json_array_get_length (y))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (x); i++)
          if (!sl_json_node_equal_deep (json_array_get_element (x, i), json_array_get_element (y, i)))
            return FALSE;
        return TRUE;
      }
    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        g_autoptr(GList) members = json_object_get_members (x);
        if (json_object_get_size (x) != json_object_get_size (y))
          return FALSE;
        for (GList *l = members; l != NULL; l = l->next)
          if (!sl_json_node_equal_deep (json_object_get_member (x, l->data),
                                        json_object_get_member (y, l->data)))
            return FALSE;
        return TRUE;
      }
    default:
      return FALSE;
    }
}
