package jimbot.ingest.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import jimbot.ingest.Intake;
import jimbot.journal.Journal;

/** Mounts the intake's HTTP routes; the server calls it, and so do the tests. */
public final class IngestRouting {

    private IngestRouting() {
    }

    /**
     * Adds both dialects' routes, the journal read API, {@code /health} and {@code /metrics} to {@code routing}.
     *
     * @param serving false while the engine starts or stops: health answers 503 then
     */
    public static void routing(HttpRouting.Builder routing, Intake intake, PrometheusMeterRegistry meters,
                               BooleanSupplier serving) {
        routing(routing, intake, meters, serving, Map::of);
    }

    /**
     * As above, with more sections for {@code /health} (the graph projector's lag, ...), each a name and a JSON-able
     * map.
     */
    public static void routing(HttpRouting.Builder routing, Intake intake, PrometheusMeterRegistry meters,
                               BooleanSupplier serving, java.util.function.Supplier<Map<String, Object>> details) {
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        routing.addFilter((chain, req, res) -> {
            long t0 = System.nanoTime();
            try {
                chain.proceed();
            } finally {
                String route = req.matchingPattern().orElse("unmatched");
                String status = Integer.toString(res.status().code());
                timers.computeIfAbsent(req.prologue().method().text() + ' ' + route + ' ' + status, k -> Timer
                                .builder("jimbot.http.requests")
                                .description("HTTP request latency by route and status")
                                .tag("method", req.prologue().method().text()).tag("route", route).tag("status", status)
                                .publishPercentileHistogram().register(meters))
                        .record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        });
        Journal journal = intake.journal();
        routing.get("/health", (req, res) -> {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            boolean up = serving.getAsBoolean();
            body.put("status", up ? "ok" : "unavailable");
            body.putObject("journal").put("events", journal.end());
            details.get().forEach((k, v) -> body.set(k, HttpJson.MAPPER.valueToTree(v)));
            HttpJson.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
        });
        routing.get("/metrics", (req, res) -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8");
            res.send(meters.scrape().getBytes(StandardCharsets.UTF_8));
        });
        routing.register("/", new StandaloneService(intake));
        routing.register("/api/v1", new JimbotService(intake), new JournalService(journal));
        HttpErrors.register(routing);
    }
}
