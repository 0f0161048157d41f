package jimbot.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jimbot.v1.Dialect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The normalizer is total and its dedupe key ignores key order, for any JSON at all. */
class NormalizerProperties {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Arrival JIMBOT = new Arrival(Dialect.DIALECT_JIMBOT, "jimbot@10.0.0.1", 5L, "b");
    private static final Arrival STANDALONE = new Arrival(Dialect.DIALECT_STANDALONE, "standalone@10.0.0.1", 5L, "");

    /** Field names the normalizer looks at, so generated values land where they are read. */
    private static final List<String> KEYS = List.of("type", "event_id", "payload", "data", "timestamp", "source",
            "subtype", "priority", "message_type", "sequence_id", "in_game", "ante", "round", "jokers", "hand",
            "state", "core_state", "card_data", "properties", "blind", "shop_items", "game_id", "status_type",
            "hand_cards", "current_blind", "shop_contents", "game_state", "phase", "name", "id", "rank", "edition",
            "joker_triggers", "deck", "remaining_count", "new_state", "session_id", "changes", "x", "");
    private static final List<String> WORDS = List.of("GAME_STATE", "game_state", "SCORING", "status_update",
            "comprehensive_state_update", "MONEY_CHANGED", "JOKERS_CHANGED", "inf", "-inf", "nan", "1e400", "12",
            "true", "unknown", "", " ", "\u0000", "MENU", "GAME_OVER", "action_result", "☃");

    @Property(tries = 3000, seed = "20261126")
    void normalizerNeverThrows(@ForAll("json") JsonNode node) {
        assertThat(Normalizer.jimbotEvent(node, JIMBOT, "events[0]")).isNotNull();
        assertThat(Normalizer.standaloneMessage(node, STANDALONE)).isNotNull();
        for (JsonNode child : node) {
            assertThat(Normalizer.jimbotEvent(child, JIMBOT, "events[1]")).isNotNull();
        }
    }

    @Property(tries = 1000, seed = "20261126")
    void dedupeKeyAndEventIgnoreKeyOrder(@ForAll("json") JsonNode node, @ForAll long shuffleSeed) {
        JsonNode shuffled = shuffle(node, new Random(shuffleSeed));
        assertThat(key(Normalizer.jimbotEvent(node, JIMBOT, ""))).isEqualTo(key(Normalizer.jimbotEvent(shuffled, JIMBOT, "")));
        assertThat(key(Normalizer.standaloneMessage(node, STANDALONE)))
                .isEqualTo(key(Normalizer.standaloneMessage(shuffled, STANDALONE)));
    }

    @Property(tries = 1000, seed = "20261126")
    void structBytesParseAsTheStructBuiltFromTheSameJson(@ForAll("json") JsonNode node) throws Exception {
        java.util.Set<String> skip = java.util.Set.of("type", "x");
        com.google.protobuf.Struct parsed = com.google.protobuf.Struct.parseFrom(JsonContent.toStructBytes(node, skip));
        assertThat(parsed).isEqualTo(JsonContent.toStruct(node, skip));
    }

    @Property(tries = 1000, seed = "20261126")
    void oneWalkGivesTheSameDigestAsTheDigestAlone(@ForAll("json") JsonNode node) {
        assertThat(StructWire.encode(node, java.util.Set.of("type")).digest()).isEqualTo(JsonContent.digest(node));
    }

    @Property(tries = 2000, seed = "20261126")
    void differentContentDigestsDifferently(@ForAll("json") JsonNode a, @ForAll("json") JsonNode b) {
        net.jqwik.api.Assume.that(!a.toString().equals(b.toString()) && !a.equals(b));
        net.jqwik.api.Assume.that(!sameNumbers(a, b));
        assertThat(JsonContent.digest(a)).isNotEqualTo(JsonContent.digest(b));
    }

    /** 7 and 7.0 digest alike on purpose; such pairs are not collisions. */
    private static boolean sameNumbers(JsonNode a, JsonNode b) {
        return a.toString().replace(".0", "").equals(b.toString().replace(".0", ""));
    }

    private static Object key(Normalized n) {
        return switch (n) {
            case Normalized.Accepted a -> a.entry().dedupeKey();
            case Normalized.Rejected r -> r.field();
        };
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return Arbitraries.oneOf(value(4), eventLike());
    }

    private Arbitrary<JsonNode> eventLike() {
        Arbitrary<ObjectNode> base = object(3);
        return base.flatMap(o -> Arbitraries.of(WORDS).map(w -> {
            ObjectNode copy = o.deepCopy();
            copy.put(copy.has("message_type") ? "type" : "message_type", w);
            copy.put("type", w);
            return (JsonNode) copy;
        }));
    }

    private Arbitrary<JsonNode> value(int depth) {
        Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
                Arbitraries.of(WORDS).map(F::textNode),
                Arbitraries.strings().ofMaxLength(8).map(F::textNode),
                Arbitraries.longs().map(F::numberNode),
                Arbitraries.doubles().map(F::numberNode),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e308).map(F::numberNode),
                Arbitraries.of(true, false).map(F::booleanNode),
                Arbitraries.just(F.nullNode()));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, leaf),
                net.jqwik.api.Tuple.of(2, object(depth - 1).map(o -> (JsonNode) o)),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(items -> {
                    ArrayNode a = F.arrayNode();
                    items.forEach(a::add);
                    return (JsonNode) a;
                })));
    }

    private Arbitrary<ObjectNode> object(int depth) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(KEYS), Arbitraries.strings().ofMaxLength(4));
        return Arbitraries.maps(keys, Arbitraries.lazy(() -> value(depth))).ofMaxSize(6).map(m -> {
            ObjectNode o = F.objectNode();
            m.forEach(o::set);
            return o;
        });
    }

    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                fields.add(it.next());
            }
            Collections.shuffle(fields, random);
            ObjectNode o = F.objectNode();
            fields.forEach(e -> o.set(e.getKey(), shuffle(e.getValue(), random)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = F.arrayNode();
            node.forEach(item -> a.add(shuffle(item, random)));
            return a;
        }
        return node;
    }
}
