/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "sl-skills.h"
#include "sl-skills-resources.h"
#include "sl-text.h"

#define SKILLS_PATH "/io/github/shortlist/Shortlist/skills/skills.tsv"
#define RELATIONS_PATH "/io/github/shortlist/Shortlist/skills/relations.tsv"
#define MAX_NGRAM 6

typedef struct
{
  char      *canonical;
  char      *category;
  GPtrArray *related;     /* (element-type utf8) borrowed canonical names */
  gboolean   listed_only;
} Skill;

typedef struct
{
  Skill    *skill;        /* NULL when the key is only a prefix of longer names */
  char     *exact;        /* when set, the text must be written exactly so:
                           * one spelling, or several joined by '\n' */
  gboolean  listed_only;  /* a generic word: a skill only in skills lists */
  gboolean  is_prefix;    /* a longer name starts with this key */
} Key;

/* One slot of the keys' index by their FNV hash (the hash the scan
 * computes anyway: no second hash of the n-gram, as g_str_hash was). */
typedef struct
{
  guint32     hash;
  const char *text;         /* NULL: an empty slot */
  Key        *key;
} KeySlot;

typedef struct
{
  GHashTable *keys;          /* folded n-gram → Key* */
  KeySlot    *index;         /* the same keys, open addressing */
  guint32     index_mask;
  GHashTable *known_tokens;  /* folded compound token ("ci/cd", "node.js") → itself */
  GHashTable *by_canonical;  /* folded canonical → Skill* */
  GPtrArray  *skills;        /* (element-type Skill) */
  SlTextFilter key_filter;   /* the hashes of the keys */
  guint       n_aliases;
  gboolean    ok;
} Gazetteer;

static Gazetteer gaz;

/* ---- tokens ---- */

typedef struct
{
  gsize begin;    /* byte span in the source */
  gsize end;
  gsize fbegin;   /* span of the folded form in the fold buffer */
  gsize flen;
  guint32 hash;   /* sl_text_hash_append() of the folded form */
} Tok;

/* The tokens of a text: a plain growing array (a token is added for every
 * word the parser reads; g_array_append_val cost more than the rest). */
typedef struct
{
  Tok   *v;
  guint  len;
  guint  cap;
} Toks;

static Toks *
toks_new (guint cap)
{
  Toks *t = g_new (Toks, 1);

  t->cap = MAX (cap, 8);
  t->len = 0;
  t->v = g_new (Tok, t->cap);
  return t;
}

static void
toks_free (Toks *t)
{
  g_free (t->v);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Toks, toks_free)

/* ASCII classes for the tokenizer: a table look-up per byte instead of
 * the tests below (the whole resume is tokenized).  Bytes from 0x80 (UTF-8
 * sequences) have no class here: one look-up also rejects them. */
enum { TC_CORE = 1, TC_CONNECTOR = 2 };

static const guint8 tok_class[256] = {
  ['0' ... '9'] = TC_CORE, ['A' ... 'Z'] = TC_CORE, ['a' ... 'z'] = TC_CORE,
  ['+'] = TC_CORE, ['#'] = TC_CORE,
  ['.'] = TC_CONNECTOR, ['/'] = TC_CONNECTOR, ['-'] = TC_CONNECTOR, ['&'] = TC_CONNECTOR,
  ['\''] = TC_CONNECTOR, ['_'] = TC_CONNECTOR,
};

/* ASCII lower case by look-up (the tokenizer writes it for every byte of a
 * token). */
static const char tok_lower[128] = {
  0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
  0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
  0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
  0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
  0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
  0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
  0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
  0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
};

static gboolean
is_core_char (gunichar c)
{
  return sl_text_is_alnum (c) || c == '+' || c == '#';
}

static gboolean
is_connector (gunichar c)
{
  return c == '.' || c == '/' || c == '-' || c == '&' || c == '\'' || c == '_';
}

static void
add_token (Toks *toks, GString *fold, const char *s, gsize len, gsize b, gsize e)
{
  Tok t;

  if (e <= b)
    return;
  t.begin = b;
  t.end = e;
  t.fbegin = fold->len;
  /* Most tokens are ASCII: lower-cased straight into the buffer (the
   * result is what sl_text_fold_append gives), else folded. */
  /* (8 bytes of room more: the word-wise copy below writes whole words) */
  if (fold->allocated_len <= fold->len + (e - b) + 9)
    {
      g_string_set_size (fold, fold->len + (e - b) + 9);
      fold->len = t.fbegin;
    }
  {
    char *dst = fold->str + fold->len;
    gsize k = b;
    /* eight bytes at a time while they are in the text: the token's
     * bytes ASCII, their capitals lower-cased (bytes past the token are
     * masked off and overwritten after) */
    while (k < e && k + 8 <= len)
      {
        const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
        gsize n = MIN (e - k, 8);
        guint64 mask = n == 8 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << (8 * n)) - 1;
        guint64 w, upper;
        memcpy (&w, s + k, 8);
        if (w & high & mask)
          break;
        w &= mask;
        upper = (w + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f)) & ~(w + G_GUINT64_CONSTANT (0x2525252525252525)) & high & mask;
        w |= upper >> 2;
        memcpy (dst, &w, 8);
        dst += n;
        k += n;
      }
    for (; k < e && (guchar) s[k] < 0x80; k++)
      *dst++ = (s[k] >= 'A' && s[k] <= 'Z') ? (char) (s[k] + 32) : s[k];
    fold->len = dst - fold->str;
    if (k < e)
      sl_text_fold_append (fold, s + k, e - k);
  }
  t.flen = fold->len - t.fbegin;
  t.hash = sl_text_hash_append (SL_TEXT_HASH_INIT, fold->str + t.fbegin, t.flen);
  g_string_append_c (fold, '\0');
  if (toks->len == toks->cap)
    {
      toks->cap *= 2;
      toks->v = g_renew (Tok, toks->v, toks->cap);
    }
  toks->v[toks->len++] = t;
}

/* add_token() of an ASCII token whose lower case tokenize() has already
 * written at the end of @fold (room for it and a NUL made there), and
 * hashed as @hash. */
static void
add_token_filled (Toks *toks, GString *fold, gsize b, gsize e, guint32 hash)
{
  Tok t = { b, e, fold->len, e - b, hash };

  fold->len += e - b;
  fold->str[fold->len++] = '\0';
  fold->str[fold->len] = '\0';
  if (toks->len == toks->cap)
    {
      toks->cap *= 2;
      toks->v = g_renew (Tok, toks->v, toks->cap);
    }
  toks->v[toks->len++] = t;
}

/* Splits @s[0..len) into tokens; compound tokens that the gazetteer does not
 * know as a whole ("HTML/CSS", "Java-based") are split at their connectors.
 * @split_all: split every compound (used for the alternative key of an alias). */
static void
tokenize (const char *s,
          gsize       len,
          Toks       *toks,
          GString    *fold,
          gboolean    keep_all,
          gboolean    split_all)
{
  gsize i = 0;
  g_autoptr(GString) tmp = NULL;   /* made for the first compound token */

  while (i < len)
    {
      gunichar c;
      gsize b, e, last_core;
      gboolean compound = FALSE;
      gboolean wide = FALSE;   /* a byte taken the slow way: not pre-filled */
      char *dst;
      /* the hash of the bytes written to dst[b..i), kept while they are
       * written: the same as hashing them afterwards */
      guint32 hash = SL_TEXT_HASH_INIT;

      /* fast path over ASCII separators */
      if ((guchar) s[i] < 0x80)
        {
          if (!(tok_class[(guchar) s[i]] & TC_CORE) && s[i] != '.')
            {
              i++;
              continue;
            }
          c = (guchar) s[i];
        }
      else
        {
          c = g_utf8_get_char_validated (s + i, len - i);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              i++;
              continue;
            }
        }
      /* ".NET": a leading dot glued to letters at the start of a word */
      if (!(is_core_char (c) || (c == '.' && i + 1 < len && g_ascii_isalpha (s[i + 1])
                                 && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ','))))
        {
          i = g_utf8_next_char (s + i) - s;
          continue;
        }
      b = i;
      last_core = i;
      /* the token's ASCII bytes are lower-cased into the fold buffer while
       * they are read (dst[i] for byte i): a plain token is then added
       * without a second pass over it */
      if (fold->allocated_len <= fold->len + (len - b) + 9)
        {
          gsize at = fold->len;
          g_string_set_size (fold, at + (len - b) + 9);
          fold->len = at;
        }
      dst = fold->str + fold->len - b;
      while (i < len)
        {
          gunichar d;
          gsize nx;
          gsize j = i;

          /* a run of ASCII letters and digits (most of every token) in a
           * loop of its own, whose few variables stay in registers */
          while (j < len && (tok_class[(guchar) s[j]] & TC_CORE))
            {
              char lower = tok_lower[(guchar) s[j]];
              dst[j] = lower;
              hash = (hash ^ (guchar) lower) * 16777619u;
              j++;
            }
          if (j > i)
            {
              i = last_core = j;
              if (i == len)
                break;
            }
          /* here s[i] is not an ASCII core byte */
          if ((guchar) s[i] < 0x80)
            {
              d = (guchar) s[i];
              nx = i + 1;
              if (!(tok_class[d] & TC_CONNECTOR))
                break;
              /* a connector glued to a core character after it */
              if (nx < len && (guchar) s[nx] < 0x80)
                {
                  if (tok_class[(guchar) s[nx]] & TC_CORE)
                    {
                      if (i != b)
                        compound = TRUE;
                      dst[i] = (char) d;
                      hash = (hash ^ (guchar) d) * 16777619u;
                      i = nx;
                      continue;
                    }
                  break;
                }
            }
          else
            {
              d = g_utf8_get_char_validated (s + i, len - i);
              if (d == (gunichar) -1 || d == (gunichar) -2)
                break;
              nx = g_utf8_next_char (s + i) - s;
            }
          if (is_core_char (d))
            {
              wide = TRUE;
              i = nx;
              last_core = i;
              continue;
            }
          if (is_connector (d) || (d == '.' && i == b))
            {
              gunichar after = nx < len ? g_utf8_get_char_validated (s + nx, len - nx) : 0;
              if (after != (gunichar) -1 && after != (gunichar) -2 && after != 0 && is_core_char (after))
                {
                  if (i != b)
                    compound = TRUE;
                  wide = TRUE;
                  i = nx;
                  continue;
                }
            }
          break;
        }
      e = last_core > b ? last_core : i;
      if (e <= b)
        {
          i = b + 1;
          continue;
        }
      if (compound && !keep_all)
        {
          gboolean known = FALSE;
          if (!split_all)
            {
              if (tmp == NULL)
                tmp = g_string_sized_new (64);
              g_string_truncate (tmp, 0);
              sl_text_fold_append (tmp, s + b, e - b);
              known = gaz.known_tokens && g_hash_table_contains (gaz.known_tokens, tmp->str);
            }
          if (!known)
            {
              gsize pb = b;
              gsize k = b;
              while (k < e)
                {
                  gunichar d = g_utf8_get_char (s + k);
                  gsize nx = g_utf8_next_char (s + k) - s;
                  if (is_connector (d) && k != b)
                    {
                      add_token (toks, fold, s, len, pb, k);
                      pb = nx;
                    }
                  k = nx;
                }
              add_token (toks, fold, s, len, pb, e);
              i = e;
              continue;
            }
        }
      if (wide)
        add_token (toks, fold, s, len, b, e);
      else
        add_token_filled (toks, fold, b, e, hash);
      i = e;
    }
}

/* ---- loading ---- */

static Key *
key_get (const char *k)
{
  Key *key = g_hash_table_lookup (gaz.keys, k);

  if (key == NULL)
    {
      key = g_new0 (Key, 1);
      g_hash_table_insert (gaz.keys, g_strdup (k), key);
    }
  return key;
}

/* Whether @spelling is one of the '\n'-joined @spellings. */
static gboolean
exact_listed (const char *spellings,
              const char *spelling)
{
  gsize n = strlen (spelling);
  const char *p = spellings;

  for (;;)
    {
      if (strncmp (p, spelling, n) == 0 && (p[n] == '\0' || p[n] == '\n'))
        return TRUE;
      p = strchr (p, '\n');
      if (p == NULL)
        return FALSE;
      p++;
    }
}

static void
add_key_tokens (Skill      *skill,
                const char *alias,
                Toks       *toks,
                GString    *fold,
                const char *exact,
                gboolean    listed_only)
{
  g_autoptr(GString) k = g_string_new (NULL);
  Key *key;

  if (toks->len == 0 || toks->len > MAX_NGRAM)
    return;
  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &toks->v[i];
      if (i > 0)
        {
          key = key_get (k->str);
          key->is_prefix = TRUE;
          g_string_append_c (k, ' ');
        }
      g_string_append_len (k, fold->str + t->fbegin, t->flen);
    }
  key = key_get (k->str);
  if (key->skill == NULL || (key->exact != NULL && exact == NULL))
    {
      key->skill = skill;
      g_free (key->exact);
      key->exact = g_strdup (exact);
      key->listed_only = listed_only;
    }
  else if (key->skill == skill && key->exact != NULL && exact != NULL && !exact_listed (key->exact, exact))
    {
      /* "=JAVA|=Java", "=Sql|=SQL": each spelling counts */
      char *both = g_strconcat (key->exact, "\n", exact, NULL);
      g_free (key->exact);
      key->exact = both;
    }
  (void) alias;
}

static void
add_alias (Skill      *skill,
           const char *alias)
{
  g_autoptr(Toks) toks = toks_new (8);
  g_autoptr(GString) fold = g_string_new (NULL);
  const char *exact = NULL;
  gboolean listed_only = FALSE;

  if (alias[0] == '~')
    {
      alias++;
      listed_only = TRUE;
    }
  if (alias[0] == '=')
    {
      alias++;
      exact = alias;
    }
  if (alias[0] == '\0')
    return;
  gaz.n_aliases++;

  /* as a whole: compound tokens are known tokens */
  tokenize (alias, strlen (alias), toks, fold, TRUE, FALSE);
  for (guint i = 0; i < toks->len; i++)
    {
      Tok *t = &toks->v[i];
      const char *f = fold->str + t->fbegin;
      if (strpbrk (f, "./-&'_") != NULL && !g_hash_table_contains (gaz.known_tokens, f))
        {
          char *copy = g_strdup (f);
          g_hash_table_add (gaz.known_tokens, copy);
        }
    }
  add_key_tokens (skill, alias, toks, fold, exact, listed_only);

  /* and split at connectors, so "front end" finds "Front-End" */
  toks->len = 0;
  g_string_truncate (fold, 0);
  tokenize (alias, strlen (alias), toks, fold, FALSE, TRUE);
  add_key_tokens (skill, alias, toks, fold, exact, listed_only);
}

static void
key_free (gpointer p)
{
  Key *k = p;
  g_free (k->exact);
  g_free (k);
}

static void
skill_free (gpointer p)
{
  Skill *s = p;
  g_free (s->canonical);
  g_free (s->category);
  g_clear_pointer (&s->related, g_ptr_array_unref);
  g_free (s);
}

static Skill *
lookup_canonical (const char *name)
{
  g_autofree char *f = sl_text_fold (name);
  return g_hash_table_lookup (gaz.by_canonical, f);
}

static void
load_once (void)
{
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) rel = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  gsize size;
  g_auto(GStrv) lines = NULL;

  gaz.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, key_free);
  gaz.known_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz.by_canonical = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gaz.skills = g_ptr_array_new_with_free_func (skill_free);

  /* Referencing the generated resource keeps it in the static library. */
  data = g_resource_lookup_data (sl_skills_get_resource (), SKILLS_PATH,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (data == NULL)
    {
      g_debug ("skills gazetteer missing: %s", error->message);
      return;
    }
  text = g_bytes_get_data (data, &size);
  {
    g_autofree char *copy = g_strndup (text, size);
    lines = g_strsplit (copy, "\n", -1);
  }
  for (char **l = lines; *l; l++)
    {
      g_auto(GStrv) cols = NULL;
      Skill *skill;
      g_autofree char *fc = NULL;

      if ((*l)[0] == '#' || (*l)[0] == '\0')
        continue;
      cols = g_strsplit (*l, "\t", 4);
      if (cols[0] == NULL || cols[0][0] == '\0')
        continue;
      fc = sl_text_fold (cols[0]);
      skill = g_hash_table_lookup (gaz.by_canonical, fc);
      if (skill == NULL)
        {
          skill = g_new0 (Skill, 1);
          skill->canonical = g_strdup (cols[0]);
          skill->category = g_strdup (cols[1] ? cols[1] : "");
          skill->related = g_ptr_array_new ();
          skill->listed_only = cols[1] && cols[2] && cols[3] && strchr (cols[3], 's') != NULL;
          g_ptr_array_add (gaz.skills, skill);
          g_hash_table_insert (gaz.by_canonical, g_steal_pointer (&fc), skill);
        }
      {
        g_auto(GStrv) aliases = (cols[1] && cols[2]) ? g_strsplit (cols[2], "|", -1) : g_new0 (char *, 1);
        gboolean canonical_exact = FALSE;

        for (char **a = aliases; *a; a++)
          {
            g_strstrip (*a);
            if ((*a)[0] == '=' && g_str_equal (*a + 1, cols[0]))
              canonical_exact = TRUE;
            if ((*a)[0] == '~' && (*a)[1] == '=' && g_str_equal (*a + 2, cols[0]))
              canonical_exact = TRUE;
          }
        /* "=Go": the canonical name itself is an ordinary word in lower case */
        if (!canonical_exact)
          add_alias (skill, cols[0]);
        for (char **a = aliases; *a; a++)
          add_alias (skill, *a);
      }
    }

  rel = g_resource_lookup_data (sl_skills_get_resource (), RELATIONS_PATH,
                                G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (rel != NULL)
    {
      g_autofree char *copy = g_strndup (g_bytes_get_data (rel, NULL), g_bytes_get_size (rel));
      g_auto(GStrv) rlines = g_strsplit (copy, "\n", -1);
      for (char **l = rlines; *l; l++)
        {
          g_auto(GStrv) cols = NULL;
          Skill *a, *b;

          if ((*l)[0] == '#' || (*l)[0] == '\0')
            continue;
          cols = g_strsplit (*l, "\t", 3);
          if (cols[0] == NULL || cols[1] == NULL)
            continue;
          a = lookup_canonical (cols[0]);
          b = lookup_canonical (cols[1]);
          if (a == NULL || b == NULL || a == b)
            continue;
          g_ptr_array_add (a->related, b->canonical);
          g_ptr_array_add (b->related, a->canonical);
        }
    }

  /* ~20,000 keys in 2^19 bits: about 4 % of unknown n-grams pass. */
  {
    GHashTableIter iter;
    gpointer key;

    gpointer value;
    guint32 slots = 16;

    while (slots < 2 * g_hash_table_size (gaz.keys))
      slots *= 2;
    gaz.index = g_new0 (KeySlot, slots);
    gaz.index_mask = slots - 1;
    sl_text_filter_init (&gaz.key_filter, 19);
    g_hash_table_iter_init (&iter, gaz.keys);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        guint32 h = sl_text_hash_append (SL_TEXT_HASH_INIT, key, strlen (key));
        guint32 i = (h ^ (h >> 16)) & gaz.index_mask;

        sl_text_filter_add (&gaz.key_filter, h);
        while (gaz.index[i].text != NULL)
          i = (i + 1) & gaz.index_mask;
        gaz.index[i] = (KeySlot) { h, key, value };
      }
  }
  gaz.ok = TRUE;
}

static gboolean
ensure (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      load_once ();
      g_once_init_leave (&once, 1);
    }
  return gaz.ok;
}

gboolean
sl_skills_ensure_loaded (GError **error)
{
  if (!ensure ())
    {
      g_set_error_literal (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND,
                           "The skills gazetteer is missing from the program's resources");
      return FALSE;
    }
  return TRUE;
}

guint
sl_skills_count (void)
{
  ensure ();
  return gaz.skills ? gaz.skills->len : 0;
}

guint
sl_skills_alias_count (void)
{
  ensure ();
  return gaz.n_aliases;
}

const char *
sl_skills_canonicalize (const char *name)
{
  g_autoptr(Toks) toks = NULL;
  g_autoptr(GString) fold = NULL;
  Key *key;

  g_return_val_if_fail (name != NULL, NULL);
  if (!ensure ())
    return NULL;
  toks = toks_new (8);
  fold = g_string_sized_new (strlen (name) + 16);
  tokenize (name, strlen (name), toks, fold, FALSE, FALSE);
  if (toks->len == 0 || toks->len > MAX_NGRAM)
    return NULL;
  /* the key is the folded tokens joined by spaces: they follow each other
   * in the fold buffer, each ended by a NUL that becomes the space */
  for (guint i = 0; i + 1 < toks->len; i++)
    fold->str[toks->v[i].fbegin + toks->v[i].flen] = ' ';
  key = g_hash_table_lookup (gaz.keys, fold->str + toks->v[0].fbegin);
  if (key == NULL || key->skill == NULL)
    return NULL;
  /* a bare ordinary word ("go", "r") alone is still that skill when it is
   * the whole name, e.g. an item of a skills list */
  return key->skill->canonical;
}

const char *
sl_skills_category (const char *canonical)
{
  Skill *s;

  g_return_val_if_fail (canonical != NULL, NULL);
  if (!ensure ())
    return NULL;
  s = lookup_canonical (canonical);
  return s ? s->category : NULL;
}

gboolean
sl_skills_is_listed_only (const char *canonical)
{
  Skill *s;

  g_return_val_if_fail (canonical != NULL, FALSE);
  if (!ensure ())
    return FALSE;
  s = lookup_canonical (canonical);
  return s != NULL && s->listed_only;
}

GPtrArray *
sl_skills_related (const char *canonical)
{
  GPtrArray *out = g_ptr_array_new ();
  Skill *s;

  g_return_val_if_fail (canonical != NULL, out);
  if (!ensure ())
    return out;
  s = lookup_canonical (canonical);
  if (s != NULL)
    for (guint i = 0; i < s->related->len; i++)
      g_ptr_array_add (out, g_ptr_array_index (s->related, i));
  return out;
}

static gboolean
exact_ok (const char *text,
          Toks       *toks,
          guint       first,
          guint       n,
          const char *exact)
{
  /* the tokens' original text joined by single spaces must be one of the
   * spellings in @exact (compared in place) */
  for (const char *x = exact; x != NULL; )
    {
      gboolean same = TRUE;

      for (guint i = first; i < first + n && same; i++)
        {
          Tok *t = &toks->v[i];
          gsize tl = t->end - t->begin;
          if (i > first)
            {
              same = *x == ' ';
              x += same;
            }
          same = same && strncmp (x, text + t->begin, tl) == 0;
          x += same ? tl : 0;
        }
      if (same && (*x == '\0' || *x == '\n'))
        return TRUE;
      x = strchr (x, '\n');
      if (x != NULL)
        x++;
    }
  return FALSE;
}

/* A lone letter is not the language of that name ("C", "R", "D") where it
 * is part of an abbreviation, glued to another letter by '.' or '&'
 * ("Washington, D.C.", "R&D", "P.H.R.", "K&R"); a label in parentheses
 * (grades "English (C)", phone kinds "(R)"); or a person's initial, after
 * a capitalised name or another initial ("Lisa R. Hirschhorn", "F. C.
 * Blumberg") or in a citation's list of authors ("Skierkowski, D., Florin").  "C." ending a list,
 * "Python and C." or "C/C++" still are. */
static gboolean
letter_not_language (const char *text,
                     gsize       len,
                     gsize       begin,
                     gsize       end)
{
  if (end != begin + 1 || !g_ascii_isalpha (text[begin]))
    return FALSE;
  if (begin >= 2 && (text[begin - 1] == '.' || text[begin - 1] == '&') && g_ascii_isalpha (text[begin - 2]))
    return TRUE;
  if (end + 1 < len && (text[end] == '.' || text[end] == '&') && g_ascii_isalpha (text[end + 1]))
    return TRUE;
  /* an author's initial in a citation ("Skierkowski, D., Florin, P."),
   * or the second of two ("F. C. Blumberg") */
  if (end + 1 < len && text[end] == '.' && text[end + 1] == ',')
    return TRUE;
  if (end < len && text[end] == '.' && begin >= 3 && text[begin - 1] == ' ' && text[begin - 2] == '.'
      && g_ascii_isupper (text[begin - 3]) && (begin == 3 || !g_ascii_isalnum (text[begin - 4])))
    return TRUE;
  if (begin >= 1 && text[begin - 1] == '(' && end < len && text[end] == ')')
    return TRUE;
  if (end + 1 < len && text[end] == '.' && text[end + 1] == ' ' && begin >= 3 && text[begin - 1] == ' '
      && g_ascii_islower (text[begin - 2]))
    {
      gsize w = begin - 2;

      while (w > 0 && g_ascii_islower (text[w - 1]))
        w--;
      return w > 0 && g_ascii_isupper (text[w - 1]) && (w == 1 || !g_ascii_isalnum (text[w - 2]));
    }
  return FALSE;
}

/* The key @text (folded) whose FNV hash is @h, or NULL. */
static Key *
index_lookup (const char *text, guint32 h)
{
  guint32 i = (h ^ (h >> 16)) & gaz.index_mask;

  for (; gaz.index[i].text != NULL; i = (i + 1) & gaz.index_mask)
    if (gaz.index[i].hash == h && strcmp (gaz.index[i].text, text) == 0)
      return gaz.index[i].key;
  return NULL;
}

GArray *
sl_skills_find (const char *text,
                gssize      len)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SlSkillMatch));
  g_autoptr(Toks) toks = NULL;
  g_autoptr(GString) fold = NULL;
  guint i = 0;

  g_return_val_if_fail (text != NULL, out);
  if (!ensure ())
    return out;
  if (len < 0)
    len = (gssize) strlen (text);
  /* about one token per six bytes of text: sized once */
  toks = toks_new (MAX (256, (guint) MIN ((gsize) len / 4, G_MAXUINT / 2)));
  fold = g_string_sized_new ((gsize) len + 256);
  tokenize (text, (gsize) len, toks, fold, FALSE, FALSE);
  /* The folded tokens follow each other in the fold buffer, each ended by
   * a NUL: with a space instead, the n-gram of tokens i..i+n-1 is the
   * buffer from token i to the end of token i+n-1 ("machine learning"),
   * looked up in place (the byte after it set to NUL for the look-up). */
  for (guint t = 0; t < toks->len; t++)
    fold->str[toks->v[t].fbegin + toks->v[t].flen] = ' ';

  while (i < toks->len)
    {
      guint best_n = 0;
      Skill *best = NULL;
      gboolean best_listed = FALSE;
      guint32 h = SL_TEXT_HASH_INIT;   /* of the n-gram, grown with it */

      for (guint n = 1; n <= MAX_NGRAM && i + n <= toks->len; n++)
        {
          Tok *t = &toks->v[i + n - 1];
          Key *key;

          if (n > 1)
            {
              /* n-grams do not cross a line break or a list separator */
              Tok *prev = &toks->v[i + n - 2];
              gboolean broken = FALSE;
              for (gsize b = prev->end; b < t->begin; b++)
                if (text[b] == '\n' || text[b] == ',' || text[b] == ';' || text[b] == '|'
                    || text[b] == '(' || text[b] == ')' || text[b] == ':')
                  broken = TRUE;
              if (broken)
                break;
              h = sl_text_hash_append (h, " ", 1);
            }
          h = n == 1 ? t->hash : sl_text_hash_append (h, fold->str + t->fbegin, t->flen);
          /* Most n-grams are no key: the filter says so without a probe. */
          key = NULL;
          if (sl_text_filter_maybe (&gaz.key_filter, h))
            {
              char *after = fold->str + t->fbegin + t->flen;
              char saved = *after;
              *after = '\0';
              key = index_lookup (fold->str + toks->v[i].fbegin, h);
              *after = saved;
            }
          if (key == NULL)
            break;
          if (key->skill != NULL && (key->exact == NULL || exact_ok (text, toks, i, n, key->exact)))
            {
              best = key->skill;
              best_n = n;
              best_listed = key->listed_only;
            }
          if (!key->is_prefix)
            break;
        }
      if (best != NULL && best_n == 1
          && letter_not_language (text, (gsize) len, toks->v[i].begin, toks->v[i].end))
        best = NULL;
      if (best != NULL)
        {
          Tok *a = &toks->v[i];
          Tok *b = &toks->v[i + best_n - 1];
          SlSkillMatch m = { a->begin, b->end - a->begin, best->canonical, best->category,
                            best->listed_only || best_listed };
          g_array_append_val (out, m);
          i += best_n;
        }
      else
        i++;
    }
  return out;
}
