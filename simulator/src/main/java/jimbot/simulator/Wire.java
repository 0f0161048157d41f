package jimbot.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.PlayingCard;

/**
 * Writes a simulated run's moments as one mod writes them. {@link Jimbot}: events with float game-clock timestamps,
 * {@code game_id} "unknown", {@code {}} for empty lists, one batch per moment (the mod flushes every 100 ms, faster
 * than anyone plays), posted to {@code /api/v1/events/batch}. {@link Standalone}: one message per post to
 * {@code /game-data}, full states and status updates, a new session per run.
 */
abstract class Wire implements RunSimulator.Moments {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One HTTP post: where, and the body. */
    record Post(String path, ObjectNode body) {
    }

    protected final Random rnd;
    protected final List<Post> posts = new ArrayList<>();

    Wire(Random rnd) {
        this.rnd = rnd;
    }

    /** The posts so far, in order; clears them. */
    List<Post> drain() {
        List<Post> out = List.copyOf(posts);
        posts.clear();
        return out;
    }

    static String rank(PlayingCard c) {
        return switch (c.rank()) {
            case JACK -> "Jack";
            case QUEEN -> "Queen";
            case KING -> "King";
            case ACE -> "Ace";
            default -> Integer.toString(c.rank().order());
        };
    }

    static String suit(PlayingCard c) {
        String s = c.suit().name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static ObjectNode card(PlayingCard c, int position) {
        ObjectNode o = F.objectNode();
        o.put("id", "card_" + position + "_" + c.rank().order() + c.suit().name().charAt(0));
        o.put("rank", rank(c));
        o.put("suit", suit(c));
        o.put("enhancement", c.enhancement().name().toLowerCase(Locale.ROOT));
        o.put("edition", c.edition().name().toLowerCase(Locale.ROOT));
        o.put("seal", c.seal().name().equals("NONE") ? "none" : c.seal().name().charAt(0) + c.seal().name().substring(1).toLowerCase(Locale.ROOT));
        return o;
    }

    String uuid() {
        return String.format(Locale.ROOT, "%08x-%04x-4%03x-%04x-%012x", rnd.nextInt(), rnd.nextInt(0x10000),
                rnd.nextInt(0x1000), 0x8000 | rnd.nextInt(0x4000), rnd.nextLong() & 0xffffffffffffL);
    }

    /** The JimBot mod's wire. */
    static final class Jimbot extends Wire {
        private double clock;
        private final List<ObjectNode> batch = new ArrayList<>();

        Jimbot(Random rnd) {
            super(rnd);
            this.clock = 10_000 + rnd.nextInt(50_000) + 0.123;
        }

        private ObjectNode event(String type, ObjectNode payload) {
            clock += 150 + rnd.nextInt(900) + rnd.nextInt(1000) / 1000.0;
            ObjectNode e = F.objectNode();
            e.put("type", type);
            e.put("source", "BalatroMCP");
            e.put("timestamp", Math.round(clock * 1000) / 1000.0);
            e.put("event_id", uuid());
            e.put("version", 1);
            e.set("payload", payload);
            batch.add(e);
            return e;
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            ObjectNode b = F.objectNode();
            b.put("batch_id", uuid());
            b.put("source", "BalatroMCP");
            b.put("timestamp", 1_751_414_400_000L + (long) clock);
            ArrayNode events = b.putArray("events");
            batch.forEach(events::add);
            batch.clear();
            posts.add(new Post("/api/v1/events/batch", b));
        }

        private ObjectNode state(RunSimulator run, String phase, boolean withHand) {
            ObjectNode p = F.objectNode();
            p.put("in_game", true);
            p.put("game_id", "unknown");
            p.put("ante", run.ante);
            p.put("round", run.round);
            p.put("hand_number", RunSimulator.HANDS - run.handsLeft);
            p.put("chips", 0);
            p.put("mult", 0);
            p.put("money", run.money);
            p.put("hand_size", RunSimulator.HAND_SIZE);
            p.put("hands_remaining", run.handsLeft);
            p.put("discards_remaining", 3);
            p.putObject("score_history");
            if (run.jokers.isEmpty()) {
                p.putObject("jokers"); // the mod writes an empty list as {}
            } else {
                ArrayNode js = p.putArray("jokers");
                for (int i = 0; i < run.jokers.size(); i++) {
                    JokerKind k = run.jokers.get(i);
                    ObjectNode j = js.addObject();
                    j.put("id", "joker_" + (i + 1));
                    j.put("name", k.spec().name());
                    j.put("position", i);
                    ObjectNode props = j.putObject("properties");
                    props.put("mult", 0);
                    props.put("chips", 0);
                    props.put("cost", k.spec().cost());
                    props.put("sell_value", Math.max(1, k.spec().cost() / 2));
                    props.put("edition", "none");
                }
            }
            if (withHand && !run.hand.isEmpty()) {
                ArrayNode h = p.putArray("hand");
                for (int i = 0; i < run.hand.size(); i++) {
                    ObjectNode c = card(run.hand.get(i), i);
                    c.put("position", i);
                    h.add(c);
                }
            } else {
                p.putObject("hand");
            }
            p.putObject("consumables");
            p.putObject("shop_items");
            ObjectNode deck = p.putObject("deck");
            deck.put("remaining_count", 52 - RunSimulator.HAND_SIZE);
            p.put("game_state", phase);
            p.put("ui_state", "7");
            ObjectNode blind = p.putObject("blind");
            blind.put("name", run.blind.displayName());
            blind.put("chips", run.target);
            blind.put("chip_text", String.format(Locale.ROOT, "%,.0f", run.target));
            blind.put("mult", 1);
            blind.put("defeated", false);
            blind.put("boss", run.blind.boss());
            p.put("timestamp", 1_751_414_400L + (long) (clock / 1000));
            p.put("frame_count", 0);
            return event("GAME_STATE", p);
        }

        @Override
        public void blindSelect(RunSimulator run) {
            state(run, "BLIND_SELECT", false);
            flush();
        }

        @Override
        public void blindStarted(RunSimulator run) {
            ObjectNode rc = F.objectNode();
            rc.put("ante", run.ante);
            rc.put("round", run.round);
            event("ROUND_CHANGED", rc);
            ObjectNode ph = F.objectNode();
            ph.put("old_phase", "BLIND_SELECT");
            ph.put("new_phase", "SELECTING_HAND");
            event("PHASE_CHANGED", ph);
            state(run, rnd.nextBoolean() ? "SELECTING_HAND" : "UNKNOWN_STATE_1", true);
            flush();
        }

        @Override
        public void handScored(RunSimulator run, List<PlayingCard> played, PokerHand type, double chips, double mult,
                               double score, double roundBefore, int handNumber) {
            ObjectNode hp = F.objectNode();
            hp.put("hands_remaining", run.handsLeft);
            hp.put("hand_number", handNumber);
            event("HAND_PLAYED", hp);
            ObjectNode sc = F.objectNode();
            sc.put("old_chips", 0);
            sc.put("new_chips", chips);
            sc.put("old_mult", 0);
            sc.put("new_mult", mult);
            event("SCORE_CHANGED", sc);
            for (JokerKind k : run.jokers) {
                if (rnd.nextInt(3) == 0) {
                    ObjectNode t = F.objectNode();
                    t.put("joker_name", k.spec().name());
                    t.put("context_type", rnd.nextBoolean());
                    event("JOKER_TRIGGER", t).put("priority", "low");
                }
            }
            ObjectNode eval = F.objectNode();
            eval.put("starting_score", roundBefore);
            eval.put("final_score", roundBefore + score);
            eval.put("total_delta", score);
            eval.putArray("joker_triggers").add(Integer.toString(run.jokers.size()));
            eval.put("ante", run.ante);
            eval.put("round", run.round);
            eval.put("hand_number", handNumber);
            ObjectNode e = event("SCORING", eval);
            e.put("subtype", "HAND_EVAL_COMPLETE");
            e.put("priority", "high");
            flush();
            state(run, "SELECTING_HAND", true);
            flush();
        }

        @Override
        public void roundWon(RunSimulator run, double roundScore, double reward) {
            ObjectNode rc = F.objectNode();
            rc.put("ante", run.ante);
            rc.put("round", run.round);
            rc.put("score", roundScore);
            rc.put("money", run.money);
            event("ROUND_COMPLETE", rc);
            ObjectNode m = F.objectNode();
            m.put("old_value", run.money - reward);
            m.put("new_value", run.money);
            m.put("difference", reward);
            event("MONEY_CHANGED", m);
            flush();
        }

        @Override
        public void shop(RunSimulator run, List<JokerKind> bought, List<JokerKind> sold, double moneyBefore) {
            if (!bought.isEmpty() || !sold.isEmpty()) {
                ObjectNode jc = F.objectNode();
                jc.put("old_count", run.jokers.size() - bought.size() + sold.size());
                jc.put("new_count", run.jokers.size());
                ArrayNode names = jc.putArray("jokers");
                for (int i = 0; i < run.jokers.size(); i++) {
                    names.addObject().put("name", run.jokers.get(i).spec().name()).put("position", i);
                }
                event("JOKERS_CHANGED", jc);
                ObjectNode m = F.objectNode();
                m.put("old_value", moneyBefore);
                m.put("new_value", run.money);
                m.put("difference", run.money - moneyBefore);
                event("MONEY_CHANGED", m);
            }
            state(run, "SHOP", false);
            flush();
        }

        @Override
        public void died(RunSimulator run) {
            state(run, "GAME_OVER", false);
            flush();
        }

        @Override
        public void won(RunSimulator run) {
            state(run, "SHOP", false); // ante 9 on screen: the game moved on past ante 8's boss
            flush();
            ObjectNode menu = F.objectNode();
            menu.put("in_game", false);
            menu.put("timestamp", 1_751_414_400L);
            menu.put("phase", "MENU");
            event("GAME_STATE", menu);
            flush();
        }
    }

    /** The standalone mod's wire. */
    static final class Standalone extends Wire {
        private int sequence;
        private long epoch = 1_750_899_600L;
        private final String session;

        Standalone(Random rnd) {
            super(rnd);
            this.session = "session_" + (epoch + rnd.nextInt(1_000_000)) + "_" + (1000 + rnd.nextInt(9000));
        }

        private void message(String type, ObjectNode data) {
            epoch += 1 + rnd.nextInt(5);
            ObjectNode m = F.objectNode();
            m.put("message_type", type);
            m.put("timestamp", java.time.Instant.ofEpochSecond(epoch).toString());
            m.put("sequence_id", ++sequence);
            m.set("data", data);
            posts.add(new Post("/game-data", m));
        }

        private void full(RunSimulator run, String phase, boolean withHand) {
            ObjectNode data = F.objectNode();
            data.put("message_type", "comprehensive_state_update");
            data.put("timestamp", epoch);
            data.put("sequence", sequence);
            ObjectNode state = data.putObject("state");
            ObjectNode core = state.putObject("core_state");
            core.put("session_id", session);
            core.put("current_phase", phase);
            core.put("ante", run.ante);
            core.put("money", run.money);
            core.put("hands_remaining", run.handsLeft);
            core.put("discards_remaining", 3);
            core.putArray("available_actions").add("play_hand").add("discard_cards");
            ObjectNode blind = core.putObject("current_blind");
            blind.put("name", run.blind.displayName());
            blind.put("blind_type", run.blindIndex == 0 ? "small" : run.blindIndex == 1 ? "big" : "boss");
            blind.put("requirement", run.target);
            blind.put("reward", run.blindIndex + 3);
            blind.putArray("properties");
            core.putArray("shop_contents");
            ArrayNode js = core.putArray("jokers");
            for (int i = 0; i < run.jokers.size(); i++) {
                ObjectNode j = js.addObject();
                j.put("id", "joker_" + (i + 1));
                j.put("name", run.jokers.get(i).spec().name());
                j.put("position", i);
                j.putArray("properties");
            }
            core.putArray("consumables");
            ObjectNode cards = state.putObject("card_data");
            ArrayNode hand = cards.putArray("hand_cards");
            if (withHand) {
                for (int i = 0; i < run.hand.size(); i++) {
                    hand.add(card(run.hand.get(i), i));
                }
            }
            cards.putArray("remaining_deck_cards");
            message("game_state", data);
        }

        private void status(String type, ObjectNode statusData) {
            ObjectNode data = F.objectNode();
            data.put("message_type", "status_update");
            data.put("timestamp", epoch);
            data.put("sequence", sequence);
            data.put("status_type", type);
            data.set("status_data", statusData.isEmpty() ? F.arrayNode() : statusData);
            message("game_state", data);
        }

        @Override
        public void blindSelect(RunSimulator run) {
            full(run, "blind_selection", false);
        }

        @Override
        public void blindStarted(RunSimulator run) {
            status("blind_selected", F.objectNode());
            full(run, "hand_selection", true);
        }

        @Override
        public void handScored(RunSimulator run, List<PlayingCard> played, PokerHand type, double chips, double mult,
                               double score, double roundBefore, int handNumber) {
            ObjectNode d = F.objectNode();
            d.put("hand_type", type.displayName());
            d.put("score", score);
            d.put("hand_number", handNumber);
            status("hand_played_completed", d);
            full(run, "hand_selection", true);
        }

        @Override
        public void roundWon(RunSimulator run, double roundScore, double reward) {
            ObjectNode d = F.objectNode();
            d.put("score", roundScore);
            status("round_completed", d);
            if (run.blindIndex == 2) {
                status("ante_advanced", F.objectNode());
            }
        }

        @Override
        public void shop(RunSimulator run, List<JokerKind> bought, List<JokerKind> sold, double moneyBefore) {
            status("shop_entered", F.objectNode());
            for (JokerKind k : bought) {
                ObjectNode d = F.objectNode();
                d.put("item", k.spec().name());
                status("shop_purchase", d);
            }
            full(run, "shop", false);
            status("shop_exited", F.objectNode());
        }

        @Override
        public void died(RunSimulator run) {
            status("game_over", F.objectNode());
            full(run, "game_over", false);
        }

        @Override
        public void won(RunSimulator run) {
            full(run, "shop", false);
            status("game_over", F.objectNode());
        }

        String session() {
            return session;
        }
    }
}
