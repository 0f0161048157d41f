package jimbot.routing;

import java.util.Locale;
import java.util.Map;

/**
 * Names the topic of an event from its type and subtype, the same way for both dialects where they mean the
 * same thing. The full list is in docs/api.md.
 */
public final class Topics {

    public static final String STATE_UPDATE = "game.state.update";
    public static final String COMMAND_QUEUED = "game.command.queued";
    public static final String COMMAND_DELIVERED = "game.command.delivered";

    private static final Map<String, String> BY_TYPE = Map.ofEntries(
            Map.entry("GAME_STATE", STATE_UPDATE),
            Map.entry("MONEY_CHANGED", "game.money.changed"),
            Map.entry("SCORE_CHANGED", "game.score.changed"),
            Map.entry("HAND_PLAYED", "game.hand.played"),
            Map.entry("CARDS_DISCARDED", "game.cards.discarded"),
            Map.entry("JOKERS_CHANGED", "game.jokers.changed"),
            Map.entry("ROUND_CHANGED", "game.round.changed"),
            Map.entry("PHASE_CHANGED", "game.phase.changed"),
            Map.entry("ROUND_COMPLETE", "game.round.complete"),
            Map.entry("JOKER_TRIGGER", "game.joker.trigger"),
            Map.entry("HEARTBEAT", "system.heartbeat"),
            Map.entry("CONNECTION_TEST", "system.connection.test"),
            Map.entry("ERROR", "system.error"),
            Map.entry("DIAGNOSTIC", "system.diagnostic"),
            Map.entry("DEBUG_TEST", "system.debug.test"),
            Map.entry("ACTION_RESULT", "game.action.result"),
            Map.entry("DECK_STATE", "game.deck.state"),
            Map.entry("FULL_DECK", "game.deck.full"),
            Map.entry("VOUCHERS_ANTE", "game.vouchers.ante"),
            Map.entry("HAND_LEVELS", "game.hand.levels"));

    private Topics() {
    }

    /**
     * The topic for an event of {@code type} (upper snake case) with an optional {@code subtype}.
     * SCORING splits by subtype ({@code game.scoring.hand_eval_complete}); a standalone status update by
     * its status type ({@code game.status.hand_played_completed}); LEARNING_DECISION becomes
     * {@code ai.decision.<subtype>}; a type the engine does not know becomes {@code other.<type>}.
     */
    public static String of(String type, String subtype) {
        String sub = segment(subtype);
        if (type.equals("SCORING")) {
            return sub.isEmpty() ? "game.scoring" : "game.scoring." + sub;
        }
        if (type.equals("GAME_STATE") && !sub.isEmpty() && !sub.equals("comprehensive_state_update")) {
            return "game.status." + sub;
        }
        if (type.equals("LEARNING_DECISION")) {
            return sub.isEmpty() ? "ai.decision" : "ai.decision." + sub;
        }
        String known = BY_TYPE.get(type);
        if (known != null) {
            return known;
        }
        String word = segment(type);
        return word.isEmpty() ? "other.unnamed" : "other." + word;
    }

    /** A topic segment made of a client-supplied word: lower case, anything but [a-z0-9_-] becomes '_'. */
    static String segment(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            out.append(keep ? c : '_');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
