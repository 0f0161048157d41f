package jimbot.graph.procedures;

import java.util.List;
import java.util.Map;
import jimbot.graph.projection.ProjectionView;

/** What a procedure may touch while it runs. */
public interface ProcedureContext {

    /** The live in-memory projection (runs, jokers held, outcomes, co-occurrence). */
    ProjectionView projection();

    /** Read-only Cypher over the graph, for the engine's own built-in modules; algorithm modules use the projection. */
    GraphReads graph();

    /** Where WRITE mode puts results back into the graph. */
    ResultSink sink();

    /** Checked every so often by long computations. */
    Cancellation cancellation();

    /** Read-only queries. */
    @FunctionalInterface
    interface GraphReads {
        List<Map<String, Object>> read(String cypher, Map<String, Object> params);
    }

    /** Results written back: properties on jokers, relationships between jokers, pattern nodes. */
    interface ResultSink {
        /** Sets properties on Joker nodes: {key → {property → value}}. */
        void jokerProperties(Map<String, Map<String, Object>> byKey);

        /**
         * Replaces all relationships of {@code type} between jokers with these ({from, to, props}), so a write
         * is a snapshot of the module's current result.
         */
        void jokerRelationships(String type, List<JokerLink> links);

        /** Replaces all {@code :Pattern} nodes of a {@code kind} with these, linked to their jokers. */
        void patterns(String kind, List<Pattern> patterns);
    }

    /** A relationship between two jokers. */
    record JokerLink(String from, String to, Map<String, Object> props) {
    }

    /** A pattern node and the jokers it is made of. */
    record Pattern(String id, List<String> jokers, Map<String, Object> props) {
    }
}
