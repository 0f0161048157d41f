package jimbot.algorithms.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import jimbot.algorithms.ProjectionContexts;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureModule;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ChangeFeed;
import jimbot.graph.projection.LiveProjection;
import jimbot.graph.projection.ProjectionDelta;
import jimbot.graph.projection.ProjectionView;
import org.junit.jupiter.api.Test;

/** The template module, called through the registry as a caller sees it; no database needed. */
class JokerPopularityModuleTest {

    private static ProcedureContext context(ProjectionView view) {
        return ProjectionContexts.over(view);
    }

    private static LiveProjection threeRuns() {
        LiveProjection p = new LiveProjection();
        p.apply(List.of(
                new ProjectionDelta.JokerHeld("a", "joker"), new ProjectionDelta.JokerHeld("a", "cavendish"),
                new ProjectionDelta.RunFinished("a", true, 9, 1e6),
                new ProjectionDelta.JokerHeld("b", "joker"), new ProjectionDelta.RunFinished("b", false, 3, 900),
                new ProjectionDelta.JokerHeld("c", "joker")));
        return p;
    }

    @Test
    void countsRunsFinishesAndWinsPerJoker() {
        ProcedureRegistry registry = ProcedureRegistry.of(List.of(new JokerPopularityModule()));
        List<Map<String, Object>> rows = registry.call("joker.popularity", Mode.STREAM, Map.of(), context(threeRuns()));
        assertThat(rows).extracting(r -> r.get("joker")).containsExactly("joker", "cavendish");
        assertThat(rows.get(0)).containsEntry("runs", 3L).containsEntry("finished", 2L).containsEntry("wins", 1L)
                .containsEntry("win_rate", 0.5);
    }

    @Test
    void honoursItsParametersAndRefusesBadOnes() {
        ProcedureRegistry registry = ProcedureRegistry.of(List.of(new JokerPopularityModule()));
        assertThat(registry.call("joker.popularity", Mode.STREAM, Map.of("min_runs", 2L), context(threeRuns())))
                .extracting(r -> r.get("joker")).containsExactly("joker");
        assertThatThrownBy(() -> registry.call("joker.popularity", Mode.STREAM, Map.of("limit", 0L), context(threeRuns())))
                .hasMessageContaining("limit").hasMessageContaining("expected a whole number in 1..")
                .hasMessageNotContaining("1.0..");
        assertThatThrownBy(() -> registry.call("joker.popularity", Mode.STREAM, Map.of("limit", "ten"), context(threeRuns())))
                .hasMessageContaining("integer");
    }

    @Test
    void isFoundOnTheClassPath() {
        assertThat(ServiceLoader.load(ProcedureModule.class).stream().map(p -> p.type().getName()))
                .contains(JokerPopularityModule.class.getName());
        assertThat(ProcedureRegistry.load(getClass().getClassLoader(), new ChangeFeed()).find("joker.popularity")).isPresent();
    }
}
