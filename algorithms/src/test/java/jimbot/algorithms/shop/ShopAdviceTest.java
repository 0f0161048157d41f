package jimbot.algorithms.shop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jimbot.algorithms.catalog.JokerCatalog;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.synergy.SynergyStats;
import jimbot.graph.projection.ProjectionDelta;
import org.junit.jupiter.api.Test;

/** The offer that wins with what is owned comes first; the score engine tells a scoring joker from a dud. */
class ShopAdviceTest {

    private static JokerSpec j(String name) {
        return JokerCatalog.vanilla().find(name).orElseThrow();
    }

    @Test
    void theOfferThatWinsWithWhatIsOwnedComesFirstWithItsReason() {
        Random random = new Random(3);
        List<ProjectionDelta> d = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            List<String> pool = new ArrayList<>(List.of("baron", "mime", "egg", "hack", "joker"));
            java.util.Collections.shuffle(pool, random);
            List<String> held = pool.subList(0, 2);
            boolean planted = held.contains("baron") && held.contains("mime");
            for (String k : held) {
                d.add(new ProjectionDelta.JokerHeld("r" + i, k));
            }
            d.add(new ProjectionDelta.RunFinished("r" + i, random.nextDouble() < (planted ? 0.7 : 0.2), 3, 0));
        }
        SynergyStats stats = new SynergyStats();
        stats.apply(d);
        List<ShopAdvice.Offer> advice = ShopAdvice.rank(stats, List.of(j("Baron")), List.of(j("Egg"), j("Mime"), j("Hack")), 20);
        assertThat(advice.get(0).key()).isEqualTo("mime");
        assertThat(advice.get(0).synergy()).isPositive();
        assertThat(advice.get(0).reasons()).anySatisfy(r -> assertThat(r).startsWith("with Baron: uplift +"));
    }

    @Test
    void scoreGainSeparatesAScoringJokerAndMoneyOrdersTheRest() {
        SynergyStats none = new SynergyStats();
        List<ShopAdvice.Offer> advice = ShopAdvice.rank(none, List.of(), List.of(j("Egg"), j("Joker"), j("Cavendish")), 3);
        ShopAdvice.Offer joker = advice.stream().filter(o -> o.key().equals("joker")).findFirst().orElseThrow();
        ShopAdvice.Offer egg = advice.stream().filter(o -> o.key().equals("egg")).findFirst().orElseThrow();
        assertThat(joker.scoreGain()).isPositive();
        assertThat(egg.scoreGain()).isZero();
        ShopAdvice.Offer cavendish = advice.stream().filter(o -> o.key().equals("cavendish")).findFirst().orElseThrow();
        assertThat(cavendish.affordable()).isFalse();
        assertThat(advice.get(0)).isEqualTo(joker); // the only one $3 buys
        assertThat(advice.get(1)).isEqualTo(cavendish); // Egg costs $4 too and scores nothing
        assertThat(cavendish.reasons()).anySatisfy(r -> assertThat(r).contains("costs $4, $3 in hand"));
    }
}
