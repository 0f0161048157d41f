package jimbot.algorithms;

import jimbot.graph.procedures.Cancellation;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.projection.ProjectionView;

/** A procedure context over a projection alone, for calling algorithm modules through the registry without a database. */
public final class ProjectionContexts {

    private ProjectionContexts() {
    }

    /** Reads {@code view}; graph reads and writes are refused (algorithm modules read the projection). */
    public static ProcedureContext over(ProjectionView view) {
        return new ProcedureContext() {
            @Override
            public ProjectionView projection() {
                return view;
            }

            @Override
            public GraphReads graph() {
                throw new UnsupportedOperationException("algorithm modules read the projection");
            }

            @Override
            public ResultSink sink() {
                throw new UnsupportedOperationException("no graph to write to here");
            }

            @Override
            public Cancellation cancellation() {
                return Cancellation.NEVER;
            }
        };
    }
}
