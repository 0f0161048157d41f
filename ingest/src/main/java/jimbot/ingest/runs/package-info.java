/** Run segmentation: which run (game id) each event belongs to, per client, for both dialects. */
package jimbot.ingest.runs;
