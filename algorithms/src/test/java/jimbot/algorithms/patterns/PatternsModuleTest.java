package jimbot.algorithms.patterns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jimbot.algorithms.ProjectionContexts;
import jimbot.graph.procedures.InvalidParameterException;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;
import org.junit.jupiter.api.Test;

/** patterns.frequent through the registry: kept and per-call answers agree, and nonsense supports are refused. */
class PatternsModuleTest {

    private static ProcedureContext context(ProjectionView view) {
        return ProjectionContexts.over(view);
    }

    @Test
    void keptAndMinedPerCallAnswersAgreeAsRunsArrive() {
        LiveProjection projection = new LiveProjection();
        PatternsModule module = new PatternsModule();
        ProcedureRegistry registry = ProcedureRegistry.of(List.of(module));
        List<ProjectionDelta> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String run = "run-" + i;
            first.add(new ProjectionDelta.JokerHeld(run, "baron"));
            first.add(new ProjectionDelta.JokerHeld(run, i % 2 == 0 ? "mime" : "joker"));
            first.add(new ProjectionDelta.RunFinished(run, true, 8, 0));
        }
        projection.apply(first);
        Map<String, Object> kept = registry.call("patterns.frequent", Mode.STATS, Map.of("min_support", 0.5),
                context(projection)).get(0);
        assertThat(kept).containsEntry("kept", true).containsEntry("sets", 2L); // baron+mime, baron+joker: 20 of 40 each
        // one more run with baron and mime, from the change feed: the kept sets follow it
        List<ProjectionDelta> more = List.of(new ProjectionDelta.JokerHeld("run-40", "baron"),
                new ProjectionDelta.JokerHeld("run-40", "mime"), new ProjectionDelta.RunFinished("run-40", true, 8, 0));
        projection.apply(more);
        module.onDeltas(more);
        List<Map<String, Object>> rows = registry.call("patterns.frequent", Mode.STREAM, Map.of("min_support", 0.5),
                context(projection));
        assertThat(rows).extracting(r -> r.get("jokers") + "=" + r.get("runs")).containsExactly("[baron, mime]=21");
        // below the least count kept: mined per call, the same sets
        Map<String, Object> mined = registry.call("patterns.frequent", Mode.STATS, Map.of("min_support", 0.01),
                context(projection)).get(0);
        assertThat(mined).containsEntry("kept", false).containsEntry("sets", 2L);
    }

    @Test
    void aSupportThatIsNotANumberIsRefused() {
        ProcedureRegistry registry = ProcedureRegistry.of(List.of(new PatternsModule()));
        assertThatThrownBy(() -> registry.call("patterns.frequent", Mode.STREAM, Map.of("min_support", Double.NaN),
                context(new LiveProjection())))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("min_support"));
    }
}
