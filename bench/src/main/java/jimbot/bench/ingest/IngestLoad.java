package jimbot.bench.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts JimBot batches to {@code POST /api/v1/events/batch} from many keep-alive connections and reports events/s
 * and acknowledgement latency. Two modes:
 * <ul>
 *   <li>{@code closed}: every connection sends its next batch as soon as the previous one is answered (the most the
 *       server sustains);</li>
 *   <li>{@code open}: batches are due on a fixed schedule (a target events/s) whatever the server does, and latency is
 *       measured from when a batch was due, so a stalled server cannot hide its queueing (no coordinated omission).</li>
 * </ul>
 * A plain HTTP/1.1 client over sockets keeps the generator's own CPU use small on a 2-core machine.
 */
public final class IngestLoad {

    private record Options(URI target, String path, int connections, Duration warmup, Duration duration, String mode,
                           double eventsPerSecond, int eventsPerBatch, String label) {
    }

    /** With -Dtimeline=true: the worst latency of each second, printed to stderr, to tell periodic stalls from load. */
    private static final AtomicLong[] TIMELINE = Boolean.getBoolean("timeline") ? newTimeline() : null;

    private static AtomicLong[] newTimeline() {
        AtomicLong[] t = new AtomicLong[3600];
        for (int i = 0; i < t.length; i++) {
            t[i] = new AtomicLong();
        }
        return t;
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        JimbotBatches batches = new JimbotBatches(o.eventsPerBatch(), 7);
        Run[] phases = run(o, batches);
        Run warm = phases[0];
        Run measured = phases[1];
        if (TIMELINE != null) {
            StringBuilder line = new StringBuilder("worst ms per second:");
            for (int i = 0; i < o.duration().toSeconds(); i++) {
                line.append(' ').append(TIMELINE[i].get() / 1000);
            }
            System.err.println(line);
        }
        System.out.println(measured.summary(o, batches, warm));
    }

    private static Options parse(String[] args) {
        URI target = URI.create("http://127.0.0.1:8080");
        String path = "/api/v1/events/batch";
        int connections = 32;
        Duration warmup = Duration.ofSeconds(5);
        Duration duration = Duration.ofSeconds(20);
        String mode = "closed";
        double rate = 50_000;
        int perBatch = 25;
        String label = "engine";
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--target" -> target = URI.create(v);
                case "--path" -> path = v;
                case "--connections" -> connections = Integer.parseInt(v);
                case "--warmup" -> warmup = Duration.parse(v);
                case "--duration" -> duration = Duration.parse(v);
                case "--mode" -> mode = v;
                case "--rate" -> rate = Double.parseDouble(v);
                case "--events-per-batch" -> perBatch = Integer.parseInt(v);
                case "--label" -> label = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!mode.equals("closed") && !mode.equals("open")) {
            throw new IllegalArgumentException("--mode is '" + mode + "'; expected closed or open");
        }
        return new Options(target, path, connections, warmup, duration, mode, rate, perBatch, label);
    }

    /** What one phase measured. */
    private record Run(long batches, long events, long failures, long nanos, long[] latenciesMicros) {

        double eventsPerSecond() {
            return events / (nanos / 1e9);
        }

        long percentile(double p) {
            if (latenciesMicros.length == 0) {
                return -1;
            }
            int i = (int) Math.min(latenciesMicros.length - 1, Math.ceil(p / 100.0 * latenciesMicros.length) - 1);
            return latenciesMicros[Math.max(0, i)];
        }

        String summary(Options o, JimbotBatches b, Run warm) {
            return String.format(Locale.ROOT,
                    "{\"label\":\"%s\",\"mode\":\"%s\",\"connections\":%d,\"events_per_batch\":%d,\"avg_event_bytes\":%d,"
                            + "\"target_events_per_s\":%s,\"seconds\":%.1f,\"batches\":%d,\"events\":%d,\"failures\":%d,"
                            + "\"events_per_s\":%.0f,\"p50_ms\":%.2f,\"p90_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,"
                            + "\"max_ms\":%.2f,\"warmup_events_per_s\":%.0f}",
                    o.label(), o.mode(), o.connections(), b.eventsPerBatch(), b.averageEventBytes(),
                    o.mode().equals("open") ? String.format(Locale.ROOT, "%.0f", o.eventsPerSecond()) : "null",
                    nanos / 1e9, batches, events, failures, eventsPerSecond(), percentile(50) / 1000.0,
                    percentile(90) / 1000.0, percentile(99) / 1000.0, percentile(99.9) / 1000.0,
                    percentile(100) / 1000.0, warm.eventsPerSecond());
        }
    }

    /**
     * Runs warmup then measurement on the same connections (opening connections is not what is measured); a
     * batch counts for the phase in which it was due.
     */
    private static Run[] run(Options o, JimbotBatches batches) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + o.warmup().toNanos();
        long end = measureFrom + o.duration().toNanos();
        AtomicLong slots = new AtomicLong();
        double batchIntervalNanos = 1e9 / (o.eventsPerSecond() / batches.eventsPerBatch());
        CountDownLatch done = new CountDownLatch(o.connections());
        int n = o.connections();
        long[][] latencies = new long[n][];
        int[] sizes = new int[n];
        long[][] counts = new long[2][n];
        long[][] failures = new long[2][n];
        for (int c = 0; c < n; c++) {
            latencies[c] = new long[1 << 20];
            int conn = c;
            Thread.ofPlatform().daemon().name("load-" + c).start(() -> {
                Connection http = new Connection(o.target(), o.path());
                long[] lat = latencies[conn];
                try {
                    while (true) {
                        long due;
                        if (o.mode().equals("open")) {
                            due = start + (long) (slots.getAndIncrement() * batchIntervalNanos);
                            if (due >= end) {
                                break;
                            }
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                LockSupport.parkNanos(wait);
                            }
                        } else {
                            due = System.nanoTime();
                            if (due >= end) {
                                break;
                            }
                        }
                        int phase = due < measureFrom ? 0 : 1;
                        boolean ok = http.post(batches.next());
                        long finished = System.nanoTime();
                        long took = (finished - due) / 1000;
                        if (!ok) {
                            failures[phase][conn]++;
                            continue;
                        }
                        counts[phase][conn]++;
                        if (phase == 1) {
                            if (sizes[conn] < lat.length) {
                                lat[sizes[conn]++] = took;
                            }
                            if (TIMELINE != null) {
                                int second = (int) ((due - measureFrom) / 1_000_000_000L);
                                if (second < TIMELINE.length) {
                                    TIMELINE[second].accumulateAndGet(took, Math::max);
                                }
                            }
                        }
                    }
                } finally {
                    http.close();
                    done.countDown();
                }
            });
        }
        done.await();
        int total = Arrays.stream(sizes).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < n; c++) {
            System.arraycopy(latencies[c], 0, all, at, sizes[c]);
            at += sizes[c];
        }
        Arrays.sort(all);
        long warmBatches = Arrays.stream(counts[0]).sum();
        long batchesMeasured = Arrays.stream(counts[1]).sum();
        Run warm = new Run(warmBatches, warmBatches * batches.eventsPerBatch(), Arrays.stream(failures[0]).sum(),
                o.warmup().toNanos(), new long[0]);
        Run measured = new Run(batchesMeasured, batchesMeasured * batches.eventsPerBatch(),
                Arrays.stream(failures[1]).sum(), o.duration().toNanos(), all);
        return new Run[] {warm, measured};
    }

    /** One keep-alive HTTP/1.1 connection; reconnects when the server closes it (HTTP/1.0 servers do after each reply). */
    private static final class Connection {
        private final URI target;
        private final byte[] head;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(URI target, String path) {
            this.target = target;
            this.head = ("POST " + path + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nUser-Agent: BalatroMCP/1.0\r\nContent-Type: application/json\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        boolean post(byte[] body) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
                        socket.setSoTimeout(60_000);
                        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    out.write(head);
                    out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    return readResponse();
                } catch (IOException e) {
                    close();
                }
            }
            return false;
        }

        /** Reads one response; true for a 2xx. Closes the connection when the server asks to. */
        private boolean readResponse() throws IOException {
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean close = status.startsWith("HTTP/1.0");
            String h;
            while ((h = line()) != null && !h.isEmpty()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("connection:")) {
                    close = lower.contains("close");
                }
            }
            if (length >= 0) {
                in.skipNBytes(length);
            } else {
                in.readAllBytes();
                close = true;
            }
            if (close) {
                close();
            }
            return code >= 200 && code < 300;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = b.length();
                    return len > 0 && b.charAt(len - 1) == '\r' ? b.substring(0, len - 1) : b.toString();
                }
                b.append((char) c);
            }
            return b.isEmpty() ? null : b.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a broken socket
                }
                socket = null;
            }
        }
    }
}
