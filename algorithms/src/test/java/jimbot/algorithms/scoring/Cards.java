package jimbot.algorithms.scoring;

import java.util.ArrayList;
import java.util.List;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Suit;

/** Test shorthand: "K♠", "10♦", "A♥". */
final class Cards {
    private Cards() {
    }

    static PlayingCard card(String text) {
        String t = text.trim();
        String suitPart = t.substring(t.length() - 1);
        String rankPart = t.substring(0, t.length() - 1);
        return PlayingCard.of(Rank.parse(rankPart).orElseThrow(), Suit.parse(suitPart).orElseThrow());
    }

    static List<PlayingCard> cards(String... texts) {
        List<PlayingCard> out = new ArrayList<>();
        for (String t : texts) {
            out.add(card(t));
        }
        return out;
    }

    static Joker joker(String name) {
        return Joker.of(JokerKind.find(name).orElseThrow(() -> new IllegalArgumentException("no joker " + name)));
    }
}
