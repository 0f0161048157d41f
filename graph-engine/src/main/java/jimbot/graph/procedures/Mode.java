package jimbot.graph.procedures;

/** How a procedure is called: rows back, one summary row, results written into the graph, or its cost only. */
public enum Mode {
    STREAM, STATS, WRITE, ESTIMATE
}
