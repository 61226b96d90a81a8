/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "app-test-util.h"

void
iterate_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

gboolean
window_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

void
spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

GtkWidget *
app_test_find_descendant (GtkWidget *root,
                          GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = app_test_find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gpointer
app_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static int
window_frame_width (void)
{
  static int frame = -1;

  if (frame < 0)
    {
      GtkWidget *plain = gtk_window_new ();
      GtkWidget *content = gtk_label_new (NULL);
      int min = 0;

      gtk_widget_set_size_request (content, 100, 100);
      gtk_window_set_child (GTK_WINDOW (plain), content);
      gtk_window_set_titlebar (GTK_WINDOW (plain), gtk_label_new (NULL));
      gtk_window_present (GTK_WINDOW (plain));
      iterate_until (window_is_mapped, plain, 5000);
      gtk_widget_measure (plain, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      frame = min - 100;
      gtk_window_destroy (GTK_WINDOW (plain));
    }
  return frame;
}

int
app_test_min_width (GtkWidget *window)
{
  int min = 0;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  return min - window_frame_width ();
}

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

/* Without a compositor (Xvfb) GTK draws a frame around the window: the
 * surface is the asked width, the window's content 10 px less, unless the
 * content's minimum is the asked width (then the surface is wider). */
static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->widget));

  return gtk_widget_get_width (wait->widget) == wait->width ||
         (surface != NULL && gdk_surface_get_width (surface) == wait->width);
}

static void
on_after_paint (GdkFrameClock *clock,
                guint         *paints)
{
  (*paints)++;
}

static gboolean
painted_thrice (gpointer data)
{
  return *(guint *) data >= 3;
}

void
app_test_resize (GtkWindow *window,
                 int        width,
                 int        height)
{
  WidthWait wait = { GTK_WIDGET (window), width };
  GdkFrameClock *clock;
  guint paints = 0;
  gulong id;

  /* A size asked for while the X server has not yet confirmed the last
   * one can be lost (seen on a busy machine: the window kept its first
   * size); ask again until it is there. */
  for (guint attempt = 0; attempt < 5 && !has_width (&wait); attempt++)
    {
      gtk_window_set_default_size (window, width, height);
      gtk_widget_queue_resize (GTK_WIDGET (window));
      iterate_until (has_width, &wait, 2000);
    }
  /* The leaflets fold or unfold in the allocation, and what that changes
   * (the switcher bar, the table's columns) shows in the frames after. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &paints);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  iterate_until (painted_thrice, &paints, 5000);
  g_signal_handler_disconnect (clock, id);
  spin (50);
}

static gboolean
window_is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

void
app_test_focus_window (GtkWindow *window)
{
  /* Only a mapped window can take the focus; presenting one that is not
   * shown yet just maps it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    {
      gtk_window_present (window);
      iterate_until (window_is_mapped, window, 5000);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
    }
  gtk_window_present (window);
  iterate_until (window_is_active, window, 5000);
  g_assert_true (gtk_window_is_active (window));
}

SlWindow *
app_test_open_window (SlApplication *app)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SL_IS_WINDOW (window));
  iterate_until (window_is_mapped, window, 5000);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return SL_WINDOW (window);
}

void
app_test_close_windows (SlApplication *app,
                        SlWindow      *window)
{
  GList *windows;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (GTK_WINDOW (windows->data));
  spin (20);
  g_assert_null (window);
}
