/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-hostile.h: the hostile files of issue 10 (encrypted PDF, zip
 * bomb, 500-page PDF, random bytes named .pdf, 0-byte file, invalid UTF-8,
 * EICAR) and two good resumes, written into a folder for a batch import
 * (tests/test-hostile.c through the CLI, tests/test-app.c through a drop).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF of @n_pages A4 pages; page 1 shows @first_text (lines). */
void     sl_test_write_pdf_pages   (const char *path,
                                    const char *first_text,
                                    guint       n_pages);

/* A .docx whose word/document.xml inflates to @mb megabytes. */
void     sl_test_write_zip_bomb    (const char *path,
                                    guint       mb);

/* Writes into @dir: good-1.txt and good-2.pdf (resumes that must import),
 * empty.txt, random.pdf, invalid-utf8.txt, bomb.docx (@bomb_mb MB
 * inflated), long.pdf (500 pages), eicar.txt, and encrypted.pdf when qpdf
 * is installed; and into @sigdir (created) a ClamAV signature file that
 * knows EICAR.  Returns whether encrypted.pdf was written. */
gboolean sl_test_write_hostile_set (const char *dir,
                                    const char *sigdir,
                                    guint       bomb_mb);

G_END_DECLS
