package jimbot.ingest.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import jimbot.ingest.normalize.Normalized.Accepted;
import jimbot.ingest.normalize.Normalized.Rejected;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.Priority;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Arrival JIMBOT = new Arrival(Dialect.DIALECT_JIMBOT, "jimbot@127.0.0.1", 1_000L, "");
    private static final Arrival STANDALONE = new Arrival(Dialect.DIALECT_STANDALONE, "standalone@127.0.0.1", 1_000L, "");

    static JsonNode example(String name) throws Exception {
        try (InputStream in = NormalizerTest.class.getResourceAsStream("/contracts/examples/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Event accepted(Normalized n) {
        assertThat(n).isInstanceOf(Accepted.class);
        return ((Accepted) n).entry().full();
    }

    @Test
    void readsEveryEventOfTheContractBatch() throws Exception {
        JsonNode events = example("jimbot-batch.json").get("events");
        Event money = accepted(Normalizer.jimbotEvent(events.get(0), JIMBOT, "events[0]"));
        assertThat(money.getType()).isEqualTo("MONEY_CHANGED");
        assertThat(money.getTopic()).isEqualTo("game.money.changed");
        assertThat(money.getMoneyChanged().getNewValue()).isEqualTo(7.0);
        assertThat(money.getClientTimestamp()).isEqualTo("183245.731");
        assertThat(money.getEventId()).isEqualTo("a1b2c3d4-0e1f-4a2b-9c3d-4e5f6a7b8c9d");

        Event state = accepted(Normalizer.jimbotEvent(events.get(1), JIMBOT, "events[1]"));
        assertThat(state.getTopic()).isEqualTo("game.state.update");
        assertThat(state.getGameState().getAnte()).isEqualTo(1);
        assertThat(state.getGameState().getPhase()).isEqualTo("BLIND_SELECT");
        assertThat(state.getGameState().getJokersList()).extracting(j -> j.getName()).containsExactly("Joker");
        assertThat(state.getGameState().getHandList()).isEmpty(); // "hand":{} is an empty list
        assertThat(state.getGameState().getBlind().getChips()).isEqualTo(300.0);
        assertThat(state.getReportedGameId()).isEqualTo("8XK2P1QZ");
        assertThat(state.getRaw().getFieldsMap()).containsKeys("payload", "changes", "version");

        Event scoring = accepted(Normalizer.jimbotEvent(events.get(2), JIMBOT, "events[2]"));
        assertThat(scoring.getTopic()).isEqualTo("game.scoring.hand_eval_complete");
        assertThat(scoring.getPriority()).isEqualTo(Priority.PRIORITY_HIGH);
        assertThat(scoring.getScoring().getFinalScore()).isEqualTo(540.0);
        assertThat(scoring.getScoring().getJokerTriggersList()).containsExactly("2");

        Event trigger = accepted(Normalizer.jimbotEvent(events.get(3), JIMBOT, "events[3]"));
        assertThat(trigger.getJokerTrigger().getContextType()).isEqualTo("true");
        assertThat(trigger.getPriority()).isEqualTo(Priority.PRIORITY_LOW);
    }

    @Test
    void readsTheConnectionTestWithDataInsteadOfPayload() throws Exception {
        Event e = accepted(Normalizer.jimbotEvent(example("jimbot-connection-test.json"), JIMBOT, ""));
        assertThat(e.getType()).isEqualTo("CONNECTION_TEST");
        assertThat(e.getTopic()).isEqualTo("system.connection.test");
        assertThat(e.getEventId()).isNotEmpty();
        // the lower-case type as sent is kept, since the envelope holds it upper-cased
        assertThat(e.getRaw().getFieldsMap().get("type").getStringValue()).isEqualTo("connection_test");
        assertThat(e.getRaw().getFieldsMap().get("data").getStructValue().getFieldsMap().get("message").getStringValue())
                .isEqualTo("Testing event bus connection");
    }

    @Test
    void readsNumbersSentAsStringsAndListsSentAsObjects() throws Exception {
        Event e = accepted(Normalizer.jimbotEvent(json("""
                {"type":"GAME_STATE","event_id":7,"timestamp":"12.5","payload":{"in_game":"true","ante":"3","round":"7",
                 "money":"12","jokers":{},"hand":[{"id":1,"rank":10,"suit":"Spades"}],"consumables":{},
                 "shop_items":{"joker_1":{"name":"Blueprint","cost":"10","rarity":"Rare"}}}}
                """), JIMBOT, ""));
        assertThat(e.getEventId()).isEqualTo("7");
        assertThat(e.getRaw().getFieldsMap()).containsKey("event_id"); // a number id is kept as sent
        assertThat(e.getClientTimestamp()).isEqualTo("12.5");
        assertThat(e.getGameState().getInGame()).isTrue();
        assertThat(e.getGameState().getAnte()).isEqualTo(3);
        assertThat(e.getGameState().getMoney()).isEqualTo(12.0);
        assertThat(e.getGameState().getHand(0).getRank()).isEqualTo("10");
        assertThat(e.getGameState().getHand(0).getId()).isEqualTo("1");
        assertThat(e.getGameState().getShopItems(0).getSlot()).isEqualTo("joker_1");
        assertThat(e.getGameState().getShopItems(0).getCost()).isEqualTo(10.0);
    }

    @Test
    void keepsUnknownTypesAndFields() throws Exception {
        Event e = accepted(Normalizer.jimbotEvent(json("""
                {"type":"BRAND_NEW","event_id":"x","payload":{"a":1},"extra":{"deep":[1,{"k":"v"}]}}
                """), JIMBOT, ""));
        assertThat(e.getType()).isEqualTo("BRAND_NEW");
        assertThat(e.getTopic()).isEqualTo("other.brand_new");
        assertThat(e.getPayloadCase()).isEqualTo(Event.PayloadCase.PAYLOAD_NOT_SET);
        assertThat(JsonContent.toJson(e.getRaw())).isEqualTo(json("{\"payload\":{\"a\":1},\"extra\":{\"deep\":[1,{\"k\":\"v\"}]}}"));
    }

    @Test
    void rejectsAnEventWithoutTypeNamingTheField() throws Exception {
        Normalized n = Normalizer.jimbotEvent(json("{\"event_id\":\"a\",\"type\":42}"), JIMBOT, "events[3]");
        // 42 reads as the type "42": lenient
        assertThat(n).isInstanceOf(Accepted.class);
        Normalized missing = Normalizer.jimbotEvent(json("{\"event_id\":\"a\"}"), JIMBOT, "events[3]");
        assertThat(missing).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.field()).isEqualTo("events[3].type");
            assertThat(r.expected()).contains("non-empty string");
        });
        Normalized notObject = Normalizer.jimbotEvent(json("[1]"), JIMBOT, "events[0]");
        assertThat(notObject).isInstanceOfSatisfying(Rejected.class, r -> {
            assertThat(r.field()).isEqualTo("events[0]");
            assertThat(r.message()).contains("an array");
        });
    }

    @Test
    void dedupeKeyIsTheSameForAResendInAnyKeyOrderAndDiffersForACollision() throws Exception {
        Normalized a = Normalizer.jimbotEvent(json("{\"type\":\"HEARTBEAT\",\"event_id\":\"e1\",\"timestamp\":1.5,\"payload\":{\"a\":1,\"b\":2}}"), JIMBOT, "");
        Normalized resend = Normalizer.jimbotEvent(json("{\"payload\":{\"b\":2,\"a\":1},\"timestamp\":1.5,\"event_id\":\"e1\",\"type\":\"HEARTBEAT\"}"), JIMBOT, "");
        Normalized collision = Normalizer.jimbotEvent(json("{\"type\":\"HEARTBEAT\",\"event_id\":\"e1\",\"timestamp\":9.5,\"payload\":{}}"), JIMBOT, "");
        assertThat(((Accepted) a).entry().dedupeKey()).isEqualTo(((Accepted) resend).entry().dedupeKey());
        assertThat(((Accepted) a).entry().dedupeKey()).isNotEqualTo(((Accepted) collision).entry().dedupeKey());
    }

    @Test
    void readsTheStandaloneFullState() throws Exception {
        Event e = accepted(Normalizer.standaloneMessage(example("standalone-state.json"), STANDALONE));
        assertThat(e.getType()).isEqualTo("GAME_STATE");
        assertThat(e.getSubtype()).isEqualTo("COMPREHENSIVE_STATE_UPDATE");
        assertThat(e.getTopic()).isEqualTo("game.state.update");
        assertThat(e.getClientSequence()).isEqualTo(8);
        assertThat(e.getClientTimestamp()).isEqualTo("2025-06-26T01:02:03Z");
        assertThat(e.getSession()).isEqualTo("session_1750899600_4821");
        assertThat(e.getGameState().getPhase()).isEqualTo("HAND_SELECTION");
        assertThat(e.getGameState().getInGame()).isTrue();
        assertThat(e.getGameState().getJokersList()).extracting(j -> j.getName()).containsExactly("Joker", "Cavendish");
        assertThat(e.getGameState().getHandList()).hasSize(3);
        assertThat(e.getGameState().getBlind().getChips()).isEqualTo(300.0);
        assertThat(e.getGameState().getAvailableActionsList()).contains("play_hand");
        assertThat(e.getRaw().getFieldsMap()).containsOnlyKeys("data");
    }

    @Test
    void readsTheStandaloneStatusUpdateWithAnEmptyListAsStatusData() throws Exception {
        Event e = accepted(Normalizer.standaloneMessage(example("standalone-status.json"), STANDALONE));
        assertThat(e.getSubtype()).isEqualTo("HAND_DEALT");
        assertThat(e.getTopic()).isEqualTo("game.status.hand_dealt");
        Event empty = accepted(Normalizer.standaloneMessage(json("""
                {"message_type":"game_state","timestamp":"2025-06-26T01:02:05Z","sequence_id":13,
                 "data":{"message_type":"status_update","timestamp":1,"sequence":12,"status_type":"game_over","status_data":[]}}
                """), STANDALONE));
        assertThat(empty.getStatusUpdate().getStatusType()).isEqualTo("game_over");
    }

    @Test
    void standaloneDedupeKeyIncludesSequenceSoARestartedCounterIsNotADuplicate() throws Exception {
        Normalized a = Normalizer.standaloneMessage(json("{\"message_type\":\"hand_levels\",\"timestamp\":1,\"sequence_id\":1,\"data\":{}}"), STANDALONE);
        Normalized b = Normalizer.standaloneMessage(json("{\"message_type\":\"hand_levels\",\"timestamp\":1,\"sequence_id\":2,\"data\":{}}"), STANDALONE);
        assertThat(((Accepted) a).entry().dedupeKey()).isNotEqualTo(((Accepted) b).entry().dedupeKey());
    }

    @Test
    void rejectsAStandaloneMessageWithoutMessageType() throws Exception {
        assertThat(Normalizer.standaloneMessage(json("{\"data\":{}}"), STANDALONE))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.field()).isEqualTo("message_type"));
        assertThat(Normalizer.standaloneMessage(json("\"text\""), STANDALONE))
                .isInstanceOfSatisfying(Rejected.class, r -> assertThat(r.field()).isEqualTo("body"));
    }

    @Test
    void keepsTheDebugTestMessage() throws Exception {
        Event e = accepted(Normalizer.standaloneMessage(json("{\"message_type\":\"debug_test\",\"timestamp\":1750899600,\"sequence_id\":1,\"data\":{\"hello\":true}}"), STANDALONE));
        assertThat(e.getTopic()).isEqualTo("system.debug.test");
        assertThat(e.getClientTimestamp()).isEqualTo("1750899600");
    }

    @Test
    void tellsRealSeedsFromPlaceholders() {
        assertThat(Normalizer.isRealSeed("8XK2P1QZ")).isTrue();
        assertThat(Normalizer.isRealSeed("unknown")).isFalse();
        assertThat(Normalizer.isRealSeed("")).isFalse();
        assertThat(Normalizer.isRealSeed("UNKNOWN ")).isFalse();
    }
}
