package jimbot.bench.algorithms;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.ScoreEngine;
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

/**
 * Score evaluations per second on one thread: 5 jokers, 5 played cards, 3 held (issue 4 target ≥ 1 000 000/s).
 * {@code evaluateCompiled} re-scores a compiled play (what the searches do); {@code compileAndEvaluate} includes
 * compiling the play (what one HTTP request does). 64 seeded plays, cycled.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreBench {

    static final int PLAYS = 64;
    static final int JOKERS = 5;

    private Play[] plays;
    private ScoreEngine[] engines;
    private int[] order;
    private int next;

    @Setup
    public void setup() {
        Random r = new Random(20261127);
        plays = new Play[PLAYS];
        engines = new ScoreEngine[PLAYS];
        for (int i = 0; i < PLAYS; i++) {
            plays[i] = Plays.play(r, 5, 3, JOKERS);
            engines[i] = new ScoreEngine(plays[i]);
        }
        order = ScoreEngine.identity(JOKERS);
    }

    @Benchmark
    public double evaluateCompiled() {
        next = (next + 1) & (PLAYS - 1);
        return engines[next].evaluate(order);
    }

    @Benchmark
    public double compileAndEvaluate() {
        next = (next + 1) & (PLAYS - 1);
        return new ScoreEngine(plays[next]).evaluate(order);
    }
}
