package jimbot.bench.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Realistic JimBot batches as the mod posts them: one GAME_STATE with a full 52-card deck, the hand, jokers and
 * consumables, then small change events (money, score, hand played, joker triggers, scoring). Every event gets a
 * distinct event_id, so nothing is a duplicate. Templates are rendered once; a batch is a copy of template bytes
 * with fresh ids spliced in, so the generator spends little CPU per batch.
 */
final class JimbotBatches {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String ID = "@ID@";
    private static final String[] RANKS = {"2", "3", "4", "5", "6", "7", "8", "9", "10", "Jack", "Queen", "King", "Ace"};
    private static final String[] SUITS = {"Hearts", "Diamonds", "Clubs", "Spades"};
    private static final String[] JOKERS = {"Joker", "Greedy Joker", "Blueprint", "Cavendish", "Baseball Card"};

    private final List<byte[][]> smallTemplates = new ArrayList<>();
    private final byte[][] stateTemplate;
    private final int eventsPerBatch;
    private final String runPrefix;
    private final AtomicLong counter = new AtomicLong();
    private final int averageBytes;

    JimbotBatches(int eventsPerBatch, long seed) {
        this.eventsPerBatch = eventsPerBatch;
        this.runPrefix = Long.toHexString(new Random(seed).nextLong() ^ System.nanoTime());
        ObjectMapper json = new ObjectMapper();
        try {
            stateTemplate = split(json.writeValueAsString(gameState()));
            for (ObjectNode small : smallEvents()) {
                smallTemplates.add(split(json.writeValueAsString(small)));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        averageBytes = next().length / eventsPerBatch;
    }

    /** Average bytes per event in a batch. */
    int averageEventBytes() {
        return averageBytes;
    }

    int eventsPerBatch() {
        return eventsPerBatch;
    }

    /** The next batch body, with fresh event ids. */
    byte[] next() {
        long batch = counter.getAndIncrement();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        out.writeBytes(("{\"batch_id\":\"" + runPrefix + "-" + batch + "\",\"source\":\"BalatroMCP\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"events\":[").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < eventsPerBatch; i++) {
            if (i > 0) {
                out.write(',');
            }
            byte[][] template = i == 0 ? stateTemplate : smallTemplates.get((int) ((batch + i) % smallTemplates.size()));
            byte[] id = (runPrefix + "-" + batch + "-" + i).getBytes(StandardCharsets.UTF_8);
            for (int p = 0; p < template.length; p++) {
                if (p > 0) {
                    out.writeBytes(id);
                }
                out.writeBytes(template[p]);
            }
        }
        out.writeBytes("]}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static byte[][] split(String template) {
        String[] parts = template.split(ID, -1);
        byte[][] out = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            out[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    private static ObjectNode envelope(String type, ObjectNode payload) {
        ObjectNode e = F.objectNode();
        e.put("type", type);
        e.put("source", "BalatroMCP");
        e.put("event_id", ID);
        e.put("timestamp", 183245.731);
        e.put("version", 1);
        e.set("payload", payload);
        return e;
    }

    private static ObjectNode card(int i, boolean withPosition) {
        ObjectNode c = F.objectNode();
        c.put("id", "card_" + i);
        c.put("rank", RANKS[i % 13]);
        c.put("suit", SUITS[i / 13 % 4]);
        c.put("enhancement", i % 11 == 0 ? "bonus" : "none");
        c.put("edition", i % 17 == 0 ? "foil" : "none");
        c.put("seal", i % 19 == 0 ? "Red" : "none");
        if (withPosition) {
            c.put("position", i % 8);
        }
        return c;
    }

    private static ObjectNode gameState() {
        ObjectNode p = F.objectNode();
        p.put("in_game", true);
        p.put("game_id", "unknown");
        p.put("ante", 3);
        p.put("round", 8);
        p.put("hand_number", 2);
        p.put("chips", 0);
        p.put("mult", 0);
        p.put("money", 17);
        p.put("hand_size", 8);
        p.put("hands_remaining", 3);
        p.put("discards_remaining", 2);
        p.putObject("score_history");
        ArrayNode jokers = p.putArray("jokers");
        for (int i = 0; i < JOKERS.length; i++) {
            ObjectNode j = jokers.addObject();
            j.put("id", "joker_" + (i + 1));
            j.put("name", JOKERS[i]);
            j.put("position", i);
            ObjectNode props = j.putObject("properties");
            props.put("mult", i == 0 ? 4 : 0);
            props.put("chips", 0);
            props.put("cost", 5 + i);
            props.put("sell_value", 2 + i / 2);
            props.put("edition", i == 2 ? "polychrome" : "none");
        }
        ArrayNode hand = p.putArray("hand");
        for (int i = 0; i < 8; i++) {
            hand.add(card(i * 5, true));
        }
        ArrayNode consumables = p.putArray("consumables");
        ObjectNode planet = consumables.addObject();
        planet.put("id", "c_1");
        planet.put("name", "Jupiter");
        planet.put("card_type", "Planet");
        planet.put("position", 0);
        planet.putObject("properties").put("cost", 3).put("edition", "none");
        p.putObject("shop_items");
        ObjectNode deck = p.putObject("deck");
        deck.put("remaining_count", 44);
        ArrayNode remaining = deck.putArray("cards_remaining");
        for (int i = 0; i < 44; i++) {
            remaining.add(card(i, false));
        }
        ArrayNode full = deck.putArray("full_deck");
        for (int i = 0; i < 52; i++) {
            full.add(card(i, false));
        }
        p.put("game_state", "UNKNOWN_STATE_1");
        p.put("ui_state", "7");
        ObjectNode blind = p.putObject("blind");
        blind.put("name", "The Wall");
        blind.put("chips", 4000);
        blind.put("chip_text", "4,000");
        blind.put("mult", 4);
        blind.put("defeated", false);
        blind.put("boss", true);
        p.put("timestamp", 1751414400);
        p.put("frame_count", 0);
        return envelope("GAME_STATE", p);
    }

    private static List<ObjectNode> smallEvents() {
        List<ObjectNode> out = new ArrayList<>();
        ObjectNode money = F.objectNode();
        money.put("old_value", 17).put("new_value", 20).put("difference", 3);
        out.add(envelope("MONEY_CHANGED", money));
        ObjectNode score = F.objectNode();
        score.put("old_chips", 0).put("new_chips", 60).put("old_mult", 0).put("new_mult", 8);
        out.add(envelope("SCORE_CHANGED", score));
        ObjectNode played = F.objectNode();
        played.put("hands_remaining", 2).put("hand_number", 3);
        out.add(envelope("HAND_PLAYED", played));
        ObjectNode trigger = F.objectNode();
        trigger.put("joker_name", "Greedy Joker").put("context_type", true).put("timestamp", 183301.2);
        ObjectNode t = envelope("JOKER_TRIGGER", trigger);
        t.put("priority", "low");
        out.add(t);
        ObjectNode scoring = F.objectNode();
        scoring.put("starting_score", 1200).put("final_score", 2940).put("total_delta", 1740);
        scoring.putArray("joker_triggers").add("1").add("2");
        scoring.put("ante", 3).put("round", 8).put("hand_number", 3);
        ObjectNode s = envelope("SCORING", scoring);
        s.put("subtype", "HAND_EVAL_COMPLETE");
        s.put("priority", "high");
        out.add(s);
        ObjectNode discarded = F.objectNode();
        discarded.put("discards_remaining", 1);
        out.add(envelope("CARDS_DISCARDED", discarded));
        out.add(envelope("HEARTBEAT", F.objectNode().put("uptime", 183.2)));
        return out;
    }
}
