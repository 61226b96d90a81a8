/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-extract: the extraction room on fixtures generated here (cairo PDFs,
 * text in several encodings, broken and hostile inputs).
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <archive.h>
#include <archive_entry.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <gmime/gmime.h>

#include "core/sl-util.h"
#include "extract/sl-extract.h"

static char *tmpdir;

/* ---- fixture helpers ----------------------------------------------------- */

typedef struct
{
  double      x, y;
  double      size;
  gboolean    bold;
  const char *text;
} Text;

#define PAGE_BREAK { -1, -1, 0, FALSE, NULL }

/* An A4 PDF; a Text with text == NULL starts a new page. */
static char *
make_pdf (const char *name, const Text *items, gsize n)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (gsize i = 0; i < n; i++)
    {
      if (items[i].text == NULL)
        {
          cairo_show_page (cr);
          continue;
        }
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              items[i].bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, items[i].size > 0 ? items[i].size : 10);
      cairo_move_to (cr, items[i].x, items[i].y);
      cairo_show_text (cr, items[i].text);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

static char *
write_file (const char *name, const void *data, gssize len)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static SlDocument *
extract_one (const char *path, const SlExtractOptions *opts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = sl_extract_file (path, opts, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (docs);
  g_assert_cmpuint (docs->len, ==, 1);
  /* extractors may count words on the way; the count must be the text's */
  g_assert_cmpint (((SlDocument *) g_ptr_array_index (docs, 0))->word_count, ==,
                   sl_count_words (((SlDocument *) g_ptr_array_index (docs, 0))->text));
  return sl_document_copy (g_ptr_array_index (docs, 0));
}

static void
assert_error (const char *path, const SlExtractOptions *opts, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = sl_extract_file (path, opts, NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, SL_EXTRACT_ERROR, code);
  g_assert_nonnull (strchr (error->message, ' '));  /* a sentence, not a code */
}

/* Offset of @needle in @hay, asserting it is there. */
static gssize
pos_of (const char *hay, const char *needle)
{
  const char *p = strstr (hay, needle);

  if (p == NULL)
    g_error ("'%s' not found in:\n%s", needle, hay);
  return p - hay;
}

static const char *filler =
  "Worked with teams across many offices and shipped products used by customers";

/* ---- PDF ------------------------------------------------------------------ */

static void
test_pdf_single_column (void)
{
  const Text items[] = {
    { 72, 80, 20, TRUE, "Jane Example" },
    { 72, 110, 10, FALSE, "jane@example.org  +1 555 0100" },
    { 72, 140, 12, TRUE, "EXPERIENCE" },
    { 72, 160, 10, FALSE, "Led the \xef\xac\x81nance platform team through a large experi-" },
    { 72, 172, 10, FALSE, "ence of migration work and delivered results." },
    { 72, 184, 10, FALSE, filler },
    { 72, 196, 10, FALSE, "Built client-" },
    { 72, 208, 10, FALSE, "relationship-based sales tools." },
  };
  g_autofree char *path = make_pdf ("single.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  SlLine *first;

  g_assert_cmpstr (doc->mime_type, ==, "application/pdf");
  g_assert_cmpstr (doc->method, ==, "text-layer");
  g_assert_cmpint (doc->n_pages, ==, 1);
  g_assert_cmpint (doc->word_count, >=, 30);
  g_assert_cmpuint (strlen (doc->sha256), ==, 64);
  g_assert_cmpuint (doc->warnings->len, ==, 0);
  g_assert_true (g_str_has_prefix (doc->text, "Jane Example\n"));
  /* ligature expanded, hyphenation joined, compound hyphen kept */
  pos_of (doc->text, "finance platform");
  pos_of (doc->text, "experience");
  g_assert_null (strstr (doc->text, "experi-"));
  pos_of (doc->text, "client-relationship-based");

  g_assert_cmpuint (doc->lines->len, >=, 5);
  first = g_ptr_array_index (doc->lines, 0);
  g_assert_cmpstr (first->text, ==, "Jane Example");
  g_assert_true (first->bold);
  g_assert_cmpfloat_with_epsilon (first->font_size, 20, 0.5);
  g_assert_cmpint (first->page, ==, 0);
  g_assert_cmpfloat (first->x, >, 70);
  g_assert_cmpfloat (first->x, <, 74);
  first = g_ptr_array_index (doc->lines, 1);
  g_assert_false (first->bold);
  g_assert_cmpfloat_with_epsilon (first->font_size, 10, 0.5);
}

static void
test_pdf_two_columns (void)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (Text));
  g_autofree char *path = NULL;
  g_autoptr(SlDocument) doc = NULL;
  static const char *left[] = {
    "SKILLS", "Python and Rust", "Kubernetes", "PostgreSQL tuning", "LANGUAGES",
    "German fluent", "Spanish basic",
  };
  static const char *right[] = {
    "EXPERIENCE", "Senior engineer at Northwind Traders", "Designed the billing system",
    "and the reporting pipeline", "Engineer at Contoso Labs", "Maintained the storage layer",
    "and mentored two interns", "EDUCATION", "MSc Computer Science, Utrecht",
  };
  Text head = { 60, 60, 22, TRUE, "Alex Sample" };
  gssize last_left, first_right;

  g_array_append_val (items, head);
  for (gsize i = 0; i < G_N_ELEMENTS (left); i++)
    {
      Text t = { 60, 120 + 14 * i, 10, i == 0 || i == 4, left[i] };
      g_array_append_val (items, t);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (right); i++)
    {
      Text t = { 230, 120 + 14 * i, 10, i == 0 || i == 7, right[i] };
      g_array_append_val (items, t);
    }
  path = make_pdf ("two-columns.pdf", (Text *) items->data, items->len);
  g_array_unref (items);
  doc = extract_one (path, NULL);

  /* Reading order: name, then the whole left column, then the right one. */
  g_assert_true (g_str_has_prefix (doc->text, "Alex Sample\n"));
  for (gsize i = 0; i + 1 < G_N_ELEMENTS (left); i++)
    g_assert_cmpint (pos_of (doc->text, left[i]), <, pos_of (doc->text, left[i + 1]));
  for (gsize i = 0; i + 1 < G_N_ELEMENTS (right); i++)
    g_assert_cmpint (pos_of (doc->text, right[i]), <, pos_of (doc->text, right[i + 1]));
  last_left = pos_of (doc->text, left[G_N_ELEMENTS (left) - 1]);
  first_right = pos_of (doc->text, right[0]);
  g_assert_cmpint (last_left, <, first_right);
  /* no line mixes the two columns */
  for (guint i = 0; i < doc->lines->len; i++)
    {
      SlLine *l = g_ptr_array_index (doc->lines, i);
      g_assert_false (strstr (l->text, "Python") && strstr (l->text, "Senior"));
    }
}

static void
test_pdf_dates_table (void)
{
  /* Titles on the left, right-aligned dates on the same rows: one table, read
   * row by row (the dates stay with their job). */
  const Text items[] = {
    { 60, 60, 18, TRUE, "Sam Tester" },
    { 60, 100, 10, FALSE, "Software Engineer, Initech" },
    { 480, 100, 10, FALSE, "2019 - 2021" },
    { 60, 114, 10, FALSE, "Built the payroll reconciliation service used across the company" },
    { 60, 128, 10, FALSE, "Data Analyst, Globex" },
    { 480, 128, 10, FALSE, "2016 - 2019" },
    { 60, 142, 10, FALSE, "Reported on sales figures for the regional management every month" },
    { 60, 156, 10, FALSE, "Intern, Umbrella Corp" },
    { 480, 156, 10, FALSE, "2015 - 2016" },
    { 60, 170, 10, FALSE, filler },
  };
  g_autofree char *path = make_pdf ("dates.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlDocument) doc = extract_one (path, NULL);

  pos_of (doc->text, "Software Engineer, Initech\t2019 - 2021\n");
  pos_of (doc->text, "Data Analyst, Globex\t2016 - 2019\n");
  g_assert_cmpint (pos_of (doc->text, "Initech"), <, pos_of (doc->text, "payroll"));
  g_assert_cmpint (pos_of (doc->text, "payroll"), <, pos_of (doc->text, "Globex"));
}


static void
check_sidebar_and_headings (const char *title)
{
  /* A dense contact/skills sidebar on the left (with digits) beside a main
   * column whose section headings sit in a margin column of their own. */
  const Text items[] = {
    { 40, 60, 20, TRUE, title },
    /* sidebar, x = 40, every 14 pt */
    { 40, 110, 9, FALSE, "+49 30 1234567" },
    { 40, 124, 9, FALSE, "lee@example.net" },
    { 40, 138, 9, FALSE, "10115 Berlin" },
    { 40, 152, 9, FALSE, "Skills: Go, SQL" },
    { 40, 166, 9, FALSE, "Born 1990" },
    /* headings at x = 200, main text at x = 300 */
    { 200, 110, 10, TRUE, "Experience" },
    { 300, 110, 10, FALSE, "Platform engineer at Tailspin Toys" },
    { 300, 124, 10, FALSE, "Ran the deployment tooling for" },
    { 300, 138, 10, FALSE, "forty product teams worldwide" },
    { 300, 152, 10, FALSE, "and cut release time in half" },
    { 200, 180, 10, TRUE, "Education" },
    { 300, 180, 10, FALSE, "BSc Physics, University of Leeds" },
    { 300, 194, 10, FALSE, "Thesis on low temperature sensors" },
    { 300, 208, 10, FALSE, "Graduated with first class honours" },
    { 200, 236, 10, TRUE, "Languages" },
    { 300, 236, 10, FALSE, "English, Korean and basic German" },
  };
  g_autofree char *path = make_pdf ("sidebar.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlDocument) doc = extract_one (path, NULL);

  g_assert_true (g_str_has_prefix (doc->text, title));
  /* the sidebar is read as one block, before the main column */
  g_assert_cmpint (pos_of (doc->text, "+49 30"), <, pos_of (doc->text, "lee@example.net"));
  g_assert_cmpint (pos_of (doc->text, "lee@example.net"), <, pos_of (doc->text, "10115 Berlin"));
  g_assert_cmpint (pos_of (doc->text, "Born 1990"), <, pos_of (doc->text, "Experience"));
  /* each heading stays with its section */
  pos_of (doc->text, "Experience\tPlatform engineer at Tailspin Toys\n");
  pos_of (doc->text, "Education\tBSc Physics");
  g_assert_cmpint (pos_of (doc->text, "half"), <, pos_of (doc->text, "Education"));
  g_assert_cmpint (pos_of (doc->text, "honours"), <, pos_of (doc->text, "Languages"));
}

static void
test_pdf_sidebar_and_headings (void)
{
  check_sidebar_and_headings ("Lee Layout");
  /* a name wide enough to cross the sidebar's gutter (but not the
   * headings') must not hide it */
  check_sidebar_and_headings ("Lee Layout Longer");
}

static void
test_pdf_headers_footers (void)
{
  const Text items[] = {
    { 60, 40, 9, FALSE, "Chris Placeholder - Curriculum Vitae" },
    { 60, 120, 10, FALSE, "First page body text about the candidate and the work done" },
    { 60, 134, 10, FALSE, filler },
    { 280, 810, 9, FALSE, "Page 1 of 2" },
    PAGE_BREAK,
    { 60, 40, 9, FALSE, "Chris Placeholder - Curriculum Vitae" },
    { 60, 120, 10, FALSE, "Second page body text with education and certificates listed" },
    { 280, 810, 9, FALSE, "Page 2 of 2" },
  };
  g_autofree char *path = make_pdf ("headers.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  const char *first = strstr (doc->text, "Curriculum Vitae");
  g_auto(GStrv) pages = g_strsplit (doc->text, "\f", -1);

  g_assert_cmpint (doc->n_pages, ==, 2);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);
  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, "Curriculum Vitae"));
  g_assert_null (strstr (doc->text, "Page 1"));
  g_assert_null (strstr (doc->text, "Page 2"));
  g_assert_true (g_str_has_prefix (pages[1], "Second page body"));
}

static void
test_pdf_max_pages (void)
{
  const Text items[] = {
    { 60, 120, 10, FALSE, "Alpha page with enough words to count as a page of text here" }, PAGE_BREAK,
    { 60, 120, 10, FALSE, "Beta page with enough words to count as a page of text here" }, PAGE_BREAK,
    { 60, 120, 10, FALSE, "Gamma page with enough words to count as a page of text here" },
  };
  g_autofree char *path = make_pdf ("pages.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(SlDocument) doc = NULL;

  opts->max_pages = 2;
  doc = extract_one (path, opts);
  pos_of (doc->text, "Beta page");
  g_assert_null (strstr (doc->text, "Gamma"));
  g_assert_cmpuint (doc->warnings->len, >=, 1);
  pos_of (g_ptr_array_index (doc->warnings, 0), "first 2 of 3 pages");
}

static void
test_pdf_few_words (void)
{
  const Text items[] = { { 60, 120, 10, FALSE, "Just a short note" } };
  g_autofree char *path = make_pdf ("short.pdf", items, G_N_ELEMENTS (items));
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  gboolean found = FALSE;

  g_assert_cmpint (doc->word_count, ==, 4);
  for (guint i = 0; i < doc->warnings->len; i++)
    found |= g_str_equal (g_ptr_array_index (doc->warnings, i), SL_EXTRACT_WARNING_NO_TEXT);
  g_assert_true (found);
}

/* Pages of more words than the extractor's first guess (512), a short page
 * between two long ones: every word once, in order, on its own page. */
static void
test_pdf_dense_pages (void)
{
  const char *prefix[] = { "alpha", "beta", "gamma" };
  const int lines_per_page[] = { 80, 6, 80 };
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Text));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autoptr(SlDocument) doc = NULL;
  int n_words = 0;
  guint line = 0;

  for (int p = 0; p < 3; p++)
    {
      if (p > 0)
        {
          Text br = PAGE_BREAK;
          g_array_append_val (items, br);
        }
      for (int l = 0; l < lines_per_page[p]; l++)
        {
          GString *t = g_string_new (NULL);
          Text item = { 60, 100 + 8 * l, 6, FALSE, NULL };

          for (int w = 0; w < 12; w++)
            g_string_append_printf (t, "%s%s%04d", w ? " " : "", prefix[p], l * 12 + w);
          item.text = t->str;
          g_ptr_array_add (texts, g_string_free (t, FALSE));
          g_array_append_val (items, item);
          n_words += 12;
        }
    }
  path = make_pdf ("dense.pdf", (Text *) (gpointer) items->data, items->len);
  doc = extract_one (path, NULL);
  g_assert_cmpint (doc->word_count, ==, n_words);
  g_assert_cmpuint (doc->lines->len, ==, texts->len);
  for (int p = 0; p < 3; p++)
    for (int l = 0; l < lines_per_page[p]; l++, line++)
      {
        SlLine *sl = g_ptr_array_index (doc->lines, line);
        g_assert_cmpstr (sl->text, ==, g_ptr_array_index (texts, line));
        g_assert_cmpint (sl->page, ==, p);
      }
}

static void
test_pdf_encrypted (void)
{
  const Text items[] = { { 60, 120, 10, FALSE, filler } };
  g_autofree char *plain = make_pdf ("to-encrypt.pdf", items, G_N_ELEMENTS (items));
  g_autofree char *out = g_build_filename (tmpdir, "encrypted.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    const char *argv[] = { qpdf, "--encrypt", "user-secret", "owner-secret", "256", "--",
                           plain, out, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  assert_error (out, NULL, SL_EXTRACT_ERROR_ENCRYPTED);
  {
    g_autoptr(GPtrArray) docs = sl_extract_file (out, NULL, NULL, &error);
    g_assert_null (docs);
    pos_of (error->message, "password");
  }
}

static void
test_pdf_truncated (void)
{
  const Text items[] = { { 60, 120, 10, FALSE, filler } };
  g_autofree char *path = make_pdf ("whole.pdf", items, G_N_ELEMENTS (items));
  g_autofree char *data = NULL;
  g_autofree char *cut = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  /* The header survives, the objects do not. */
  cut = write_file ("truncated.pdf", data, 400);
  assert_error (cut, NULL, SL_EXTRACT_ERROR_CORRUPT);
}


/* A zip with the given members (name, content) using libarchive. */
static char *
make_zip (const char *name, const char *const *members)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (gsize i = 0; members[i]; i += 2)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (members[i + 1]);
      archive_entry_set_pathname (e, members[i]);
      archive_entry_set_size (e, len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      g_assert_cmpint (archive_write_header (a, e), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, members[i + 1], len), ==, (la_ssize_t) len);
      archive_entry_free (e);
    }
  archive_write_close (a);
  archive_write_free (a);
  return path;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " \
             "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " \
             "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
#define W_P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define W_TC(t) "<w:tc>" W_P (t) "</w:tc>"

static void
test_docx (void)
{
  const char *members[] = {
    "[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
    "word/document.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"36\"/></w:rPr><w:t>Robin Fixture</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Senior </w:t></w:r><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>planner at </w:t></w:r>"
    "<w:r><w:t>Acme</w:t></w:r><w:r><w:tab/><w:t>2018</w:t></w:r>"
    "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>" W_P ("Boxed contact line")
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" W_P ("Boxed contact line")
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    "<w:tbl><w:tr>" W_TC ("Skill") W_TC ("Level") "</w:tr><w:tr>" W_TC ("Python") W_TC ("Expert") "</w:tr></w:tbl>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Deleted text </w:t></w:r><w:del><w:r><w:delText>never shown</w:delText></w:r></w:del>"
    "<w:r><w:t xml:space=\"preserve\"> stays out</w:t></w:r></w:p>"
    "<w:p><w:r><w:instrText>HYPERLINK secret</w:instrText></w:r><w:r><w:t>Final paragraph with several more words to pass the limit of twenty words</w:t></w:r></w:p>"
    "</w:body></w:document>",
    "word/header1.xml", "<?xml version=\"1.0\"?><w:hdr " W_NS ">" W_P ("Header phone 555 0199") "</w:hdr>",
    "word/header2.xml", "<?xml version=\"1.0\"?><w:hdr " W_NS ">" W_P ("Header phone 555 0199") "</w:hdr>",
    "word/footer1.xml", "<?xml version=\"1.0\"?><w:ftr " W_NS ">" W_P ("Footer web example.org/robin") "</w:ftr>",
    NULL,
  };
  g_autofree char *path = make_zip ("resume.docx", members);
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  SlLine *title;

  g_assert_cmpstr (doc->mime_type, ==, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  g_assert_cmpstr (doc->method, ==, "docx");
  g_assert_true (g_str_has_prefix (doc->text, "Header phone 555 0199\nRobin Fixture\n"));
  pos_of (doc->text, "Senior planner at Acme\t2018\nBoxed contact line\n");
  pos_of (doc->text, "Skill\tLevel\nPython\tExpert\n");
  g_assert_null (strstr (strstr (doc->text, "Boxed") + 1, "Boxed"));  /* fallback skipped */
  g_assert_null (strstr (doc->text, "never shown"));
  g_assert_null (strstr (doc->text, "HYPERLINK"));
  /* the second, identical header is not repeated; the footer comes last */
  g_assert_null (strstr (doc->text + 1, "Header phone"));
  g_assert_true (g_str_has_suffix (doc->text, "\nFooter web example.org/robin"));
  title = g_ptr_array_index (doc->lines, 1);
  g_assert_cmpstr (title->text, ==, "Robin Fixture");
  g_assert_true (title->bold);
  g_assert_cmpfloat_with_epsilon (title->font_size, 18, 0.01);
  g_assert_false (((SlLine *) g_ptr_array_index (doc->lines, 2))->bold);
}

#define O_NS "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" " \
             "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" " \
             "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" " \
             "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" " \
             "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""

static void
test_odt (void)
{
  const char *members[] = {
    "mimetype", "application/vnd.oasis.opendocument.text",
    "content.xml",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " O_NS ">"
    "<office:automatic-styles><style:style style:name=\"T1\" style:family=\"text\">"
    "<style:text-properties fo:font-weight=\"bold\" fo:font-size=\"16pt\"/></style:style></office:automatic-styles>"
    "<office:body><office:text>"
    "<text:p><text:span text:style-name=\"T1\">Kim Generated</text:span></text:p>"
    "<text:h text:outline-level=\"1\">Experience</text:h>"
    "<text:p>Analyst<text:s text:c=\"3\"/>at Fabrikam<text:tab/>2020<text:line-break/>Second line of the paragraph</text:p>"
    "<text:list><text:list-item><text:p>Improved forecasting accuracy for the quarterly planning cycle</text:p></text:list-item></text:list>"
    "<table:table><table:table-row><table:table-cell><text:p>Language</text:p></table:table-cell>"
    "<table:table-cell><text:p>Dutch</text:p></table:table-cell></table:table-row></table:table>"
    "</office:text></office:body></office:document-content>",
    NULL,
  };
  g_autofree char *path = make_zip ("resume.odt", members);
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  SlLine *first;

  g_assert_cmpstr (doc->mime_type, ==, "application/vnd.oasis.opendocument.text");
  g_assert_cmpstr (doc->method, ==, "odt");
  g_assert_true (g_str_has_prefix (doc->text, "Kim Generated\nExperience\nAnalyst   at Fabrikam\t2020 Second line"));
  pos_of (doc->text, "\nImproved forecasting");
  pos_of (doc->text, "\nLanguage\tDutch");
  first = g_ptr_array_index (doc->lines, 0);
  g_assert_true (first->bold);
  g_assert_cmpfloat_with_epsilon (first->font_size, 16, 0.01);
  g_assert_true (((SlLine *) g_ptr_array_index (doc->lines, 1))->bold);     /* heading */
  g_assert_false (((SlLine *) g_ptr_array_index (doc->lines, 2))->bold);
}

static void
test_zip_bomb (void)
{
  gsize big = 5 * 1024 * 1024;
  char *body = g_malloc (big + 1);
  const char *members[] = { "word/document.xml", body, NULL };
  g_autofree char *path = NULL;
  g_autofree char *garbage = write_file ("broken.docx", "PK\x03\x04garbage that is not a zip", -1);

  memset (body, ' ', big);
  body[big] = '\0';
  path = make_zip ("bomb.docx", members);
  g_free (body);
  assert_error (path, NULL, SL_EXTRACT_ERROR_TOO_LARGE);
  /* a broken zip is not a document: unsupported or corrupt, never a crash */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = sl_extract_file (garbage, NULL, NULL, &error);
    g_assert_null (docs);
    g_assert_true (g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED) ||
                   g_error_matches (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CORRUPT));
  }
}

static void
test_rtf (void)
{
  const char *rtf =
    "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}"
    "{\\colortbl;\\red0\\green0\\blue0;}{\\*\\generator Riched20;}{\\info{\\author Secret Author}}"
    "\\pard\\plain\\b\\fs32 Ren\\'e9 Fixture\\b0\\fs20{\\v  hidden note}\\par "
    "Caf\\u233?s and na\\u239\\'efve \\{braces\\}\\par"
    "{\\pict\\pngblip 89504e470d0a1a0a}"
    "\\trowd\\cellx1000\\cellx2000 Skill\\cell Level\\cell\\row "
    "Line\\line two\\tab tabbed\\par "
    "\\uc2 Double\\u8364\\'80\\'80 euro\\par"
    "}";
  g_autofree char *path = write_file ("resume.rtf", rtf, -1);
  g_autoptr(SlDocument) doc = extract_one (path, NULL);
  SlLine *first;

  g_assert_cmpstr (doc->mime_type, ==, "application/rtf");
  g_assert_cmpstr (doc->text, ==,
                   "René Fixture\nCafés and naïve {braces}\nSkill\tLevel\nLine\ntwo\ttabbed\nDouble€ euro");
  first = g_ptr_array_index (doc->lines, 0);
  g_assert_true (first->bold);
  g_assert_cmpfloat_with_epsilon (first->font_size, 16, 0.01);
  g_assert_false (((SlLine *) g_ptr_array_index (doc->lines, 1))->bold);

  /* found by fuzzing: a backslash as the very last byte used to loop forever */
  {
    g_autoptr(GBytes) b = g_bytes_new_static ("{\\rtf1 {\\*\\g {\\", 15);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = sl_extract_bytes (b, NULL, NULL, NULL, &error);
    g_assert_null (docs);
    g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_EMPTY);
  }
}

static void
test_html (void)
{
  const char *html =
    "<!DOCTYPE html><html><head><title>Ignored title</title><style>p{color:red}</style>"
    "<script>var secret = 1;</script></head><body>"
    "<h1>Jo&euml; Markup</h1><p>Engineer &amp; <b>team lead</b><br>since 2019</p>"
    "<table><tr><th>Skill</th><td>Go</td></tr></table>"
    "<ul><li>First item</li><li>Second   item</li></ul><div>Caf\xc3\xa9 tail</div></body></html>";
  g_autofree char *path = write_file ("resume.html", html, -1);
  g_autoptr(SlDocument) doc = extract_one (path, NULL);

  g_assert_cmpstr (doc->mime_type, ==, "text/html");
  g_assert_cmpstr (doc->method, ==, "html");
  g_assert_cmpstr (doc->text, ==,
                   "Joë Markup\nEngineer & team lead\nsince 2019\nSkill\tGo\nFirst item\nSecond item\nCafé tail");
  g_assert_true (((SlLine *) g_ptr_array_index (doc->lines, 0))->bold);
  g_assert_false (((SlLine *) g_ptr_array_index (doc->lines, 1))->bold);
}


/* ---- OCR ------------------------------------------------------------------- */

/* Large black text on white, at 300 dpi scale, as an image surface. */
static cairo_surface_t *
text_image (const char *const *lines, int width, int height)
{
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (img);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 42);
  for (int i = 0; lines[i]; i++)
    {
      cairo_move_to (cr, 60, 90 + 70 * i);
      cairo_show_text (cr, lines[i]);
    }
  cairo_destroy (cr);
  return img;
}

static const char *const ocr_lines[] = {
  "Morgan Scanned", "Quality Engineer", "Testing medical devices", NULL,
};

static void
assert_ocr_text (const SlDocument *doc)
{
  g_autofree char *low = g_ascii_strdown (doc->text, -1);

  g_assert_cmpstr (doc->method, ==, "ocr");
  pos_of (low, "morgan scanned");
  pos_of (low, "quality engineer");
  pos_of (low, "medical devices");
}

static void
test_ocr_png (void)
{
  cairo_surface_t *img = text_image (ocr_lines, 900, 320);
  g_autofree char *path = g_build_filename (tmpdir, "scan.png", NULL);
  g_autoptr(SlDocument) doc = NULL;

  g_assert_cmpint (cairo_surface_write_to_png (img, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (img);
  doc = extract_one (path, NULL);
  g_assert_cmpstr (doc->mime_type, ==, "image/png");
  assert_ocr_text (doc);

  {
    g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) docs = NULL;

    g_free (opts->ocr_languages);
    opts->ocr_languages = g_strdup ("eng+zzz");
    docs = sl_extract_file (path, opts, NULL, &error);
    g_assert_null (docs);
    g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CONFIG);
    pos_of (error->message, "zzz");
  }
}

static void
test_ocr_pdf (void)
{
  /* A page with only a picture of text: rendered and OCRed. */
  cairo_surface_t *img = text_image (ocr_lines, 1200, 320);
  g_autofree char *path = g_build_filename (tmpdir, "scanned.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  g_autoptr(SlDocument) doc = NULL;
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;

  cairo_scale (cr, 72.0 / 150, 72.0 / 150);   /* the image at 150 dpi */
  cairo_set_source_surface (cr, img, 60, 60);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (img);

  doc = extract_one (path, NULL);
  g_assert_cmpstr (doc->mime_type, ==, "application/pdf");
  g_assert_cmpint (doc->n_pages, ==, 1);
  assert_ocr_text (doc);

  /* OCR off: nothing to read, said plainly */
  opts->ocr = FALSE;
  none = sl_extract_file (path, opts, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_EMPTY);
}

/* ---- e-mail ------------------------------------------------------------------ */

static char *
pdf_bytes (const char *text, gsize *len)
{
  const Text items[] = {
    { 60, 80, 18, TRUE, "Pat Attached" },
    { 60, 120, 10, FALSE, text },
    { 60, 134, 10, FALSE, filler },
  };
  g_autofree char *path = make_pdf ("attachment.pdf", items, G_N_ELEMENTS (items));
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

static GMimeMessage *
make_message (const char *subject, const char *body, const char *attach_name, const char *attach_text)
{
  GMimeMessage *msg = g_mime_message_new (TRUE);
  GMimeTextPart *text = g_mime_text_part_new_with_subtype ("plain");
  GDateTime *date = g_date_time_new_utc (2026, 3, 4, 10, 30, 0);

  g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_FROM, "Pat Sender", "pat@example.org");
  g_mime_message_add_mailbox (msg, GMIME_ADDRESS_TYPE_TO, "Jobs", "jobs@example.com");
  g_mime_message_set_subject (msg, subject, "utf-8");
  g_mime_message_set_date (msg, date);
  g_date_time_unref (date);
  g_mime_text_part_set_text (text, body);

  if (attach_name == NULL)
    g_mime_message_set_mime_part (msg, GMIME_OBJECT (text));
  else
    {
      GMimeMultipart *mixed = g_mime_multipart_new_with_subtype ("mixed");
      GMimePart *att = g_mime_part_new_with_type ("application", "pdf");
      gsize len;
      g_autofree char *data = pdf_bytes (attach_text, &len);
      GMimeStream *stream = g_mime_stream_mem_new_with_buffer (data, len);
      GMimeDataWrapper *content = g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

      g_mime_part_set_content (att, content);
      g_mime_part_set_filename (att, attach_name);
      g_mime_part_set_content_encoding (att, GMIME_CONTENT_ENCODING_BASE64);
      g_mime_object_set_disposition (GMIME_OBJECT (att), "attachment");
      g_mime_multipart_add (mixed, GMIME_OBJECT (text));
      g_mime_multipart_add (mixed, GMIME_OBJECT (att));
      g_mime_message_set_mime_part (msg, GMIME_OBJECT (mixed));
      g_object_unref (content);
      g_object_unref (stream);
      g_object_unref (att);
      g_object_unref (mixed);
    }
  g_object_unref (text);
  return msg;
}

static char *
message_string (GMimeMessage *msg)
{
  char *s = g_mime_object_to_string (GMIME_OBJECT (msg), NULL);
  g_object_unref (msg);
  return s;
}

static void
test_email (void)
{
  g_autofree char *eml = message_string (make_message ("Application: planner", "Hello, my CV is attached.",
                                                       "cv-pat.pdf", "Logistics planner with ten years of experience"));
  g_autofree char *eml_path = write_file ("application.eml", eml, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = sl_extract_file (eml_path, NULL, NULL, &error);
  SlDocument *doc;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (doc->mime_type, ==, "application/pdf");
  g_assert_cmpstr (doc->filename, ==, "cv-pat.pdf");
  g_assert_cmpstr (doc->method, ==, "text-layer");
  pos_of (doc->text, "Logistics planner");
  g_assert_null (strstr (doc->text, "my CV is attached"));
  g_assert_cmpstr (g_hash_table_lookup (doc->source_details, "email.subject"), ==, "Application: planner");
  pos_of (g_hash_table_lookup (doc->source_details, "email.from"), "pat@example.org");
  pos_of (g_hash_table_lookup (doc->source_details, "email.date"), "2026-03-04T10:30:00");
}

/* A caller that has hashed the file already hands the hash over: the
 * document takes it (here a made-up one, to see that it is not recomputed)
 * and is otherwise the same; an e-mail's attachment keeps its own hash. */
static void
test_hashed (void)
{
  const Text items[] = { { 60, 120, 10, FALSE, filler }, { 60, 134, 10, FALSE, filler } };
  g_autofree char *path = make_pdf ("hashed.pdf", items, G_N_ELEMENTS (items));
  g_autofree char *eml = message_string (make_message ("CV", "Attached.", "cv.pdf",
                                                       "Logistics planner with ten years of experience"));
  const char *given = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) eml_bytes = g_bytes_new (eml, strlen (eml));
  g_autoptr(GPtrArray) plain = NULL;
  g_autoptr(GPtrArray) hashed = NULL;
  g_autoptr(GPtrArray) mail = NULL;
  g_autofree char *real = NULL;
  char *data;
  gsize len;
  SlDocument *a, *b;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new_take (data, len);
  real = sl_sha256_hex (g_bytes_get_data (bytes, NULL), len);

  plain = sl_extract_bytes (bytes, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  hashed = sl_extract_bytes_hashed (bytes, NULL, given, NULL, NULL, &error);
  g_assert_no_error (error);
  a = g_ptr_array_index (plain, 0);
  b = g_ptr_array_index (hashed, 0);
  g_assert_cmpstr (a->sha256, ==, real);
  g_assert_cmpstr (b->sha256, ==, given);
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpint (a->word_count, ==, b->word_count);
  g_assert_cmpuint (a->lines->len, ==, b->lines->len);

  mail = sl_extract_bytes_hashed (eml_bytes, NULL, given, NULL, NULL, &error);
  g_assert_no_error (error);
  b = g_ptr_array_index (mail, 0);
  g_assert_cmpstr (b->filename, ==, "cv.pdf");
  g_assert_cmpstr (b->sha256, !=, given);
  g_assert_cmpuint (strlen (b->sha256), ==, 64);
}

static void
test_mbox (void)
{
  g_autofree char *m1 = message_string (make_message ("First", "CV attached", "first.pdf", "Welder certified for pipelines"));
  g_autofree char *m2 = message_string (make_message ("Second", "Plain body resume: nurse with twelve years on intensive care wards, "
                                                      "fluent in English and French, certified in advanced life support and "
                                                      "paediatric care, looking for a night shift role.", NULL, NULL));
  g_autofree char *m3 = message_string (make_message ("Third", "Two attached", "third.pdf", "Carpenter building staircases"));
  g_autofree char *mbox = g_strdup_printf ("From pat@example.org Wed Mar  4 10:30:00 2026\n%s\n"
                                           "From pat@example.org Wed Mar  4 10:31:00 2026\n%s\n"
                                           "From pat@example.org Wed Mar  4 10:32:00 2026\n%s\n", m1, m2, m3);
  g_autofree char *path = write_file ("inbox.mbox", mbox, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = sl_extract_file (path, NULL, NULL, &error);
  SlDocument *d;

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 3);
  d = g_ptr_array_index (docs, 0);
  pos_of (d->text, "Welder");
  g_assert_cmpstr (g_hash_table_lookup (d->source_details, "email.subject"), ==, "First");
  d = g_ptr_array_index (docs, 1);
  g_assert_cmpstr (d->method, ==, "email");
  pos_of (d->text, "nurse with twelve years");
  g_assert_cmpstr (g_hash_table_lookup (d->source_details, "email.subject"), ==, "Second");
  d = g_ptr_array_index (docs, 2);
  pos_of (d->text, "Carpenter");
  g_assert_cmpstr (d->filename, ==, "third.pdf");
}

/* ---- virus scanning -------------------------------------------------------- */

static void
test_clamav (void)
{
  /* The EICAR test file, assembled so this source is not itself a match. */
  g_autofree char *eicar = g_strconcat ("X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*", NULL);
  g_autofree char *sigdir = g_build_filename (tmpdir, "sigs", NULL);
  g_autofree char *emptydir = g_build_filename (tmpdir, "nosigs", NULL);
  g_autofree char *hdb = g_build_filename (sigdir, "test.hdb", NULL);
  g_autofree char *virus = NULL;
  g_autofree char *clean = write_file ("clean.txt", filler, -1);
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(SlDocument) doc = NULL;

  g_assert_cmpuint (strlen (eicar), ==, 68);
  virus = write_file ("eicar.txt", eicar, -1);
  g_assert_cmpint (g_mkdir (sigdir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (emptydir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (hdb, "44d88612fea8a8f36de82e1278abb02f:68:Test.EICAR\n", -1, NULL));

  opts->clamav = TRUE;
  g_free (opts->clamav_dir);
  opts->clamav_dir = g_strdup (sigdir);
  docs = sl_extract_file (virus, opts, NULL, &error);
  g_assert_null (docs);
  g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_INFECTED);
  pos_of (error->message, "Test.EICAR");
  g_clear_error (&error);

  doc = extract_one (clean, opts);
  g_assert_cmpstr (doc->text, ==, filler);

  /* Without scanning the same bytes are just text. */
  opts->clamav = FALSE;
  g_clear_pointer (&doc, sl_document_free);
  doc = extract_one (virus, opts);

  /* Missing or empty signatures: a configuration error, never a pass. */
  opts->clamav = TRUE;
  g_free (opts->clamav_dir);
  opts->clamav_dir = g_strdup (emptydir);
  assert_error (clean, opts, SL_EXTRACT_ERROR_CONFIG);
  g_free (opts->clamav_dir);
  opts->clamav_dir = g_build_filename (tmpdir, "does-not-exist", NULL);
  assert_error (clean, opts, SL_EXTRACT_ERROR_CONFIG);

  g_unlink (hdb);
  g_rmdir (sigdir);
  g_rmdir (emptydir);
}

static void
test_legacy_doc (void)
{
  /* An OLE header with an "EncryptionInfo" stream name: an encrypted DOCX. */
  guint8 ole[1024] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
  const char *name = "EncryptionInfo";
  g_autofree char *path = NULL;

  for (gsize i = 0; name[i]; i++)
    ole[512 + 2 * i] = name[i];
  path = write_file ("locked.docx", ole, sizeof ole);
  assert_error (path, NULL, SL_EXTRACT_ERROR_ENCRYPTED);

  /* A Word 97 document: read by antiword/catdoc, or a clear "unsupported". */
  {
    guint8 doc[1024] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
    const char *stream = "WordDocument";
    g_autofree char *doc_path = NULL;
    g_autofree char *antiword = g_find_program_in_path ("antiword");
    g_autofree char *catdoc = g_find_program_in_path ("catdoc");

    for (gsize i = 0; stream[i]; i++)
      doc[512 + 2 * i] = stream[i];
    doc_path = write_file ("old.doc", doc, sizeof doc);
    if (antiword == NULL && catdoc == NULL)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) docs = sl_extract_file (doc_path, NULL, NULL, &error);
        g_assert_null (docs);
        g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_UNSUPPORTED);
        pos_of (error->message, "antiword");
      }
  }
}

/* ---- plain text and hostile input ----------------------------------------- */

static void
test_text_encodings (void)
{
  const char latin1[] = "Name: J\xfcrgen M\xfcller\nCity: K\xf6ln \x96 Germany\n";
  const guint8 utf16le[] = { 0xFF, 0xFE, 'C', 0, 'a', 0, 'f', 0, 0xE9, 0, '\n', 0, 'O', 0, 'K', 0 };
  const guint8 utf16be_nobom[] = { 0, 'H', 0, 'e', 0, 'l', 0, 'l', 0, 'o', 0, ' ', 0, 'W', 0, 'o', 0, 'r', 0, 'l', 0, 'd' };
  g_autofree char *p1 = write_file ("latin1.txt", latin1, sizeof latin1 - 1);
  g_autofree char *p2 = write_file ("utf16.txt", utf16le, sizeof utf16le);
  g_autofree char *p3 = write_file ("utf16be.txt", utf16be_nobom, sizeof utf16be_nobom);
  g_autofree char *p4 = write_file ("utf8.txt", "\xEF\xBB\xBFZo\xc3\xab Dupr\xc3\xa9\r\n\r\n\r\n\r\nSkills: C\r\n", -1);
  g_autoptr(SlDocument) d1 = extract_one (p1, NULL);
  g_autoptr(SlDocument) d2 = extract_one (p2, NULL);
  g_autoptr(SlDocument) d3 = extract_one (p3, NULL);
  g_autoptr(SlDocument) d4 = extract_one (p4, NULL);

  g_assert_cmpstr (d1->text, ==, "Name: Jürgen Müller\nCity: Köln – Germany");
  g_assert_cmpstr (d1->mime_type, ==, "text/plain");
  g_assert_cmpstr (d1->method, ==, "plain");
  g_assert_cmpstr (d2->text, ==, "Café\nOK");
  g_assert_cmpstr (d3->text, ==, "Hello World");
  g_assert_cmpstr (d4->text, ==, "Zoë Dupré\n\nSkills: C");
  g_assert_cmpint (d4->word_count, ==, 4);
}

static void
test_empty_and_random (void)
{
  g_autofree char *empty = write_file ("empty.pdf", "", 0);
  guint8 noise[4096];
  g_autofree char *random = NULL;
  g_autofree char *blank = write_file ("blank.txt", "  \n\n\t \n", -1);
  GRand *rand = g_rand_new_with_seed (42);

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int_range (rand, 0, 256);
  noise[100] = 0;   /* certainly binary */
  g_rand_free (rand);
  random = write_file ("random.bin", noise, sizeof noise);

  assert_error (empty, NULL, SL_EXTRACT_ERROR_EMPTY);
  assert_error (random, NULL, SL_EXTRACT_ERROR_UNSUPPORTED);
  assert_error (blank, NULL, SL_EXTRACT_ERROR_EMPTY);
}

static void
test_limits (void)
{
  g_autoptr(SlExtractOptions) opts = sl_extract_options_new ();
  g_autofree char *path = write_file ("big.txt", filler, -1);
  g_autoptr(GCancellable) cancel = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  opts->max_file_size = 10;
  assert_error (path, opts, SL_EXTRACT_ERROR_TOO_LARGE);

  g_cancellable_cancel (cancel);
  docs = sl_extract_file (path, NULL, cancel, &error);
  g_assert_null (docs);
  g_assert_error (error, SL_EXTRACT_ERROR, SL_EXTRACT_ERROR_CANCELLED);
}

static void
test_sniff (void)
{
  static const struct { const char *data; gsize len; const char *mime; } cases[] = {
    { "%PDF-1.7\n", 9, "application/pdf" },
    { "{\\rtf1\\ansi hello}", 18, "application/rtf" },
    { "\x89PNG\r\n\x1a\n\0\0", 10, "image/png" },
    { "\xFF\xD8\xFF\xE0", 4, "image/jpeg" },
    { "II*\0\x08\0", 6, "image/tiff" },
    { "<!DOCTYPE html><html><body>x</body></html>", 42, "text/html" },
    { "From someone@example.org Mon Jan  1 00:00:00 2024\nFrom: a\n", 59, "application/mbox" },
    { "Received: x\nFrom: a@example.org\nSubject: CV\n\nbody\n", 50, "message/rfc822" },
    { "Subject: my notes about things\nmore text\n", 41, "text/plain" },
    { "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, "application/msword" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *mime = sl_extract_sniff ((const guint8 *) cases[i].data, cases[i].len);
      g_assert_cmpstr (mime, ==, cases[i].mime);
    }
}

static void
async_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = sl_extract_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (void)
{
  g_autofree char *path = write_file ("async.txt", filler, -1);
  GPtrArray *docs = NULL;

  sl_extract_file_async (path, NULL, NULL, async_done, &docs);
  while (docs == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (((SlDocument *) g_ptr_array_index (docs, 0))->text, ==, filler);
  g_ptr_array_unref (docs);
}

/* ---- CLI ------------------------------------------------------------------ */

static void
test_cli (void)
{
  const char *cli = g_getenv ("SHORTLIST_CLI");
  g_autofree char *good = write_file ("cli.txt", filler, -1);
  g_autofree char *bad = write_file ("cli-empty.txt", "", 0);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("SHORTLIST_CLI not set");
      return;
    }
  {
    const char *argv[] = { cli, "extract", "--json", good, bad, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  pos_of (err, "cli-empty.txt");
  pos_of (err, "empty");
  pos_of (out, "\"method\" : \"plain\"");
  pos_of (out, "\"word_count\" : 12");
  pos_of (out, filler);

  /* a configuration error exits 2; --lines prints the cues */
  {
    g_autofree char *out2 = NULL;
    g_autofree char *nodir = g_build_filename (tmpdir, "no-signatures-here", NULL);
    const char *argv[] = { cli, "extract", "--clamav-dir", nodir, good, NULL };
    const char *argv2[] = { cli, "extract", "--lines", good, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 2);
    g_spawn_sync (NULL, (char **) argv2, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out2, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    g_assert_true (g_str_has_prefix (out2, "p-1 x"));
    pos_of (out2, " - Worked with teams");
  }
}

int
main (int argc, char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_mime_init ();
  tmpdir = g_dir_make_tmp ("test-extract-XXXXXX", NULL);
  g_assert_nonnull (tmpdir);

  g_test_add_func ("/extract/pdf/single-column", test_pdf_single_column);
  g_test_add_func ("/extract/pdf/two-columns", test_pdf_two_columns);
  g_test_add_func ("/extract/pdf/dates-table", test_pdf_dates_table);
  g_test_add_func ("/extract/pdf/sidebar-and-headings", test_pdf_sidebar_and_headings);
  g_test_add_func ("/extract/pdf/headers-footers", test_pdf_headers_footers);
  g_test_add_func ("/extract/pdf/max-pages", test_pdf_max_pages);
  g_test_add_func ("/extract/pdf/few-words", test_pdf_few_words);
  g_test_add_func ("/extract/pdf/dense-pages", test_pdf_dense_pages);
  g_test_add_func ("/extract/pdf/encrypted", test_pdf_encrypted);
  g_test_add_func ("/extract/pdf/truncated", test_pdf_truncated);
  g_test_add_func ("/extract/text/encodings", test_text_encodings);
  g_test_add_func ("/extract/docx", test_docx);
  g_test_add_func ("/extract/odt", test_odt);
  g_test_add_func ("/extract/zip-bomb", test_zip_bomb);
  g_test_add_func ("/extract/rtf", test_rtf);
  g_test_add_func ("/extract/html", test_html);
  g_test_add_func ("/extract/ocr/png", test_ocr_png);
  g_test_add_func ("/extract/ocr/pdf", test_ocr_pdf);
  g_test_add_func ("/extract/email/eml", test_email);
  g_test_add_func ("/extract/email/mbox", test_mbox);
  g_test_add_func ("/extract/hashed", test_hashed);
  g_test_add_func ("/extract/clamav", test_clamav);
  g_test_add_func ("/extract/legacy-doc", test_legacy_doc);
  g_test_add_func ("/extract/empty-and-random", test_empty_and_random);
  g_test_add_func ("/extract/limits", test_limits);
  g_test_add_func ("/extract/sniff", test_sniff);
  g_test_add_func ("/extract/async", test_async);
  g_test_add_func ("/extract/cli", test_cli);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (tmpdir, name, NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  g_free (tmpdir);
  return ret;
}
