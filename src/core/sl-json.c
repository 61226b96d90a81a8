/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sl-json.h"

G_DEFINE_QUARK (sl-core-error-quark, sl_core_error)

static const char * const section_names[] = {
  "personal_info", "work_experience", "education", "skills", "certifications",
  "languages", "projects", "achievements", "interests", "metadata", NULL
};

const char * const *
sl_profile_section_names (void)
{
  return section_names;
}

/* Writing */

static void
add_str (JsonBuilder *b,
         const char  *key,
         const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

static void
add_strv (JsonBuilder     *b,
          const char      *key,
          const GPtrArray *values)
{
  if (key != NULL)
    json_builder_set_member_name (b, key);
  json_builder_begin_array (b);
  if (values != NULL)
    for (guint i = 0; i < values->len; i++)
      json_builder_add_string_value (b, g_ptr_array_index (values, i));
  json_builder_end_array (b);
}

/* The plain string members of each entry type, in their JSON order; one
 * table serves both writing and reading. */
typedef struct
{
  const char *key;
  gsize       offset;
} StrMember;

#define STR_MEMBER(type, member) { #member, G_STRUCT_OFFSET (type, member) }

static const StrMember personal_members[] = {
  STR_MEMBER (SlPersonalInfo, name), STR_MEMBER (SlPersonalInfo, email),
  STR_MEMBER (SlPersonalInfo, phone), STR_MEMBER (SlPersonalInfo, location),
  STR_MEMBER (SlPersonalInfo, city), STR_MEMBER (SlPersonalInfo, region),
  STR_MEMBER (SlPersonalInfo, country), STR_MEMBER (SlPersonalInfo, headline),
  STR_MEMBER (SlPersonalInfo, summary), { NULL, 0 }
};
/* "current" and "description" follow these. */
static const StrMember work_members[] = {
  STR_MEMBER (SlWorkEntry, company), STR_MEMBER (SlWorkEntry, title),
  STR_MEMBER (SlWorkEntry, location), STR_MEMBER (SlWorkEntry, start),
  STR_MEMBER (SlWorkEntry, end), { NULL, 0 }
};
static const StrMember education_members[] = {
  STR_MEMBER (SlEducationEntry, institution), STR_MEMBER (SlEducationEntry, degree),
  STR_MEMBER (SlEducationEntry, level), STR_MEMBER (SlEducationEntry, field),
  STR_MEMBER (SlEducationEntry, start), STR_MEMBER (SlEducationEntry, end),
  STR_MEMBER (SlEducationEntry, grade), { NULL, 0 }
};
static const StrMember skill_members[] = {
  STR_MEMBER (SlSkill, name), STR_MEMBER (SlSkill, canonical),
  STR_MEMBER (SlSkill, category), { NULL, 0 }
};
static const StrMember certification_members[] = {
  STR_MEMBER (SlCertification, name), STR_MEMBER (SlCertification, issuer),
  STR_MEMBER (SlCertification, date), { NULL, 0 }
};
static const StrMember language_members[] = {
  STR_MEMBER (SlLanguage, language), STR_MEMBER (SlLanguage, level), { NULL, 0 }
};
/* "keywords" follows these. */
static const StrMember project_members[] = {
  STR_MEMBER (SlProject, name), STR_MEMBER (SlProject, description),
  STR_MEMBER (SlProject, url), STR_MEMBER (SlProject, start),
  STR_MEMBER (SlProject, end), { NULL, 0 }
};

static void
add_members (JsonBuilder     *b,
             gconstpointer    entry,
             const StrMember *members)
{
  for (const StrMember *m = members; m->key != NULL; m++)
    add_str (b, m->key, G_STRUCT_MEMBER (const char *, entry, m->offset));
}

/* An array of objects holding only string members. */
static void
build_entries (JsonBuilder     *b,
               const GPtrArray *entries,
               const StrMember *members)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      json_builder_begin_object (b);
      add_members (b, g_ptr_array_index (entries, i), members);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_personal (JsonBuilder          *b,
                const SlPersonalInfo *pi)
{
  json_builder_begin_object (b);
  add_members (b, pi, personal_members);
  if (pi->links != NULL && pi->links->len > 0)
    add_strv (b, "links", pi->links);
  json_builder_end_object (b);
}

static void
build_work (JsonBuilder     *b,
            const GPtrArray *work)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < work->len; i++)
    {
      const SlWorkEntry *e = g_ptr_array_index (work, i);
      json_builder_begin_object (b);
      add_members (b, e, work_members);
      if (e->current)
        {
          json_builder_set_member_name (b, "current");
          json_builder_add_boolean_value (b, TRUE);
        }
      add_str (b, "description", e->description);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
build_projects (JsonBuilder     *b,
                const GPtrArray *projects)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < projects->len; i++)
    {
      const SlProject *p = g_ptr_array_index (projects, i);
      json_builder_begin_object (b);
      add_members (b, p, project_members);
      if (p->keywords != NULL && p->keywords->len > 0)
        add_strv (b, "keywords", p->keywords);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
str_ptr_cmp (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
build_metadata (JsonBuilder      *b,
                const SlMetadata *m)
{
  json_builder_begin_object (b);
  add_str (b, "extraction_method", m->extraction_method);
  add_str (b, "parser", m->parser);
  add_str (b, "parser_version", m->parser_version);
  add_str (b, "model", m->model);
  add_str (b, "prompt_version", m->prompt_version);
  if (m->prompt_tokens >= 0)
    {
      json_builder_set_member_name (b, "prompt_tokens");
      json_builder_add_int_value (b, m->prompt_tokens);
    }
  if (m->completion_tokens >= 0)
    {
      json_builder_set_member_name (b, "completion_tokens");
      json_builder_add_int_value (b, m->completion_tokens);
    }
  if (m->llm_latency_ms >= 0)
    {
      json_builder_set_member_name (b, "llm_latency_ms");
      json_builder_add_double_value (b, m->llm_latency_ms);
    }
  if (m->experience_months >= 0)
    {
      json_builder_set_member_name (b, "experience_months");
      json_builder_add_int_value (b, m->experience_months);
    }
  if (m->fields->len > 0)
    {
      json_builder_set_member_name (b, "fields");
      json_builder_begin_array (b);
      for (guint i = 0; i < m->fields->len; i++)
        {
          const SlFieldNote *n = g_ptr_array_index (m->fields, i);
          json_builder_begin_object (b);
          add_str (b, "field", n->field);
          json_builder_set_member_name (b, "confidence");
          json_builder_add_double_value (b, n->confidence);
          add_str (b, "source", n->source);
          add_str (b, "provenance", n->provenance);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
    }
  if (m->timings->len > 0)
    {
      json_builder_set_member_name (b, "timings");
      json_builder_begin_object (b);
      for (guint i = 0; i < m->timings->len; i++)
        {
          const SlTiming *t = g_ptr_array_index (m->timings, i);
          json_builder_set_member_name (b, t->stage);
          json_builder_add_double_value (b, t->ms);
        }
      json_builder_end_object (b);
    }
  if (m->warnings->len > 0)
    add_strv (b, "warnings", m->warnings);
  if (g_hash_table_size (m->extras) > 0)
    {
      /* Sorted so the output is stable whatever the hash order. */
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (m->extras, NULL);
      guint n = g_hash_table_size (m->extras);
      qsort (keys, n, sizeof (gpointer), str_ptr_cmp);
      json_builder_set_member_name (b, "extras");
      json_builder_begin_object (b);
      for (guint i = 0; i < n; i++)
        add_str (b, keys[i], g_hash_table_lookup (m->extras, keys[i]));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
build_section (JsonBuilder     *b,
               const SlProfile *p,
               const char      *section)
{
  if (g_str_equal (section, "personal_info"))
    build_personal (b, &p->personal);
  else if (g_str_equal (section, "work_experience"))
    build_work (b, p->work);
  else if (g_str_equal (section, "education"))
    build_entries (b, p->education, education_members);
  else if (g_str_equal (section, "skills"))
    build_entries (b, p->skills, skill_members);
  else if (g_str_equal (section, "certifications"))
    build_entries (b, p->certifications, certification_members);
  else if (g_str_equal (section, "languages"))
    build_entries (b, p->languages, language_members);
  else if (g_str_equal (section, "projects"))
    build_projects (b, p->projects);
  else if (g_str_equal (section, "achievements"))
    add_strv (b, NULL, p->achievements);
  else if (g_str_equal (section, "interests"))
    add_strv (b, NULL, p->interests);
  else if (g_str_equal (section, "metadata"))
    build_metadata (b, &p->meta);
  else
    g_assert_not_reached ();
}

/* Writing straight into a GString, without the JsonBuilder tree: the
 * store writes ten sections per profile on every import, and building and
 * freeing the nodes cost more than the text.  The output is byte for byte
 * what json-glib's generator writes for the builder's tree (tests/test-core.c
 * compares the two): its escaping ('"' and '\\' backslashed, \b \f \n \r \t,
 * the other bytes 0x01-0x1f and 0x7f as \u00XX, all non-ASCII as is;
 * 0x1f as sl_json_node_to_string () mends json-glib's output),
 * g_ascii_dtostr () for doubles with ".0" added when there is no
 * '.', and a member set twice kept at its first place with its last value. */

/* The bytes put_string stops at: the end (0), those it escapes. */
static const guint8 json_stop[256] = {
  [0x00 ... 0x1f] = 1, ['"'] = 1, ['\\'] = 1, [0x7f] = 1,
};

/* g_string_append_len () without its general insert (a call, an
 * overlap check and a memmove a piece): most pieces fit the buffer. */
static inline void
append_len (GString    *out,
            const char *s,
            gsize       n)
{
  if (G_LIKELY (out->len + n < out->allocated_len))
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

/* Whether one of the 8 bytes at @p is one put_string stops at: below
 * 0x20, '"', '\\' or 0x7f (a zero byte of @p's word XOR that byte; each
 * test exact as a yes/no answer for the whole word). */
static inline gboolean
word_has_stop (const char *p)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 w, q, b, d;

  memcpy (&w, p, sizeof w);
  q = w ^ (ones * '"');
  b = w ^ (ones * '\\');
  d = w ^ (ones * 0x7f);
  return ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b) | ((d - ones) & ~d)) & high) != 0;
}

static void
put_string (GString    *out,
            const char *s)
{
  const char *run, *p, *end;

  if (s == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  end = s + strlen (s);
  g_string_append_c (out, '"');
  for (run = p = s; ; p++)
    {
      guchar c;
      const char *esc;

      /* eight bytes at a time while none of them stops (the NUL at @end
       * does, so the byte loop below ends there at the latest) */
      while (end - p >= 8 && !word_has_stop (p))
        p += 8;
      while (!json_stop[(guchar) *p])
        p++;
      c = (guchar) *p;
      if (c == '\0')
        break;
      append_len (out, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
          g_string_append_printf (out, "\\u00%02x", (guint) c);
          continue;
        }
      append_len (out, esc, 2);
    }
  append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

/* The separator before a member or element, then the member's name. */
static void
put_key (GString    *out,
         gboolean   *first,
         const char *key)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  if (key != NULL)
    {
      put_string (out, key);
      g_string_append_c (out, ':');
    }
}

/* The text put_double () writes for a value: g_ascii_dtostr () ("%.17g",
 * ~3,000 instructions) and ".0" when it has no '.'.  Most doubles written
 * are a parser's few confidence levels: the last ones formatted are kept
 * per thread, indexed by their bits, and copied out again (timings, all
 * different, are formatted without taking a slot: put_double_fresh). */
typedef struct
{
  guint64 bits;
  guint8  len;     /* 0: empty slot */
  char    text[G_ASCII_DTOSTR_BUF_SIZE + 2];
} DoubleText;

#define DOUBLE_CACHE_BITS 6
#define DOUBLE_CACHE (1 << DOUBLE_CACHE_BITS)

static __thread DoubleText double_cache[DOUBLE_CACHE];

static void
double_format (DoubleText *d,
               double      value)
{
  gsize n;

  g_ascii_dtostr (d->text, G_ASCII_DTOSTR_BUF_SIZE, value);
  n = strlen (d->text);
  if (memchr (d->text, '.', n) == NULL)
    {
      memcpy (d->text + n, ".0", 3);
      n += 2;
    }
  memcpy (&d->bits, &value, sizeof d->bits);
  d->len = (guint8) n;
}

static void
put_double (GString *out,
            double   value)
{
  guint64 bits;
  DoubleText *d;

  memcpy (&bits, &value, sizeof bits);
  d = &double_cache[(bits * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - DOUBLE_CACHE_BITS)];
  if (d->len == 0 || d->bits != bits)
    double_format (d, value);
  append_len (out, d->text, d->len);
}

static void
put_double_fresh (GString *out,
                  double   value)
{
  DoubleText d;

  double_format (&d, value);
  append_len (out, d.text, d.len);
}

void
sl_json_put_string (GString    *out,
                    const char *s)
{
  g_return_if_fail (out != NULL);
  put_string (out, s);
}

void
sl_json_put_double (GString *out,
                    double   value)
{
  g_return_if_fail (out != NULL);
  put_double (out, value);
}

void
sl_json_put_key (GString    *out,
                 gboolean   *first,
                 const char *key)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (first != NULL);
  put_key (out, first, key);
}

static void
put_int (GString *out,
         gint64   value)
{
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
put_str_member (GString    *out,
                gboolean   *first,
                const char *key,
                const char *value)
{
  if (value == NULL)
    return;
  put_key (out, first, key);
  put_string (out, value);
}

static void
put_strv (GString         *out,
          const GPtrArray *values)
{
  g_string_append_c (out, '[');
  if (values != NULL)
    for (guint i = 0; i < values->len; i++)
      {
        if (i > 0)
          g_string_append_c (out, ',');
        put_string (out, g_ptr_array_index (values, i));
      }
  g_string_append_c (out, ']');
}

static void
put_members (GString         *out,
             gboolean        *first,
             gconstpointer    entry,
             const StrMember *members)
{
  for (const StrMember *m = members; m->key != NULL; m++)
    put_str_member (out, first, m->key, G_STRUCT_MEMBER (const char *, entry, m->offset));
}

/* Each entry an object: its @members, then what @extra adds. */
static void
put_entries (GString         *out,
             const GPtrArray *entries,
             const StrMember *members,
             void           (*extra) (GString *, gboolean *, gconstpointer))
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < entries->len; i++)
    {
      gconstpointer e = g_ptr_array_index (entries, i);
      gboolean first = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      put_members (out, &first, e, members);
      if (extra != NULL)
        extra (out, &first, e);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}

static void
put_work_extra (GString       *out,
                gboolean      *first,
                gconstpointer  entry)
{
  const SlWorkEntry *e = entry;

  if (e->current)
    {
      put_key (out, first, "current");
      g_string_append (out, "true");
    }
  put_str_member (out, first, "description", e->description);
}

static void
put_project_extra (GString       *out,
                   gboolean      *first,
                   gconstpointer  entry)
{
  const SlProject *p = entry;

  if (p->keywords != NULL && p->keywords->len > 0)
    {
      put_key (out, first, "keywords");
      put_strv (out, p->keywords);
    }
}

static void
put_personal (GString              *out,
              const SlPersonalInfo *pi)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  put_members (out, &first, pi, personal_members);
  if (pi->links != NULL && pi->links->len > 0)
    {
      put_key (out, &first, "links");
      put_strv (out, pi->links);
    }
  g_string_append_c (out, '}');
}

/* The timings object: a stage named twice stays at its first place with
 * its last value, as a JsonObject keeps it. */
static void
put_timings (GString         *out,
             const GPtrArray *timings)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < timings->len; i++)
    {
      const SlTiming *t = g_ptr_array_index (timings, i);
      const SlTiming *last = t;
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = g_strcmp0 (((const SlTiming *) g_ptr_array_index (timings, j))->stage, t->stage) == 0;
      if (seen)
        continue;
      for (guint j = i + 1; j < timings->len; j++)
        {
          const SlTiming *u = g_ptr_array_index (timings, j);
          if (g_strcmp0 (u->stage, t->stage) == 0)
            last = u;
        }
      put_key (out, &first, t->stage);
      put_double_fresh (out, last->ms);
    }
  g_string_append_c (out, '}');
}

static void
put_metadata (GString          *out,
              const SlMetadata *m)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  put_str_member (out, &first, "extraction_method", m->extraction_method);
  put_str_member (out, &first, "parser", m->parser);
  put_str_member (out, &first, "parser_version", m->parser_version);
  put_str_member (out, &first, "model", m->model);
  put_str_member (out, &first, "prompt_version", m->prompt_version);
  if (m->prompt_tokens >= 0)
    {
      put_key (out, &first, "prompt_tokens");
      put_int (out, m->prompt_tokens);
    }
  if (m->completion_tokens >= 0)
    {
      put_key (out, &first, "completion_tokens");
      put_int (out, m->completion_tokens);
    }
  if (m->llm_latency_ms >= 0)
    {
      put_key (out, &first, "llm_latency_ms");
      put_double (out, m->llm_latency_ms);
    }
  if (m->experience_months >= 0)
    {
      put_key (out, &first, "experience_months");
      put_int (out, m->experience_months);
    }
  if (m->fields->len > 0)
    {
      put_key (out, &first, "fields");
      g_string_append_c (out, '[');
      for (guint i = 0; i < m->fields->len; i++)
        {
          const SlFieldNote *n = g_ptr_array_index (m->fields, i);
          gboolean first_field = TRUE;

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          put_str_member (out, &first_field, "field", n->field);
          put_key (out, &first_field, "confidence");
          put_double (out, n->confidence);
          put_str_member (out, &first_field, "source", n->source);
          put_str_member (out, &first_field, "provenance", n->provenance);
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
    }
  if (m->timings->len > 0)
    {
      put_key (out, &first, "timings");
      put_timings (out, m->timings);
    }
  if (m->warnings->len > 0)
    {
      put_key (out, &first, "warnings");
      put_strv (out, m->warnings);
    }
  if (g_hash_table_size (m->extras) > 0)
    {
      g_autofree gpointer *keys = g_hash_table_get_keys_as_array (m->extras, NULL);
      guint n = g_hash_table_size (m->extras);
      gboolean first_extra = TRUE;

      qsort (keys, n, sizeof (gpointer), str_ptr_cmp);
      put_key (out, &first, "extras");
      g_string_append_c (out, '{');
      for (guint i = 0; i < n; i++)
        put_str_member (out, &first_extra, keys[i], g_hash_table_lookup (m->extras, keys[i]));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}

/* FALSE if @section is not a section name. */
static gboolean
put_section (GString         *out,
             const SlProfile *p,
             const char      *section)
{
  if (g_str_equal (section, "personal_info"))
    put_personal (out, &p->personal);
  else if (g_str_equal (section, "work_experience"))
    put_entries (out, p->work, work_members, put_work_extra);
  else if (g_str_equal (section, "education"))
    put_entries (out, p->education, education_members, NULL);
  else if (g_str_equal (section, "skills"))
    put_entries (out, p->skills, skill_members, NULL);
  else if (g_str_equal (section, "certifications"))
    put_entries (out, p->certifications, certification_members, NULL);
  else if (g_str_equal (section, "languages"))
    put_entries (out, p->languages, language_members, NULL);
  else if (g_str_equal (section, "projects"))
    put_entries (out, p->projects, project_members, put_project_extra);
  else if (g_str_equal (section, "achievements"))
    put_strv (out, p->achievements);
  else if (g_str_equal (section, "interests"))
    put_strv (out, p->interests);
  else if (g_str_equal (section, "metadata"))
    put_metadata (out, &p->meta);
  else
    return FALSE;
  return TRUE;
}

JsonNode *
sl_profile_to_json_node (const SlProfile *profile)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (profile != NULL, NULL);

  json_builder_begin_object (b);
  for (guint i = 0; section_names[i] != NULL; i++)
    {
      json_builder_set_member_name (b, section_names[i]);
      build_section (b, profile, section_names[i]);
    }
  add_str (b, "source", profile->source);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
sl_json_node_to_string (JsonNode *node,
                        gboolean  pretty)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;
  const char *run, *p;
  GString *out;

  json_generator_set_pretty (gen, pretty);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);

  /* json-glib 1.6 escapes the control bytes below 0x1f but writes 0x1f
   * itself raw, and JSON allows no raw control byte in a string: SQLite's
   * JSON functions (the store's triggers), Python and browsers reject the
   * text.  The generator writes no control byte outside strings (its
   * indentation is spaces and newlines), so each 0x1f is one inside a
   * string and its escape is exact. */
  if (strchr (text, 0x1f) == NULL)
    return g_steal_pointer (&text);
  out = g_string_sized_new (strlen (text) + 8);
  for (run = text; (p = strchr (run, 0x1f)) != NULL; run = p + 1)
    {
      g_string_append_len (out, run, p - run);
      g_string_append (out, "\\u001f");
    }
  g_string_append (out, run);
  return g_string_free (out, FALSE);
}

char *
sl_profile_to_json (const SlProfile *profile,
                    gboolean         pretty)
{
  GString *out;
  gboolean first = TRUE;

  g_return_val_if_fail (profile != NULL, NULL);

  if (pretty)
    {
      g_autoptr(JsonNode) node = sl_profile_to_json_node (profile);
      return sl_json_node_to_string (node, TRUE);
    }
  out = g_string_sized_new (2048);
  g_string_append_c (out, '{');
  for (guint i = 0; section_names[i] != NULL; i++)
    {
      put_key (out, &first, section_names[i]);
      put_section (out, profile, section_names[i]);
    }
  put_str_member (out, &first, "source", profile->source);
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

char *
sl_profile_section_to_json (const SlProfile *profile,
                            const char      *section)
{
  GString *out;

  g_return_val_if_fail (profile != NULL, NULL);
  g_return_val_if_fail (section != NULL, NULL);

  out = g_string_sized_new (256);
  if (!put_section (out, profile, section))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Reading: tolerant of missing members and wrong types (ignored), strict
 * only about the top level being an object. */

static JsonNode *
member_of_type (JsonObject   *object,
                const char   *member,
                JsonNodeType  type)
{
  JsonNode *n = object != NULL ? json_object_get_member (object, member) : NULL;

  return n != NULL && JSON_NODE_TYPE (n) == type ? n : NULL;
}

const char *
sl_json_member_string (JsonObject *object,
                       const char *member)
{
  JsonNode *n;

  g_return_val_if_fail (member != NULL, NULL);

  n = member_of_type (object, member, JSON_NODE_VALUE);
  return n != NULL && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n) : NULL;
}

JsonObject *
sl_json_member_object (JsonObject *object,
                       const char *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  return member_of_type (object, member, JSON_NODE_OBJECT) ? json_object_get_object_member (object, member) : NULL;
}

JsonArray *
sl_json_member_array (JsonObject *object,
                      const char *member)
{
  g_return_val_if_fail (member != NULL, NULL);

  return member_of_type (object, member, JSON_NODE_ARRAY) ? json_object_get_array_member (object, member) : NULL;
}

static char *
get_str (JsonObject *o,
         const char *key)
{
  return g_strdup (sl_json_member_string (o, key));
}

static void
read_strv (JsonArray *a,
           GPtrArray *out)
{
  if (a == NULL)
    return;
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        g_ptr_array_add (out, g_strdup (json_node_get_string (n)));
    }
}

static void
read_members (JsonObject      *o,
              gpointer         entry,
              const StrMember *members)
{
  for (const StrMember *m = members; m->key != NULL; m++)
    G_STRUCT_MEMBER (char *, entry, m->offset) = get_str (o, m->key);
}

static double
get_double (JsonObject *o,
            const char *key,
            double      fallback)
{
  JsonNode *n = json_object_get_member (o, key);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return fallback;
  switch (json_node_get_value_type (n))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (n);
    case G_TYPE_DOUBLE:
      return json_node_get_double (n);
    default:
      return fallback;
    }
}

static void
read_metadata (JsonObject *o,
               SlMetadata *m)
{
  JsonArray *a;
  JsonObject *t;

  if (o == NULL)
    return;
  m->extraction_method = get_str (o, "extraction_method");
  m->parser = get_str (o, "parser");
  m->parser_version = get_str (o, "parser_version");
  m->model = get_str (o, "model");
  m->prompt_version = get_str (o, "prompt_version");
  m->prompt_tokens = (gint64) get_double (o, "prompt_tokens", -1);
  m->completion_tokens = (gint64) get_double (o, "completion_tokens", -1);
  m->llm_latency_ms = get_double (o, "llm_latency_ms", -1);
  m->experience_months = (int) get_double (o, "experience_months", -1);

  if ((a = sl_json_member_array (o, "fields")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *f = json_array_get_object_element (a, i);
        g_autofree char *field = NULL;
        g_autofree char *source = NULL;
        g_autofree char *prov = NULL;
        if (f == NULL || (field = get_str (f, "field")) == NULL)
          continue;
        source = get_str (f, "source");
        prov = get_str (f, "provenance");
        g_ptr_array_add (m->fields, sl_field_note_new (field, get_double (f, "confidence", 0), source, prov));
      }

  if ((t = sl_json_member_object (o, "timings")) != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (t);
      for (GList *l = members; l; l = l->next)
        g_ptr_array_add (m->timings, sl_timing_new (l->data, get_double (t, l->data, 0)));
    }

  read_strv (sl_json_member_array (o, "warnings"), m->warnings);

  if ((t = sl_json_member_object (o, "extras")) != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (t);
      for (GList *l = members; l; l = l->next)
        {
          char *v = get_str (t, l->data);
          if (v != NULL)
            g_hash_table_insert (m->extras, g_strdup (l->data), v);
        }
    }
}

SlProfile *
sl_profile_from_json_node (JsonNode  *node,
                           GError   **error)
{
  g_autoptr(SlProfile) p = NULL;
  JsonObject *root, *pi;
  JsonArray *a;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, SL_CORE_ERROR, SL_CORE_ERROR_INVALID_DATA,
                   "A profile must be a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);
  p = sl_profile_new ();

  if ((pi = sl_json_member_object (root, "personal_info")) != NULL)
    {
      read_members (pi, &p->personal, personal_members);
      read_strv (sl_json_member_array (pi, "links"), p->personal.links);
    }

  if ((a = sl_json_member_array (root, "work_experience")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlWorkEntry *e;
        JsonNode *cur;
        if (o == NULL)
          continue;
        e = sl_work_entry_new ();
        read_members (o, e, work_members);
        cur = json_object_get_member (o, "current");
        e->current = cur != NULL && JSON_NODE_HOLDS_VALUE (cur) &&
                     json_node_get_value_type (cur) == G_TYPE_BOOLEAN &&
                     json_node_get_boolean (cur);
        e->description = get_str (o, "description");
        g_ptr_array_add (p->work, e);
      }

  if ((a = sl_json_member_array (root, "education")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlEducationEntry *e;
        if (o == NULL)
          continue;
        e = sl_education_entry_new ();
        read_members (o, e, education_members);
        g_ptr_array_add (p->education, e);
      }

  if ((a = sl_json_member_array (root, "skills")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonNode *n = json_array_get_element (a, i);
        if (JSON_NODE_HOLDS_OBJECT (n))
          {
            JsonObject *o = json_node_get_object (n);
            SlSkill *s = g_new0 (SlSkill, 1);
            read_members (o, s, skill_members);
            if (s->name == NULL && s->canonical == NULL)
              sl_skill_free (s);
            else
              g_ptr_array_add (p->skills, s);
          }
        else if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
          g_ptr_array_add (p->skills, sl_skill_new (json_node_get_string (n), NULL));
      }

  if ((a = sl_json_member_array (root, "certifications")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlCertification *c;
        if (o == NULL)
          continue;
        c = sl_certification_new ();
        read_members (o, c, certification_members);
        g_ptr_array_add (p->certifications, c);
      }

  if ((a = sl_json_member_array (root, "languages")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        g_autofree char *lang = NULL;
        g_autofree char *level = NULL;
        if (o == NULL)
          continue;
        lang = get_str (o, "language");
        level = get_str (o, "level");
        g_ptr_array_add (p->languages, sl_language_new (lang, level));
      }

  if ((a = sl_json_member_array (root, "projects")) != NULL)
    for (guint i = 0; i < json_array_get_length (a); i++)
      {
        JsonObject *o = json_array_get_object_element (a, i);
        SlProject *pr;
        if (o == NULL)
          continue;
        pr = sl_project_new ();
        read_members (o, pr, project_members);
        read_strv (sl_json_member_array (o, "keywords"), pr->keywords);
        g_ptr_array_add (p->projects, pr);
      }

  read_strv (sl_json_member_array (root, "achievements"), p->achievements);
  read_strv (sl_json_member_array (root, "interests"), p->interests);
  read_metadata (sl_json_member_object (root, "metadata"), &p->meta);
  p->source = get_str (root, "source");

  return g_steal_pointer (&p);
}

SlProfile *
sl_profile_from_json (const char  *json,
                      gssize       length,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, SL_CORE_ERROR, SL_CORE_ERROR_INVALID_DATA,
                   "Not valid JSON: %s", local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SL_CORE_ERROR, SL_CORE_ERROR_INVALID_DATA,
                   "The JSON document is empty");
      return NULL;
    }
  return sl_profile_from_json_node (json_parser_get_root (parser), error);
}
