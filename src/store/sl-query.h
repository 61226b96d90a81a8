/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-query.h: the search query language (docs/ARCHITECTURE.md).
 *
 *   python AND (django OR flask) -java "machine learning" pyth*
 *   skill:rust location:berlin title:"data engineer" company:acme
 *   name:ada email:ada@example.org school:mit skill:(rust OR go)
 *   years:>=5 source:email imported:>2026-01-01 tag:shortlisted tag:"call back"
 *
 * Bare words and phrases match the full text; a trailing * makes a prefix.
 * Adjacent terms are ANDed; OR binds weaker than AND; NOT or a leading -
 * excludes.  AND / OR / NOT are operators only in capitals.  Comparisons
 * (years:, imported:) take < <= > >= = (= when none is written);
 * years:N counts whole years of experience, imported: takes YYYY, YYYY-MM
 * or YYYY-MM-DD (UTC).  Words without any letter or digit (punctuation)
 * are ignored, and so is a ')' that closes nothing.
 *
 * A query is parsed once into an AST and compiled to an FTS5 MATCH
 * expression plus an SQL condition with bound values; user text never
 * becomes SQL.  A malformed query is an SL_STORE_ERROR_QUERY error whose
 * message names the problem and its 1-based character position.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SlQuery SlQuery;

SlQuery    *sl_query_parse        (const char     *text,
                                   GError        **error) G_GNUC_WARN_UNUSED_RESULT;
SlQuery    *sl_query_ref          (SlQuery        *query);
void        sl_query_unref        (SlQuery        *query);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlQuery, sl_query_unref)

/* TRUE when the query matches everything (empty or only punctuation). */
gboolean    sl_query_is_empty     (const SlQuery  *query);
const char *sl_query_get_text     (const SlQuery  *query);

/* The AST in prefix form, e.g. (and (term "python") (not (field skills_text "java"))),
 * for tests and SHORTLIST debugging. */
char       *sl_query_to_string    (const SlQuery  *query) G_GNUC_WARN_UNUSED_RESULT;

/* The compiled parts (NULL when absent): the FTS5 expression the main query
 * matches, and the extra SQL condition over candidate_profiles AS p. */
const char *sl_query_get_fts_match (const SlQuery *query);
const char *sl_query_get_sql_where (const SlQuery *query);

/* Private to the store: a query remembers its last count per connection
 * state, so a page asked for after the count does not count again. */
gboolean    sl_query_get_cached_count (const SlQuery *query,
                                       gconstpointer  owner,
                                       gint64         version,
                                       gint64         changes,
                                       gint64        *count);
void        sl_query_set_cached_count (const SlQuery *query,
                                       gconstpointer  owner,
                                       gint64         version,
                                       gint64         changes,
                                       gint64         count);

/* Private to the store: binds the condition's values from @first. */
struct sqlite3_stmt;
int         sl_query_bind_where   (const SlQuery        *query,
                                   struct sqlite3_stmt  *stmt,
                                   int             first);

G_END_DECLS
