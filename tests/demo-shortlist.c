/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * demo-shortlist: makes a job from a job ad and a shortlist from its
 * ranking in a database, through the rank room's API, so the screenshots
 * show the Jobs page with something on it.  Not a test.
 *   demo-shortlist DATABASE JOB-AD
 */
#include "config.h"

#include "rank/sl-rank.h"
#include "rank/sl-shortlist.h"

int
main (int   argc,
      char *argv[])
{
  static const SlStage stages[] = { SL_STAGE_INTERVIEW, SL_STAGE_CONTACTED, SL_STAGE_NEW, SL_STAGE_NEW, SL_STAGE_REJECTED };
  g_autoptr(GError) error = NULL;
  g_autoptr(SlStore) store = NULL;
  g_autoptr(GFile) ad = NULL;
  g_autoptr(SlJob) job = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  if (argc != 3)
    {
      g_printerr ("usage: %s DATABASE JOB-AD\n", argv[0]);
      return 2;
    }
  store = sl_store_open (argv[1], &error);
  ad = g_file_new_for_commandline_arg (argv[2]);
  if (store != NULL)
    job = sl_job_from_file (ad, NULL, &error);
  if (job == NULL || sl_store_save_job (store, job, &error) == 0 ||
      (matches = sl_store_rank (store, job, NULL, 10, NULL, &error)) == NULL)
    {
      g_printerr ("demo-shortlist: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < matches->len && i < G_N_ELEMENTS (stages); i++)
    {
      SlMatch *m = g_ptr_array_index (matches, i);

      if (!sl_store_shortlist_add (store, job->id, m->candidate_id, m->score, m->summary, &error) ||
          !sl_store_shortlist_set_stage (store, job->id, m->candidate_id, stages[i], &error) ||
          (i == 1 && !sl_store_shortlist_set_note (store, job->id, m->candidate_id,
                                                   "Call back on Monday about the notice period", &error)))
        {
          g_printerr ("demo-shortlist: %s\n", error->message);
          return 1;
        }
    }
  g_print ("demo-shortlist: “%s” with %u of %u ranked candidates shortlisted\n",
           job->title, (guint) MIN (matches->len, G_N_ELEMENTS (stages)), matches->len);
  return 0;
}
