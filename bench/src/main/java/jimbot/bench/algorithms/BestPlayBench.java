package jimbot.bench.algorithms;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jimbot.graph.procedures.Cancellation;
import jimbot.algorithms.play.BestPlay;
import jimbot.algorithms.scoring.Play;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Best play from 8 cards with 5 jokers, top 3 (issue 4 target p99 ≤ 20 ms); 32 seeded hands, cycled. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class BestPlayBench {

    static final int HANDS = 32;

    private Play[] hands;
    private int next;

    @Setup
    public void setup() {
        Random r = new Random(88);
        hands = new Play[HANDS];
        for (int i = 0; i < HANDS; i++) {
            hands[i] = Plays.play(r, 0, 8, 5);
        }
    }

    @Benchmark
    public double bestPlay() {
        next = (next + 1) % HANDS;
        return BestPlay.best(hands[next], 3, Cancellation.NEVER).get(0).score();
    }
}
