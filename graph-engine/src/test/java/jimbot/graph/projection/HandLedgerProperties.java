package jimbot.graph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The compact ledger keeps exactly what a map by hand id would, whatever the ids look like. */
class HandLedgerProperties {

    record Put(String id, double score, Set<String> jokers) {
    }

    @Provide
    Arbitrary<List<Put>> puts() {
        Arbitrary<String> id = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 60).map(n -> "run-1:h" + n),
                Arbitraries.longs().between(0, 9).map(n -> "run-1:h0" + n), // not as the projector writes: kept by id
                Arbitraries.of("run-1:h", "run-1:hx", "run-2:h5", "run-1:h-3", "other"),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> "run-1:h" + n));
        Arbitrary<Set<String>> jokers = Arbitraries.of("joker", "baron", "mime").set().ofMaxSize(3);
        return Combinators.combine(id, Arbitraries.doubles().between(0, 1e6), jokers).as(Put::new).list().ofMaxSize(80);
    }

    @Property(tries = 500)
    void behavesAsAMapById(@ForAll("puts") List<Put> puts) {
        HandLedger ledger = new HandLedger("run-1");
        Map<String, ProjectionView.HandView> model = new HashMap<>();
        for (Put p : puts) {
            ProjectionView.HandView hand = new ProjectionView.HandView(p.id(), p.score(), p.jokers());
            assertThat(ledger.put(p.id(), p.score(), p.jokers())).isEqualTo(Optional.ofNullable(model.put(p.id(), hand)));
        }
        assertThat(ledger.size()).isEqualTo(model.size());
        assertThat(ledger.hands()).containsExactlyInAnyOrderElementsOf(model.values());
        List<ProjectionView.HandView> again = new ArrayList<>(ledger.hands());
        assertThat(ledger.hands()).isEqualTo(again);
    }
}
