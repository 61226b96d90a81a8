/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-job.c: the job model, its JSON form, and reading a job from a pasted
 * description or a file (JSON, or any document the extractors read).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "core/sl-json.h"
#include "core/sl-util.h"
#include "extract/sl-extract.h"
#include "parse/sl-rules.h"
#include "parse/sl-skills.h"
#include "sl-job-private.h"

G_DEFINE_QUARK (sl-job-error-quark, sl_job_error)

SlJob *
sl_job_new (void)
{
  SlJob *job = g_new0 (SlJob, 1);

  job->required_skills = g_ptr_array_new_with_free_func (g_free);
  job->nice_skills = g_ptr_array_new_with_free_func (g_free);
  job->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_language_free);
  return job;
}

static void
copy_strv (GPtrArray       *to,
           const GPtrArray *from)
{
  for (guint i = 0; from != NULL && i < from->len; i++)
    g_ptr_array_add (to, g_strdup (g_ptr_array_index (from, i)));
}

SlJob *
sl_job_copy (const SlJob *job)
{
  SlJob *n;

  g_return_val_if_fail (job != NULL, NULL);

  n = sl_job_new ();
  n->id = job->id;
  n->uuid = g_strdup (job->uuid);
  n->title = g_strdup (job->title);
  n->description = g_strdup (job->description);
  copy_strv (n->required_skills, job->required_skills);
  copy_strv (n->nice_skills, job->nice_skills);
  n->min_years = job->min_years;
  n->location = g_strdup (job->location);
  n->remote = job->remote;
  for (guint i = 0; job->languages != NULL && i < job->languages->len; i++)
    g_ptr_array_add (n->languages, sl_language_copy (g_ptr_array_index (job->languages, i)));
  n->created_at = g_strdup (job->created_at);
  n->updated_at = g_strdup (job->updated_at);
  return n;
}

void
sl_job_free (SlJob *job)
{
  if (job == NULL)
    return;
  g_free (job->uuid);
  g_free (job->title);
  g_free (job->description);
  g_clear_pointer (&job->required_skills, g_ptr_array_unref);
  g_clear_pointer (&job->nice_skills, g_ptr_array_unref);
  g_free (job->location);
  g_clear_pointer (&job->languages, g_ptr_array_unref);
  g_free (job->created_at);
  g_free (job->updated_at);
  g_free (job);
}

static const char * const remote_names[] = { "any", "onsite", "hybrid", "remote" };

const char *
sl_remote_policy_to_string (SlRemotePolicy policy)
{
  if ((guint) policy >= G_N_ELEMENTS (remote_names))
    return remote_names[0];
  return remote_names[policy];
}

gboolean
sl_remote_policy_from_string (const char     *str,
                              SlRemotePolicy *out_policy)
{
  g_return_val_if_fail (out_policy != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (remote_names); i++)
    if (g_ascii_strcasecmp (str, remote_names[i]) == 0)
      {
        *out_policy = (SlRemotePolicy) i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (str, "full") == 0 || g_ascii_strcasecmp (str, "on-site") == 0)
    {
      *out_policy = str[0] == 'f' || str[0] == 'F' ? SL_REMOTE_FULL : SL_REMOTE_ONSITE;
      return TRUE;
    }
  return FALSE;
}

/* Normalising --------------------------------------------------------------- */

gboolean
sl_rank_strv_has_ci (GPtrArray  *arr,
                     const char *s)
{
  for (guint i = 0; i < arr->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (arr, i), s) == 0)
      return TRUE;
  return FALSE;
}

void
sl_rank_strv_add_unique (GPtrArray  *arr,
                         const char *s)
{
  if (!sl_rank_strv_has_ci (arr, s))
    g_ptr_array_add (arr, g_strdup (s));
}

/* Canonical names, no blanks, no duplicates; a skill both required and nice
 * to have stays required. */
static void
normalize_skills (GPtrArray *skills,
                  GPtrArray *required)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < skills->len; i++)
    {
      g_autofree char *clean = sl_strdup_clean (g_ptr_array_index (skills, i));
      const char *canonical;

      if (clean == NULL)
        continue;
      canonical = sl_skills_canonicalize (clean);
      if (canonical != NULL)
        sl_rank_set_str (&clean, canonical);
      if (sl_rank_strv_has_ci (out, clean) || (required != NULL && sl_rank_strv_has_ci (required, clean)))
        continue;
      g_ptr_array_add (out, g_steal_pointer (&clean));
    }
  g_ptr_array_set_size (skills, 0);
  for (guint i = 0; i < out->len; i++)
    g_ptr_array_add (skills, g_strdup (g_ptr_array_index (out, i)));
}

void
sl_job_normalize (SlJob *job)
{
  g_return_if_fail (job != NULL);

  sl_rank_take_str (&job->title, sl_strdup_clean (job->title));
  sl_rank_take_str (&job->location, sl_strdup_clean (job->location));
  normalize_skills (job->required_skills, NULL);
  normalize_skills (job->nice_skills, job->required_skills);
  job->min_years = CLAMP (job->min_years, 0, 60);
  for (guint i = job->languages->len; i > 0; i--)
    {
      SlLanguage *l = g_ptr_array_index (job->languages, i - 1);
      if (sl_str_empty (l->language))
        g_ptr_array_remove_index (job->languages, i - 1);
    }
}

/* JSON ------------------------------------------------------------------------ */

static void
add_str (JsonBuilder *b,
         const char  *name,
         const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

/* A member @name (or, NULL, a value) holding the strings of @arr. */
static void
add_strv (JsonBuilder *b,
          const char  *name,
          GPtrArray   *arr)
{
  if (name != NULL)
    json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; arr != NULL && i < arr->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (arr, i));
  json_builder_end_array (b);
}

static void
add_languages (JsonBuilder *b,
               GPtrArray   *languages)
{
  json_builder_begin_array (b);
  for (guint i = 0; languages != NULL && i < languages->len; i++)
    {
      const SlLanguage *l = g_ptr_array_index (languages, i);
      json_builder_begin_object (b);
      add_str (b, "language", l->language);
      add_str (b, "level", l->level);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static char *
builder_to_string (JsonBuilder *b,
                   gboolean     pretty)
{
  g_autoptr(JsonNode) root = json_builder_get_root (b);

  return sl_json_node_to_string (root, pretty);
}

char *
sl_job_languages_to_json (GPtrArray *languages)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_languages (b, languages);
  return builder_to_string (b, FALSE);
}

char *
sl_job_strv_to_json (GPtrArray *arr)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  add_strv (b, NULL, arr);
  return builder_to_string (b, FALSE);
}

char *
sl_job_to_json (const SlJob *job)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (job != NULL, NULL);

  json_builder_begin_object (b);
  add_str (b, "uuid", job->uuid);
  add_str (b, "title", job->title);
  add_str (b, "description", job->description);
  add_strv (b, "required_skills", job->required_skills);
  add_strv (b, "nice_skills", job->nice_skills);
  json_builder_set_member_name (b, "min_years");
  json_builder_add_int_value (b, job->min_years);
  add_str (b, "location", job->location);
  add_str (b, "remote", sl_remote_policy_to_string (job->remote));
  json_builder_set_member_name (b, "languages");
  add_languages (b, job->languages);
  add_str (b, "created_at", job->created_at);
  add_str (b, "updated_at", job->updated_at);
  json_builder_end_object (b);
  return builder_to_string (b, TRUE);
}

static gboolean
get_opt_str (JsonObject  *o,
             const char  *name,
             char       **out,
             GError     **error)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                   _("The job’s “%s” must be a string"), name);
      return FALSE;
    }
  sl_rank_set_str (out, json_node_get_string (n));
  return TRUE;
}

gboolean
sl_job_strv_from_json_node (JsonNode    *n,
                            const char  *name,
                            GPtrArray   *out,
                            GError     **error)
{
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                   _("The job’s “%s” must be a list of strings"), name);
      return FALSE;
    }
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        {
          g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                       _("The job’s “%s” must be a list of strings"), name);
          return FALSE;
        }
      g_ptr_array_add (out, g_strdup (json_node_get_string (e)));
    }
  return TRUE;
}

gboolean
sl_job_languages_from_json_node (JsonNode   *n,
                                 GPtrArray  *out,
                                 GError    **error)
{
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    goto bad;
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);
      g_autofree char *language = NULL, *level = NULL;

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        {
          /* "German C1" as a plain string */
          g_autoptr(SlLanguage) l = sl_rules_parse_language (json_node_get_string (e));
          if (l == NULL)
            l = sl_language_new (json_node_get_string (e), NULL);
          g_ptr_array_add (out, g_steal_pointer (&l));
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (e))
        goto bad;
      if (!get_opt_str (json_node_get_object (e), "language", &language, error) ||
          !get_opt_str (json_node_get_object (e), "level", &level, error))
        return FALSE;
      if (!sl_str_empty (language))
        g_ptr_array_add (out, sl_language_new (language, sl_str_empty (level) ? NULL : level));
    }
  return TRUE;

bad:
  g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
               _("The job’s “languages” must be a list of {\"language\", \"level\"}"));
  return FALSE;
}

SlJob *
sl_job_from_json (const char  *json,
                  gssize       length,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SlJob) job = sl_job_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *remote = NULL;
  JsonObject *o;
  JsonNode *root, *n;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local))
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                   _("The job is not valid JSON: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                           _("A job in JSON must be an object"));
      return NULL;
    }
  o = json_node_get_object (root);
  if (!get_opt_str (o, "uuid", &job->uuid, error) ||
      !get_opt_str (o, "title", &job->title, error) ||
      !get_opt_str (o, "description", &job->description, error) ||
      !get_opt_str (o, "location", &job->location, error) ||
      !get_opt_str (o, "remote", &remote, error) ||
      !get_opt_str (o, "created_at", &job->created_at, error) ||
      !get_opt_str (o, "updated_at", &job->updated_at, error) ||
      !sl_job_strv_from_json_node (json_object_get_member (o, "required_skills"), "required_skills",
                                   job->required_skills, error) ||
      !sl_job_strv_from_json_node (json_object_get_member (o, "nice_skills"), "nice_skills",
                                   job->nice_skills, error) ||
      !sl_job_languages_from_json_node (json_object_get_member (o, "languages"), job->languages, error))
    return NULL;

  n = json_object_get_member (o, "min_years");
  if (n != NULL && !JSON_NODE_HOLDS_NULL (n))
    {
      if (!JSON_NODE_HOLDS_VALUE (n) ||
          (json_node_get_value_type (n) != G_TYPE_INT64 && json_node_get_value_type (n) != G_TYPE_DOUBLE))
        {
          g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                               _("The job’s “min_years” must be a number"));
          return NULL;
        }
      job->min_years = (int) CLAMP (json_node_get_double (n), 0, 60);
    }
  if (remote != NULL && !sl_remote_policy_from_string (remote, &job->remote))
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                   _("Unknown remote policy “%s” (use any, onsite, hybrid or remote)"), remote);
      return NULL;
    }

  if (sl_str_empty (job->title) && !sl_str_empty (job->description))
    {
      /* Only a description: read the rest from it, keep what was given. */
      g_autoptr(SlJob) parsed = sl_job_from_text (NULL, job->description, NULL);
      if (parsed != NULL)
        sl_rank_set_str (&job->title, parsed->title);
    }
  sl_job_normalize (job);
  if (job->title == NULL)
    {
      g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                           _("The job has no title and no description"));
      return NULL;
    }
  return g_steal_pointer (&job);
}

/* From a description ---------------------------------------------------------- */

/* ASCII-lower copy, for keyword tests. */
static gboolean
has_word (const char *lower,
          const char *word)
{
  gsize n = strlen (word);

  for (const char *p = strstr (lower, word); p != NULL; p = strstr (p + 1, word))
    {
      gboolean left = p == lower || !g_ascii_isalnum (p[-1]);
      gboolean right = !g_ascii_isalnum (p[n]);
      if (left && right)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_any (const char         *lower,
         const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (has_word (lower, words[i]))
      return TRUE;
  return FALSE;
}

static const char * const nice_words[] = {
  "nice to have", "nice-to-have", "a plus", "is a plus", "bonus", "bonus points", "preferred",
  "wünschenswert", "von vorteil", "ein plus", "optional", "desirable", NULL
};
static const char * const required_words[] = {
  "requirements", "required", "must have", "must-have", "qualifications", "you have",
  "you bring", "what you bring", "what we expect", "anforderungen", "profil", "your profile",
  "skills", "must", NULL
};

/* A heading: ends with a colon, or a few words without a list or a
 * sentence ("Nice to have", "Requirements"). */
static gboolean
is_heading (const char *line)
{
  gsize len = strlen (line);
  guint words = 0;
  gboolean in_word = FALSE;

  if (len == 0 || len > 60)
    return FALSE;
  if (line[len - 1] == ':')
    return TRUE;
  for (const char *p = line; *p != '\0'; p++)
    {
      gboolean alnum = g_ascii_isalnum (*p) || (guchar) *p >= 0x80;
      if (*p == ',' || *p == '.')
        return FALSE;
      if (alnum && !in_word)
        words++;
      in_word = alnum;
    }
  return words <= 4;
}

/* The number before "years"/"yrs"/"Jahre": "5+ years", "at least 3 years",
 * "3-5 years" and "3 to 5 years" (the lower bound); the largest in @lower,
 * or -1. */
static int
years_in (const char *lower)
{
  static const char * const units[] = { "years", "year", "yrs", "jahre", "jahren" };
  int best = -1;

  for (const char *p = lower; *p != '\0'; p++)
    {
      const char *q = p;
      int n = 0, digits = 0;

      if (!g_ascii_isdigit (*p) || (p > lower && g_ascii_isalnum (p[-1])))
        continue;
      while (g_ascii_isdigit (*q) && digits < 3)
        n = n * 10 + (*q++ - '0'), digits++;
      p = q - 1;
      if (g_ascii_isdigit (*q))
        continue;
      for (;;)
        {
          if (*q == '+' || *q == ' ' || *q == '-' || g_ascii_isdigit (*q))
            q++;
          else if (g_str_has_prefix (q, "\xe2\x80\x93"))  /* en dash */
            q += 3;
          else if (g_str_has_prefix (q, "to ") || g_str_has_prefix (q, "bis "))
            q += q[0] == 't' ? 3 : 4;
          else
            break;
        }
      for (guint u = 0; u < G_N_ELEMENTS (units); u++)
        if (g_str_has_prefix (q, units[u]) && !g_ascii_isalpha (q[strlen (units[u])]))
          {
            if (n > 0 && n <= 40 && n > best)
              best = n;
            /* past the upper bound of a range */
            p = q + strlen (units[u]) - 1;
            break;
          }
    }
  return best;
}

static void
scan_languages (SlJob      *job,
                const char *line,
                const char *lower)
{
  static const char * const context[] = {
    "language", "languages", "speak", "speaking", "spoken", "written", "fluent", "fluency",
    "native", "proficient", "proficiency", "business", "sprache", "sprachen", "deutsch",
    "kenntnisse", "verhandlungssicher", "fließend", "required", NULL
  };
  g_auto(GStrv) parts = g_regex_split_simple ("[,;/]|\\band\\b|\\bund\\b|\\bor\\b", line, 0, 0);
  gboolean line_context = has_any (lower, context);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(SlLanguage) l = sl_rules_parse_language (parts[i]);

      if (l == NULL || (l->level == NULL && !line_context))
        continue;
      for (guint k = 0; k < job->languages->len; k++)
        if (g_ascii_strcasecmp (((SlLanguage *) g_ptr_array_index (job->languages, k))->language,
                                l->language) == 0)
          g_clear_pointer (&l, sl_language_free);
      if (l != NULL)
        g_ptr_array_add (job->languages, g_steal_pointer (&l));
    }
}

static char *
location_value (const char *line)
{
  static const char * const keys[] = { "location:", "standort:", "ort:", "based in", "office:", "city:" };
  g_autofree char *lower = g_ascii_strdown (line, -1);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_has_prefix (lower, keys[i]))
      {
        g_autofree char *v = sl_strdup_clean (line + strlen (keys[i]));
        if (v != NULL)
          {
            /* "Berlin (hybrid)" → "Berlin" */
            char *paren = strchr (v, '(');
            if (paren != NULL && paren > v)
              *paren = '\0';
            return sl_strdup_clean (v);
          }
      }
  return NULL;
}

SlJob *
sl_job_from_text (const char  *title,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(SlJob) job = sl_job_new ();
  g_auto(GStrv) lines = NULL;
  g_autofree char *all_lower = NULL;
  gboolean nice_mode = FALSE;
  int years = -1;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                           _("The job description is not UTF-8 text"));
      return NULL;
    }
  job->title = sl_strdup_clean (title);
  job->description = text != NULL && !sl_str_empty (text) ? g_strdup (text) : NULL;
  lines = g_strsplit_set (text != NULL ? text : "", "\n\r\f", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = sl_strdup_clean (lines[i]);
      g_autofree char *lower = NULL;
      g_autofree char *loc = NULL;
      g_autoptr(GArray) hits = NULL;
      gboolean line_nice, heading;
      int y;

      if (line == NULL)
        continue;
      if (job->title == NULL)
        {
          job->title = g_strdup (line);
          continue;
        }
      lower = g_utf8_strdown (line, -1);
      heading = is_heading (line);
      line_nice = has_any (lower, nice_words);
      if (heading && line_nice)
        nice_mode = TRUE;
      else if (heading && has_any (lower, required_words))
        nice_mode = FALSE;
      line_nice = line_nice || nice_mode;

      if (job->location == NULL && (loc = location_value (line)) != NULL)
        sl_rank_set_str (&job->location, loc);

      hits = sl_skills_find (line, -1);
      for (guint k = 0; k < hits->len; k++)
        {
          const SlSkillMatch *m = &g_array_index (hits, SlSkillMatch, k);
          if (m->listed_only)
            continue;
          sl_rank_strv_add_unique (line_nice ? job->nice_skills : job->required_skills, m->canonical);
        }
      if (!line_nice && (y = years_in (lower)) > years)
        years = y;
      scan_languages (job, line, lower);
    }

  all_lower = g_utf8_strdown (text != NULL ? text : "", -1);
  if (has_word (all_lower, "hybrid"))
    job->remote = SL_REMOTE_HYBRID;
  else if ((has_word (all_lower, "remote") || has_word (all_lower, "home office") ||
            has_word (all_lower, "work from home")) &&
           !has_word (all_lower, "no remote") && !has_word (all_lower, "not remote"))
    job->remote = SL_REMOTE_FULL;
  else if (has_word (all_lower, "on-site") || has_word (all_lower, "onsite") ||
           has_word (all_lower, "on site") || has_word (all_lower, "in the office") ||
           has_word (all_lower, "vor ort"))
    job->remote = SL_REMOTE_ONSITE;
  if (years > 0)
    job->min_years = years;

  sl_job_normalize (job);
  if (job->title == NULL)
    {
      g_set_error_literal (error, SL_JOB_ERROR, SL_JOB_ERROR_INVALID,
                           _("The job has no title and no description"));
      return NULL;
    }
  return g_steal_pointer (&job);
}

SlJob *
sl_job_from_file (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GString) text = NULL;
  gsize len = 0;
  const char *p;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &data, &len, NULL, &local))
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_READ,
                   _("Could not read the job file: %s"), local->message);
      return NULL;
    }
  for (p = data; p < data + len && g_ascii_isspace (*p); p++)
    ;
  if (p < data + len && *p == '{')
    return sl_job_from_json (data, (gssize) len, error);

  path = g_file_get_path (file);
  if (path != NULL)
    docs = sl_extract_file (path, NULL, cancellable, &local);
  else
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), len);
      docs = sl_extract_bytes (bytes, NULL, NULL, cancellable, &local);
    }
  if (docs == NULL)
    {
      g_set_error (error, SL_JOB_ERROR, SL_JOB_ERROR_READ,
                   _("Could not read the job description: %s"), local->message);
      return NULL;
    }
  text = g_string_new (NULL);
  for (guint i = 0; i < docs->len; i++)
    {
      const SlDocument *d = g_ptr_array_index (docs, i);
      if (d->text == NULL)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, d->text);
    }
  return sl_job_from_text (NULL, text->str, error);
}
