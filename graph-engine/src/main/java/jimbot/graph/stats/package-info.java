/** graph.stats: node counts by label and relationship counts by type, the procedure that proves the path. */
package jimbot.graph.stats;
