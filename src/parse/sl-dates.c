/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "core/sl-date.h"
#include "sl-dates.h"
#include "sl-text.h"

/* Word classes, stored as the value of the word table. Months are 1..12. */
enum
{
  W_NONE = 0,
  W_PRESENT = 100,
  W_PRESENT_WEAK,   /* "date" in "to date", "fecha", "cours" … only after a separator */
  W_SINCE,
  W_SEP,
  W_SEASON_SPRING = 200,
  W_SEASON_SUMMER,
  W_SEASON_FALL,
  W_SEASON_WINTER,
};

static const struct { const char *word; int klass; } date_words[] = {
  /* English */
  { "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 }, { "march", 3 }, { "mar", 3 },
  { "april", 4 }, { "apr", 4 }, { "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
  { "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 }, { "sep", 9 }, { "sept", 9 },
  { "october", 10 }, { "oct", 10 }, { "november", 11 }, { "nov", 11 }, { "december", 12 },
  { "dec", 12 },
  /* German */
  { "januar", 1 }, { "janner", 1 }, { "februar", 2 }, { "marz", 3 }, { "mrz", 3 }, { "mai", 5 },
  { "juni", 6 }, { "juli", 7 }, { "oktober", 10 }, { "okt", 10 }, { "dezember", 12 }, { "dez", 12 },
  /* French */
  { "janvier", 1 }, { "janv", 1 }, { "fevrier", 2 }, { "fevr", 2 }, { "fev", 2 }, { "mars", 3 },
  { "avril", 4 }, { "avr", 4 }, { "juin", 6 }, { "juillet", 7 }, { "juil", 7 }, { "aout", 8 },
  { "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 }, { "decembre", 12 },
  /* Spanish */
  { "enero", 1 }, { "ene", 1 }, { "febrero", 2 }, { "marzo", 3 }, { "abril", 4 }, { "abr", 4 },
  { "mayo", 5 }, { "junio", 6 }, { "julio", 7 }, { "agosto", 8 }, { "ago", 8 },
  { "septiembre", 9 }, { "setiembre", 9 }, { "octubre", 10 }, { "noviembre", 11 },
  { "diciembre", 12 }, { "dic", 12 },
  /* Portuguese */
  { "janeiro", 1 }, { "fevereiro", 2 }, { "marco", 3 }, { "maio", 5 }, { "junho", 6 },
  { "julho", 7 }, { "setembro", 9 }, { "set", 9 }, { "outubro", 10 }, { "out", 10 },
  { "novembro", 11 }, { "dezembro", 12 },
  /* Italian */
  { "gennaio", 1 }, { "gen", 1 }, { "febbraio", 2 }, { "aprile", 4 }, { "maggio", 5 },
  { "mag", 5 }, { "giugno", 6 }, { "giu", 6 }, { "luglio", 7 }, { "lug", 7 },
  { "settembre", 9 }, { "ottobre", 10 }, { "ott", 10 }, { "dicembre", 12 },
  /* Dutch */
  { "januari", 1 }, { "februari", 2 }, { "maart", 3 }, { "mrt", 3 }, { "mei", 5 },
  { "augustus", 8 },
  /* Seasons */
  { "spring", W_SEASON_SPRING }, { "summer", W_SEASON_SUMMER }, { "fall", W_SEASON_FALL },
  { "autumn", W_SEASON_FALL }, { "winter", W_SEASON_WINTER }, { "fruhling", W_SEASON_SPRING },
  { "fruhjahr", W_SEASON_SPRING }, { "sommer", W_SEASON_SUMMER }, { "herbst", W_SEASON_FALL },
  { "printemps", W_SEASON_SPRING }, { "ete", W_SEASON_SUMMER }, { "automne", W_SEASON_FALL },
  { "hiver", W_SEASON_WINTER }, { "primavera", W_SEASON_SPRING }, { "verano", W_SEASON_SUMMER },
  { "otono", W_SEASON_FALL }, { "invierno", W_SEASON_WINTER }, { "verao", W_SEASON_SUMMER },
  { "outono", W_SEASON_FALL }, { "inverno", W_SEASON_WINTER }, { "estate", W_SEASON_SUMMER },
  { "autunno", W_SEASON_FALL }, { "lente", W_SEASON_SPRING }, { "zomer", W_SEASON_SUMMER },
  { "herfst", W_SEASON_FALL },
  /* Present */
  { "present", W_PRESENT }, { "current", W_PRESENT }, { "currently", W_PRESENT },
  { "now", W_PRESENT }, { "today", W_PRESENT }, { "ongoing", W_PRESENT }, { "presently", W_PRESENT },
  { "heute", W_PRESENT }, { "jetzt", W_PRESENT }, { "aktuell", W_PRESENT }, { "dato", W_PRESENT },
  { "laufend", W_PRESENT }, { "gegenwart", W_PRESENT },
  { "aujourd'hui", W_PRESENT }, { "aujourdhui", W_PRESENT }, { "aujourd\u2019hui", W_PRESENT },
  { "actuel", W_PRESENT }, { "actuellement", W_PRESENT }, { "maintenant", W_PRESENT },
  { "actualidad", W_PRESENT }, { "actualmente", W_PRESENT }, { "presente", W_PRESENT },
  { "hoy", W_PRESENT }, { "actual", W_PRESENT },
  { "atual", W_PRESENT }, { "atualmente", W_PRESENT }, { "hoje", W_PRESENT }, { "actualmente", W_PRESENT },
  { "oggi", W_PRESENT }, { "attuale", W_PRESENT }, { "attualmente", W_PRESENT },
  { "heden", W_PRESENT }, { "nu", W_PRESENT }, { "huidig", W_PRESENT },
  { "date", W_PRESENT_WEAK }, { "fecha", W_PRESENT_WEAK }, { "cours", W_PRESENT_WEAK },
  { "corso", W_PRESENT_WEAK }, { "curso", W_PRESENT_WEAK }, { "momento", W_PRESENT_WEAK },
  { "jour", W_PRESENT_WEAK }, { "till", W_SEP },
  /* Since */
  { "since", W_SINCE }, { "seit", W_SINCE }, { "depuis", W_SINCE }, { "desde", W_SINCE },
  { "dal", W_SINCE }, { "dall", W_SINCE }, { "sinds", W_SINCE }, { "dallo", W_SINCE },
  { "von", W_SINCE }, { "vom", W_SINCE },
  /* Separators between the two ends of a range */
  { "to", W_SEP }, { "until", W_SEP }, { "through", W_SEP }, { "thru", W_SEP }, { "bis", W_SEP },
  { "au", W_SEP }, { "a", W_SEP }, { "al", W_SEP }, { "hasta", W_SEP }, { "ate", W_SEP },
  { "fino", W_SEP }, { "tot", W_SEP }, { "t/m", W_SEP }, { "tm", W_SEP }, { "ad", W_SEP },
};

/* The date words in an open-addressing table by their FNV hash (a
 * GHashTable look-up, with its call and second hash, was most of the cost
 * of reading a word), built once. */
#define WORD_SLOTS 512

typedef struct
{
  const char *word;   /* NULL: an empty slot */
  gsize       len;
  int         klass;
} WordSlot;

static const WordSlot *
word_table (void)
{
  static gsize once = 0;
  static WordSlot slots[WORD_SLOTS];

  G_STATIC_ASSERT (G_N_ELEMENTS (date_words) * 2 <= WORD_SLOTS);
  if (g_once_init_enter (&once))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (date_words); i++)
        {
          gsize len = strlen (date_words[i].word);
          guint32 k = sl_text_hash_append (SL_TEXT_HASH_INIT, date_words[i].word, len) & (WORD_SLOTS - 1);

          /* (a word listed twice keeps its first entry: both have the same class) */
          while (slots[k].word != NULL && !g_str_equal (slots[k].word, date_words[i].word))
            k = (k + 1) & (WORD_SLOTS - 1);
          if (slots[k].word == NULL)
            slots[k] = (WordSlot) { date_words[i].word, len, date_words[i].klass };
        }
      g_once_init_leave (&once, 1);
    }
  return slots;
}

/* The class of the @len bytes at @word, or W_NONE. */
static int
word_class (const char *word, gsize len)
{
  const WordSlot *slots = word_table ();
  guint32 k = sl_text_hash_append (SL_TEXT_HASH_INIT, word, len) & (WORD_SLOTS - 1);

  for (; slots[k].word != NULL; k = (k + 1) & (WORD_SLOTS - 1))
    if (slots[k].len == len && memcmp (slots[k].word, word, len) == 0)
      return slots[k].klass;
  return W_NONE;
}

static int
classify_folded (const char *folded)
{
  gsize len = strlen (folded);
  int klass;

  if (len == 0 || len >= 32)
    return W_NONE;
  klass = word_class (folded, len);
  if (klass != W_NONE)
    return klass;
  /* "Sept." "janv." are read without the dot already; "Sept" abbreviations
   * of four letters of a known month ("sept", "janv") are in the table. */
  if (len > 1 && folded[len - 1] == '.')
    return word_class (folded, len - 1);
  return W_NONE;
}

int
sl_dates_month_from_name (const char *word)
{
  g_autofree char *heap = NULL;
  char buf[64];
  char *f;
  int k;

  g_return_val_if_fail (word != NULL, 0);
  f = sl_text_fold_buf (word, buf, sizeof buf, &heap);
  g_strstrip (f);
  k = classify_folded (f);
  return k >= 1 && k <= 12 ? k : 0;
}

gboolean
sl_dates_is_present_word (const char *word)
{
  g_autofree char *heap = NULL;
  char buf[64];
  char *f;

  g_return_val_if_fail (word != NULL, FALSE);
  f = sl_text_fold_buf (word, buf, sizeof buf, &heap);
  g_strstrip (f);
  return classify_folded (f) == W_PRESENT;
}

SlDateRange *
sl_date_range_copy (const SlDateRange *range)
{
  SlDateRange *r;

  g_return_val_if_fail (range != NULL, NULL);
  r = g_new0 (SlDateRange, 1);
  *r = *range;
  r->start = g_strdup (range->start);
  r->end = g_strdup (range->end);
  return r;
}

void
sl_date_range_free (SlDateRange *range)
{
  if (range == NULL)
    return;
  g_free (range->start);
  g_free (range->end);
  g_free (range);
}

/* ---- tokenizer ---- */

typedef enum
{
  T_DATE,
  T_MONTH,      /* a month name with no year after it */
  T_PRESENT,
  T_PRESENT_WEAK,
  T_SINCE,
  T_SEP,
  T_BREAK,      /* anything else: a word, a number */
} TokType;

typedef struct
{
  TokType type;
  int     year;
  int     month;
  gsize   begin;
  gsize   end;
} Tok;

static gboolean
plausible_year (int y)
{
  return y >= 1950 && y <= 2049;
}

static int
read_digits (const char *s,
             gsize       i,
             gsize       len,
             int        *n_digits)
{
  int v = 0;
  int n = 0;

  while (i < len && g_ascii_isdigit (s[i]) && n < 9)
    {
      v = v * 10 + (s[i] - '0');
      i++;
      n++;
    }
  *n_digits = n;
  return v;
}

static int
two_digit_year (int yy)
{
  return yy <= 49 ? 2000 + yy : 1900 + yy;
}

static void
push (GArray *toks, TokType type, int year, int month, gsize begin, gsize end)
{
  Tok t = { type, year, month, begin, end };
  g_array_append_val (toks, t);
}

/* After a month word ending at @i: skip " ", ".", ",", "'" and one of
 * "of"/"de"/"del"/"di"/"van"; read a four-digit (or 'YY) year.  Returns the
 * year and sets *out_end, or 0. */
static int
year_after_month (const char *s,
                  gsize       i,
                  gsize       len,
                  gsize      *out_end)
{
  gsize j = i;
  gboolean apostrophe = FALSE;
  int n, y;

  for (int pass = 0; pass < 2; pass++)
    {
      while (j < len && (s[j] == ' ' || s[j] == '.' || s[j] == ',' || s[j] == '\t' || s[j] == '/'
                         || s[j] == '-'))
        j++;
      if (pass == 0)
        {
          static const char *const links[] = { "of ", "de ", "del ", "di ", "van ", "d'" };
          for (gsize k = 0; k < G_N_ELEMENTS (links); k++)
            if (g_ascii_strncasecmp (s + j, links[k], strlen (links[k])) == 0)
              {
                j += strlen (links[k]);
                break;
              }
        }
    }
  if (j < len && (s[j] == '\'' || (guchar) s[j] == 0xE2))
    {
      /* ' or ’ (E2 80 99) */
      if (s[j] == '\'')
        j++;
      else if (j + 2 < len && (guchar) s[j + 1] == 0x80 && (guchar) s[j + 2] == 0x99)
        j += 3;
      else
        return 0;
      apostrophe = TRUE;
    }
  y = read_digits (s, j, len, &n);
  if (j + n < len && g_ascii_isdigit (s[j + n]))
    return 0;
  if (n == 4 && !apostrophe && plausible_year (y))
    {
      *out_end = j + 4;
      return y;
    }
  if (n == 2 && apostrophe)
    {
      *out_end = j + 2;
      return two_digit_year (y);
    }
  return 0;
}

static gboolean
is_word_char (gunichar c)
{
  return sl_text_is_alnum (c) && !(c < 0x80 && g_ascii_isdigit ((char) c));
}

static void
tokenize (const char *s,
          GArray     *toks)
{
  gsize len = strlen (s);
  gsize i = 0;
  g_autoptr(GString) word = NULL;   /* for words that are not short ASCII */

  while (i < len)
    {
      guchar b = (guchar) s[i];

      if (g_ascii_isdigit (b))
        {
          int n1, v1 = read_digits (s, i, len, &n1);
          gsize j = i + n1;

          if (n1 == 4 && plausible_year (v1))
            {
              if (j + 1 < len && (s[j] == '-' || s[j] == '/') && g_ascii_isdigit (s[j + 1]))
                {
                  int n2, v2 = read_digits (s, j + 1, len, &n2);
                  gsize k = j + 1 + n2;

                  if (n2 <= 2)
                    {
                      if (n2 == 2 && (v2 > 12 || v2 == (v1 + 1) % 100))
                        {
                          int y2 = (v1 / 100) * 100 + v2;
                          if (y2 < v1)
                            y2 += 100;
                          push (toks, T_DATE, v1, 0, i, j);
                          push (toks, T_SEP, 0, 0, j, j + 1);
                          push (toks, T_DATE, y2, 0, j + 1, k);
                        }
                      else if (v2 >= 1 && v2 <= 12)
                        {
                          /* ISO YYYY-MM, maybe -DD */
                          if (k + 2 < len && s[k] == s[j] && g_ascii_isdigit (s[k + 1]))
                            {
                              int n3;
                              (void) read_digits (s, k + 1, len, &n3);
                              k += 1 + n3;
                            }
                          push (toks, T_DATE, v1, v2, i, k);
                        }
                      else
                        push (toks, T_DATE, v1, 0, i, j);
                      i = k;
                      continue;
                    }
                }
              push (toks, T_DATE, v1, 0, i, j);
              i = j;
              continue;
            }
          if (n1 <= 2 && j + 1 < len && (s[j] == '/' || s[j] == '.' || s[j] == '-')
              && g_ascii_isdigit (s[j + 1]))
            {
              char sep = s[j];
              int n2, v2 = read_digits (s, j + 1, len, &n2);
              gsize k = j + 1 + n2;

              if (n2 == 4 && plausible_year (v2) && v1 >= 1 && v1 <= 12)
                {
                  push (toks, T_DATE, v2, v1, i, k);
                  i = k;
                  continue;
                }
              if (n2 <= 2 && k + 1 < len && s[k] == sep && g_ascii_isdigit (s[k + 1]))
                {
                  int n3, v3 = read_digits (s, k + 1, len, &n3);
                  gsize e = k + 1 + n3;
                  int month = 0;

                  if (n3 == 4 && plausible_year (v3))
                    {
                      /* DD.MM.YYYY / DD/MM/YYYY, or MM/DD/YYYY when the
                       * second part cannot be a month. */
                      if (v2 >= 1 && v2 <= 12 && v1 >= 1 && v1 <= 31)
                        month = v2;
                      else if (v1 >= 1 && v1 <= 12 && v2 >= 1 && v2 <= 31)
                        month = v1;
                      push (toks, T_DATE, v3, month, i, e);
                      i = e;
                      continue;
                    }
                }
              if (n2 == 2 && sep == '/' && v1 >= 1 && v1 <= 12
                  && !(k < len && (g_ascii_isdigit (s[k]) || s[k] == '/')))
                {
                  push (toks, T_DATE, two_digit_year (v2), v1, i, k);
                  i = k;
                  continue;
                }
            }
          push (toks, T_BREAK, 0, 0, i, j);
          i = j;
          continue;
        }

      if (b < 0x80 && !g_ascii_isalpha (b))
        {
          if (b == '-' || b == '~' || b == '/')
            push (toks, T_SEP, 0, 0, i, i + 1);
          else if (b == ';' || b == '|' || b == ':')
            push (toks, T_BREAK, 0, 0, i, i + 1);
          i++;
          continue;
        }

      {
        /* (an ASCII byte here is a letter: the others were taken above) */
        gunichar c = b < 0x80 ? (gunichar) b : g_utf8_get_char_validated (s + i, len - i);
        gsize start = i;
        int klass;
        char wbuf[32];
        const char *wstr;
        gsize wlen;

        if (c == (gunichar) -1 || c == (gunichar) -2)
          {
            i++;
            continue;
          }
        if (c == 0xE2)
          {
            /* "â" followed by C1 controls or a space: a mojibake dash */
            gsize k = i + 2;
            gunichar c2 = k < len ? g_utf8_get_char_validated (s + k, len - k) : ' ';
            if (k >= len || c2 == ' ' || (c2 >= 0x80 && c2 <= 0x9F))
              {
                while (k < len)
                  {
                    c2 = g_utf8_get_char_validated (s + k, len - k);
                    if (!(c2 >= 0x80 && c2 <= 0x9F))
                      break;
                    k = g_utf8_next_char (s + k) - s;
                  }
                push (toks, T_SEP, 0, 0, i, k);
                i = k;
                continue;
              }
          }
        if (sl_text_is_dash (c) && c != 0xE2)
          {
            i = g_utf8_next_char (s + i) - s;
            push (toks, T_SEP, 0, 0, start, i);
            continue;
          }
        if (!is_word_char (c))
          {
            i = g_utf8_next_char (s + i) - s;
            continue;
          }
        /* a word: letters, with inner apostrophes (aujourd'hui) */
        while (i < len)
          {
            gunichar wc;
            if ((guchar) s[i] < 0x80)
              {
                /* ASCII: a word character is a letter */
                if (g_ascii_isalpha (s[i]))
                  {
                    i++;
                    continue;
                  }
                wc = (guchar) s[i];
              }
            else
              {
                wc = g_utf8_get_char_validated (s + i, len - i);
                if (wc == (gunichar) -1 || wc == (gunichar) -2)
                  break;
                if (is_word_char (wc))
                  {
                    i = g_utf8_next_char (s + i) - s;
                    continue;
                  }
              }
            if ((wc == '\'' || wc == 0x2019) && i + 1 < len)
              {
                const char *nx = g_utf8_next_char (s + i);
                gunichar after = g_utf8_get_char_validated (nx, len - (nx - s));
                if (after != (gunichar) -1 && after != (gunichar) -2 && is_word_char (after))
                  {
                    i = nx - s;
                    continue;
                  }
              }
            break;
          }
        {
          /* a short ASCII word is lower-cased on the stack */
          gsize wl = i - start;
          gsize k = 0;
          if (wl < sizeof wbuf)
            for (; k < wl && (guchar) s[start + k] < 0x80; k++)
              wbuf[k] = (s[start + k] >= 'A' && s[start + k] <= 'Z') ? (char) (s[start + k] + 32) : s[start + k];
          if (wl < sizeof wbuf && k == wl)
            {
              wbuf[k] = '\0';
              wstr = wbuf;
              wlen = wl;
            }
          else
            {
              if (word == NULL)
                word = g_string_new (NULL);
              g_string_truncate (word, 0);
              sl_text_fold_append (word, s + start, i - start);
              wstr = word->str;
              wlen = word->len;
            }
        }
        /* "t/m" (Dutch "up to and including") */
        if (g_str_equal (wstr, "t") && i + 1 < len && s[i] == '/' && (s[i + 1] == 'm' || s[i + 1] == 'M'))
          {
            i += 2;
            push (toks, T_SEP, 0, 0, start, i);
            continue;
          }
        klass = classify_folded (wstr);
        if ((klass >= 1 && klass <= 12) || klass >= W_SEASON_SPRING)
          {
            gsize yend = 0;
            int month = klass <= 12 ? klass
                        : klass == W_SEASON_SPRING ? 3
                        : klass == W_SEASON_SUMMER ? 6
                        : klass == W_SEASON_FALL ? 9 : 12;
            gsize after = i;
            int year;

            if (after < len && s[after] == '.')
              after++;
            year = year_after_month (s, after, len, &yend);
            if (year > 0)
              {
                push (toks, T_DATE, year, month, start, yend);
                i = yend;
              }
            else if (klass <= 12 && wlen >= 3)
              push (toks, T_MONTH, 0, month, start, after);
            else
              push (toks, T_BREAK, 0, 0, start, i);
            continue;
          }
        switch (klass)
          {
          case W_PRESENT:
            push (toks, T_PRESENT, 0, 0, start, i);
            break;
          case W_PRESENT_WEAK:
            push (toks, T_PRESENT_WEAK, 0, 0, start, i);
            break;
          case W_SINCE:
            push (toks, T_SINCE, 0, 0, start, i);
            break;
          case W_SEP:
            push (toks, T_SEP, 0, 0, start, i);
            break;
          default:
            /* short function words between a range's ends ("to the present",
             * "la fecha") do not break it */
            if (wlen <= 3 && (g_str_equal (wstr, "the") || g_str_equal (wstr, "la")
                              || g_str_equal (wstr, "o") || g_str_equal (wstr, "ce")
                              || g_str_equal (wstr, "el") || g_str_equal (wstr, "le")))
              break;
            push (toks, T_BREAK, 0, 0, start, i);
            break;
          }
      }
    }
}

static char *
format_tok (const Tok *t)
{
  return sl_date_format (t->year, t->month, 0);
}

static int
tok_index (const Tok *t, gboolean as_end)
{
  return t->year * 12 + (t->month ? t->month - 1 : (as_end ? 11 : 0));
}

static void
add_range (GPtrArray  *out,
           const Tok  *a,
           const Tok  *b,
           char       *start,
           char       *end,
           gboolean    current,
           gboolean    single)
{
  SlDateRange *r = g_new0 (SlDateRange, 1);

  r->start = start;
  r->end = end;
  r->current = current;
  r->single = single;
  r->offset = a->begin;
  r->length = b->end - a->begin;
  g_ptr_array_add (out, r);
}

/* FALSE when the tokenizer can read no date in @s, so that no range can
 * be found there.  Every date token has four digits in a row (a year:
 * "2019", "03/2019", "2019-20", "Mar 2019"), or a digit, '/' and a digit
 * ("03/19"), or an apostrophe right before a digit ("Mar '19", also with
 * ’, whose last byte is 0x99).  One pass, for the many lines whose only
 * digits are counts and percentages. */
static gboolean
may_hold_date (const char *s)
{
  int run = 0;

  for (const guchar *p = (const guchar *) s; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++run >= 4)
            return TRUE;
          continue;
        }
      run = 0;
      if (((*p == '/' && (const char *) p > s && g_ascii_isdigit (p[-1])) || *p == '\'' || *p == 0x99)
          && g_ascii_isdigit (p[1]))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
find_ranges (const char *text, gboolean quick_reject)
{
  GPtrArray *out;
  g_autoptr(GArray) toks = NULL;
  guint i = 0;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) sl_date_range_free);
  if (quick_reject && !may_hold_date (text))
    return out;
  toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), 16);
  tokenize (text, toks);

  while (i < toks->len)
    {
      Tok *t = &g_array_index (toks, Tok, i);
      Tok *n1 = i + 1 < toks->len ? &g_array_index (toks, Tok, i + 1) : NULL;
      Tok *n2 = i + 2 < toks->len ? &g_array_index (toks, Tok, i + 2) : NULL;

      if (t->type == T_SINCE && n1 && n1->type == T_DATE && n2 && n2->type == T_SEP
          && i + 3 < toks->len && g_array_index (toks, Tok, i + 3).type == T_DATE)
        {
          /* "dal 2014 al 2019", "von 2012 bis 2016", "desde 2010 hasta 2014" */
          Tok *e = &g_array_index (toks, Tok, i + 3);
          if (tok_index (e, TRUE) >= tok_index (n1, FALSE))
            {
              add_range (out, t, e, format_tok (n1), format_tok (e), FALSE, FALSE);
              i += 4;
              continue;
            }
        }
      if (t->type == T_SINCE && n1 && n1->type == T_DATE)
        {
          add_range (out, t, n1, format_tok (n1), NULL, TRUE, FALSE);
          i += 2;
          /* "since 2019 – today" */
          if (i + 1 < toks->len && g_array_index (toks, Tok, i).type == T_SEP
              && g_array_index (toks, Tok, i + 1).type == T_PRESENT)
            i += 2;
          continue;
        }
      if (t->type == T_MONTH && n1 && n1->type == T_SEP && n2 && n2->type == T_DATE && n2->month)
        {
          /* "Jan - Mar 2019" */
          if (t->month <= n2->month)
            {
              add_range (out, t, n2, sl_date_format (n2->year, t->month, 0), format_tok (n2), FALSE, FALSE);
              i += 3;
              continue;
            }
        }
      if (t->type == T_DATE)
        {
          guint k = i + 1;
          gboolean had_sep = FALSE;

          while (k < toks->len && g_array_index (toks, Tok, k).type == T_SEP)
            {
              had_sep = TRUE;
              k++;
            }
          if (k < toks->len)
            {
              Tok *e = &g_array_index (toks, Tok, k);

              if (e->type == T_PRESENT || (e->type == T_PRESENT_WEAK && had_sep))
                {
                  add_range (out, t, e, format_tok (t), NULL, TRUE, FALSE);
                  i = k + 1;
                  continue;
                }
              if (e->type == T_DATE && tok_index (e, TRUE) >= tok_index (t, FALSE)
                  && e->year - t->year <= 60 && (had_sep || (t->month == 0 && e->month == 0)))
                {
                  add_range (out, t, e, format_tok (t), format_tok (e), FALSE, FALSE);
                  i = k + 1;
                  continue;
                }
              if (e->type == T_MONTH && had_sep && t->month)
                {
                  /* "Jan 2019 – Mar" : same year */
                  if (e->month >= t->month)
                    {
                      add_range (out, t, e, format_tok (t), sl_date_format (t->year, e->month, 0), FALSE, FALSE);
                      i = k + 1;
                      continue;
                    }
                }
            }
          add_range (out, t, t, format_tok (t), NULL, FALSE, TRUE);
          i++;
          continue;
        }
      i++;
    }
  return out;
}

GPtrArray *
sl_dates_find (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return find_ranges (text, TRUE);
}

GPtrArray *
sl_dates_find_unfiltered (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return find_ranges (text, FALSE);
}

SlDateRange *
sl_dates_parse_range (const char *text,
                      gboolean    allow_single)
{
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  all = sl_dates_find (text);
  for (guint i = 0; i < all->len; i++)
    {
      SlDateRange *r = g_ptr_array_index (all, i);
      if (!r->single || allow_single)
        return g_steal_pointer (&g_ptr_array_index (all, i));
    }
  return NULL;
}
