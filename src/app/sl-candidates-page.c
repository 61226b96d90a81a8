/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-candidates-page.h"

struct _SlCandidatesPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  SlApplication *application;
};

G_DEFINE_FINAL_TYPE (SlCandidatesPage, sl_candidates_page, GTK_TYPE_WIDGET)

void
sl_candidates_page_set_application (SlCandidatesPage *self,
                              SlApplication *application)
{
  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
}

static void
sl_candidates_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_CANDIDATES_PAGE);

  G_OBJECT_CLASS (sl_candidates_page_parent_class)->dispose (object);
}

static void
sl_candidates_page_class_init (SlCandidatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_candidates_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-candidates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlCandidatesPage, stack);
}

static void
sl_candidates_page_init (SlCandidatesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
sl_candidates_page_focus_search (SlCandidatesPage *self)
{
  g_return_if_fail (SL_IS_CANDIDATES_PAGE (self));
}
