/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "sl-llm-redact.h"
#include "sl-llm-text.h"

struct _SlLlmRedactionMap
{
  GPtrArray  *placeholders;  /* (element-type utf8) */
  GPtrArray  *originals;     /* (element-type utf8) */
  GHashTable *by_original;   /* kind:original -> placeholder (borrowed) */
  GHashTable *counts;        /* kind -> GUINT */
};

typedef struct
{
  gsize  start;
  gsize  end;
  const char *kind;
} Span;

static int
span_cmp (gconstpointer a,
          gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  /* Longer first, so that an overlapping shorter match is dropped. */
  return (int) (y->end - y->start) - (int) (x->end - x->start);
}

static void
collect (GArray     *spans,
         GRegex     *regex,
         const char *text,
         const char *kind,
         gboolean  (*accept) (const char *match))
{
  g_autoptr(GMatchInfo) info = NULL;

  g_regex_match (regex, text, 0, &info);
  while (g_match_info_matches (info))
    {
      int s, e;

      if (g_match_info_fetch_pos (info, 0, &s, &e) && e > s)
        {
          g_autofree char *m = g_match_info_fetch (info, 0);
          if (accept == NULL || accept (m))
            {
              Span span = { (gsize) s, (gsize) e, kind };
              g_array_append_val (spans, span);
            }
        }
      g_match_info_next (info, NULL);
    }
}

static gboolean
accept_phone (const char *match)
{
  return sl_llm_looks_like_phone (match);
}

char *
sl_llm_redact (const char         *text,
               SlLlmRedactionMap **out_map)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  SlLlmRedactionMap *map;
  GString *out;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (out_map != NULL, NULL);

  map = g_new0 (SlLlmRedactionMap, 1);
  map->placeholders = g_ptr_array_new_with_free_func (g_free);
  map->originals = g_ptr_array_new_with_free_func (g_free);
  map->by_original = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  map->counts = g_hash_table_new (g_str_hash, g_str_equal);

  collect (spans, sl_llm_email_regex (), text, "EMAIL", NULL);
  collect (spans, sl_llm_phone_regex (), text, "PHONE", accept_phone);
  collect (spans, sl_llm_address_regex (), text, "ADDRESS", NULL);
  g_array_sort (spans, span_cmp);

  out = g_string_sized_new (strlen (text));
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *sp = &g_array_index (spans, Span, i);
      g_autofree char *original = NULL;
      g_autofree char *key = NULL;
      const char *placeholder;

      if (sp->start < pos)
        continue;  /* overlaps an earlier, longer match */
      original = g_strndup (text + sp->start, sp->end - sp->start);
      key = g_strconcat (sp->kind, ":", original, NULL);
      placeholder = g_hash_table_lookup (map->by_original, key);
      if (placeholder == NULL)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (map->counts, sp->kind)) + 1;
          char *ph = g_strdup_printf ("[%s_%u]", sp->kind, n);

          g_hash_table_insert (map->counts, (gpointer) sp->kind, GUINT_TO_POINTER (n));
          g_ptr_array_add (map->placeholders, ph);
          g_ptr_array_add (map->originals, g_strdup (original));
          g_hash_table_insert (map->by_original, g_steal_pointer (&key), ph);
          placeholder = ph;
        }
      g_string_append_len (out, text + pos, sp->start - pos);
      g_string_append (out, placeholder);
      pos = sp->end;
    }
  g_string_append (out, text + pos);

  *out_map = map;
  return g_string_free (out, FALSE);
}

void
sl_llm_redaction_map_free (SlLlmRedactionMap *map)
{
  if (map == NULL)
    return;
  g_ptr_array_unref (map->placeholders);
  g_ptr_array_unref (map->originals);
  g_hash_table_unref (map->by_original);
  g_hash_table_unref (map->counts);
  g_free (map);
}

guint
sl_llm_redaction_map_count (const SlLlmRedactionMap *map,
                            const char              *kind)
{
  g_return_val_if_fail (map != NULL, 0);
  g_return_val_if_fail (kind != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (map->counts, kind));
}

char *
sl_llm_redaction_restore (const SlLlmRedactionMap *map,
                          const char              *s)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (map != NULL, NULL);

  if (s == NULL)
    return NULL;
  if (map->placeholders->len == 0 || strchr (s, '[') == NULL)
    return g_strdup (s);

  out = g_string_sized_new (strlen (s));
  p = s;
  while (*p)
    {
      gboolean replaced = FALSE;

      if (*p == '[')
        for (guint i = 0; i < map->placeholders->len; i++)
          {
            const char *ph = g_ptr_array_index (map->placeholders, i);
            gsize len = strlen (ph);

            if (strncmp (p, ph, len) == 0)
              {
                g_string_append (out, g_ptr_array_index (map->originals, i));
                p += len;
                replaced = TRUE;
                break;
              }
          }
      if (!replaced)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

void
sl_llm_redaction_restore_node (const SlLlmRedactionMap *map,
                               JsonNode                *node)
{
  g_return_if_fail (map != NULL);

  if (node == NULL)
    return;
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, json_node_get_object (node));
        while (json_object_iter_next (&iter, &name, &member))
          sl_llm_redaction_restore_node (map, member);
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        for (guint i = 0; i < json_array_get_length (array); i++)
          sl_llm_redaction_restore_node (map, json_array_get_element (array, i));
      }
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        {
          g_autofree char *restored = sl_llm_redaction_restore (map, json_node_get_string (node));
          json_node_set_string (node, restored);
        }
      break;
    case JSON_NODE_NULL:
    default:
      break;
    }
}
