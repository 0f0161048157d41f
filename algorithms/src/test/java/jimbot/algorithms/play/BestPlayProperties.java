package jimbot.algorithms.play;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import jimbot.graph.procedures.Cancellation;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.RandomPlays;
import jimbot.algorithms.scoring.ScoreEngine;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Best play equals exhaustive enumeration over every subset, every card order and every joker order. */
class BestPlayProperties {

    @Property(tries = 60, seed = "777")
    void bestPlayScoresAsMuchAsEveryWayToPlay(@ForAll("hands") Play play) {
        List<BestPlay.Candidate> best = BestPlay.best(play, 3, Cancellation.NEVER);
        double exhaustive = exhaustive(play);
        // tied orders may floor one point apart (see JokerOrderingProperties.tieTolerance)
        assertThat(best.get(0).score()).isCloseTo(exhaustive, within(1 + 1e-12 * Math.abs(exhaustive)));
        // the answer really scores what it claims
        BestPlay.Candidate top = best.get(0);
        List<PlayingCard> played = new ArrayList<>();
        List<PlayingCard> held = new ArrayList<>();
        boolean[] in = new boolean[play.held().size()];
        for (int i : top.cards()) {
            played.add(play.held().get(i));
            in[i] = true;
        }
        for (int i = 0; i < in.length; i++) {
            if (!in[i]) {
                held.add(play.held().get(i));
            }
        }
        List<Joker> jokers = new ArrayList<>();
        for (int j : top.jokers()) {
            jokers.add(play.jokers().get(j));
        }
        Play chosen = play.withCards(played, held).withJokers(jokers);
        assertThat(new ScoreEngine(chosen).evaluate(ScoreEngine.identity(jokers.size()))).isEqualTo(top.score());
        // alternatives come best first
        for (int i = 1; i < best.size(); i++) {
            assertThat(best.get(i).score()).isLessThanOrEqualTo(best.get(i - 1).score());
        }
    }

    private static double exhaustive(Play play) {
        List<PlayingCard> hand = play.held();
        int n = hand.size();
        double best = Double.NEGATIVE_INFINITY;
        List<int[]> jokerOrders = permutations(play.jokers().size());
        for (int mask = 1; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > 5) {
                continue;
            }
            List<Integer> chosen = new ArrayList<>();
            List<PlayingCard> held = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(i);
                } else {
                    held.add(hand.get(i));
                }
            }
            for (int[] cardOrder : permutations(chosen.size())) {
                List<PlayingCard> played = new ArrayList<>();
                for (int c : cardOrder) {
                    played.add(hand.get(chosen.get(c)));
                }
                ScoreEngine engine = new ScoreEngine(play.withCards(played, held));
                for (int[] jokers : jokerOrders) {
                    best = Math.max(best, engine.evaluate(jokers));
                }
            }
        }
        return best;
    }

    private static List<int[]> permutations(int n) {
        List<int[]> out = new ArrayList<>();
        permute(ScoreEngine.identity(n), 0, out);
        return out;
    }

    private static void permute(int[] a, int k, List<int[]> out) {
        if (k == a.length) {
            out.add(a.clone());
            return;
        }
        for (int i = k; i < a.length; i++) {
            int t = a[k];
            a[k] = a[i];
            a[i] = t;
            permute(a, k + 1, out);
            a[i] = a[k];
            a[k] = t;
        }
    }

    @Provide
    Arbitrary<Play> hands() {
        return Combinators.combine(RandomPlays.cards().list().ofMinSize(1).ofMaxSize(6),
                        RandomPlays.jokers().list().ofMaxSize(4))
                .as((hand, jokers) -> Play.of(List.of(), hand, jokers));
    }
}
