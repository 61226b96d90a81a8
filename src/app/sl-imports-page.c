/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "sl-imports-page.h"

struct _SlImportsPage
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  SlApplication *application;
};

G_DEFINE_FINAL_TYPE (SlImportsPage, sl_imports_page, GTK_TYPE_WIDGET)

void
sl_imports_page_set_application (SlImportsPage *self,
                              SlApplication *application)
{
  g_return_if_fail (SL_IS_IMPORTS_PAGE (self));
  g_return_if_fail (SL_IS_APPLICATION (application));

  self->application = application;
}

static void
sl_imports_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SL_TYPE_IMPORTS_PAGE);

  G_OBJECT_CLASS (sl_imports_page_parent_class)->dispose (object);
}

static void
sl_imports_page_class_init (SlImportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sl_imports_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/shortlist/Shortlist/sl-imports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SlImportsPage, stack);
}

static void
sl_imports_page_init (SlImportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
sl_imports_page_import (SlImportsPage *self,
                        GPtrArray     *files,
                        const char    *source)
{
  g_return_val_if_fail (SL_IS_IMPORTS_PAGE (self), FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  return FALSE;
}
