/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sl-date.h"
#include "sl-json.h"
#include "sl-profile.h"

static GPtrArray *
strv_array_copy (const GPtrArray *src)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (g_free);
  if (src != NULL)
    for (guint i = 0; i < src->len; i++)
      g_ptr_array_add (dst, g_strdup (g_ptr_array_index (src, i)));
  return dst;
}

typedef gpointer (*CopyOne) (gconstpointer item);

static GPtrArray *
array_copy_impl (const GPtrArray *src,
                 CopyOne          copy,
                 GDestroyNotify   free_func)
{
  GPtrArray *dst = g_ptr_array_new_with_free_func (free_func);
  if (src != NULL)
    for (guint i = 0; i < src->len; i++)
      g_ptr_array_add (dst, copy (g_ptr_array_index (src, i)));
  return dst;
}

/* Casting through void (*)(void) keeps -Wcast-function-type quiet: every
 * copy function takes one const pointer and returns a new one. */
#define array_copy(src, copy, free_func) \
  array_copy_impl ((src), (CopyOne) (void (*) (void)) (copy), (free_func))

/* Work entries */

SlWorkEntry *
sl_work_entry_new (void)
{
  return g_new0 (SlWorkEntry, 1);
}

SlWorkEntry *
sl_work_entry_copy (const SlWorkEntry *e)
{
  SlWorkEntry *c;

  g_return_val_if_fail (e != NULL, NULL);
  c = sl_work_entry_new ();
  c->company = g_strdup (e->company);
  c->title = g_strdup (e->title);
  c->location = g_strdup (e->location);
  c->start = g_strdup (e->start);
  c->end = g_strdup (e->end);
  c->current = e->current;
  c->description = g_strdup (e->description);
  return c;
}

void
sl_work_entry_free (SlWorkEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->company);
  g_free (e->title);
  g_free (e->location);
  g_free (e->start);
  g_free (e->end);
  g_free (e->description);
  g_free (e);
}

/* Education */

SlEducationEntry *
sl_education_entry_new (void)
{
  return g_new0 (SlEducationEntry, 1);
}

SlEducationEntry *
sl_education_entry_copy (const SlEducationEntry *e)
{
  SlEducationEntry *c;

  g_return_val_if_fail (e != NULL, NULL);
  c = sl_education_entry_new ();
  c->institution = g_strdup (e->institution);
  c->degree = g_strdup (e->degree);
  c->level = g_strdup (e->level);
  c->field = g_strdup (e->field);
  c->start = g_strdup (e->start);
  c->end = g_strdup (e->end);
  c->grade = g_strdup (e->grade);
  return c;
}

void
sl_education_entry_free (SlEducationEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->institution);
  g_free (e->degree);
  g_free (e->level);
  g_free (e->field);
  g_free (e->start);
  g_free (e->end);
  g_free (e->grade);
  g_free (e);
}

/* Skills */

SlSkill *
sl_skill_new (const char *name,
              const char *canonical)
{
  SlSkill *s = g_new0 (SlSkill, 1);
  s->name = g_strdup (name);
  s->canonical = g_strdup (canonical);
  return s;
}

SlSkill *
sl_skill_copy (const SlSkill *s)
{
  SlSkill *c;

  g_return_val_if_fail (s != NULL, NULL);
  c = sl_skill_new (s->name, s->canonical);
  c->category = g_strdup (s->category);
  return c;
}

void
sl_skill_free (SlSkill *s)
{
  if (s == NULL)
    return;
  g_free (s->name);
  g_free (s->canonical);
  g_free (s->category);
  g_free (s);
}

/* Certifications */

SlCertification *
sl_certification_new (void)
{
  return g_new0 (SlCertification, 1);
}

SlCertification *
sl_certification_copy (const SlCertification *e)
{
  SlCertification *c;

  g_return_val_if_fail (e != NULL, NULL);
  c = sl_certification_new ();
  c->name = g_strdup (e->name);
  c->issuer = g_strdup (e->issuer);
  c->date = g_strdup (e->date);
  return c;
}

void
sl_certification_free (SlCertification *e)
{
  if (e == NULL)
    return;
  g_free (e->name);
  g_free (e->issuer);
  g_free (e->date);
  g_free (e);
}

/* Languages */

SlLanguage *
sl_language_new (const char *language,
                 const char *level)
{
  SlLanguage *l = g_new0 (SlLanguage, 1);
  l->language = g_strdup (language);
  l->level = g_strdup (level);
  return l;
}

SlLanguage *
sl_language_copy (const SlLanguage *l)
{
  g_return_val_if_fail (l != NULL, NULL);
  return sl_language_new (l->language, l->level);
}

void
sl_language_free (SlLanguage *l)
{
  if (l == NULL)
    return;
  g_free (l->language);
  g_free (l->level);
  g_free (l);
}

/* Projects */

SlProject *
sl_project_new (void)
{
  SlProject *p = g_new0 (SlProject, 1);
  p->keywords = g_ptr_array_new_with_free_func (g_free);
  return p;
}

SlProject *
sl_project_copy (const SlProject *p)
{
  SlProject *c;

  g_return_val_if_fail (p != NULL, NULL);
  c = g_new0 (SlProject, 1);
  c->name = g_strdup (p->name);
  c->description = g_strdup (p->description);
  c->url = g_strdup (p->url);
  c->start = g_strdup (p->start);
  c->end = g_strdup (p->end);
  c->keywords = strv_array_copy (p->keywords);
  return c;
}

void
sl_project_free (SlProject *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->description);
  g_free (p->url);
  g_free (p->start);
  g_free (p->end);
  g_clear_pointer (&p->keywords, g_ptr_array_unref);
  g_free (p);
}

/* Field notes and timings */

SlFieldNote *
sl_field_note_new (const char *field,
                   double      confidence,
                   const char *source,
                   const char *provenance)
{
  SlFieldNote *n = g_new0 (SlFieldNote, 1);
  n->field = g_strdup (field);
  n->confidence = CLAMP (confidence, 0.0, 1.0);
  n->source = g_strdup (source);
  n->provenance = g_strdup (provenance);
  return n;
}

SlFieldNote *
sl_field_note_copy (const SlFieldNote *n)
{
  g_return_val_if_fail (n != NULL, NULL);
  return sl_field_note_new (n->field, n->confidence, n->source, n->provenance);
}

void
sl_field_note_free (SlFieldNote *n)
{
  if (n == NULL)
    return;
  g_free (n->field);
  g_free (n->source);
  g_free (n->provenance);
  g_free (n);
}

SlTiming *
sl_timing_new (const char *stage,
               double      ms)
{
  SlTiming *t = g_new0 (SlTiming, 1);
  t->stage = g_strdup (stage);
  t->ms = ms;
  return t;
}

SlTiming *
sl_timing_copy (const SlTiming *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return sl_timing_new (t->stage, t->ms);
}

void
sl_timing_free (SlTiming *t)
{
  if (t == NULL)
    return;
  g_free (t->stage);
  g_free (t);
}

/* Profiles */

static void
metadata_init (SlMetadata *m)
{
  m->prompt_tokens = -1;
  m->completion_tokens = -1;
  m->llm_latency_ms = -1;
  m->experience_months = -1;
  m->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_field_note_free);
  m->timings = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_timing_free);
  m->warnings = g_ptr_array_new_with_free_func (g_free);
  m->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

SlProfile *
sl_profile_new (void)
{
  SlProfile *p = g_new0 (SlProfile, 1);

  p->personal.links = g_ptr_array_new_with_free_func (g_free);
  p->work = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_work_entry_free);
  p->education = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_education_entry_free);
  p->skills = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_skill_free);
  p->certifications = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_certification_free);
  p->languages = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_language_free);
  p->projects = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_project_free);
  p->achievements = g_ptr_array_new_with_free_func (g_free);
  p->interests = g_ptr_array_new_with_free_func (g_free);
  metadata_init (&p->meta);
  return p;
}

SlProfile *
sl_profile_copy (const SlProfile *p)
{
  SlProfile *c;
  const SlPersonalInfo *pi;
  GHashTableIter iter;
  gpointer k, v;

  g_return_val_if_fail (p != NULL, NULL);

  c = g_new0 (SlProfile, 1);
  pi = &p->personal;
  c->personal.name = g_strdup (pi->name);
  c->personal.email = g_strdup (pi->email);
  c->personal.phone = g_strdup (pi->phone);
  c->personal.location = g_strdup (pi->location);
  c->personal.city = g_strdup (pi->city);
  c->personal.region = g_strdup (pi->region);
  c->personal.country = g_strdup (pi->country);
  c->personal.headline = g_strdup (pi->headline);
  c->personal.summary = g_strdup (pi->summary);
  c->personal.links = strv_array_copy (pi->links);

  c->work = array_copy (p->work, sl_work_entry_copy, (GDestroyNotify) sl_work_entry_free);
  c->education = array_copy (p->education, sl_education_entry_copy, (GDestroyNotify) sl_education_entry_free);
  c->skills = array_copy (p->skills, sl_skill_copy, (GDestroyNotify) sl_skill_free);
  c->certifications = array_copy (p->certifications, sl_certification_copy, (GDestroyNotify) sl_certification_free);
  c->languages = array_copy (p->languages, sl_language_copy, (GDestroyNotify) sl_language_free);
  c->projects = array_copy (p->projects, sl_project_copy, (GDestroyNotify) sl_project_free);
  c->achievements = strv_array_copy (p->achievements);
  c->interests = strv_array_copy (p->interests);

  c->meta.extraction_method = g_strdup (p->meta.extraction_method);
  c->meta.parser = g_strdup (p->meta.parser);
  c->meta.parser_version = g_strdup (p->meta.parser_version);
  c->meta.model = g_strdup (p->meta.model);
  c->meta.prompt_version = g_strdup (p->meta.prompt_version);
  c->meta.prompt_tokens = p->meta.prompt_tokens;
  c->meta.completion_tokens = p->meta.completion_tokens;
  c->meta.llm_latency_ms = p->meta.llm_latency_ms;
  c->meta.experience_months = p->meta.experience_months;
  c->meta.fields = array_copy (p->meta.fields, sl_field_note_copy, (GDestroyNotify) sl_field_note_free);
  c->meta.timings = array_copy (p->meta.timings, sl_timing_copy, (GDestroyNotify) sl_timing_free);
  c->meta.warnings = strv_array_copy (p->meta.warnings);
  c->meta.extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, p->meta.extras);
  while (g_hash_table_iter_next (&iter, &k, &v))
    g_hash_table_insert (c->meta.extras, g_strdup (k), g_strdup (v));

  c->source = g_strdup (p->source);
  return c;
}

void
sl_profile_free (SlProfile *p)
{
  if (p == NULL)
    return;
  g_free (p->personal.name);
  g_free (p->personal.email);
  g_free (p->personal.phone);
  g_free (p->personal.location);
  g_free (p->personal.city);
  g_free (p->personal.region);
  g_free (p->personal.country);
  g_free (p->personal.headline);
  g_free (p->personal.summary);
  g_clear_pointer (&p->personal.links, g_ptr_array_unref);
  g_clear_pointer (&p->work, g_ptr_array_unref);
  g_clear_pointer (&p->education, g_ptr_array_unref);
  g_clear_pointer (&p->skills, g_ptr_array_unref);
  g_clear_pointer (&p->certifications, g_ptr_array_unref);
  g_clear_pointer (&p->languages, g_ptr_array_unref);
  g_clear_pointer (&p->projects, g_ptr_array_unref);
  g_clear_pointer (&p->achievements, g_ptr_array_unref);
  g_clear_pointer (&p->interests, g_ptr_array_unref);
  g_free (p->meta.extraction_method);
  g_free (p->meta.parser);
  g_free (p->meta.parser_version);
  g_free (p->meta.model);
  g_free (p->meta.prompt_version);
  g_clear_pointer (&p->meta.fields, g_ptr_array_unref);
  g_clear_pointer (&p->meta.timings, g_ptr_array_unref);
  g_clear_pointer (&p->meta.warnings, g_ptr_array_unref);
  g_clear_pointer (&p->meta.extras, g_hash_table_unref);
  g_free (p->source);
  g_free (p);
}

void
sl_profile_add_warning (SlProfile  *profile,
                        const char *warning)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (warning != NULL);

  for (guint i = 0; i < profile->meta.warnings->len; i++)
    if (g_str_equal (g_ptr_array_index (profile->meta.warnings, i), warning))
      return;
  g_ptr_array_add (profile->meta.warnings, g_strdup (warning));
}

void
sl_profile_add_timing (SlProfile  *profile,
                       const char *stage,
                       double      ms)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (stage != NULL);

  for (guint i = 0; i < profile->meta.timings->len; i++)
    {
      SlTiming *t = g_ptr_array_index (profile->meta.timings, i);
      if (g_str_equal (t->stage, stage))
        {
          t->ms = ms;
          return;
        }
    }
  g_ptr_array_add (profile->meta.timings, sl_timing_new (stage, ms));
}

void
sl_profile_set_field_note (SlProfile  *profile,
                           const char *field,
                           double      confidence,
                           const char *source,
                           const char *provenance)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < profile->meta.fields->len; i++)
    {
      SlFieldNote *n = g_ptr_array_index (profile->meta.fields, i);
      if (g_str_equal (n->field, field))
        {
          g_ptr_array_index (profile->meta.fields, i) =
            sl_field_note_new (field, confidence, source, provenance);
          sl_field_note_free (n);
          return;
        }
    }
  g_ptr_array_add (profile->meta.fields,
                   sl_field_note_new (field, confidence, source, provenance));
}

const SlFieldNote *
sl_profile_get_field_note (const SlProfile *profile,
                           const char      *field)
{
  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < profile->meta.fields->len; i++)
    {
      const SlFieldNote *n = g_ptr_array_index (profile->meta.fields, i);
      if (g_str_equal (n->field, field))
        return n;
    }
  return NULL;
}

void
sl_profile_set_extra (SlProfile  *profile,
                      const char *key,
                      const char *value)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (key != NULL);

  if (value == NULL)
    g_hash_table_remove (profile->meta.extras, key);
  else
    g_hash_table_insert (profile->meta.extras, g_strdup (key), g_strdup (value));
}

typedef struct { int start, end; } Interval;

static int
interval_cmp (gconstpointer a,
              gconstpointer b)
{
  const Interval *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

int
sl_profile_compute_experience_months (const SlProfile *profile,
                                      const char      *today)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autofree char *this_month = NULL;
  int now, total = 0, cur_start = -1, cur_end = -1;

  g_return_val_if_fail (profile != NULL, -1);

  if (today == NULL)
    today = this_month = sl_date_this_month ();
  now = sl_date_to_month_index (today, TRUE);

  for (guint i = 0; i < profile->work->len; i++)
    {
      const SlWorkEntry *e = g_ptr_array_index (profile->work, i);
      Interval iv;

      iv.start = sl_date_to_month_index (e->start, FALSE);
      if (iv.start < 0)
        continue;
      if (e->current || e->end == NULL)
        iv.end = e->current ? now : -1;
      else
        iv.end = sl_date_to_month_index (e->end, TRUE);
      if (iv.end < 0)
        {
          /* A start with no end and no current flag: a single-year entry
           * like "2019" counts that year, otherwise we cannot tell. */
          if (e->start != NULL && strlen (e->start) == 4 && e->end == NULL && !e->current)
            iv.end = sl_date_to_month_index (e->start, TRUE);
          else
            continue;
        }
      if (now >= 0 && iv.end > now)
        iv.end = now;
      if (iv.end < iv.start)
        continue;
      g_array_append_val (spans, iv);
    }

  if (spans->len == 0)
    return -1;

  g_array_sort (spans, interval_cmp);
  for (guint i = 0; i < spans->len; i++)
    {
      Interval *iv = &g_array_index (spans, Interval, i);
      if (cur_start < 0)
        {
          cur_start = iv->start;
          cur_end = iv->end;
        }
      else if (iv->start <= cur_end + 1)
        cur_end = MAX (cur_end, iv->end);
      else
        {
          total += cur_end - cur_start + 1;
          cur_start = iv->start;
          cur_end = iv->end;
        }
    }
  total += cur_end - cur_start + 1;
  return total;
}

const char *
sl_profile_last_active (const SlProfile *profile)
{
  const char *last = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  for (guint i = 0; i < profile->work->len; i++)
    {
      const SlWorkEntry *w = g_ptr_array_index (profile->work, i);
      const char *d = w->end != NULL ? w->end : w->start;

      if (w->current)
        return "now";
      if (d != NULL && (last == NULL || strcmp (d, last) > 0))
        last = d;
    }
  return last;
}

char *
sl_profile_language_list (const SlProfile *profile)
{
  GString *out;

  g_return_val_if_fail (profile != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < profile->languages->len; i++)
    {
      const SlLanguage *l = g_ptr_array_index (profile->languages, i);

      if (l->language == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, '|');
      g_string_append (out, l->language);
      g_string_append_c (out, ':');
      if (l->level != NULL)
        g_string_append (out, l->level);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

const SlWorkEntry *
sl_profile_current_work (const SlProfile *profile)
{
  const SlWorkEntry *best = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  for (guint i = 0; i < profile->work->len; i++)
    {
      const SlWorkEntry *e = g_ptr_array_index (profile->work, i);
      const char *e_key, *b_key;

      if (best == NULL)
        {
          best = e;
          continue;
        }
      if (e->current != best->current)
        {
          if (e->current)
            best = e;
          continue;
        }
      e_key = e->end ? e->end : e->start;
      b_key = best->end ? best->end : best->start;
      if (sl_date_compare (e_key, b_key) > 0)
        best = e;
    }
  return best;
}

GPtrArray *
sl_profile_skill_names (const SlProfile *profile)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (profile != NULL, names);

  for (guint i = 0; i < profile->skills->len; i++)
    {
      const SlSkill *s = g_ptr_array_index (profile->skills, i);
      const char *name = s->canonical ? s->canonical : s->name;
      char *key;

      if (name == NULL)
        continue;
      /* Unicode case folding maps only A-Z among ASCII characters. */
      key = g_str_is_ascii (name) ? g_ascii_strdown (name, -1) : g_utf8_casefold (name, -1);
      if (g_hash_table_contains (seen, key))
        {
          g_free (key);
          continue;
        }
      g_hash_table_add (seen, key);
      g_ptr_array_add (names, (gpointer) name);
    }
  return names;
}

gboolean
sl_profile_equal (const SlProfile *a,
                  const SlProfile *b)
{
  g_autofree char *ja = NULL;
  g_autofree char *jb = NULL;

  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;
  /* The JSON form is canonical (fixed member order, sorted extras), so
   * comparing it compares everything that is stored. */
  ja = sl_profile_to_json (a, FALSE);
  jb = sl_profile_to_json (b, FALSE);
  return g_strcmp0 (ja, jb) == 0;
}
