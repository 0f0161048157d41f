package jimbot.bench.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jimbot.ingest.normalize.Arrival;
import jimbot.ingest.normalize.Normalized;
import jimbot.ingest.normalize.Normalizer;
import jimbot.v1.Dialect;
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
 * CPU cost of the intake's per-batch work without HTTP or disk: parse one realistic 25-event JimBot batch and
 * normalise every event (typed payload, digest, Struct bytes). The parse alone is the baseline in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class NormalizeBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Arrival ARRIVAL = new Arrival(Dialect.DIALECT_JIMBOT, "jimbot@127.0.0.1", 0, "");
    private byte[] batch;

    @Setup
    public void setup() {
        batch = new JimbotBatches(25, 7).next();
    }

    @Benchmark
    public JsonNode parseOnly() throws Exception {
        return JSON.readTree(batch);
    }

    @Benchmark
    public List<Normalized> parseAndNormalize() throws Exception {
        JsonNode events = JSON.readTree(batch).get("events");
        List<Normalized> out = new ArrayList<>(events.size());
        int i = 0;
        for (JsonNode e : events) {
            out.add(Normalizer.jimbotEvent(e, ARRIVAL, "events[" + i++ + "]"));
        }
        return out;
    }
}
