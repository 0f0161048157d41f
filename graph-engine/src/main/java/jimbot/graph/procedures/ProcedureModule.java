package jimbot.graph.procedures;

import java.util.List;
import java.util.Map;
import jimbot.graph.projection.ProjectionDelta;

/**
 * A procedure module: found with {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/jimbot.graph.procedures.ProcedureModule}), so a researcher adds one by putting a jar on
 * the class path. See docs/modules.md.
 */
public interface ProcedureModule {

    Descriptor descriptor();

    /**
     * Runs in {@code mode} with parameters already checked against the descriptor (defaults filled in, numbers as
     * Long/Double). STREAM returns rows; STATS one summary row; WRITE writes through {@code context.sink()} and
     * returns a summary row; ESTIMATE returns the expected cost without running.
     */
    List<Map<String, Object>> call(Mode mode, Map<String, Object> params, ProcedureContext context);

    /** Called with each batch of projection changes, in order, so a module can keep its results incrementally. */
    default void onDeltas(List<ProjectionDelta> deltas) {
    }
}
