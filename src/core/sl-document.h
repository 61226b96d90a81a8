/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-document.h: what extraction hands to parsing.
 *
 * The text is in reading order, pages separated by '\f'.  Where the format
 * has them, lines carry layout cues (font size, bold, position) that the
 * rule parser uses to find headings and the name.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char     *text;        /* one visual line, UTF-8, no newline */
  int       page;        /* 0-based; -1 when the format has no pages */
  double    x, y;        /* top-left in points on the page; 0 when unknown */
  double    width, height;
  double    font_size;   /* points; 0 when unknown */
  gboolean  bold;
} SlLine;

typedef struct
{
  char       *text;           /* the whole text, reading order, '\f' between pages */
  GPtrArray  *lines;          /* (element-type SlLine): may be empty */
  char       *mime_type;      /* sniffed from the bytes, e.g. "application/pdf" */
  char       *method;         /* "text-layer", "ocr", "text-layer+ocr", "docx", "odt", "rtf", "html", "plain", "email" */
  int         n_pages;        /* 0 when the format has no pages */
  int         word_count;
  char       *sha256;         /* of the original bytes */
  char       *filename;       /* display name (e.g. the attachment's name) */
  GPtrArray  *warnings;       /* (element-type utf8) */
  GHashTable *source_details; /* (utf8 -> utf8): "email.from", "email.subject", "email.date" */
} SlDocument;

SlLine     *sl_line_new        (const char *text) G_GNUC_WARN_UNUSED_RESULT;
SlLine     *sl_line_copy       (const SlLine *line) G_GNUC_WARN_UNUSED_RESULT;
void        sl_line_free       (SlLine *line);

SlDocument *sl_document_new    (void) G_GNUC_WARN_UNUSED_RESULT;
SlDocument *sl_document_copy   (const SlDocument *doc) G_GNUC_WARN_UNUSED_RESULT;
void        sl_document_free   (SlDocument *doc);

/* Sets the text (taking a copy) and recounts the words. */
void        sl_document_set_text    (SlDocument *doc,
                                     const char *text);
void        sl_document_add_warning (SlDocument *doc,
                                     const char *warning);

/* Words: runs of letters or digits. */
int         sl_count_words     (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlLine, sl_line_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SlDocument, sl_document_free)

G_END_DECLS
