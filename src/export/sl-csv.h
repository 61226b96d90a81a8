/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-csv.h: RFC 4180 CSV, both ways.
 *
 * Writing: cells are quoted when they hold the delimiter, a quote, CR or LF
 * (quotes doubled); rows end with CRLF.  With neutralisation on, a cell that
 * begins with = + - @ TAB or CR gets a leading single quote (OWASP's rule
 * against formula injection), so a spreadsheet shows it as text.
 *
 * Reading: a UTF-8 byte-order mark is skipped; text that is not UTF-8 is
 * read as Windows-1252 (what Excel writes); the delimiter (comma, semicolon
 * or tab) is detected from the first record; quoted cells may hold
 * delimiters, quotes and line breaks; CRLF, LF and CR all end a row.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SL_CSV_BOM "\xef\xbb\xbf"

/* Appends @value (NULL = empty) as one cell, with a delimiter before it
 * unless @line is empty. Pass @first = TRUE for the first cell of a row. */
void        sl_csv_append_cell     (GString    *line,
                                    const char *value,
                                    char        delimiter,
                                    gboolean    first,
                                    gboolean    neutralise);
/* Appends the row end (CRLF). */
void        sl_csv_end_row         (GString    *line);

/* TRUE when a spreadsheet would read @value as a formula (see above). */
gboolean    sl_csv_needs_neutralising (const char *value);

/* Comma, semicolon or tab: whichever occurs most often outside quotes in
 * the first record (comma when none does). */
char        sl_csv_detect_delimiter (const char *data,
                                     gsize       length);

typedef struct
{
  char       delimiter;
  GPtrArray *rows;          /* (element-type GStrv): every record, header included */
  GArray    *line_numbers;  /* (element-type guint): 1-based line each record starts on */
} SlCsvTable;

/* Parses a whole CSV text.  @delimiter 0 = detect.  Fails (SL_EXPORT_ERROR_
 * INVALID) only for a quote that is never closed or an empty input. */
SlCsvTable *sl_csv_table_parse     (const char  *data,
                                    gsize        length,
                                    char         delimiter,
                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void        sl_csv_table_free      (SlCsvTable  *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlCsvTable, sl_csv_table_free)

G_END_DECLS
