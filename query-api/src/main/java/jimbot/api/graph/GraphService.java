package jimbot.api.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import jimbot.api.freshness.FreshnessFields;
import jimbot.api.freshness.FreshnessSource;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.graph.procedures.Cancellation;
import jimbot.graph.procedures.Descriptor;
import jimbot.graph.procedures.InvalidParameterException;
import jimbot.graph.procedures.Mode;
import jimbot.graph.procedures.ProcedureContext;
import jimbot.graph.procedures.ProcedureRegistry;
import jimbot.graph.projection.ProjectionView;
import jimbot.graph.store.BoltGraphStore;
import jimbot.graph.store.CypherFiles;
import jimbot.graph.store.GraphResultSink;
import jimbot.graph.store.GraphStore;
import jimbot.graph.store.NamedQuery;
import jimbot.ingest.http.HttpJson;
import jimbot.journal.Freshness;

/**
 * {@code POST /api/v1/cypher} (read-only, with a timeout and a row cap), {@code GET /api/v1/queries} and
 * {@code POST /api/v1/queries/{name}} (the named analyst queries), {@code GET /api/v1/procedures} and
 * {@code POST /api/v1/procedures/{name}} (the procedure registry).
 */
public final class GraphService implements HttpService {

    /** Limits of the analyst path. */
    public record Limits(Duration timeout, int maxRows, long maxBodyBytes) {
        public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(30), 10_000, 1 << 20);
    }

    private final GraphStore store;
    private final ProcedureRegistry registry;
    private final ProjectionView projection;
    private final Limits limits;
    private final FreshnessSource fresh;
    private final List<NamedQuery> queries = CypherFiles.queries();

    public GraphService(GraphStore store, ProcedureRegistry registry, ProjectionView projection, Limits limits,
                        FreshnessSource fresh) {
        this.store = store;
        this.registry = registry;
        this.projection = projection;
        this.limits = limits;
        this.fresh = fresh;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/cypher", this::cypher)
                .get("/queries", this::listQueries)
                .post("/queries/{name}", this::namedQuery)
                .get("/procedures", this::listProcedures)
                .post("/procedures/{name}", this::callProcedure)
                .get("/synergy", this::synergy)
                .get("/synergy/pairs", this::synergyPairs)
                .get("/patterns", this::patterns)
                .get("/jokers/power", this::jokerPower)
                .get("/archetypes", this::archetypes)
                .post("/shop/recommend", this::shopRecommend);
    }

    private void cypher(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, limits.maxBodyBytes());
        JsonNode query = body.path("query");
        if (!query.isTextual() || query.textValue().isBlank()) {
            throw new InvalidArgumentException("query", "a Cypher query", "query: expected a non-empty string");
        }
        Map<String, Object> params = params(body.path("params"), "params");
        int maxRows = (int) Math.min(limits.maxRows(), body.path("max_rows").asLong(limits.maxRows()));
        Freshness f = fresh.graph();
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(rows(read(query.textValue(), params, maxRows)), res, f));
    }

    private GraphStore.Rows read(String cypher, Map<String, Object> params, int maxRows) {
        return read(store, cypher, params, limits.timeout(), maxRows);
    }

    /** A read-only query; the database's refusals of the query itself become errors naming {@code query}. */
    static GraphStore.Rows read(GraphStore store, String cypher, Map<String, Object> params, Duration timeout, int maxRows) {
        try {
            return store.read(cypher, params, timeout, Math.max(1, maxRows));
        } catch (BoltGraphStore.ReadOnlyViolation e) {
            throw new InvalidArgumentException("query", "a read-only query (MATCH … RETURN)", e.getMessage());
        } catch (RuntimeException e) {
            if (BoltGraphStore.isClientError(e) || e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT)
                    .contains("read access mode")) {
                throw new InvalidArgumentException("query", "a valid read-only Cypher query", "the database refused the query: "
                        + e.getMessage());
            }
            throw e;
        }
    }

    private void listQueries(ServerRequest req, ServerResponse res) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (NamedQuery q : queries) {
            ObjectNode o = out.addObject();
            o.put("name", q.name());
            o.put("answers", q.answers());
            ArrayNode ps = o.putArray("params");
            for (NamedQuery.Param p : q.params()) {
                ObjectNode po = ps.addObject();
                po.put("name", p.name());
                po.put("type", p.type().word());
                p.fallback().ifPresent(f -> po.putPOJO("default", f));
                po.put("description", p.description());
            }
        }
        HttpJson.send(res, Status.OK_200, out);
    }

    private void namedQuery(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        NamedQuery q = CypherFiles.query(name, queries).orElseThrow(() ->
                new NotFoundException("no named query '" + name + "'; GET /api/v1/queries lists them"));
        JsonNode body = req.content().hasEntity() ? HttpJson.body(req, limits.maxBodyBytes())
                : JsonNodeFactory.instance.objectNode();
        Map<String, Object> given = params(body.has("params") ? body.path("params") : body, "params");
        Map<String, Object> params = new LinkedHashMap<>();
        for (NamedQuery.Param p : q.params()) {
            Object v = given.remove(p.name());
            if (v == null) {
                v = p.fallback().orElseThrow(() -> new InvalidArgumentException("params." + p.name(), p.type().word(),
                        q.name() + " needs parameter '" + p.name() + "' (" + p.description() + ")"));
            }
            params.put(p.name(), typed(q.name(), p, v));
        }
        if (!given.isEmpty()) {
            String unknown = given.keySet().iterator().next();
            throw new InvalidArgumentException("params." + unknown, "one of " + q.params().stream().map(NamedQuery.Param::name).toList(),
                    q.name() + " has no parameter '" + unknown + "'");
        }
        Freshness f = fresh.graph();
        ObjectNode out = rows(read(q.cypher(), params, limits.maxRows()));
        out.put("query", q.name());
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    private static Object typed(String query, NamedQuery.Param p, Object v) {
        Object out = switch (p.type()) {
            case INTEGER -> v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue() : null;
            case FLOAT -> v instanceof Number n ? n.doubleValue() : null;
            case STRING -> v instanceof String ? v : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
        };
        if (out == null) {
            throw new InvalidArgumentException("params." + p.name(), p.type().word(),
                    query + ": parameter '" + p.name() + "' is " + v + "; expected " + p.type().word());
        }
        return out;
    }

    private void listProcedures(ServerRequest req, ServerResponse res) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        registry.descriptors().forEach(d -> out.add(descriptor(d)));
        HttpJson.send(res, Status.OK_200, out);
    }

    private void callProcedure(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("name");
        JsonNode body = req.content().hasEntity() ? HttpJson.body(req, limits.maxBodyBytes())
                : JsonNodeFactory.instance.objectNode();
        Mode mode = mode(req.query().first("mode").orElse(body.path("mode").asText("stream")));
        Map<String, Object> params = params(body.has("params") ? body.path("params") : withoutMode(body), "params");
        List<Map<String, Object>> rows;
        Freshness f = fresh.module(name);
        try {
            rows = registry.call(name, mode, params, context());
        } catch (NoSuchElementException e) {
            throw new NotFoundException(e.getMessage());
        } catch (InvalidParameterException e) {
            throw new InvalidArgumentException(e.parameter().equals("mode") ? "mode" : "params." + e.parameter(),
                    e.expected(), e.getMessage());
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("procedure", name);
        out.put("mode", mode.name().toLowerCase(Locale.ROOT));
        ArrayNode list = out.putArray("rows");
        rows.forEach(r -> list.add(HttpJson.MAPPER.valueToTree(r)));
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** {@code GET /api/v1/synergy?joker=&limit=&min_runs=}: one joker's partners, strongest first. */
    private void synergy(ServerRequest req, ServerResponse res) {
        String joker = req.query().first("joker").orElse("").trim();
        if (joker.isEmpty()) {
            throw new InvalidArgumentException("joker", "a joker name such as Baron", "joker: query parameter is required");
        }
        Freshness f = fresh.module("synergy.pairs");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("joker", joker);
        ArrayNode partners = out.putArray("partners");
        for (Map<String, Object> r : synergyRows(req, joker)) {
            ObjectNode o = HttpJson.MAPPER.valueToTree(r);
            o.remove("joker");
            o.set("joker", o.remove("partner"));
            partners.add(o);
        }
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** {@code GET /api/v1/synergy/pairs?limit=&min_runs=}: the strongest pairs first, anti-synergies last. */
    private void synergyPairs(ServerRequest req, ServerResponse res) {
        Freshness f = fresh.module("synergy.pairs");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode pairs = out.putArray("pairs");
        synergyRows(req, "").forEach(r -> pairs.add(HttpJson.MAPPER.valueToTree(r)));
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** {@code GET /api/v1/patterns?outcome=won|lost|all&min_support=&max_size=&limit=}: frequent joker sets. */
    private void patterns(ServerRequest req, ServerResponse res) {
        String outcome = req.query().first("outcome").orElse("won").trim();
        String support = req.query().first("min_support").orElse("0.05").trim();
        double minSupport;
        try {
            minSupport = Double.parseDouble(support);
        } catch (NumberFormatException e) {
            throw new InvalidArgumentException("min_support", "a share from 0.0001 to 1", "min_support: '" + support
                    + "' is not a number");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("outcome", outcome);
        params.put("min_support", minSupport);
        params.put("max_size", queryNumber(req, "max_size", 4, 2, 8));
        params.put("limit", queryNumber(req, "limit", 100, 1, 10_000));
        Freshness f = fresh.module("patterns.frequent");
        List<Map<String, Object>> rows = module("patterns.frequent", params);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("outcome", outcome.toLowerCase(Locale.ROOT));
        out.put("min_support", minSupport);
        ArrayNode list = out.putArray("patterns");
        rows.forEach(r -> list.add(HttpJson.MAPPER.valueToTree(r)));
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    private List<Map<String, Object>> powerRows(ServerRequest req, long limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("min_runs", queryNumber(req, "min_runs", 3, 1, Integer.MAX_VALUE));
        params.put("limit", limit);
        params.put("seed", queryNumber(req, "seed", 42, Long.MIN_VALUE, Long.MAX_VALUE));
        return module("joker.power", params);
    }

    /** {@code GET /api/v1/jokers/power?limit=&min_runs=}: jokers by PageRank over positive synergies. */
    private void jokerPower(ServerRequest req, ServerResponse res) {
        Freshness f = fresh.module("joker.power");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("jokers");
        powerRows(req, queryNumber(req, "limit", 150, 1, 10_000)).forEach(r -> list.add(HttpJson.MAPPER.valueToTree(r)));
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** {@code GET /api/v1/archetypes?min_runs=&seed=}: communities of jokers, the most powerful first. */
    private void archetypes(ServerRequest req, ServerResponse res) {
        Freshness f = fresh.module("joker.power");
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> r : powerRows(req, 10_000)) {
            groups.computeIfAbsent((String) r.get("archetype"), k -> new java.util.ArrayList<>()).add(r);
        }
        List<Map.Entry<String, List<Map<String, Object>>>> sorted = new java.util.ArrayList<>(groups.entrySet());
        sorted.sort(java.util.Comparator.comparingDouble((Map.Entry<String, List<Map<String, Object>>> e) -> -e.getValue()
                .stream().mapToDouble(r -> ((Number) r.get("power")).doubleValue()).sum()).thenComparing(Map.Entry::getKey));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode list = out.putArray("archetypes");
        for (Map.Entry<String, List<Map<String, Object>>> e : sorted) {
            ObjectNode o = list.addObject();
            o.put("archetype", e.getKey());
            o.put("power", e.getValue().stream().mapToDouble(r -> ((Number) r.get("power")).doubleValue()).sum());
            ArrayNode jokers = o.putArray("jokers");
            e.getValue().forEach(r -> jokers.add((String) r.get("joker")));
        }
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** {@code POST /api/v1/shop/recommend {"owned":[…],"offers":[…],"money":…,"ante":…}}: offers, best first. */
    private void shopRecommend(ServerRequest req, ServerResponse res) {
        JsonNode body = HttpJson.body(req, limits.maxBodyBytes());
        if (!body.isObject()) {
            throw new InvalidArgumentException("body", "a JSON object with owned, offers and money", "the body must be a JSON object");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("offers", jokerNames(body.path("offers"), "offers"));
        params.put("owned", jokerNames(body.path("owned"), "owned"));
        JsonNode money = body.path("money");
        if (!money.isMissingNode() && !money.isNull()) {
            if (!money.isNumber()) {
                throw new InvalidArgumentException("money", "a number", "money: expected a number, got " + money);
            }
            params.put("money", money.doubleValue());
        }
        Freshness f = fresh.module("synergy.recommend");
        List<Map<String, Object>> rows = module("synergy.recommend", params);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (body.has("ante")) {
            out.set("ante", body.get("ante"));
        }
        ArrayNode list = out.putArray("offers");
        rows.forEach(r -> list.add(HttpJson.MAPPER.valueToTree(r)));
        HttpJson.send(res, Status.OK_200, FreshnessFields.add(out, res, f));
    }

    /** A list of joker names, as strings or as objects with a name (the mods' shop items). */
    private static List<String> jokerNames(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            if (field.equals("offers")) {
                throw new InvalidArgumentException(field, "a list of joker names", field + ": required");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidArgumentException(field, "a list of joker names", field + ": expected a list, got " + node);
        }
        List<String> out = new java.util.ArrayList<>();
        int i = 0;
        for (JsonNode n : node) {
            JsonNode name = n.isObject() ? n.path("name") : n;
            if (!name.isTextual()) {
                throw new InvalidArgumentException(field + "[" + i + "]", "a joker name", field + "[" + i + "]: expected a name, got " + n);
            }
            out.add(name.textValue());
            i++;
        }
        return out;
    }

    private List<Map<String, Object>> synergyRows(ServerRequest req, String joker) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("joker", joker);
        params.put("limit", queryNumber(req, "limit", 20, 1, 10_000));
        params.put("min_runs", queryNumber(req, "min_runs", 3, 1, Integer.MAX_VALUE));
        params.put("metric", req.query().first("metric").orElse("won"));
        return module("synergy.pairs", params);
    }

    /** An analytics module's rows; a missing module is 404, a bad parameter 400 naming it. */
    private List<Map<String, Object>> module(String name, Map<String, Object> params) {
        try {
            return registry.call(name, Mode.STREAM, params, context());
        } catch (NoSuchElementException e) {
            throw new NotFoundException("the module " + name + " is not installed");
        } catch (InvalidParameterException e) {
            throw new InvalidArgumentException(e.parameter(), e.expected(), e.getMessage());
        }
    }

    private static long queryNumber(ServerRequest req, String name, long fallback, long min, long max) {
        String raw = req.query().first(name).orElse("").trim();
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // the error below names it
        }
        throw new InvalidArgumentException(name, "a whole number from " + min + " to " + max,
                name + ": '" + raw + "' is not a whole number from " + min + " to " + max);
    }

    private ProcedureContext context() {
        return context(store, projection, limits.timeout());
    }

    /** Calls a procedure in STREAM mode with its own context, for answers other services give from modules. */
    public static List<Map<String, Object>> stream(GraphStore store, ProcedureRegistry registry, ProjectionView projection,
                                                   Duration timeout, String name, Map<String, Object> params) {
        return registry.call(name, Mode.STREAM, params, context(store, projection, timeout));
    }

    /** What a procedure call sees: the projection, graph reads and writes, and a cancellation after {@code timeout}. */
    static ProcedureContext context(GraphStore store, ProjectionView projection, Duration timeout) {
        Cancellation cancellation = Cancellation.after(timeout);
        return new ProcedureContext() {
            @Override
            public ProjectionView projection() {
                return projection;
            }

            @Override
            public GraphReads graph() {
                return (cypher, params) -> store.read(cypher, params, timeout, Integer.MAX_VALUE).rows();
            }

            @Override
            public ResultSink sink() {
                return new GraphResultSink(store);
            }

            @Override
            public Cancellation cancellation() {
                return cancellation;
            }
        };
    }

    private static JsonNode withoutMode(JsonNode body) {
        if (!body.isObject() || !body.has("mode")) {
            return body;
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("mode");
        return copy;
    }

    static Mode mode(String text) {
        try {
            return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException("mode", "stream, stats, write or estimate", "mode: '" + text + "' is not a mode");
        }
    }

    static ObjectNode descriptor(Descriptor d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", d.name());
        o.put("version", d.version());
        o.put("description", d.description());
        ArrayNode params = o.putArray("parameters");
        for (Descriptor.Parameter p : d.parameters()) {
            ObjectNode po = params.addObject();
            po.put("name", p.name());
            po.put("type", p.type().word());
            po.put("required", p.fallback().isEmpty());
            p.fallback().ifPresent(f -> po.set("default", HttpJson.MAPPER.valueToTree(f)));
            p.min().ifPresent(m -> po.put("min", m));
            p.max().ifPresent(m -> po.put("max", m));
            po.put("description", p.description());
        }
        ArrayNode columns = o.putArray("columns");
        for (Descriptor.Column c : d.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type().word()).put("description", c.description());
        }
        ArrayNode modes = o.putArray("modes");
        d.modes().stream().sorted().forEach(m -> modes.add(m.name().toLowerCase(Locale.ROOT)));
        o.put("deterministic", d.deterministic());
        o.put("memory_estimate", d.memoryEstimate());
        return o;
    }

    private static Map<String, Object> params(JsonNode node, String field) {
        if (node.isMissingNode() || node.isNull()) {
            return new LinkedHashMap<>();
        }
        if (!node.isObject()) {
            throw new InvalidArgumentException(field, "an object of parameter names to values", field + ": expected an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.put(f.getKey(), plain(f.getValue()));
        }
        return out;
    }

    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isArray()) {
            List<Object> out = new java.util.ArrayList<>();
            v.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            v.fields().forEachRemaining(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        return null;
    }

    private static ObjectNode rows(GraphStore.Rows rows) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode columns = out.putArray("columns");
        rows.columns().forEach(columns::add);
        ArrayNode list = out.putArray("rows");
        for (Map<String, Object> r : rows.rows()) {
            ArrayNode row = list.addArray();
            for (String c : rows.columns()) {
                row.add(HttpJson.MAPPER.valueToTree(r.get(c)));
            }
        }
        out.put("truncated", rows.truncated());
        return out;
    }
}
