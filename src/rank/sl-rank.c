/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-rank.c: scoring one candidate against a job, each component with its
 * reason in words, and NDCG for measuring a ranking.
 *
 * The scorer reads a candidate as an SlRankInput (sl-rank-private.h): the
 * same few strings whether they come from an SlProfile or from the
 * rank_features table, so the store ranker and sl_rank_score_profile()
 * cannot disagree.  Scoring without words allocates nothing; the words are
 * only built for the candidates a caller shows.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/sl-date.h"
#include "core/sl-util.h"
#include "parse/sl-skills.h"
#include "sl-job-private.h"
#include "sl-rank-private.h"

void
sl_rank_weights_init_default (SlRankWeights *weights)
{
  g_return_if_fail (weights != NULL);

  weights->weight[SL_SCORE_REQUIRED_SKILLS] = 40;
  weights->weight[SL_SCORE_NICE_SKILLS] = 10;
  weights->weight[SL_SCORE_EXPERIENCE] = 15;
  weights->weight[SL_SCORE_TITLE] = 10;
  weights->weight[SL_SCORE_LOCATION] = 8;
  weights->weight[SL_SCORE_LANGUAGES] = 7;
  weights->weight[SL_SCORE_RECENCY] = 5;
  weights->weight[SL_SCORE_TEXT] = 5;
}

static const char * const component_names[SL_SCORE_N_COMPONENTS] = {
  "required_skills", "nice_skills", "experience", "title", "location", "languages", "recency", "text",
};

static const char * const component_labels[SL_SCORE_N_COMPONENTS] = {
  N_("Required skills"), N_("Nice-to-have skills"), N_("Experience"), N_("Title"), N_("Location"),
  N_("Languages"), N_("Recency"), N_("Resume text"),
};

const char *
sl_score_component_to_string (SlScoreComponent component)
{
  g_return_val_if_fail ((guint) component < SL_SCORE_N_COMPONENTS, NULL);
  return component_names[component];
}

const char *
sl_score_component_label (SlScoreComponent component)
{
  g_return_val_if_fail ((guint) component < SL_SCORE_N_COMPONENTS, NULL);
  return g_dgettext (GETTEXT_PACKAGE, component_labels[component]);
}

void
sl_match_free (SlMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->name);
  g_free (match->title);
  for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
    g_free (match->parts[i].text);
  g_free (match->summary);
  g_free (match);
}

/* Preparing the job ------------------------------------------------------------ */

typedef struct
{
  char      *display;      /* canonical name as the job has it */
  char      *needle;       /* "|python|" */
  GPtrArray *rel_display;  /* relatives (utf8) */
  GPtrArray *rel_needle;
} Skill;

typedef struct
{
  char *display;           /* "German" */
  char *name;              /* ASCII lower "german" */
  char *level;             /* "C1" or NULL */
  int   min_rank;          /* 0 = any level */
} Lang;

struct _SlRankPrepared
{
  double     weight[SL_SCORE_N_COMPONENTS];
  GArray    *required;     /* (element-type Skill) */
  GArray    *nice;
  GPtrArray *title_words;  /* lower case */
  char      *city;         /* lower case first part of the job's location */
  char      *city_display;
  GPtrArray *region_parts; /* the other parts, lower case */
  gboolean   location_applies;
  GArray    *languages;    /* (element-type Lang) */
  int        min_years;
  int        today;        /* month index */
  GPtrArray *terms;
  GPtrArray *skill_names;
};

static void
skill_clear (gpointer data)
{
  Skill *s = data;

  g_free (s->display);
  g_free (s->needle);
  g_ptr_array_unref (s->rel_display);
  g_ptr_array_unref (s->rel_needle);
}

static void
lang_clear (gpointer data)
{
  Lang *l = data;

  g_free (l->display);
  g_free (l->name);
  g_free (l->level);
}

void
sl_rank_prepared_free (SlRankPrepared *rp)
{
  if (rp == NULL)
    return;
  g_array_unref (rp->required);
  g_array_unref (rp->nice);
  g_ptr_array_unref (rp->title_words);
  g_free (rp->city);
  g_free (rp->city_display);
  g_ptr_array_unref (rp->region_parts);
  g_array_unref (rp->languages);
  g_ptr_array_unref (rp->terms);
  g_ptr_array_unref (rp->skill_names);
  g_free (rp);
}

static char *
make_needle (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_strconcat ("|", lower, "|", NULL);
}

static void
prepare_skills (SlRankPrepared *rp,
                GArray         *out,
                GPtrArray      *names)
{
  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GPtrArray) related = NULL;
      Skill s;

      if (sl_str_empty (name))
        continue;
      s.display = g_strdup (name);
      s.needle = make_needle (name);
      s.rel_display = g_ptr_array_new_with_free_func (g_free);
      s.rel_needle = g_ptr_array_new_with_free_func (g_free);
      related = sl_skills_related (name);
      for (guint k = 0; k < related->len; k++)
        {
          const char *r = g_ptr_array_index (related, k);
          g_ptr_array_add (s.rel_display, g_strdup (r));
          g_ptr_array_add (s.rel_needle, make_needle (r));
          sl_rank_strv_add_unique (rp->skill_names, r);
        }
      sl_rank_strv_add_unique (rp->skill_names, name);
      sl_rank_strv_add_unique (rp->terms, name);
      g_array_append_val (out, s);
    }
}

/* Words of a title, lower case, without filler ("m/w/d", "of", "and"). */
static GPtrArray *
title_words (const char *title)
{
  static const char * const stop[] = {
    "of", "and", "the", "for", "in", "at", "an", "to", "with", "on", "und", "der", "die",
    "das", "für", "im", "mwd", "all", "genders", "gn",
  };
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *lower = NULL;
  const char *p, *start = NULL;

  if (title == NULL)
    return words;
  lower = g_utf8_strdown (title, -1);
  for (p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && (g_unichar_isalnum (c) || c == '+' || c == '#');

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_autofree char *w = g_strndup (start, p - start);
          gboolean skip = g_utf8_strlen (w, -1) < 2;

          for (guint i = 0; !skip && i < G_N_ELEMENTS (stop); i++)
            skip = g_str_equal (w, stop[i]);
          if (!skip && !sl_rank_strv_has_ci (words, w))
            g_ptr_array_add (words, g_steal_pointer (&w));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  return words;
}

/* A language level as a rank: A1..C2 = 1..6, native 7; level words map
 * onto the scale (fluent = C1, intermediate = B1, basic = A2); 0 unknown. */
static int
level_rank (const char *level,
            gsize       len)
{
  static const struct { const char *word; int rank; } words[] = {
    { "native", 7 }, { "mother", 7 }, { "muttersprach", 7 }, { "bilingual", 7 },
    { "fluent", 5 }, { "fließend", 5 }, { "verhandlungssicher", 5 }, { "proficien", 5 },
    { "advanced", 5 }, { "business", 5 }, { "intermediate", 3 }, { "conversational", 3 },
    { "good", 3 }, { "gut", 3 }, { "basic", 2 }, { "elementary", 2 }, { "grundkenntnisse", 2 },
    { "beginner", 1 },
  };
  char buf[64];

  if (level == NULL || len == 0)
    return 0;
  len = MIN (len, sizeof buf - 1);
  for (gsize i = 0; i < len; i++)
    buf[i] = g_ascii_tolower (level[i]);
  buf[len] = '\0';
  for (gsize i = 0; i + 1 < len; i++)
    if ((buf[i] == 'a' || buf[i] == 'b' || buf[i] == 'c') && (buf[i + 1] == '1' || buf[i + 1] == '2') &&
        (i == 0 || !g_ascii_isalnum (buf[i - 1])) && (i + 2 == len || !g_ascii_isalnum (buf[i + 2])))
      return (buf[i] - 'a') * 2 + (buf[i + 1] - '0');
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (buf, words[i].word) != NULL)
      return words[i].rank;
  return 0;
}

SlRankPrepared *
sl_rank_prepare (const SlJob         *job,
                 const SlRankWeights *weights,
                 const char          *today)
{
  SlRankPrepared *rp = g_new0 (SlRankPrepared, 1);
  g_autofree char *now = NULL;
  SlRankWeights defaults;

  if (weights == NULL)
    {
      sl_rank_weights_init_default (&defaults);
      weights = &defaults;
    }
  for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
    rp->weight[i] = MAX (weights->weight[i], 0.0);

  rp->terms = g_ptr_array_new_with_free_func (g_free);
  rp->skill_names = g_ptr_array_new_with_free_func (g_free);
  rp->required = g_array_new (FALSE, FALSE, sizeof (Skill));
  g_array_set_clear_func (rp->required, skill_clear);
  rp->nice = g_array_new (FALSE, FALSE, sizeof (Skill));
  g_array_set_clear_func (rp->nice, skill_clear);
  prepare_skills (rp, rp->required, job->required_skills);
  prepare_skills (rp, rp->nice, job->nice_skills);

  rp->title_words = title_words (job->title);
  for (guint i = 0; i < rp->title_words->len && rp->terms->len < 16; i++)
    sl_rank_strv_add_unique (rp->terms, g_ptr_array_index (rp->title_words, i));

  rp->region_parts = g_ptr_array_new_with_free_func (g_free);
  if (!sl_str_empty (job->location) && job->remote != SL_REMOTE_FULL)
    {
      g_auto(GStrv) parts = g_strsplit (job->location, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *clean = sl_strdup_clean (parts[i]);
          if (clean == NULL)
            continue;
          if (rp->city == NULL)
            {
              rp->city = g_utf8_strdown (clean, -1);
              rp->city_display = g_steal_pointer (&clean);
            }
          else
            g_ptr_array_add (rp->region_parts, g_utf8_strdown (clean, -1));
        }
      rp->location_applies = rp->city != NULL;
    }

  rp->languages = g_array_new (FALSE, FALSE, sizeof (Lang));
  g_array_set_clear_func (rp->languages, lang_clear);
  for (guint i = 0; job->languages != NULL && i < job->languages->len; i++)
    {
      const SlLanguage *jl = g_ptr_array_index (job->languages, i);
      Lang l;

      if (sl_str_empty (jl->language))
        continue;
      l.display = g_strdup (jl->language);
      l.name = g_ascii_strdown (jl->language, -1);
      l.level = sl_str_empty (jl->level) ? NULL : g_strdup (jl->level);
      l.min_rank = level_rank (l.level, l.level != NULL ? strlen (l.level) : 0);
      g_array_append_val (rp->languages, l);
    }

  rp->min_years = job->min_years;
  if (today == NULL || sl_date_to_month_index (today, FALSE) < 0)
    today = now = sl_date_this_month ();
  rp->today = sl_date_to_month_index (today, FALSE);
  return rp;
}

double
sl_rank_prepared_weight (SlRankPrepared   *rp,
                         SlScoreComponent  component)
{
  return rp->weight[component];
}

GPtrArray *
sl_rank_prepared_terms (SlRankPrepared *rp)
{
  return rp->terms;
}

gboolean
sl_rank_prepared_has_skills (SlRankPrepared *rp)
{
  return rp->required->len + rp->nice->len > 0;
}

GPtrArray *
sl_rank_prepared_skill_names (SlRankPrepared *rp)
{
  return rp->skill_names;
}

guint
sl_rank_prepared_n_skills (SlRankPrepared *rp,
                           gboolean        required)
{
  return (required ? rp->required : rp->nice)->len;
}

const char *
sl_rank_prepared_skill (SlRankPrepared  *rp,
                        gboolean         required,
                        guint            i,
                        GPtrArray      **relatives)
{
  const Skill *s = &g_array_index (required ? rp->required : rp->nice, Skill, i);

  *relatives = s->rel_display;
  return s->display;
}

/* The components --------------------------------------------------------------- */

/* @needle (lower case) in @hay as a whole word, ASCII case-insensitively;
 * bytes of multi-byte characters count as word characters. */
static gboolean
has_word_ci (const char *hay,
             const char *needle)
{
  gsize n = strlen (needle);

  if (hay == NULL || n == 0)
    return FALSE;
  for (const char *p = hay; *p != '\0'; p++)
    {
      if (g_ascii_tolower (*p) != needle[0] || g_ascii_strncasecmp (p, needle, n) != 0)
        continue;
      if ((p == hay || !(g_ascii_isalnum (p[-1]) || (guchar) p[-1] >= 0x80)) &&
          !(g_ascii_isalnum (p[n]) || (guchar) p[n] >= 0x80))
        return TRUE;
    }
  return FALSE;
}

static void
join_to (GString    *out,
         GPtrArray  *items,
         const char *sep)
{
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        g_string_append (out, sep);
      g_string_append (out, g_ptr_array_index (items, i));
    }
}

/* Required (with the missing ones named) or nice-to-have skills (with the
 * ones found named).  A relative counts half. */
static double
skills_part (GArray     *skills,
             const char *have,
             gboolean    required,
             GString    *text)
{
  g_autoptr(GPtrArray) found = NULL, missing = NULL, standins = NULL;
  double credit = 0;
  guint exact = 0;

  if (skills->len == 0)
    return 0;
  if (text != NULL)
    {
      found = g_ptr_array_new ();
      missing = g_ptr_array_new ();
      standins = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; i < skills->len; i++)
    {
      const Skill *s = &g_array_index (skills, Skill, i);
      int rel = -1;

      if (have != NULL && strstr (have, s->needle) != NULL)
        {
          exact++;
          credit += 1;
          if (text != NULL)
            g_ptr_array_add (found, s->display);
          continue;
        }
      for (guint k = 0; have != NULL && rel < 0 && k < s->rel_needle->len; k++)
        if (strstr (have, g_ptr_array_index (s->rel_needle, k)) != NULL)
          rel = (int) k;
      if (rel >= 0)
        {
          credit += 0.5;
          if (text != NULL)
            /* Translators: a close relative standing in for a skill the job asks
             * for, e.g. "MariaDB for MySQL" */
            g_ptr_array_add (standins, g_strdup_printf (_("%s for %s"),
                                                        (char *) g_ptr_array_index (s->rel_display, rel),
                                                        s->display));
        }
      else if (text != NULL)
        g_ptr_array_add (missing, s->display);
    }

  if (text != NULL)
    {
      g_autoptr(GString) detail = g_string_new (NULL);

      if (required)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u required skill",
                                                   "%u of %u required skills", skills->len),
                                exact, skills->len);
      else
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u of %u nice-to-have skill",
                                                   "%u of %u nice-to-have skills", skills->len),
                                exact, skills->len);
      if (!required && found->len > 0)
        join_to (detail, found, ", ");
      if (standins->len > 0)
        {
          if (detail->len > 0)
            g_string_append (detail, "; ");
          join_to (detail, standins, ", ");
        }
      if (required && missing->len > 0)
        {
          g_autoptr(GString) names = g_string_new (NULL);

          join_to (names, missing, ", ");
          if (detail->len > 0)
            g_string_append (detail, "; ");
          g_string_append_printf (detail, _("missing: %s"), names->str);
        }
      if (detail->len > 0)
        g_string_append_printf (text, " (%s)", detail->str);
    }
  return credit / skills->len;
}

static double
experience_part (SlRankPrepared *rp,
                 int             months,
                 GString        *text)
{
  int years;

  if (months < 0)
    {
      if (text != NULL)
        g_string_append (text, _("experience unknown"));
      return 0;
    }
  years = months / 12;
  if (text != NULL)
    {
      if (years >= rp->min_years)
        /* Translators: years of experience and the job's minimum: "7 years (≥ 5)" */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d year (≥ %d)", "%d years (≥ %d)", years),
                                years, rp->min_years);
      else
        /* Translators: years of experience below the job's minimum: "3 years (5 asked)" */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d year (%d asked)", "%d years (%d asked)", years),
                                years, rp->min_years);
    }
  return MIN (1.0, months / (12.0 * rp->min_years));
}

static double
title_part (SlRankPrepared *rp,
            const char     *title,
            GString        *text)
{
  guint hit = 0;

  for (guint i = 0; title != NULL && i < rp->title_words->len; i++)
    if (has_word_ci (title, g_ptr_array_index (rp->title_words, i)))
      hit++;
  if (text != NULL)
    {
      if (title == NULL)
        g_string_append (text, _("no current title"));
      else
        /* Translators: the candidate's current title and how many words of the
         * job's title it shares: "Backend Developer (2 of 3 title words)" */
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s (%u of %u title word)",
                                                   "%s (%u of %u title words)", rp->title_words->len),
                                title, hit, rp->title_words->len);
    }
  return (double) hit / rp->title_words->len;
}

static double
location_part (SlRankPrepared *rp,
               const char     *location,
               GString        *text)
{
  if (sl_str_empty (location))
    {
      if (text != NULL)
        g_string_append (text, _("location unknown"));
      return 0.25;
    }
  if (has_word_ci (location, rp->city))
    {
      if (text != NULL)
        g_string_append (text, location);
      return 1.0;
    }
  if (text != NULL)
    /* Translators: the candidate's location and the job's: "Hamburg (not Berlin)" */
    g_string_append_printf (text, _("%s (not %s)"), location, rp->city_display);
  for (guint i = 0; i < rp->region_parts->len; i++)
    if (has_word_ci (location, g_ptr_array_index (rp->region_parts, i)))
      return 0.5;
  return 0;
}

/* Finds @name in "German:C1|English:native"; the level's span, or NULL. */
static gboolean
find_language (const char  *langs,
               const char  *name,
               const char **level,
               gsize       *level_len)
{
  gsize n = strlen (name);
  const char *p = langs;

  while (p != NULL && *p != '\0')
    {
      const char *end = strchr (p, '|');
      const char *colon;

      if (end == NULL)
        end = p + strlen (p);
      colon = memchr (p, ':', end - p);
      if (colon != NULL && (gsize) (colon - p) == n && g_ascii_strncasecmp (p, name, n) == 0)
        {
          *level = colon + 1;
          *level_len = end - colon - 1;
          return TRUE;
        }
      p = *end != '\0' ? end + 1 : end;
    }
  return FALSE;
}

static double
languages_part (SlRankPrepared *rp,
                const char     *langs,
                GString        *text)
{
  double sum = 0;

  for (guint i = 0; i < rp->languages->len; i++)
    {
      const Lang *l = &g_array_index (rp->languages, Lang, i);
      const char *level = NULL;
      gsize level_len = 0;
      g_autofree char *have = NULL;
      int rank;

      if (text != NULL && i > 0)
        g_string_append (text, ", ");
      if (langs == NULL || !find_language (langs, l->name, &level, &level_len))
        {
          if (text != NULL)
            /* Translators: the candidate does not list a language the job asks for */
            g_string_append_printf (text, _("no %s"), l->display);
          continue;
        }
      rank = level_rank (level, level_len);
      if (text != NULL)
        have = g_strndup (level, level_len);
      if (l->min_rank == 0 || rank >= l->min_rank)
        {
          sum += 1;
          if (text != NULL)
            {
              g_string_append (text, l->display);
              if (level_len > 0)
                g_string_append_printf (text, " %s", have);
            }
        }
      else
        {
          sum += 0.5;
          if (text == NULL)
            continue;
          if (level_len == 0 || rank == 0)
            /* Translators: "German (level not stated; C1 asked)" */
            g_string_append_printf (text, _("%s (level not stated; %s asked)"), l->display, l->level);
          else
            /* Translators: "German B1 (C1 asked)" */
            g_string_append_printf (text, _("%s %s (%s asked)"), l->display, have, l->level);
        }
    }
  return sum / rp->languages->len;
}

static double
recency_part (SlRankPrepared *rp,
              const char     *last_active,
              GString        *text)
{
  int idx, gap;

  if (g_strcmp0 (last_active, "now") == 0)
    {
      if (text != NULL)
        g_string_append (text, _("in a role now"));
      return 1.0;
    }
  idx = last_active != NULL ? sl_date_to_month_index (last_active, TRUE) : -1;
  if (idx < 0)
    {
      if (text != NULL)
        g_string_append (text, _("no dated work"));
      return 0;
    }
  if (text != NULL)
    /* Translators: when the candidate's latest job ended, e.g. "last role ended 2023-06" */
    g_string_append_printf (text, _("last role ended %s"), last_active);
  gap = rp->today - idx;
  if (gap <= 0)
    return 1.0;
  /* Five years without work reaches zero. */
  return CLAMP (1.0 - gap / 60.0, 0.0, 1.0);
}

/* Every component's value (and, with @texts, its sentence); returns the
 * score.  One function for both paths, so the sums are the same doubles. */
static double
evaluate (SlRankPrepared    *rp,
          const SlRankInput *in,
          double             text_value,
          guint              terms_matched,
          guint              terms_total,
          double            *skill_credit,
          SlScorePart       *parts)
{
  double value[SL_SCORE_N_COMPONENTS] = { 0 };
  gboolean applies[SL_SCORE_N_COMPONENTS] = { 0 };
  GString *text[SL_SCORE_N_COMPONENTS] = { NULL };
  double sum = 0, total = 0;

  if (parts != NULL)
    for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
      text[i] = g_string_new (NULL);

  applies[SL_SCORE_REQUIRED_SKILLS] = rp->required->len > 0;
  if (applies[SL_SCORE_REQUIRED_SKILLS])
    value[SL_SCORE_REQUIRED_SKILLS] = skills_part (rp->required, in->skills, TRUE, text[SL_SCORE_REQUIRED_SKILLS]);
  applies[SL_SCORE_NICE_SKILLS] = rp->nice->len > 0;
  if (applies[SL_SCORE_NICE_SKILLS])
    value[SL_SCORE_NICE_SKILLS] = skills_part (rp->nice, in->skills, FALSE, text[SL_SCORE_NICE_SKILLS]);
  applies[SL_SCORE_EXPERIENCE] = rp->min_years > 0;
  if (applies[SL_SCORE_EXPERIENCE])
    value[SL_SCORE_EXPERIENCE] = experience_part (rp, in->months, text[SL_SCORE_EXPERIENCE]);
  applies[SL_SCORE_TITLE] = rp->title_words->len > 0;
  if (applies[SL_SCORE_TITLE])
    value[SL_SCORE_TITLE] = title_part (rp, in->title, text[SL_SCORE_TITLE]);
  applies[SL_SCORE_LOCATION] = rp->location_applies;
  if (applies[SL_SCORE_LOCATION])
    value[SL_SCORE_LOCATION] = location_part (rp, in->location, text[SL_SCORE_LOCATION]);
  applies[SL_SCORE_LANGUAGES] = rp->languages->len > 0;
  if (applies[SL_SCORE_LANGUAGES])
    value[SL_SCORE_LANGUAGES] = languages_part (rp, in->languages, text[SL_SCORE_LANGUAGES]);
  applies[SL_SCORE_RECENCY] = TRUE;
  value[SL_SCORE_RECENCY] = recency_part (rp, in->last_active, text[SL_SCORE_RECENCY]);
  applies[SL_SCORE_TEXT] = text_value >= 0;
  if (applies[SL_SCORE_TEXT])
    {
      value[SL_SCORE_TEXT] = MIN (text_value, 1.0);
      if (parts != NULL && terms_total > 0)
        g_string_append_printf (text[SL_SCORE_TEXT],
                                g_dngettext (GETTEXT_PACKAGE, "%u of %u key term in the resume",
                                             "%u of %u key terms in the resume", terms_total),
                                terms_matched, terms_total);
      else if (parts != NULL)
        /* Translators: the full-text relevance as a percentage */
        g_string_append_printf (text[SL_SCORE_TEXT], _("text relevance %.0f%%"), value[SL_SCORE_TEXT] * 100);
    }

  for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
    if (applies[i])
      {
        sum += value[i] * rp->weight[i];
        total += rp->weight[i];
      }
  if (skill_credit != NULL)
    *skill_credit = value[SL_SCORE_REQUIRED_SKILLS] + value[SL_SCORE_NICE_SKILLS];
  if (parts != NULL)
    for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
      {
        parts[i].component = (SlScoreComponent) i;
        parts[i].value = value[i];
        parts[i].weight = rp->weight[i];
        parts[i].applies = applies[i];
        parts[i].text = applies[i] ? g_string_free (text[i], FALSE) : NULL;
        if (!applies[i])
          g_string_free (text[i], TRUE);
      }
  return total > 0 ? 100.0 * sum / total : 0;
}

double
sl_rank_score_input (SlRankPrepared    *rp,
                     const SlRankInput *in,
                     double             text_value,
                     double            *skill_credit)
{
  return evaluate (rp, in, text_value, 0, 0, skill_credit, NULL);
}

double
sl_rank_bound (SlRankPrepared *rp,
               double          required,
               double          nice,
               gboolean        with_text)
{
  double sum = 0, total = 0;

  for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
    {
      gboolean applies;
      double v = 1.0;

      switch ((SlScoreComponent) i)
        {
        case SL_SCORE_REQUIRED_SKILLS: applies = rp->required->len > 0; v = required; break;
        case SL_SCORE_NICE_SKILLS: applies = rp->nice->len > 0; v = nice; break;
        case SL_SCORE_EXPERIENCE: applies = rp->min_years > 0; break;
        case SL_SCORE_TITLE: applies = rp->title_words->len > 0; break;
        case SL_SCORE_LOCATION: applies = rp->location_applies; break;
        case SL_SCORE_LANGUAGES: applies = rp->languages->len > 0; break;
        case SL_SCORE_TEXT: applies = with_text; break;
        case SL_SCORE_RECENCY:
        case SL_SCORE_N_COMPONENTS:
        default: applies = TRUE; break;
        }
      if (applies)
        {
          sum += v * rp->weight[i];
          total += rp->weight[i];
        }
    }
  return total > 0 ? 100.0 * sum / total : 0;
}

SlMatch *
sl_rank_describe (SlRankPrepared    *rp,
                  const SlRankInput *in,
                  double             text_value,
                  guint              terms_matched,
                  guint              terms_total)
{
  SlMatch *m = g_new0 (SlMatch, 1);
  g_autoptr(GString) summary = g_string_new (NULL);

  m->score = evaluate (rp, in, text_value, terms_matched, terms_total, NULL, m->parts);
  m->title = g_strdup (in->title);
  for (guint i = 0; i < SL_SCORE_N_COMPONENTS; i++)
    if (m->parts[i].applies && !sl_str_empty (m->parts[i].text))
      {
        if (summary->len > 0)
          g_string_append (summary, " · ");
        g_string_append (summary, m->parts[i].text);
      }
  m->summary = g_string_free (g_steal_pointer (&summary), FALSE);
  return m;
}

/* The pure scorer ------------------------------------------------------------- */

/* The rank_features strings of @p, built the way the store's trigger
 * builds them (src/store/sl-store.c, migration 6). */
typedef struct
{
  char *skills, *last_active, *title, *location, *languages;
} InputStrings;

static void
input_strings_clear (InputStrings *s)
{
  g_free (s->skills);
  g_free (s->last_active);
  g_free (s->title);
  g_free (s->location);
  g_free (s->languages);
}

static void
input_from_profile (const SlProfile *p,
                    const char      *today,
                    InputStrings    *s,
                    SlRankInput     *in)
{
  g_autoptr(GPtrArray) names = sl_profile_skill_names (p);
  g_autoptr(GString) skills = g_string_new ("|");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const SlWorkEntry *cur = sl_profile_current_work (p);

  for (guint i = 0; i < names->len; i++)
    {
      char *lower = g_ascii_strdown (g_ptr_array_index (names, i), -1);
      if (g_hash_table_add (seen, lower))
        g_string_append_printf (skills, "%s|", lower);
    }
  s->skills = names->len > 0 ? g_strdup (skills->str) : NULL;

  s->last_active = g_strdup (sl_profile_last_active (p));

  if (cur != NULL)
    s->title = sl_strdup_clean (cur->title);
  if (s->title == NULL)
    s->title = sl_strdup_clean (p->personal.headline);

  if (!sl_str_empty (p->personal.location))
    s->location = sl_strdup_clean (p->personal.location);
  else if (!sl_str_empty (p->personal.city) || !sl_str_empty (p->personal.country))
    {
      g_autofree char *joined = g_strjoin (", ",
                                           !sl_str_empty (p->personal.city) ? p->personal.city : p->personal.country,
                                           !sl_str_empty (p->personal.city) && !sl_str_empty (p->personal.country)
                                           ? p->personal.country : NULL,
                                           NULL);
      s->location = sl_strdup_clean (joined);
    }

  s->languages = sl_profile_language_list (p);

  in->skills = s->skills;
  in->months = p->meta.experience_months >= 0 ? p->meta.experience_months
                                               : sl_profile_compute_experience_months (p, today);
  in->last_active = s->last_active;
  in->title = s->title;
  in->location = s->location;
  in->languages = s->languages;
}

SlMatch *
sl_rank_score_profile (const SlJob         *job,
                       const SlProfile     *profile,
                       const SlRankWeights *weights,
                       double               text_relevance,
                       const char          *today)
{
  g_autoptr(SlRankPrepared) rp = NULL;
  InputStrings s = { NULL };
  SlRankInput in = { NULL };
  SlMatch *m;

  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  rp = sl_rank_prepare (job, weights, today);
  input_from_profile (profile, today, &s, &in);
  m = sl_rank_describe (rp, &in, text_relevance, 0, 0);
  m->name = g_strdup (profile->personal.name);
  input_strings_clear (&s);
  return m;
}

/* NDCG --------------------------------------------------------------------------- */

static double
dcg (const double *gains,
     gsize         n,
     guint         k)
{
  double sum = 0;

  for (gsize i = 0; i < n && i < k; i++)
    sum += (pow (2.0, gains[i]) - 1.0) / log2 (i + 2.0);
  return sum;
}

static int
cmp_desc (gconstpointer a,
          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x < y) - (x > y);
}

double
sl_rank_ndcg (const double *gains,
              gsize         n_gains,
              const double *ideal,
              gsize         n_ideal,
              guint         k)
{
  g_autofree double *sorted = NULL;
  double best;

  g_return_val_if_fail (gains != NULL || n_gains == 0, 0);
  g_return_val_if_fail (ideal != NULL || n_ideal == 0, 0);

  sorted = g_memdup2 (ideal, n_ideal * sizeof (double));
  if (n_ideal > 0)
    qsort (sorted, n_ideal, sizeof (double), cmp_desc);
  best = dcg (sorted, n_ideal, k);
  /* Nothing relevant to find: no ranking can do better or worse. */
  if (best <= 0)
    return 1.0;
  return dcg (gains, n_gains, k) / best;
}
