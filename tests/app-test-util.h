/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * app-test-util.h: what the app's test programs share: running the main
 * loop until something happened, opening and closing the window of a
 * registered application.
 */
#pragma once

#include <gtk/gtk.h>

#include "sl-application.h"
#include "sl-window.h"

G_BEGIN_DECLS

/* Iterates the default main context until @done (@data) or @timeout_ms. */
void      iterate_until     (gboolean (*done) (gpointer),
                             gpointer   data,
                             guint      timeout_ms);
/* Iterates the default main context for @ms. */
void      spin              (guint      ms);
gboolean  window_is_mapped  (gpointer   widget);

/* The first widget of @type below @root (depth first), or NULL. */
GtkWidget *app_test_find_descendant (GtkWidget *root,
                                     GType      type);
/* A shown toplevel of @type (GTK keeps toplevels alive), or NULL. */
gpointer  app_test_find_toplevel  (GType      type);
/* The narrowest @window can be, without the frame GTK adds to a window's
 * size when no compositor runs (Xvfb: 10 px; measured on a plain window
 * with content of a known width). */
int       app_test_min_width      (GtkWidget *window);
/* Resizes @window to @width × @height and waits until it has that width
 * (the X server, without a window manager, grants it at once). */
void      app_test_resize         (GtkWindow *window,
                                   int        width,
                                   int        height);

/* Gives @window the keyboard focus for real and waits until GTK says it is
 * active: presenting a mapped window sets the X input focus to it
 * (XSetInputFocus; no window manager runs under Xvfb), so which window is
 * active does not depend on where the pointer is. */
void      app_test_focus_window   (GtkWindow *window);

/* Activates @app and returns its window once it is mapped. */
SlWindow *app_test_open_window    (SlApplication *app);
/* Destroys every window of @app and checks @window is gone. */
void      app_test_close_windows  (SlApplication *app,
                                   SlWindow      *window);

G_END_DECLS
