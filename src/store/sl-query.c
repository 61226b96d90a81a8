/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-query.c: tokenizer, recursive-descent parser and compiler of the search
 * query language (see sl-query.h for the language).
 *
 * Grammar:
 *   query   := or_expr EOF
 *   or_expr := and_expr ( "OR" and_expr )*
 *   and_expr:= unary ( ["AND"] unary )*
 *   unary   := ( "NOT" | "-" ) unary | primary
 *   primary := WORD | PHRASE | "(" or_expr ")" | FIELD value
 *
 * Compilation: the top-level conjuncts that FTS5 can express (terms,
 * phrases, column filters, AND/OR of those, and NOT under an AND with a
 * positive side) become one MATCH expression for the main query; everything
 * else becomes an SQL condition, in which FTS-only subtrees are
 * "p.id IN (SELECT rowid FROM profiles_fts WHERE profiles_fts MATCH ?)".
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "core/sl-date.h"
#include "sl-query.h"
#include "sl-store.h"

/* Tokens ----------------------------------------------------------------- */

typedef enum
{
  TOK_EOF,
  TOK_WORD,
  TOK_PHRASE,
  TOK_LPAREN,
  TOK_RPAREN,
  TOK_AND,
  TOK_OR,
  TOK_NOT,        /* NOT or a leading - */
  TOK_FIELD,      /* name: (the value follows as the next token) */
} TokType;

typedef struct
{
  TokType  type;
  char    *text;     /* word, phrase or field name */
  gboolean prefix;   /* trailing * */
  int      pos;      /* 1-based character position */
} Token;

static void
token_clear (gpointer data)
{
  Token *t = data;
  g_free (t->text);
}

/* AST --------------------------------------------------------------------- */

typedef enum
{
  NODE_TEXT,       /* word or phrase, optionally in one column */
  NODE_AND,
  NODE_OR,
  NODE_NOT,
  NODE_YEARS,
  NODE_IMPORTED,
  NODE_SOURCE,
  NODE_TAG,
} NodeType;

typedef enum { CMP_EQ, CMP_LT, CMP_LE, CMP_GT, CMP_GE } Cmp;

typedef struct _Node Node;
struct _Node
{
  NodeType    type;
  char       *text;      /* TEXT: the words; IMPORTED: the date; SOURCE: the value */
  gboolean    phrase;
  gboolean    prefix;
  const char *column;    /* TEXT: FTS column or NULL = all */
  Cmp         cmp;
  int         number;    /* YEARS */
  Node       *a;
  Node       *b;
};

static void
node_free (Node *n)
{
  if (n == NULL)
    return;
  node_free (n->a);
  node_free (n->b);
  g_free (n->text);
  g_free (n);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
node_new (NodeType type)
{
  Node *n = g_new0 (Node, 1);
  n->type = type;
  return n;
}

/* Combines, treating NULL (an ignored word) as absent. */
static Node *
node_binary (NodeType type,
             Node    *a,
             Node    *b)
{
  Node *n;

  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  n = node_new (type);
  n->a = a;
  n->b = b;
  return n;
}

/* Bound values ------------------------------------------------------------ */

typedef struct
{
  gboolean  is_int;
  gint64    i;
  char     *s;
} Bind;

static void
bind_clear (gpointer data)
{
  Bind *b = data;
  g_free (b->s);
}

struct _SlQuery
{
  gatomicrefcount  ref;
  char            *text;
  Node            *root;
  char            *fts_match;
  char            *sql_where;
  GArray          *binds;     /* (element-type Bind) in textual order of ? */

  GMutex           cache_lock;
  gconstpointer    cache_owner;
  gint64           cache_version;
  gint64           cache_changes;
  gint64           cache_count;
};

/* Fields ----------------------------------------------------------------- */

typedef struct
{
  const char *name;
  NodeType    type;
  const char *column;
} Field;

static const Field fields[] = {
  { "skill",    NODE_TEXT, "skills_text" },
  { "skills",   NODE_TEXT, "skills_text" },
  { "location", NODE_TEXT, "location" },
  { "title",    NODE_TEXT, "titles_text" },
  { "company",  NODE_TEXT, "companies_text" },
  { "name",     NODE_TEXT, "name" },
  { "email",    NODE_TEXT, "email" },
  { "school",   NODE_TEXT, "schools_text" },
  { "years",    NODE_YEARS, NULL },
  { "source",   NODE_SOURCE, NULL },
  { "imported", NODE_IMPORTED, NULL },
  { "tag",      NODE_TAG, NULL },
};

static const Field *
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_ascii_strcasecmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/* Tokenizer --------------------------------------------------------------- */

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       next;
  int         depth;
} Parser;

static int
char_pos (const char *text,
          const char *at)
{
  return (int) g_utf8_pointer_to_offset (text, at) + 1;
}

static gboolean
has_alnum (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
is_space (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

static gboolean
ends_word (const char *p)
{
  return *p == '\0' || *p == '(' || *p == ')' || *p == '"' || is_space (p);
}

static void
push (GArray     *tokens,
      TokType     type,
      char       *text,
      gboolean    prefix,
      int         pos)
{
  Token t = { type, text, prefix, pos };
  g_array_append_val (tokens, t);
}

static gboolean
tokenize (Parser   *ps,
          GError  **error)
{
  const char *p = ps->text;
  /* Positions of '(' not yet closed, to drop stray ')' and report an
   * unclosed '('. */
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));

  while (*p != '\0')
    {
      const char *start = p;
      int pos = char_pos (ps->text, p);

      if (is_space (p))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      if (*p == '(')
        {
          guint idx = ps->tokens->len;
          g_array_append_val (open, idx);
          push (ps->tokens, TOK_LPAREN, NULL, FALSE, pos);
          p++;
          continue;
        }
      if (*p == ')')
        {
          if (open->len > 0)
            {
              g_array_set_size (open, open->len - 1);
              push (ps->tokens, TOK_RPAREN, NULL, FALSE, pos);
            }
          p++;
          continue;
        }
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');
          gboolean prefix = FALSE;
          if (end == NULL)
            {
              g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                           "Unbalanced quote: the phrase starting at position %d has no closing \"",
                           pos);
              return FALSE;
            }
          if (end[1] == '*')
            prefix = TRUE;
          push (ps->tokens, TOK_PHRASE, g_strndup (p + 1, end - p - 1), prefix, pos);
          p = end + 1 + (prefix ? 1 : 0);
          continue;
        }
      if (*p == '-' && p[1] != '\0' && p[1] != ')' && p[1] != '-' && !is_space (p + 1))
        {
          push (ps->tokens, TOK_NOT, NULL, FALSE, pos);
          p++;
          continue;
        }

      /* A word; a run of letters followed by ':' is a field name. */
      {
        const char *q = p;
        gboolean letters = TRUE;
        while (!ends_word (q))
          {
            if (*q == ':' && letters && q > p)
              break;
            if (!g_ascii_isalpha (*q))
              letters = FALSE;
            q = g_utf8_next_char (q);
          }
        if (*q == ':' && letters && q > p)
          {
            g_autofree char *name = g_strndup (p, q - p);
            if (find_field (name) == NULL)
              {
                GString *known = g_string_new (NULL);
                for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
                  g_string_append_printf (known, "%s%s:", i > 0 ? ", " : "", fields[i].name);
                g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                             "Unknown field '%s:' at position %d (known fields: %s)",
                             name, pos, known->str);
                g_string_free (known, TRUE);
                return FALSE;
              }
            if (ends_word (q + 1) && q[1] != '"' && q[1] != '(')
              {
                g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                             "The field '%s:' at position %d needs a value right after the colon",
                             name, pos);
                return FALSE;
              }
            push (ps->tokens, TOK_FIELD, g_steal_pointer (&name), FALSE, pos);
            p = q + 1;
            continue;
          }
        p = q;
        {
          g_autofree char *word = g_strndup (start, p - start);
          gboolean prefix = FALSE;
          gsize len = strlen (word);

          if (g_str_equal (word, "AND"))
            push (ps->tokens, TOK_AND, NULL, FALSE, pos);
          else if (g_str_equal (word, "OR"))
            push (ps->tokens, TOK_OR, NULL, FALSE, pos);
          else if (g_str_equal (word, "NOT"))
            push (ps->tokens, TOK_NOT, NULL, FALSE, pos);
          else
            {
              while (len > 0 && word[len - 1] == '*')
                {
                  word[--len] = '\0';
                  prefix = TRUE;
                }
              push (ps->tokens, TOK_WORD, g_steal_pointer (&word), prefix, pos);
            }
        }
      }
    }

  if (open->len > 0)
    {
      Token *t = &g_array_index (ps->tokens, Token, g_array_index (open, guint, open->len - 1));
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                   "Unbalanced parenthesis: the '(' at position %d is never closed", t->pos);
      return FALSE;
    }
  push (ps->tokens, TOK_EOF, NULL, FALSE, char_pos (ps->text, p));
  return TRUE;
}

/* Parser ------------------------------------------------------------------ */

static Token *
peek (Parser *ps)
{
  return &g_array_index (ps->tokens, Token, ps->next);
}

static Token *
take (Parser *ps)
{
  Token *t = peek (ps);
  if (t->type != TOK_EOF)
    ps->next++;
  return t;
}

static gboolean
starts_unary (TokType type)
{
  return type == TOK_WORD || type == TOK_PHRASE || type == TOK_LPAREN ||
         type == TOK_NOT || type == TOK_FIELD;
}

static const char *
describe (const Token *t)
{
  switch (t->type)
    {
    case TOK_EOF:    return "the end of the query";
    case TOK_AND:    return "'AND'";
    case TOK_OR:     return "'OR'";
    case TOK_NOT:    return "'NOT'";
    case TOK_RPAREN: return "')'";
    case TOK_LPAREN: return "'('";
    case TOK_WORD:
    case TOK_PHRASE:
    case TOK_FIELD:
    default:         return "a term";
    }
}

static gboolean parse_or (Parser *ps, Node **out, GError **error);

static Node *
text_node (const Token *t,
           const char  *column)
{
  Node *n;

  if (!has_alnum (t->text))
    return NULL;     /* punctuation only: FTS5 would see no token */
  n = node_new (NODE_TEXT);
  n->text = g_strdup (t->text);
  n->phrase = t->type == TOK_PHRASE;
  n->prefix = t->prefix;
  n->column = column;
  return n;
}

/* Gives every text leaf of @n the column @column; FALSE when @n holds
 * anything but words, phrases and boolean operators. */
static gboolean
set_column (Node       *n,
            const char *column)
{
  if (n == NULL)
    return TRUE;
  switch (n->type)
    {
    case NODE_TEXT:
      if (n->column != NULL)
        return FALSE;
      n->column = column;
      return TRUE;
    case NODE_AND:
    case NODE_OR:
    case NODE_NOT:
      return set_column (n->a, column) && set_column (n->b, column);
    case NODE_YEARS:
    case NODE_IMPORTED:
    case NODE_SOURCE:
    case NODE_TAG:
    default:
      return FALSE;
    }
}

static gboolean
parse_cmp (const char  *s,
           Cmp         *cmp,
           const char **rest)
{
  if (g_str_has_prefix (s, ">="))
    *cmp = CMP_GE, *rest = s + 2;
  else if (g_str_has_prefix (s, "<="))
    *cmp = CMP_LE, *rest = s + 2;
  else if (*s == '>')
    *cmp = CMP_GT, *rest = s + 1;
  else if (*s == '<')
    *cmp = CMP_LT, *rest = s + 1;
  else if (*s == '=')
    *cmp = CMP_EQ, *rest = s + 1;
  else
    *cmp = CMP_EQ, *rest = s;
  return TRUE;
}

static gboolean
parse_field (Parser  *ps,
             Token   *ft,
             Node   **out,
             GError **error)
{
  const Field *field = find_field (ft->text);
  Token *v = peek (ps);

  g_assert (field != NULL);
  *out = NULL;

  if (field->type == NODE_TEXT)
    {
      if (v->type == TOK_WORD || v->type == TOK_PHRASE)
        {
          take (ps);
          *out = text_node (v, field->column);
          return TRUE;
        }
      if (v->type == TOK_LPAREN)
        {
          Node *group = NULL;
          take (ps);
          if (!parse_or (ps, &group, error))
            return FALSE;
          if (peek (ps)->type != TOK_RPAREN)
            {
              node_free (group);
              g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                           "Expected ')' at position %d", peek (ps)->pos);
              return FALSE;
            }
          take (ps);
          if (!set_column (group, field->column))
            {
              node_free (group);
              g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                           "The field '%s:' at position %d can only hold words and phrases",
                           ft->text, ft->pos);
              return FALSE;
            }
          *out = group;
          return TRUE;
        }
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                   "The field '%s:' at position %d needs a word or a \"phrase\"",
                   ft->text, ft->pos);
      return FALSE;
    }

  if (v->type != TOK_WORD && v->type != TOK_PHRASE)
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                   "The field '%s:' at position %d needs a value", ft->text, ft->pos);
      return FALSE;
    }
  take (ps);

  if (field->type == NODE_TAG)
    {
      Node *n = node_new (NODE_TAG);
      n->text = g_strstrip (g_strdup (v->text));
      *out = n;
      return TRUE;
    }
  if (field->type == NODE_SOURCE)
    {
      Node *n = node_new (NODE_SOURCE);
      n->text = g_utf8_strdown (v->text, -1);
      g_strstrip (n->text);
      *out = n;
      return TRUE;
    }

  {
    const char *rest;
    Cmp cmp;
    Node *n;

    parse_cmp (v->text, &cmp, &rest);
    if (field->type == NODE_YEARS)
      {
        guint64 years;
        if (v->prefix || v->type != TOK_WORD ||
            !g_ascii_string_to_unsigned (rest, 10, 0, 80, &years, NULL))
          {
            g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                         "The comparison at position %d needs whole years from 0 to 80, "
                         "like years:>=5", v->pos);
            return FALSE;
          }
        n = node_new (NODE_YEARS);
        n->cmp = cmp;
        n->number = (int) years;
      }
    else
      {
        if (v->prefix || v->type != TOK_WORD || !sl_date_is_valid (rest))
          {
            g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                         "The comparison at position %d needs a date YYYY, YYYY-MM or "
                         "YYYY-MM-DD, like imported:>2026-01-01", v->pos);
            return FALSE;
          }
        n = node_new (NODE_IMPORTED);
        n->cmp = cmp;
        n->text = g_strdup (rest);
      }
    *out = n;
    return TRUE;
  }
}

static gboolean
parse_unary (Parser  *ps,
             Node   **out,
             GError **error)
{
  Token *t = take (ps);

  *out = NULL;
  switch (t->type)
    {
    case TOK_NOT:
      {
        Node *child = NULL;
        if (!starts_unary (peek (ps)->type))
          {
            g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                         "Expected a term after the NOT or '-' at position %d, found %s",
                         t->pos, describe (peek (ps)));
            return FALSE;
          }
        if (!parse_unary (ps, &child, error))
          return FALSE;
        if (child != NULL)
          {
            *out = node_new (NODE_NOT);
            (*out)->a = child;
          }
        return TRUE;
      }
    case TOK_WORD:
    case TOK_PHRASE:
      *out = text_node (t, NULL);
      return TRUE;
    case TOK_LPAREN:
      {
        Node *inner = NULL;
        if (peek (ps)->type == TOK_RPAREN)
          {
            g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                         "Empty parentheses at position %d", t->pos);
            return FALSE;
          }
        if (!parse_or (ps, &inner, error))
          return FALSE;
        if (peek (ps)->type != TOK_RPAREN)
          {
            node_free (inner);
            g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                         "Expected ')' at position %d, found %s", peek (ps)->pos, describe (peek (ps)));
            return FALSE;
          }
        take (ps);
        *out = inner;
        return TRUE;
      }
    case TOK_FIELD:
      return parse_field (ps, t, out, error);
    case TOK_EOF:
    case TOK_RPAREN:
    case TOK_AND:
    case TOK_OR:
    default:
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                   "Expected a search term at position %d, found %s", t->pos, describe (t));
      return FALSE;
    }
}

static gboolean
parse_and (Parser  *ps,
           Node   **out,
           GError **error)
{
  g_autoptr(Node) acc = NULL;

  if (!parse_unary (ps, &acc, error))
    return FALSE;
  for (;;)
    {
      Token *t = peek (ps);
      Node *rhs = NULL;

      if (t->type == TOK_AND)
        {
          take (ps);
          if (!starts_unary (peek (ps)->type))
            {
              g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                           "Expected a term after the AND at position %d, found %s",
                           t->pos, describe (peek (ps)));
              return FALSE;
            }
        }
      else if (!starts_unary (t->type))
        break;
      if (!parse_unary (ps, &rhs, error))
        return FALSE;
      acc = node_binary (NODE_AND, g_steal_pointer (&acc), rhs);
    }
  *out = g_steal_pointer (&acc);
  return TRUE;
}

static gboolean
parse_or (Parser  *ps,
          Node   **out,
          GError **error)
{
  g_autoptr(Node) acc = NULL;

  if (!parse_and (ps, &acc, error))
    return FALSE;
  while (peek (ps)->type == TOK_OR)
    {
      Token *t = take (ps);
      Node *rhs = NULL;
      if (!starts_unary (peek (ps)->type))
        {
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                       "Expected a term after the OR at position %d, found %s",
                       t->pos, describe (peek (ps)));
          return FALSE;
        }
      if (!parse_and (ps, &rhs, error))
        return FALSE;
      /* "a OR <punctuation>" must not turn into "a": an ignored side of
       * an OR matches nothing extra, so dropping it is right. */
      acc = node_binary (NODE_OR, g_steal_pointer (&acc), rhs);
    }
  *out = g_steal_pointer (&acc);
  return TRUE;
}

/* Compiler ---------------------------------------------------------------- */

static void
append_fts_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
collect_conjuncts (Node      *n,
                   GPtrArray *out)
{
  if (n->type == NODE_AND)
    {
      collect_conjuncts (n->a, out);
      collect_conjuncts (n->b, out);
    }
  else
    g_ptr_array_add (out, n);
}

static gboolean fts_ok (Node *n);

/* An AND is FTS-expressible when it has a positive FTS conjunct and all
 * its conjuncts (negated ones looked through) are FTS-expressible. */
static gboolean
and_fts_ok (Node *n)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  gboolean positive = FALSE;

  collect_conjuncts (n, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      Node *c = g_ptr_array_index (parts, i);
      if (c->type == NODE_NOT)
        {
          if (!fts_ok (c->a))
            return FALSE;
        }
      else if (!fts_ok (c))
        return FALSE;
      else
        positive = TRUE;
    }
  return positive;
}

static gboolean
fts_ok (Node *n)
{
  switch (n->type)
    {
    case NODE_TEXT:
      return TRUE;
    case NODE_OR:
      return fts_ok (n->a) && fts_ok (n->b);
    case NODE_AND:
      return and_fts_ok (n);
    case NODE_NOT:
    case NODE_YEARS:
    case NODE_IMPORTED:
    case NODE_SOURCE:
    case NODE_TAG:
    default:
      return FALSE;
    }
}

static void fts_expr (Node *n, GString *out);

static void
fts_and_expr (GPtrArray *positives,
              GPtrArray *negatives,
              GString   *out)
{
  GString *e = g_string_new ("(");

  for (guint i = 0; i < positives->len; i++)
    {
      if (i > 0)
        g_string_append (e, " AND ");
      fts_expr (g_ptr_array_index (positives, i), e);
    }
  g_string_append_c (e, ')');
  for (guint i = 0; i < negatives->len; i++)
    {
      GString *wrapped = g_string_new ("(");
      g_string_append (wrapped, e->str);
      g_string_append (wrapped, " NOT ");
      fts_expr (((Node *) g_ptr_array_index (negatives, i))->a, wrapped);
      g_string_append_c (wrapped, ')');
      g_string_free (e, TRUE);
      e = wrapped;
    }
  g_string_append (out, e->str);
  g_string_free (e, TRUE);
}

static void
split_conjuncts (Node      *n,
                 GPtrArray *positives,
                 GPtrArray *negatives)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  collect_conjuncts (n, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      Node *c = g_ptr_array_index (parts, i);
      g_ptr_array_add (c->type == NODE_NOT ? negatives : positives, c);
    }
}

static void
fts_expr (Node    *n,
          GString *out)
{
  switch (n->type)
    {
    case NODE_TEXT:
      if (n->column != NULL)
        g_string_append_printf (out, "%s : ", n->column);
      append_fts_string (out, n->text);
      if (n->prefix)
        g_string_append (out, " *");
      break;
    case NODE_OR:
      g_string_append_c (out, '(');
      fts_expr (n->a, out);
      g_string_append (out, " OR ");
      fts_expr (n->b, out);
      g_string_append_c (out, ')');
      break;
    case NODE_AND:
      {
        g_autoptr(GPtrArray) pos = g_ptr_array_new ();
        g_autoptr(GPtrArray) neg = g_ptr_array_new ();
        split_conjuncts (n, pos, neg);
        fts_and_expr (pos, neg, out);
      }
      break;
    case NODE_NOT:
    case NODE_YEARS:
    case NODE_IMPORTED:
    case NODE_SOURCE:
    case NODE_TAG:
    default:
      g_assert_not_reached ();
    }
}

static void
add_bind_text (SlQuery    *q,
               const char *s)
{
  Bind b = { FALSE, 0, g_strdup (s) };
  g_array_append_val (q->binds, b);
}

static void
add_bind_int (SlQuery *q,
              gint64   i)
{
  Bind b = { TRUE, i, NULL };
  g_array_append_val (q->binds, b);
}

/* The day/month/year after a partial date, for "> 2026-01" style bounds. */
static char *
date_after (const char *date)
{
  int y = 0, m = 0, d = 0;
  GDate *gd;
  char buf[16];

  sscanf (date, "%d-%d-%d", &y, &m, &d);
  if (m == 0)
    return g_strdup_printf ("%04d", y + 1);
  if (d == 0)
    return m == 12 ? g_strdup_printf ("%04d-01", y + 1) : g_strdup_printf ("%04d-%02d", y, m + 1);
  if (!g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-32", y, m);   /* sorts after any real day */
  gd = g_date_new_dmy (d, m, y);
  g_date_add_days (gd, 1);
  g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", g_date_get_year (gd),
              g_date_get_month (gd), g_date_get_day (gd));
  g_date_free (gd);
  return g_strdup (buf);
}

static void sql_expr (SlQuery *q, Node *n, GString *out);

static void
sql_fts_in (SlQuery    *q,
            Node       *n,
            const char *op,
            GString    *out)
{
  g_autoptr(GString) e = g_string_new (NULL);

  fts_expr (n, e);
  g_string_append_printf (out, "p.id %s (SELECT rowid FROM profiles_fts WHERE profiles_fts MATCH ?)", op);
  add_bind_text (q, e->str);
}

static void
sql_expr (SlQuery *q,
          Node    *n,
          GString *out)
{
  if (fts_ok (n))
    {
      sql_fts_in (q, n, "IN", out);
      return;
    }
  switch (n->type)
    {
    case NODE_AND:
      g_string_append_c (out, '(');
      sql_expr (q, n->a, out);
      g_string_append (out, " AND ");
      sql_expr (q, n->b, out);
      g_string_append_c (out, ')');
      break;
    case NODE_OR:
      g_string_append_c (out, '(');
      sql_expr (q, n->a, out);
      g_string_append (out, " OR ");
      sql_expr (q, n->b, out);
      g_string_append_c (out, ')');
      break;
    case NODE_NOT:
      if (fts_ok (n->a))
        sql_fts_in (q, n->a, "NOT IN", out);
      else
        {
          g_string_append (out, "NOT ");
          sql_expr (q, n->a, out);
        }
      break;
    case NODE_YEARS:
      {
        /* years = floor (months / 12); unknown experience is -1. */
        gint64 lo = (gint64) n->number * 12, hi = lo + 12;
        const char *col = "coalesce (p.experience_months, -1)";
        switch (n->cmp)
          {
          case CMP_GE: g_string_append_printf (out, "%s >= ?", col); add_bind_int (q, lo); break;
          case CMP_GT: g_string_append_printf (out, "%s >= ?", col); add_bind_int (q, hi); break;
          case CMP_LT: g_string_append_printf (out, "(%s < ? AND %s >= 0)", col, col); add_bind_int (q, lo); break;
          case CMP_LE: g_string_append_printf (out, "(%s < ? AND %s >= 0)", col, col); add_bind_int (q, hi); break;
          case CMP_EQ:
          default:
            g_string_append_printf (out, "(%s >= ? AND %s < ?)", col, col);
            add_bind_int (q, lo);
            add_bind_int (q, hi);
            break;
          }
      }
      break;
    case NODE_IMPORTED:
      {
        /* created_at is ISO 8601 text, so a date prefix compares as a
         * string: "> 2026-01-01" means from 2026-01-02 on. */
        g_autofree char *after = date_after (n->text);
        switch (n->cmp)
          {
          case CMP_GE: g_string_append (out, "p.created_at >= ?"); add_bind_text (q, n->text); break;
          case CMP_GT: g_string_append (out, "p.created_at >= ?"); add_bind_text (q, after); break;
          case CMP_LT: g_string_append (out, "p.created_at < ?"); add_bind_text (q, n->text); break;
          case CMP_LE: g_string_append (out, "p.created_at < ?"); add_bind_text (q, after); break;
          case CMP_EQ:
          default:
            g_string_append (out, "(p.created_at >= ? AND p.created_at < ?)");
            add_bind_text (q, n->text);
            add_bind_text (q, after);
            break;
          }
      }
      break;
    case NODE_SOURCE:
      g_string_append (out, "lower (coalesce (p.source, '')) = ?");
      add_bind_text (q, n->text);
      break;
    case NODE_TAG:
      /* tags.name is COLLATE NOCASE, so = ignores case. */
      g_string_append (out, "p.candidate_id IN (SELECT ct.candidate_id FROM candidate_tags ct"
                            " JOIN tags t ON t.id = ct.tag_id WHERE t.name = ?)");
      add_bind_text (q, n->text);
      break;
    case NODE_TEXT:
    default:
      g_assert_not_reached ();
    }
}

static void
compile (SlQuery *q)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) fts_pos = g_ptr_array_new ();
  g_autoptr(GPtrArray) fts_neg = g_ptr_array_new ();
  g_autoptr(GString) where = g_string_new (NULL);

  if (q->root == NULL)
    return;

  collect_conjuncts (q->root, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      Node *c = g_ptr_array_index (parts, i);
      if (c->type == NODE_NOT && fts_ok (c->a))
        g_ptr_array_add (fts_neg, c);
      else if (c->type != NODE_NOT && fts_ok (c))
        g_ptr_array_add (fts_pos, c);
    }

  if (fts_pos->len > 0)
    {
      GString *m = g_string_new (NULL);
      fts_and_expr (fts_pos, fts_neg, m);
      q->fts_match = g_string_free (m, FALSE);
    }

  for (guint i = 0; i < parts->len; i++)
    {
      Node *c = g_ptr_array_index (parts, i);
      if (g_ptr_array_find (fts_pos, c, NULL))
        continue;
      if (fts_pos->len > 0 && g_ptr_array_find (fts_neg, c, NULL))
        continue;
      if (where->len > 0)
        g_string_append (where, " AND ");
      sql_expr (q, c, where);
    }
  if (where->len > 0)
    q->sql_where = g_string_free (g_steal_pointer (&where), FALSE);
}

/* Public ------------------------------------------------------------------ */

SlQuery *
sl_query_parse (const char  *text,
                GError     **error)
{
  g_autoptr(SlQuery) q = NULL;
  g_autoptr(GArray) tokens = NULL;
  Parser ps = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY, "The query is not valid UTF-8");
      return NULL;
    }

  q = g_new0 (SlQuery, 1);
  g_atomic_ref_count_init (&q->ref);
  q->text = g_strdup (text);
  g_mutex_init (&q->cache_lock);
  q->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
  g_array_set_clear_func (q->binds, bind_clear);

  tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);
  ps.text = text;
  ps.tokens = tokens;
  if (!tokenize (&ps, error))
    return NULL;

  if (peek (&ps)->type != TOK_EOF)
    {
      if (!parse_or (&ps, &q->root, error))
        return NULL;
      if (peek (&ps)->type != TOK_EOF)
        {
          g_set_error (error, SL_STORE_ERROR, SL_STORE_ERROR_QUERY,
                       "Unexpected %s at position %d", describe (peek (&ps)), peek (&ps)->pos);
          return NULL;
        }
    }
  compile (q);
  return g_steal_pointer (&q);
}

SlQuery *
sl_query_ref (SlQuery *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  g_atomic_ref_count_inc (&q->ref);
  return q;
}

void
sl_query_unref (SlQuery *q)
{
  g_return_if_fail (q != NULL);
  if (!g_atomic_ref_count_dec (&q->ref))
    return;
  node_free (q->root);
  g_free (q->text);
  g_free (q->fts_match);
  g_free (q->sql_where);
  g_array_unref (q->binds);
  g_mutex_clear (&q->cache_lock);
  g_free (q);
}

gboolean
sl_query_is_empty (const SlQuery *q)
{
  g_return_val_if_fail (q != NULL, TRUE);
  return q->root == NULL;
}

const char *
sl_query_get_text (const SlQuery *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  return q->text;
}

const char *
sl_query_get_fts_match (const SlQuery *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  return q->fts_match;
}

const char *
sl_query_get_sql_where (const SlQuery *q)
{
  g_return_val_if_fail (q != NULL, NULL);
  return q->sql_where;
}

static void
dump (const Node *n,
      GString    *out)
{
  static const char * const cmps[] = { "=", "<", "<=", ">", ">=" };

  switch (n->type)
    {
    case NODE_TEXT:
      g_string_append_printf (out, "(%s%s%s \"%s\"%s)", n->phrase ? "phrase" : "term",
                              n->column != NULL ? " " : "", n->column != NULL ? n->column : "",
                              n->text, n->prefix ? "*" : "");
      break;
    case NODE_AND:
    case NODE_OR:
      g_string_append_printf (out, "(%s ", n->type == NODE_AND ? "and" : "or");
      dump (n->a, out);
      g_string_append_c (out, ' ');
      dump (n->b, out);
      g_string_append_c (out, ')');
      break;
    case NODE_NOT:
      g_string_append (out, "(not ");
      dump (n->a, out);
      g_string_append_c (out, ')');
      break;
    case NODE_YEARS:
      g_string_append_printf (out, "(years %s %d)", cmps[n->cmp], n->number);
      break;
    case NODE_IMPORTED:
      g_string_append_printf (out, "(imported %s %s)", cmps[n->cmp], n->text);
      break;
    case NODE_SOURCE:
      g_string_append_printf (out, "(source \"%s\")", n->text);
      break;
    case NODE_TAG:
      g_string_append_printf (out, "(tag \"%s\")", n->text);
      break;
    default:
      g_assert_not_reached ();
    }
}

char *
sl_query_to_string (const SlQuery *q)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (q != NULL, NULL);
  if (q->root == NULL)
    g_string_append (out, "(all)");
  else
    dump (q->root, out);
  return g_string_free (out, FALSE);
}

int
sl_query_bind_where (const SlQuery        *q,
                     struct sqlite3_stmt  *stmt,
                     int                   first)
{
  for (guint i = 0; i < q->binds->len; i++)
    {
      const Bind *b = &g_array_index (q->binds, Bind, i);
      if (b->is_int)
        sqlite3_bind_int64 (stmt, first + i, b->i);
      else
        sqlite3_bind_text (stmt, first + i, b->s, -1, SQLITE_TRANSIENT);
    }
  return first + (int) q->binds->len;
}

gboolean
sl_query_get_cached_count (const SlQuery *query,
                           gconstpointer  owner,
                           gint64         version,
                           gint64         changes,
                           gint64        *count)
{
  SlQuery *q = (SlQuery *) query;
  gboolean hit;

  g_mutex_lock (&q->cache_lock);
  hit = q->cache_owner != NULL && q->cache_owner == owner &&
        q->cache_version == version && q->cache_changes == changes;
  if (hit)
    *count = q->cache_count;
  g_mutex_unlock (&q->cache_lock);
  return hit;
}

void
sl_query_set_cached_count (const SlQuery *query,
                           gconstpointer  owner,
                           gint64         version,
                           gint64         changes,
                           gint64         count)
{
  SlQuery *q = (SlQuery *) query;

  g_mutex_lock (&q->cache_lock);
  q->cache_owner = owner;
  q->cache_version = version;
  q->cache_changes = changes;
  q->cache_count = count;
  g_mutex_unlock (&q->cache_lock);
}
