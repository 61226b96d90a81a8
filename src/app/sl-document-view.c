/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "sl-document-view.h"

/* Rendered at 1.5× of 72 dpi, and at most this many pages: a resume is a
 * few pages; a 300-page file dropped by mistake must not eat memory. */
#define RENDER_SCALE 1.5
#define MAX_PAGES    20

struct _SlDocumentView
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkBox       *pages_box;
  GtkTextView  *text_view;
  GtkLabel     *status_label;
  GCancellable *cancellable;
  GFile        *file;
  guint         n_pages;
};

G_DEFINE_FINAL_TYPE (SlDocumentView, sl_document_view, GTK_TYPE_WIDGET)

typedef struct
{
  int     width;
  int     height;
  int     stride;
  GBytes *pixels;
} RenderedPage;

static void
rendered_page_free (RenderedPage *page)
{
  g_bytes_unref (page->pixels);
  g_free (page);
}

GtkWidget *
sl_document_view_new (void)
{
  return g_object_new (SL_TYPE_DOCUMENT_VIEW, NULL);
}

GFile *
sl_document_view_get_file (SlDocumentView *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT_VIEW (self), NULL);

  return self->file;
}

gboolean
sl_document_view_get_showing_text (SlDocumentView *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "text") == 0;
}

guint
sl_document_view_get_n_pages (SlDocumentView *self)
{
  g_return_val_if_fail (SL_IS_DOCUMENT_VIEW (self), 0);

  return self->n_pages;
}

static void
clear_pages (SlDocumentView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);
  self->n_pages = 0;
}

static void
show_text (SlDocumentView *self,
           const char     *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  if (text == NULL || text[0] == '\0')
    {
      gtk_label_set_label (self->status_label, _("The original document is not available"));
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_stack_set_visible_child_name (self->stack, "text");
}

/* Worker thread: poppler objects never leave it. */
static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) rendered_page_free);
  int n;

  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  n = MIN (poppler_document_get_n_pages (doc), MAX_PAGES);
  for (int i = 0; i < n && !g_cancellable_is_cancelled (cancellable); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      double w, h;
      cairo_surface_t *surface;
      cairo_t *cr;
      RenderedPage *out;

      poppler_page_get_size (page, &w, &h);
      out = g_new0 (RenderedPage, 1);
      out->width = (int) (w * RENDER_SCALE);
      out->height = (int) (h * RENDER_SCALE);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, out->width, out->height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, RENDER_SCALE, RENDER_SCALE);
      poppler_page_render (page, cr);
      g_object_unref (page);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      out->stride = cairo_image_surface_get_stride (surface);
      out->pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                                 (gsize) out->stride * out->height);
      cairo_surface_destroy (surface);
      g_ptr_array_add (pages, out);
    }
  g_object_unref (doc);
  g_task_return_pointer (task, g_steal_pointer (&pages), (GDestroyNotify) g_ptr_array_unref);
}

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pages = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *fallback = user_data;
  SlDocumentView *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = SL_DOCUMENT_VIEW (source);
  if (pages == NULL)
    {
      g_debug ("Could not render the original: %s", error->message);
      show_text (self, fallback);
      return;
    }
  for (guint i = 0; i < pages->len; i++)
    {
      RenderedPage *page = g_ptr_array_index (pages, i);
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *picture;
      g_autofree char *label = g_strdup_printf (_("Page %u"), i + 1);

      /* cairo's ARGB32 is premultiplied native-endian BGRA on little endian. */
      texture = gdk_memory_texture_new (page->width, page->height,
                                        G_BYTE_ORDER == G_LITTLE_ENDIAN ? GDK_MEMORY_B8G8R8A8_PREMULTIPLIED
                                                                        : GDK_MEMORY_A8R8G8B8_PREMULTIPLIED,
                                        page->pixels, page->stride);
      picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_widget_add_css_class (picture, "document-page");
      gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (self->pages_box, picture);
      self->n_pages++;
    }
  gtk_stack_set_visible_child_name (self->stack, "pages");
}

static gboolean
is_pdf (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  guchar head[5] = { 0 };
  FILE *fp;

  if (path == NULL)
    return FALSE;
  /* By content, like the extractors: resumes are often misnamed. */
  fp = fopen (path, "rb");
  if (fp == NULL)
    return FALSE;
  if (fread (head, 1, sizeof head, fp) != sizeof head)
    head[0] = 0;
  fclose (fp);
  return memcmp (head, "%PDF-", 5) == 0;
}

void
sl_document_view_show (SlDocumentView *self,
                       GFile          *file,
                       const char     *text)
{
  g_return_if_fail (SL_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear_pages (self);
  g_set_object (&self->file, file);

  if (file != NULL && is_pdf (file))
    {
      g_autoptr(GTask) task = NULL;

      self->cancellable = g_cancellable_new ();
      task = g_task_new (self, self->cancellable, render_done, g_strdup (text));
      g_task_set_source_tag (task, sl_document_view_show);
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      gtk_label_set_label (self->status_label, _("Loading…"));
      gtk_stack_set_visible_child_name (self->stack, "status");
      g_task_run_in_thread (task, render_thread);
      return;
    }
  show_text (self, text);
}

static void
sl_document_view_dispose (GObject *object)
{
  SlDocumentView *self = SL_DOCUMENT_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  if (self->stack != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->stack));
      self->stack = NULL;
    }

  G_OBJECT_CLASS (sl_document_view_parent_class)->dispose (object);
}

static void
sl_document_view_class_init (SlDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_document_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentview");
}

static void
sl_document_view_init (SlDocumentView *self)
{
  GtkWidget *scroller, *text_scroller, *status;

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->pages_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->pages_box));
  gtk_stack_add_named (self->stack, scroller, "pages");

  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_editable (self->text_view, FALSE);
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_monospace (self->text_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "document-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Text of the original document"), -1);
  text_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (text_scroller), GTK_WIDGET (self->text_view));
  gtk_stack_add_named (self->stack, text_scroller, "text");

  status = gtk_label_new (NULL);
  self->status_label = GTK_LABEL (status);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_stack_add_named (self->stack, status, "status");
  gtk_stack_set_visible_child_name (self->stack, "status");
}
