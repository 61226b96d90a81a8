/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench-llm: 100 resumes through the LLM parser against a loopback server
 * that answers each request after 300 ms, with the provider's limit at 4
 * requests in flight.  The ideal wall time is 100 / 4 × 0.3 s = 7.5 s; the
 * target is within 1.2× of it.  Prints wall time, ratio and the most
 * requests the server saw at once.
 *
 *   bench-llm [N_RESUMES] [DELAY_MS] [CONCURRENCY]
 */
#include "config.h"

#include <stdlib.h>

#include "core/sl-util.h"
#include "llm/sl-llm.h"
#include "fake-llm-server.h"

static const char answer[] =
  "{\"basics\":{\"name\":\"Alex Example\",\"label\":\"Data Engineer\",\"email\":\"[EMAIL_1]\","
  "\"phone\":\"[PHONE_1]\"},"
  "\"work\":[{\"name\":\"Example Analytics Ltd\",\"position\":\"Data Engineer\",\"startDate\":\"2020-01\",\"endDate\":\"present\"},"
  "{\"name\":\"Sample Systems\",\"position\":\"Developer\",\"startDate\":\"Mar 2016\",\"endDate\":\"12/2019\"}],"
  "\"education\":[{\"institution\":\"University of Somewhere\",\"studyType\":\"B.Sc.\",\"area\":\"Mathematics\",\"endDate\":\"2016\"}],"
  "\"skills\":[{\"name\":\"Python\"},{\"name\":\"SQL\"},{\"name\":\"Airflow\"}]}";

static char *
make_resume (int i)
{
  return g_strdup_printf (
    "Alex Example %d\nData Engineer\nalex.%d@example.net | +44 20 7946 %04d\n"
    "12 Baker Street, London\n\nEXPERIENCE\nExample Analytics Ltd — Data Engineer\n"
    "01/2020 – present\n- Built pipelines in Python and SQL with Airflow\n\n"
    "Sample Systems — Developer\nMar 2016 - Dec 2019\n\nEDUCATION\n"
    "University of Somewhere — B.Sc. Mathematics, 2016\n\nSKILLS\nPython, SQL, Airflow\n",
    i, i, i % 10000);
}

typedef struct
{
  int        pending;
  int        ok;
  int        failed;
  GMainLoop *loop;
} State;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  State *st = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlProfile) p = sl_llm_parse_finish (SL_LLM_CLIENT (source), result, &error);

  if (p != NULL && p->work->len == 2)
    st->ok++;
  else
    st->failed++;
  if (--st->pending == 0)
    g_main_loop_quit (st->loop);
}

int
main (int    argc,
      char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 100;
  guint delay = argc > 2 ? (guint) atoi (argv[2]) : 300;
  guint conc = argc > 3 ? (guint) atoi (argv[3]) : 4;
  g_autoptr(GError) error = NULL;
  g_autoptr(SlLlmConfig) config = sl_llm_config_new_preset ("llamacpp", &error);
  g_autoptr(SlLlmClient) client = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GPtrArray) resumes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *base = NULL;
  FakeLlmServer *server = fake_llm_server_new ();
  State st = { 0, 0, 0, loop };
  double ideal_s, wall_s, t0;

  base = g_strconcat (fake_llm_server_get_url (server), "/v1", NULL);
  sl_llm_config_set_base_url (config, base);
  sl_llm_config_set_model (config, "bench-model");
  config->max_concurrency = conc;
  config->redaction = SL_LLM_REDACT_ALWAYS;  /* measure the whole path */
  client = sl_llm_client_new (config, &error);
  g_assert_no_error (error);
  fake_llm_server_set_default (server, answer, delay);
  for (int i = 0; i < n; i++)
    g_ptr_array_add (resumes, make_resume (i));

  t0 = sl_monotonic_ms ();
  for (int i = 0; i < n; i++)
    {
      st.pending++;
      sl_llm_parse_async (client, g_ptr_array_index (resumes, i), NULL, done_cb, &st);
    }
  g_main_loop_run (loop);
  wall_s = (sl_monotonic_ms () - t0) / 1000.0;
  ideal_s = ((n + conc - 1) / conc) * delay / 1000.0;

  g_print ("bench-llm: %d resumes, server delay %u ms, %u in flight\n", n, delay, conc);
  g_print ("  parsed ok: %d, failed: %d\n", st.ok, st.failed);
  g_print ("  wall time: %.2f s (ideal %.2f s, ratio %.3f, target <= 1.2)\n",
           wall_s, ideal_s, wall_s / ideal_s);
  g_print ("  most requests in flight at the server: %u (limit %u)\n",
           fake_llm_server_max_in_flight (server), conc);
  g_print ("  throughput: %.1f resumes/s\n", n / wall_s);

  g_clear_object (&client);
  fake_llm_server_free (server);
  return st.failed == 0 ? 0 : 1;
}
