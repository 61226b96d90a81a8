/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-blind.c: the blind-review copy of a profile: no name, contact
 * details, links, photo or age, and neutral words for gendered ones.
 */
#include "config.h"

#include <string.h>

#include "core/sl-util.h"
#include "store/sl-store-private.h"
#include "sl-rank.h"

/* Gendered words (matched whole, ignoring case) and their neutral
 * replacements, English and German.  The English pronouns and titles of
 * address are not here: they change the words around them (below). */
static const struct
{
  const char *word;
  const char *neutral;
} gendered[] = {
  { "hers", "theirs" }, { "himself", "themselves" }, { "herself", "themselves" },
  { "he'll", "they'll" }, { "she'll", "they'll" }, { "he'd", "they'd" }, { "she'd", "they'd" },
  { "he’ll", "they’ll" }, { "she’ll", "they’ll" }, { "he’d", "they’d" }, { "she’d", "they’d" },
  { "man", "person" }, { "woman", "person" },
  { "men", "people" }, { "women", "people" }, { "male", "" }, { "female", "" },
  { "husband", "partner" }, { "wife", "partner" }, { "father", "parent" },
  { "mother", "parent" }, { "son", "child" }, { "daughter", "child" },
  { "chairman", "chair" }, { "chairwoman", "chair" }, { "businessman", "businessperson" },
  { "businesswoman", "businessperson" }, { "salesman", "salesperson" },
  { "saleswoman", "salesperson" },
  { "er", "die Person" }, { "ihm", "der Person" }, { "sein", "das" }, { "seine", "die" },
  { "seinen", "den" }, { "seinem", "dem" }, { "seiner", "der" }, { "mann", "Person" },
  { "ehemann", "Partner" }, { "ehefrau", "Partner" }, { "vater", "Elternteil" },
  { "mutter", "Elternteil" }, { "männlich", "" }, { "weiblich", "" },
};

/* Titles of address: dropped, and with the candidate's name after them
 * the whole becomes "the candidate". */
static const char * const titles[] = {
  "mr", "mrs", "ms", "miss", "mx", "sir", "madam", "herr", "frau", "hr", "fr", NULL,
};

/* "he was" reads "they were": the verbs that change after "they", with
 * their contractions.  Other verbs in -s lose it ("she leads" → "they lead"). */
static const struct
{
  const char *singular;
  const char *plural;
} agreement[] = {
  { "is", "are" }, { "was", "were" }, { "has", "have" }, { "does", "do" }, { "goes", "go" },
  { "isn't", "aren't" }, { "wasn't", "weren't" }, { "hasn't", "haven't" }, { "doesn't", "don't" },
  { "isn’t", "aren’t" }, { "wasn’t", "weren’t" }, { "hasn’t", "haven’t" }, { "doesn’t", "don’t" },
};

/* Words that stand between a subject and its verb ("she also leads"). */
static const char * const adverbs[] = {
  "also", "always", "still", "often", "never", "now", "then", "later", "once", "already",
  "currently", "recently", "usually", "mainly", "mostly", "successfully", "actively", NULL,
};

/* Verbs in -s that are never plural nouns in a resume ("and reports",
 * "and tests", "and leads" may be things): after "they … and" these agree
 * too ("they lead and manage"). */
static const char * const clause_verbs[] = {
  "manages", "builds", "develops", "owns", "mentors", "coordinates", "oversees", "drives",
  "delivers", "creates", "maintains", "implements", "enjoys", "speaks", "teaches", "trains",
  "helps", "handles", "negotiates", "recruits", "organises", "organizes", "analyzes",
  "automates", "improves", "deploys", "contributes", "collaborates", "communicates", "brings",
  "loves", "likes", "knows", "holds", "writes", "advises", "coaches", "supervises", "ensures",
  "specialises", "specializes", "focuses", "thrives", "wants", "seeks", "believes", NULL,
};

/* After "her" these make it the object ("helped her to", "with her and"):
 * "them"; before anything else it is the possessive, "their". */
static const char * const after_object[] = {
  "to", "for", "with", "in", "on", "at", "and", "or", "but", "as", "by", "from", "the", "a",
  "an", "about", "into", "over", "after", "before", "that", "when", "while", "because", "so",
  "if", "up", "out", "back", "again", "off", "this", "these", "those", "through", "during",
  "since", "until", "via", "who", NULL,
};

/* Age: "age 34", "aged 34", "34 years old", "born 1990", "born in 1990",
 * "geboren 1990", "Jahrgang 1990", "Alter: 34", "geb. 01.02.1990". */
static const char age_pattern[] =
  "\\b(?:aged?:?\\s*\\d{1,3}|\\d{1,3}[- ]years?[- ]old|born(?:\\s+(?:in|on))?\\s+[\\w .,/-]*\\d{4}"
  "|geboren(?:\\s+am)?\\s+[\\w .,/-]*\\d{4}|geb\\.\\s*[\\d./-]+\\d|jahrgang\\s+\\d{4}|alter:?\\s*\\d{1,3})\\b";

/* Punctuation a removal left alone: "engineer, ." → "engineer.", ". ." →
 * ".", "team ," → "team,"; never the dot of ".NET". */
static const char orphan_pattern[] =
  "\\s*[,;:]\\s*(?=[.!?](?:\\s|$))|(?<=[.!?])\\s+[.,;:](?=\\s|$)|^\\s*[.,;:]+(?:\\s+|$)"
  "|\\s+(?=[,;:!?]|\\.(?:\\s|$))";

/* Name particles that are words of their own elsewhere ("Universidad de
 * Madrid"): not taken for the candidate's name. */
static const char * const particles[] = {
  "de", "da", "di", "do", "du", "del", "della", "der", "den", "des", "la", "le", "van", "von",
  "ten", "ter", "zu", "al", "el", "bin", "ibn", NULL,
};

typedef struct
{
  const char *start;
  gsize       len;
  gboolean    word;
} Token;

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Words (letters and digits, with apostrophes inside: "doesn't", "Jane's")
 * and the runs between them. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      Token t = { p, 0, g_unichar_isalnum (g_utf8_get_char (p)) };
      const char *q = p;

      for (;;)
        {
          gunichar c = g_utf8_get_char (q);
          gboolean alnum = c != 0 && g_unichar_isalnum (c);

          if (c == 0)
            break;
          if (t.word && is_apostrophe (c) && g_unichar_isalpha (g_utf8_get_char (g_utf8_next_char (q))))
            alnum = TRUE;
          if (alnum != t.word)
            break;
          q = g_utf8_next_char (q);
        }
      t.len = q - p;
      g_array_append_val (tokens, t);
      p = q;
    }
  return tokens;
}

static char *
token_lower (const GArray *tokens,
             guint         i)
{
  const Token *t = &g_array_index (tokens, Token, i);
  return g_utf8_strdown (t->start, t->len);
}

/* The next word after @i when only white space stands between; -1 at the
 * end or when punctuation comes first. */
static int
next_word (const GArray *tokens,
           guint         i)
{
  for (guint j = i + 1; j < tokens->len; j++)
    {
      const Token *t = &g_array_index (tokens, Token, j);
      if (t->word)
        return j;
      for (gsize k = 0; k < t->len; k++)
        if (!g_ascii_isspace (t->start[k]))
          return -1;
    }
  return -1;
}

static gboolean
in_list (const char * const *list,
         const char         *word)
{
  return g_strv_contains (list, word);
}

/* "she leads" → "lead", "she carries" → "carry", "she manages" → "manage";
 * NULL when @verb does not look like a verb in -s. */
static char *
plural_verb (const char *verb)
{
  gsize n = strlen (verb);

  for (guint i = 0; i < G_N_ELEMENTS (agreement); i++)
    if (g_str_equal (verb, agreement[i].singular))
      return g_strdup (agreement[i].plural);
  if (n < 4 || verb[n - 1] != 's' || verb[n - 2] == 's' || verb[n - 2] == 'u' || verb[n - 2] == 'i' ||
      verb[n - 2] == '\'' || in_list (adverbs, verb))
    return NULL;
  if (g_str_has_suffix (verb, "ies"))
    {
      g_autofree char *stem = g_strndup (verb, n - 3);
      return g_strconcat (stem, "y", NULL);
    }
  if (g_str_has_suffix (verb, "sses") || g_str_has_suffix (verb, "shes") || g_str_has_suffix (verb, "ches") ||
      g_str_has_suffix (verb, "xes") || g_str_has_suffix (verb, "zes"))
    return g_strndup (verb, n - 2);
  return g_strndup (verb, n - 1);
}

/* Appends @word, capitalised when @capital. */
static void
append_word (GString    *out,
             const char *word,
             gboolean    capital)
{
  if (capital && *word != '\0')
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (word)));
      g_string_append (out, g_utf8_next_char (word));
    }
  else
    g_string_append (out, word);
}

/* Appends tokens @from to @to, not including @to. */
static void
append_tokens (GString      *out,
               const GArray *tokens,
               guint         from,
               guint         to)
{
  for (guint k = from; k < to; k++)
    {
      const Token *t = &g_array_index (tokens, Token, k);
      g_string_append_len (out, t->start, t->len);
    }
}

static gboolean
starts_upper (const GArray *tokens,
              guint         i)
{
  return g_unichar_isupper (g_utf8_get_char (g_array_index (tokens, Token, i).start));
}

/* Whether what is written so far ends a sentence (or is nothing yet). */
static gboolean
sentence_start (const GString *out)
{
  for (gssize i = (gssize) out->len - 1; i >= 0; i--)
    {
      char c = out->str[i];
      if (g_ascii_isspace (c))
        continue;
      return c == '.' || c == '!' || c == '?' || c == '*' || c == '-';
    }
  return TRUE;
}

static gboolean
is_possessive (const char *lower)
{
  return g_str_has_suffix (lower, "'s") || g_str_has_suffix (lower, "’s");
}

static gboolean
is_name (GPtrArray  *names,
         const char *lower)
{
  g_autofree char *base = NULL;

  if (is_possessive (lower))
    base = g_strndup (lower, strlen (lower) - (g_str_has_suffix (lower, "'s") ? 2 : strlen ("’s")));
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (base != NULL ? base : lower, g_ptr_array_index (names, i)))
      return TRUE;
  return FALSE;
}

/* The word after a title, when only its dot and white space stand
 * between; -1 otherwise. */
static int
word_after_title (const GArray *tokens,
                  guint         i)
{
  const Token *sep;
  gsize k = 0;

  if (i + 2 >= tokens->len)
    return -1;
  sep = &g_array_index (tokens, Token, i + 1);
  if (sep->start[0] == '.')
    k = 1;
  while (k < sep->len && g_ascii_isspace (sep->start[k]))
    k++;
  return k == sep->len ? (int) i + 2 : -1;
}

/* Past a dropped word: the white space after it, and a title's dot. */
static guint
skip_dropped (const GArray *tokens,
              guint         i,
              gboolean      title,
              GString      *out)
{
  const Token *sep;
  gsize k = 0;

  if (i + 1 >= tokens->len)
    return i;
  sep = &g_array_index (tokens, Token, i + 1);
  if (title && sep->start[0] == '.')
    k = 1;
  while (k < sep->len && g_ascii_isspace (sep->start[k]))
    k++;
  /* keep what follows the dot and the gap ("Mr., the" keeps ", the") */
  g_string_append_len (out, sep->start + k, sep->len - k);
  return i + 1;
}

/* From the name part at @i, the last index of the run of name parts
 * ("Jane Doe", "Jane Doe's"); *@possessive when it ends in 's. */
static guint
name_run (const GArray *tokens,
          GPtrArray    *names,
          guint         i,
          gboolean     *possessive)
{
  for (;;)
    {
      g_autofree char *lower = token_lower (tokens, i);
      g_autofree char *next_lower = NULL;
      int next;

      *possessive = is_possessive (lower);
      next = next_word (tokens, i);
      if (*possessive || next < 0)
        return i;
      next_lower = token_lower (tokens, next);
      if (!is_name (names, next_lower))
        return i;
      i = next;
    }
}

static gboolean
is_subject (const char *lower)
{
  return g_str_equal (lower, "he") || g_str_equal (lower, "she");
}

/* "he or she", "he/she", "she / he": the index of the second pronoun, or @i. */
static guint
pronoun_pair (const GArray *tokens,
              guint         i)
{
  int next = next_word (tokens, i);

  if (next >= 0)
    {
      g_autofree char *conj = token_lower (tokens, next);
      int other = next_word (tokens, next);
      g_autofree char *second = other >= 0 ? token_lower (tokens, other) : NULL;

      if (g_str_equal (conj, "or") && second != NULL && is_subject (second))
        return other;
    }
  else if (i + 2 < tokens->len)
    {
      const Token *sep = &g_array_index (tokens, Token, i + 1);
      g_autofree char *sep_text = g_strstrip (g_strndup (sep->start, sep->len));
      g_autofree char *second = token_lower (tokens, i + 2);

      if (g_str_equal (sep_text, "/") && is_subject (second))
        return i + 2;
    }
  return i;
}

/* After "they" (for he/she at @i): past any adverbs, the verb made to
 * agree.  Returns the last token index written. */
static guint
agree_verb (const GArray *tokens,
            guint         i,
            GString      *out)
{
  int next;

  while ((next = next_word (tokens, i)) >= 0)
    {
      g_autofree char *lower = token_lower (tokens, next);
      g_autofree char *plural = NULL;

      if (in_list (adverbs, lower))
        {
          append_tokens (out, tokens, i + 1, next + 1);
          i = next;
          continue;
        }
      plural = plural_verb (lower);
      if (plural != NULL)
        {
          append_tokens (out, tokens, i + 1, next);
          append_word (out, plural, starts_upper (tokens, next));
          i = next;
        }
      break;
    }
  return i;
}

static char *
neutral_text (const char *text,
              GPtrArray  *names,
              GRegex     *age,
              GRegex     *orphans)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *no_age = NULL;
  g_autofree char *tidy = NULL;
  g_autoptr(GArray) tokens = NULL;
  gboolean they_clause = FALSE;

  if (text == NULL)
    return NULL;
  no_age = g_regex_replace_literal (age, text, -1, 0, "", 0, NULL);
  if (no_age == NULL)
    no_age = g_strdup (text);
  tokens = tokenize (no_age);
  out = g_string_sized_new (strlen (no_age));
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      g_autofree char *lower = NULL;
      gboolean capital = starts_upper (tokens, i);
      const char *repl = NULL;
      int next;

      if (!t->word)
        {
          /* a clause whose subject is "they" ends here */
          for (gsize k = 0; k < t->len; k++)
            if (strchr (".!?;", t->start[k]) != NULL)
              they_clause = FALSE;
          g_string_append_len (out, t->start, t->len);
          continue;
        }
      lower = token_lower (tokens, i);
      next = next_word (tokens, i);

      /* "they lead and has" → "and have", "and manages" → "and manage":
       * only the auxiliaries and verbs that are never nouns ("and systems",
       * "and reports" stay). */
      if (they_clause && next >= 0 &&
          (g_str_equal (lower, "and") || g_str_equal (lower, "but") || g_str_equal (lower, "or")))
        {
          g_autofree char *verb = token_lower (tokens, next);
          g_autofree char *plural = NULL;

          /* past adverbs: "and also manages" */
          while (in_list (adverbs, verb) && next_word (tokens, next) >= 0)
            {
              next = next_word (tokens, next);
              g_free (verb);
              verb = token_lower (tokens, next);
            }
          for (guint k = 0; k < G_N_ELEMENTS (agreement) && plural == NULL; k++)
            if (g_str_equal (verb, agreement[k].singular))
              plural = g_strdup (agreement[k].plural);
          if (plural == NULL && in_list (clause_verbs, verb))
            plural = plural_verb (verb);
          if (plural != NULL)
            {
              append_tokens (out, tokens, i, next);
              append_word (out, plural, starts_upper (tokens, next));
              i = next;
              continue;
            }
          next = next_word (tokens, i);
        }

      if (in_list (titles, lower))
        {
          /* "Mrs. Jane Doe" is the candidate; "Mr. Smith" is Smith. */
          int after = word_after_title (tokens, i);
          g_autofree char *after_lower = after >= 0 ? token_lower (tokens, after) : NULL;

          if (after_lower == NULL || !is_name (names, after_lower))
            {
              i = skip_dropped (tokens, i, TRUE, out);
              continue;
            }
          i = after;
          g_clear_pointer (&lower, g_free);
          lower = g_steal_pointer (&after_lower);
        }
      if (is_name (names, lower))
        {
          gboolean possessive = FALSE;
          gboolean start = sentence_start (out);

          i = name_run (tokens, names, i, &possessive);
          g_clear_pointer (&lower, g_free);
          lower = token_lower (tokens, i);
          append_word (out, !possessive ? "the candidate"
                                        : strstr (lower, "’") != NULL ? "the candidate’s" : "the candidate's", start);
          continue;
        }
      if (is_subject (lower))
        {
          append_word (out, "they", capital);
          i = agree_verb (tokens, pronoun_pair (tokens, i), out);
          they_clause = TRUE;
          continue;
        }
      if (g_str_equal (lower, "he's") || g_str_equal (lower, "she's") ||
          g_str_equal (lower, "he’s") || g_str_equal (lower, "she’s"))
        {
          g_autofree char *nl = next >= 0 ? token_lower (tokens, next) : NULL;
          gboolean have = nl != NULL && (g_str_equal (nl, "been") || g_str_equal (nl, "got") ||
                                         g_str_equal (nl, "had"));

          g_autofree char *they = g_strconcat ("they", strstr (lower, "’") != NULL ? "’" : "'",
                                               have ? "ve" : "re", NULL);

          append_word (out, they, capital);
          they_clause = TRUE;
          continue;
        }
      if (g_str_equal (lower, "his") || g_str_equal (lower, "her"))
        {
          g_autofree char *nl = next >= 0 ? token_lower (tokens, next) : NULL;

          /* "the idea was his." / "helped her to": not before a noun */
          if (nl == NULL || in_list (after_object, nl))
            repl = g_str_equal (lower, "his") ? "theirs" : "them";
          else
            repl = "their";
        }
      else if (g_str_equal (lower, "him"))
        repl = "them";
      for (guint k = 0; repl == NULL && k < G_N_ELEMENTS (gendered); k++)
        if (g_str_equal (lower, gendered[k].word))
          repl = gendered[k].neutral;
      if (repl == NULL)
        g_string_append_len (out, t->start, t->len);
      else if (*repl != '\0')
        append_word (out, repl, capital);
      else
        i = skip_dropped (tokens, i, FALSE, out);
    }
  tidy = g_regex_replace_literal (orphans, out->str, -1, 0, "", 0, NULL);
  return sl_strdup_clean (tidy != NULL ? tidy : out->str);
}

char *
sl_blind_key (SlStore *store)
{
  g_return_val_if_fail (SL_IS_STORE (store), NULL);

  return sl_store_get_state (store, "blind_key");
}

char *
sl_blind_code (const char *key,
               gint64      job_id,
               gint64      candidate_id)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  g_autofree char *message = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, job_id, candidate_id);
  g_autoptr(GHmac) hmac = NULL;
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 bits;
  char code[10];

  if (key == NULL)
    key = "";
  hmac = g_hmac_new (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key));
  g_hmac_update (hmac, (const guchar *) message, -1);
  g_hmac_get_digest (hmac, digest, &len);
  /* 40 bits, 8 symbols in two groups: two of 500 candidates on one job
   * share a code about once in ten million jobs (30 bits made it one in
   * ten thousand). */
  bits = 0;
  for (int i = 0; i < 5; i++)
    bits = bits << 8 | digest[i];
  for (int i = 8; i >= 0; i--)
    {
      if (i == 4)
        {
          code[i] = '-';
          continue;
        }
      code[i] = alphabet[bits & 31];
      bits >>= 5;
    }
  code[9] = '\0';
  return g_strdup (code);
}

SlProfile *
sl_profile_blind_copy (const SlProfile *profile)
{
  g_autoptr(SlProfile) p = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRegex) age = NULL;
  g_autoptr(GRegex) orphans = NULL;

  g_return_val_if_fail (profile != NULL, NULL);

  p = sl_profile_copy (profile);
  /* Parts of the name are dropped where the text repeats them. */
  if (p->personal.name != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (p->personal.name, " \t,.-", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = g_utf8_strdown (parts[i], -1);
          if (g_utf8_strlen (part, -1) >= 2 && !g_strv_contains (particles, part))
            g_ptr_array_add (names, g_steal_pointer (&part));
        }
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
  orphans = g_regex_new (orphan_pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_assert (orphans != NULL);
#define NEUTRAL(field) G_STMT_START { char *n_ = neutral_text ((field), names, age, orphans); g_free (field); (field) = n_; } G_STMT_END
  NEUTRAL (p->personal.summary);
  NEUTRAL (p->personal.headline);
  for (guint i = 0; i < p->work->len; i++)
    NEUTRAL (((SlWorkEntry *) g_ptr_array_index (p->work, i))->description);
  for (guint i = 0; i < p->projects->len; i++)
    NEUTRAL (((SlProject *) g_ptr_array_index (p->projects, i))->description);
#undef NEUTRAL
  for (guint i = 0; i < p->achievements->len; i++)
    {
      char *n = neutral_text (p->achievements->pdata[i], names, age, orphans);
      g_free (p->achievements->pdata[i]);
      p->achievements->pdata[i] = n != NULL ? n : g_strdup ("");
    }
  for (guint i = 0; i < p->interests->len; i++)
    {
      char *n = neutral_text (p->interests->pdata[i], names, age, orphans);
      g_free (p->interests->pdata[i]);
      p->interests->pdata[i] = n != NULL ? n : g_strdup ("");
    }
  return g_steal_pointer (&p);
}
