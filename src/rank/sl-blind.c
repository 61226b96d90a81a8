/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-blind.c: the blind-review copy of a profile: no name, contact
 * details, links, photo or age, and neutral words for gendered ones.
 */
#include "config.h"

#include <string.h>

#include "core/sl-util.h"
#include "sl-rank.h"

/* Gendered words (matched whole, ignoring case) and their neutral
 * replacements, English and German.  An empty replacement drops the word
 * (titles of address). */
static const struct
{
  const char *word;
  const char *neutral;
} gendered[] = {
  { "he", "they" }, { "she", "they" }, { "him", "them" }, { "his", "their" },
  { "her", "their" }, { "hers", "theirs" }, { "himself", "themselves" },
  { "herself", "themselves" }, { "mr", "" }, { "mrs", "" }, { "ms", "" }, { "miss", "" },
  { "sir", "" }, { "madam", "" }, { "man", "person" }, { "woman", "person" },
  { "men", "people" }, { "women", "people" }, { "male", "" }, { "female", "" },
  { "husband", "partner" }, { "wife", "partner" }, { "father", "parent" },
  { "mother", "parent" }, { "son", "child" }, { "daughter", "child" },
  { "chairman", "chair" }, { "chairwoman", "chair" }, { "businessman", "businessperson" },
  { "businesswoman", "businessperson" }, { "salesman", "salesperson" },
  { "saleswoman", "salesperson" }, { "herr", "" }, { "frau", "" }, { "hr", "" }, { "fr", "" },
  { "er", "die Person" }, { "ihm", "der Person" }, { "sein", "das" }, { "seine", "die" },
  { "seinen", "den" }, { "seinem", "dem" }, { "seiner", "der" }, { "mann", "Person" },
  { "ehemann", "Partner" }, { "ehefrau", "Partner" }, { "vater", "Elternteil" },
  { "mutter", "Elternteil" }, { "männlich", "" }, { "weiblich", "" },
};

/* Age: "age 34", "aged 34", "34 years old", "born 1990", "born in 1990",
 * "geboren 1990", "Jahrgang 1990", "Alter: 34", "geb. 01.02.1990". */
static const char age_pattern[] =
  "\\b(?:aged?:?\\s*\\d{1,3}|\\d{1,3}[- ]years?[- ]old|born(?:\\s+(?:in|on))?\\s+[\\w .,/-]*\\d{4}"
  "|geboren(?:\\s+am)?\\s+[\\w .,/-]*\\d{4}|geb\\.\\s*[\\d./-]+\\d|jahrgang\\s+\\d{4}|alter:?\\s*\\d{1,3})\\b";

static char *
neutral_text (const char *text,
              GPtrArray  *names,
              GRegex     *age)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *no_age = NULL;
  const char *p, *start = NULL;

  if (text == NULL)
    return NULL;
  no_age = g_regex_replace_literal (age, text, -1, 0, "", 0, NULL);
  if (no_age == NULL)
    no_age = g_strdup (text);
  out = g_string_sized_new (strlen (no_age));
  for (p = no_age;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = c != 0 && g_unichar_isalnum (c);

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          g_autofree char *word = g_strndup (start, p - start);
          g_autofree char *lower = g_utf8_strdown (word, -1);
          const char *repl = NULL;

          for (guint i = 0; repl == NULL && i < G_N_ELEMENTS (gendered); i++)
            if (g_str_equal (lower, gendered[i].word))
              repl = gendered[i].neutral;
          for (guint i = 0; repl == NULL && i < names->len; i++)
            if (g_str_equal (lower, g_ptr_array_index (names, i)))
              repl = "";
          if (repl == NULL)
            g_string_append (out, word);
          else if (*repl != '\0')
            {
              /* Keep a capital at the start of a sentence. */
              if (g_unichar_isupper (g_utf8_get_char (word)))
                {
                  g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (repl)));
                  g_string_append (out, g_utf8_next_char (repl));
                }
              else
                g_string_append (out, repl);
            }
          start = NULL;
          if (repl != NULL && *repl == '\0' && c == '.')
            continue;   /* "Mr." goes with its dot */
        }
      if (c == 0)
        break;
      if (!letter)
        g_string_append_unichar (out, c);
    }
  return sl_strdup_clean (out->str);
}

SlProfile *
sl_profile_blind_copy (const SlProfile *profile)
{
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) age = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  p = sl_profile_copy (profile);
  /* Parts of the name are dropped where the text repeats them. */
  if (p->personal.name != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (p->personal.name, " \t,.-", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (g_utf8_strlen (parts[i], -1) >= 2)
          g_ptr_array_add (names, g_utf8_strdown (parts[i], -1));
    }
  g_clear_pointer (&p->personal.name, g_free);
  g_clear_pointer (&p->personal.email, g_free);
  g_clear_pointer (&p->personal.phone, g_free);
  g_ptr_array_set_size (p->personal.links, 0);
  /* Extras hold e-mail senders and subjects, photos, birth dates. */
  if (p->meta.extras != NULL)
    g_hash_table_remove_all (p->meta.extras);

  age = g_regex_new (age_pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (age != NULL);
#define NEUTRAL(field) G_STMT_START { char *n_ = neutral_text ((field), names, age); g_free (field); (field) = n_; } G_STMT_END
  NEUTRAL (p->personal.summary);
  NEUTRAL (p->personal.headline);
  for (guint i = 0; i < p->work->len; i++)
    NEUTRAL (((SlWorkEntry *) g_ptr_array_index (p->work, i))->description);
  for (guint i = 0; i < p->projects->len; i++)
    NEUTRAL (((SlProject *) g_ptr_array_index (p->projects, i))->description);
#undef NEUTRAL
  for (guint i = 0; i < p->achievements->len; i++)
    {
      char *n = neutral_text (p->achievements->pdata[i], names, age);
      g_free (p->achievements->pdata[i]);
      p->achievements->pdata[i] = n != NULL ? n : g_strdup ("");
    }
  for (guint i = 0; i < p->interests->len; i++)
    {
      char *n = neutral_text (p->interests->pdata[i], names, age);
      g_free (p->interests->pdata[i]);
      p->interests->pdata[i] = n != NULL ? n : g_strdup ("");
    }
  return g_steal_pointer (&p);
}
