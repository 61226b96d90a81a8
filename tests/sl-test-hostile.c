/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sl-test-hostile.c: writing the hostile batch (see the header).
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "sl-test-hostile.h"

void
sl_test_write_pdf_pages (const char *path,
                         const char *first_text,
                         guint       n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_auto(GStrv) lines = g_strsplit (first_text, "\n", -1);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint p = 0; p < n_pages; p++)
    {
      double y = 60;
      if (p == 0)
        for (guint i = 0; lines[i] != NULL; i++, y += 15)
          {
            cairo_move_to (cr, 50, y);
            cairo_show_text (cr, lines[i]);
          }
      else
        {
          g_autofree char *t = g_strdup_printf ("Appendix page %u: project notes and references.", p + 1);
          cairo_move_to (cr, 50, y);
          cairo_show_text (cr, t);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* A .docx whose document.xml inflates to @mb megabytes of spaces. */
void
sl_test_write_zip_bomb (const char *path,
                        guint       mb)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  g_autofree char *chunk = g_malloc (1 << 20);
  const char *head = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>";

  memset (chunk, ' ', 1 << 20);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  archive_entry_set_pathname (e, "word/document.xml");
  archive_entry_set_size (e, (la_int64_t) strlen (head) + (la_int64_t) mb * (1 << 20));
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
  archive_write_data (a, head, strlen (head));
  for (guint i = 0; i < mb; i++)
    archive_write_data (a, chunk, 1 << 20);
  archive_write_close (a);
  archive_write_free (a);
  archive_entry_free (e);
}

static void
put (const char *dir,
     const char *name,
     const char *contents,
     gssize      len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, len, NULL));
}

gboolean
sl_test_write_hostile_set (const char *dir,
                           const char *sigdir,
                           guint       bomb_mb)
{
  g_autofree char *eicar = g_strconcat ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", NULL);
  g_autofree char *hdb = g_build_filename (sigdir, "test.hdb", NULL);
  g_autofree char *plain_pdf = g_build_filename (sigdir, "plain.pdf", NULL);
  g_autofree char *encrypted = g_build_filename (dir, "encrypted.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *good2 = g_build_filename (dir, "good-2.pdf", NULL);
  g_autofree char *bomb = g_build_filename (dir, "bomb.docx", NULL);
  g_autofree char *longpdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *resume1 = "Henrietta Okonkwo\nhenrietta.okonkwo@example.com\n+44 20 7946 0101\n\n"
                        "EXPERIENCE\nData Analyst, Fabrikam, 2020 - Present\n\nSKILLS\nSQL, Python, Tableau\n";
  const char *resume2 = "Ludovic Strand\nludovic.strand@example.net\n+33 1 23 45 67 89\n\n"
                        "EXPERIENCE\nSite Reliability Engineer, Contoso, 2017 - 2024\n\nSKILLS\nLinux, Kubernetes, Go\n";
  guint8 random_bytes[4096];
  GRand *rand = g_rand_new_with_seed (1234);
  int status = 0;

  /* The good ones. */
  put (dir, "good-1.txt", resume1, -1);
  sl_test_write_pdf_pages (good2, resume2, 1);

  /* The hostile ones. */
  put (dir, "empty.txt", "", 0);
  for (guint i = 0; i < sizeof random_bytes; i++)
    random_bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  put (dir, "random.pdf", (const char *) random_bytes, sizeof random_bytes);
  put (dir, "invalid-utf8.txt", "Name \xff\xfe\xc3\x28 \xe2\x82 \xf0\x28\x8c\x28\n\xc0\xaf\xed\xa0\x80\n", -1);
  sl_test_write_zip_bomb (bomb, bomb_mb);
  sl_test_write_pdf_pages (longpdf, "Appendix volume\nno personal details\n", 500);
  g_assert_cmpint (g_mkdir_with_parents (sigdir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (hdb, "44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR\n", -1, NULL));
  put (dir, "eicar.txt", eicar, -1);
  if (qpdf == NULL)
    return FALSE;
  {
    const char *qargv[] = { qpdf, "--encrypt", "secret-user", "secret-owner", "256", "--",
                            plain_pdf, encrypted, NULL };
    sl_test_write_pdf_pages (plain_pdf, resume1, 1);
    g_spawn_sync (NULL, (char **) qargv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_unlink (plain_pdf);
  }
  return TRUE;
}
