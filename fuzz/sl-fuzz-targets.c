/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-fuzz-targets.c: one function per parser that hostile bytes can reach:
 * the rule parser (text from any extractor), the LLM answer parser (a
 * server's reply), the search query parser and its SQL compilation, the CSV
 * importer and the JSON Resume importer (files a user is sent), and the
 * extractor dispatcher (sniffing included).
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "core/sl-profile.h"
#include "export/sl-csv.h"
#include "export/sl-import.h"
#include "export/sl-json-resume.h"
#include "extract/sl-extract.h"
#include "llm/sl-llm-answer.h"
#include "parse/sl-rules.h"
#include "store/sl-query.h"

#include "sl-fuzz-targets.h"

static const char * const names[] = { "rules", "llm-answer", "query", "csv", "json-resume", "extract", NULL };

const char * const *
sl_fuzz_target_names (void)
{
  return names;
}

#define CHECK(cond) G_STMT_START { if (!(cond)) __builtin_trap (); } G_STMT_END

/* A result xor an error. */
#define CHECK_ONE(result, error) CHECK (((result) == NULL) != ((error) == NULL))

static void
check_profile (const SlProfile *p)
{
  const char *fields[] = { p->personal.name, p->personal.email, p->personal.phone, p->personal.location };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    CHECK (fields[i] == NULL || g_utf8_validate (fields[i], -1, NULL));
}

static void
fuzz_rules (const guint8 *data,
            gsize         size)
{
  /* Extractors hand the parser valid UTF-8 only. */
  g_autofree char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  g_autoptr(GError) error = NULL;
  SlProfile *p = sl_rules_parse_text (text, NULL, &error);

  CHECK_ONE (p, error);
  if (p != NULL)
    {
      check_profile (p);
      sl_profile_free (p);
    }
}

static void
fuzz_llm_answer (const guint8 *data,
                 gsize         size)
{
  /* A server may send anything; the client passes the body as text. */
  g_autofree char *answer = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  SlProfile *p = sl_llm_answer_parse (answer, NULL,
                                      "Ada Lovelace\nada@example.org\nPython, SQL\nAnalyst, Babbage & Co, 1842 - 1843",
                                      &error);

  CHECK_ONE (p, error);
  if (p != NULL)
    sl_profile_free (p);
}

static void
fuzz_query (const guint8 *data,
            gsize         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SlQuery) q = NULL;

  /* What the search entry accepts is UTF-8 (GTK guarantees it). */
  if (!g_utf8_validate (text, -1, NULL))
    return;
  q = sl_query_parse (text, &error);
  CHECK_ONE (q, error);
  if (q != NULL)
    {
      g_autofree char *s = sl_query_to_string (q);
      (void) sl_query_get_fts_match (q);
      (void) sl_query_get_sql_where (q);
      CHECK (s != NULL);
    }
}

static void
fuzz_csv (const guint8 *data,
          gsize         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SlCsvTable) table = sl_csv_table_parse ((const char *) data, size, 0, &error);
  g_autoptr(GArray) mapping = NULL;
  g_autoptr(GPtrArray) preview = NULL;

  CHECK_ONE (table, error);
  if (table == NULL)
    return;
  mapping = sl_csv_import_guess_mapping (table);
  preview = sl_csv_import_preview (table, mapping, 64);
  CHECK (preview != NULL);
  for (guint i = 0; i < preview->len; i++)
    {
      SlImportResult *r = g_ptr_array_index (preview, i);
      CHECK ((r->profile == NULL) != (r->error == NULL));
      if (r->profile != NULL)
        check_profile (r->profile);
    }
}

static void
fuzz_json_resume (const guint8 *data,
                  gsize         size)
{
  g_autoptr(GError) error = NULL;
  SlProfile *p = sl_json_resume_parse ((const char *) data, (gssize) size, SL_JSON_RESUME_KEEP_RESIDUAL, &error);

  CHECK_ONE (p, error);
  if (p != NULL)
    {
      g_autoptr(JsonNode) back = sl_json_resume_from_profile (p);
      CHECK (back != NULL);
      check_profile (p);
      sl_profile_free (p);
    }
}

static void
fuzz_extract (const guint8 *data,
              gsize         size)
{
  static SlExtractOptions *opts;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  if (opts == NULL)
    {
      opts = sl_extract_options_new ();
      opts->ocr = FALSE;
      opts->timeout_seconds = 10;
      opts->max_pages = 5;
    }
  docs = sl_extract_bytes (bytes, "fuzz", opts, NULL, &error);
  CHECK_ONE (docs, error);
}

gboolean
sl_fuzz_run (const char   *target,
             const guint8 *data,
             gsize         size)
{
  if (g_str_equal (target, "rules"))
    fuzz_rules (data, size);
  else if (g_str_equal (target, "llm-answer"))
    fuzz_llm_answer (data, size);
  else if (g_str_equal (target, "query"))
    fuzz_query (data, size);
  else if (g_str_equal (target, "csv"))
    fuzz_csv (data, size);
  else if (g_str_equal (target, "json-resume"))
    fuzz_json_resume (data, size);
  else if (g_str_equal (target, "extract"))
    fuzz_extract (data, size);
  else
    return FALSE;
  return TRUE;
}
