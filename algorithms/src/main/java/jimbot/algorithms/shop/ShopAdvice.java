package jimbot.algorithms.shop;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jimbot.algorithms.catalog.JokerSpec;
import jimbot.algorithms.catalog.Rank;
import jimbot.algorithms.catalog.Suit;
import jimbot.algorithms.scoring.Joker;
import jimbot.algorithms.scoring.JokerKind;
import jimbot.algorithms.scoring.Play;
import jimbot.algorithms.scoring.PlayingCard;
import jimbot.algorithms.scoring.ScoreEngine;
import jimbot.algorithms.synergy.Synergy;
import jimbot.algorithms.synergy.SynergyStats;

/**
 * Ranks shop offers for the jokers owned by expected marginal value: the offer's synergy with what is owned (the sum
 * of its shrunk uplifts with each owned joker: the change in win rate the runs suggest) plus its standalone strength
 * (how much it raises the score of three reference plays, a Pair, a Flush and a Straight, with the owned jokers, per
 * the score engine, weighted by {@link #SCORE_WEIGHT}). Offers the money cannot buy rank after those it can.
 */
public final class ShopAdvice {

    /** Win-rate points one doubling of the reference scores is worth. */
    public static final double SCORE_WEIGHT = 0.05;

    /** One offer's advice. */
    public record Offer(String name, String key, int cost, boolean affordable, double value, double synergy,
                        double scoreGain, List<String> reasons) {
        public Offer {
            reasons = List.copyOf(reasons);
        }
    }

    private static final List<List<PlayingCard>> REFERENCE = List.of(
            List.of(card(Rank.KING, Suit.SPADES), card(Rank.KING, Suit.HEARTS)),
            List.of(card(Rank.TWO, Suit.HEARTS), card(Rank.SIX, Suit.HEARTS), card(Rank.NINE, Suit.HEARTS),
                    card(Rank.JACK, Suit.HEARTS), card(Rank.ACE, Suit.HEARTS)),
            List.of(card(Rank.FIVE, Suit.CLUBS), card(Rank.SIX, Suit.HEARTS), card(Rank.SEVEN, Suit.SPADES),
                    card(Rank.EIGHT, Suit.DIAMONDS), card(Rank.NINE, Suit.CLUBS)));
    private static final List<PlayingCard> HELD = List.of(card(Rank.QUEEN, Suit.DIAMONDS), card(Rank.THREE, Suit.CLUBS));

    private ShopAdvice() {
    }

    private static PlayingCard card(Rank r, Suit s) {
        return PlayingCard.of(r, s);
    }

    /** The offers, best first. Unknown names are reported, not guessed. */
    public static List<Offer> rank(SynergyStats stats, List<JokerSpec> owned, List<JokerSpec> offers, double money) {
        SynergyStats.Counts all = stats.overall();
        List<Offer> out = new ArrayList<>();
        double before = referenceScore(owned);
        for (JokerSpec offer : offers) {
            List<String> reasons = new ArrayList<>();
            double synergy = 0;
            List<Synergy.Row> partners = all.runs() == 0 ? List.of()
                    : Synergy.rank(stats, Optional.of(offer.key()), 1, Integer.MAX_VALUE);
            for (JokerSpec o : owned) {
                for (Synergy.Row r : partners) {
                    if (r.partner().equals(o.key())) {
                        synergy += r.uplift();
                        reasons.add(String.format(Locale.ROOT, "with %s: uplift %+.3f [%+.3f, %+.3f] over %d runs", o.name(),
                                r.uplift(), r.lo(), r.hi(), r.runs()));
                    }
                }
            }
            List<JokerSpec> with = new ArrayList<>(owned);
            with.add(offer);
            double after = referenceScore(with);
            double gain = before <= 0 ? 0 : Math.log(after / before) / Math.log(2);
            if (gain != 0) {
                reasons.add(String.format(Locale.ROOT, "reference plays score %.0f%% %s", Math.abs(after / before - 1) * 100,
                        after >= before ? "more" : "less"));
            }
            boolean affordable = offer.cost() <= money;
            if (!affordable) {
                reasons.add("costs $" + offer.cost() + ", $" + (int) Math.floor(money) + " in hand");
            }
            out.add(new Offer(offer.name(), offer.key(), offer.cost(), affordable, synergy + SCORE_WEIGHT * gain, synergy,
                    gain, reasons));
        }
        out.sort(Comparator.comparing((Offer o) -> !o.affordable()).thenComparing(Comparator.comparingDouble(Offer::value)
                .reversed()).thenComparing(Offer::key));
        return List.copyOf(out);
    }

    /** The geometric mean score of the reference plays with these jokers, left to right. */
    static double referenceScore(List<JokerSpec> jokers) {
        List<Joker> js = jokers.stream().map(s -> Joker.of(JokerKind.of(s))).toList();
        double logSum = 0;
        for (List<PlayingCard> played : REFERENCE) {
            BigDecimal score = new BigDecimal(ScoreEngine.score(Play.of(played, HELD, js), false).score());
            logSum += Math.log(Math.max(1, score.round(MathContext.DECIMAL64).doubleValue()));
        }
        return Math.exp(logSum / REFERENCE.size());
    }
}
