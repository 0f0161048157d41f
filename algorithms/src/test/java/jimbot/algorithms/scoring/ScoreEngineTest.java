package jimbot.algorithms.scoring;

import static jimbot.algorithms.scoring.Cards.card;
import static jimbot.algorithms.scoring.Cards.cards;
import static jimbot.algorithms.scoring.Cards.joker;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jimbot.algorithms.catalog.Blind;
import jimbot.algorithms.catalog.Deck;
import jimbot.algorithms.catalog.Edition;
import jimbot.algorithms.catalog.Enhancement;
import jimbot.algorithms.catalog.PokerHand;
import jimbot.algorithms.catalog.Seal;
import jimbot.algorithms.catalog.Voucher;
import org.junit.jupiter.api.Test;

/**
 * Worked examples computed by hand from balatro-scoring.md (the section is named on each). The facts file cites
 * E6–E8 and D1 without their numbers; the cases below rebuild them from the rules they illustrate.
 */
class ScoreEngineTest {

    private static ScoreResult score(List<PlayingCard> played, List<PlayingCard> held, List<Joker> jokers) {
        return ScoreEngine.score(Play.of(played, held, jokers), true);
    }

    private static void expect(ScoreResult r, PokerHand hand, double chips, double mult, long score) {
        assertThat(r.hand()).isEqualTo(hand);
        assertThat(r.chips()).isEqualTo(chips);
        assertThat(r.mult()).isEqualTo(mult);
        assertThat(r.score()).isEqualTo(BigInteger.valueOf(score));
    }

    @Test
    void scoresAPairOfKingsWithJokerAndCavendishLikeTheContractExample() {
        // W1 (contract example: final_score 540): Pair level 1 = 10 chips, 2 mult (1.1); two Kings +10 each (1.2);
        // Joker +4 then Cavendish x3 in the main phase (1.3 step 7): 30 x 18
        ScoreResult r = score(cards("K♠", "K♥"), cards("7♣"), List.of(joker("Joker"), joker("Cavendish")));
        expect(r, PokerHand.PAIR, 30, 18, 540);
        assertThat(r.steps()).extracting(Step::op).contains("+chips", "+mult", "xmult");
    }

    @Test
    void addsAPerCardJokerForEveryScoredDiamond() {
        // W2: Flush level 1 = 35 chips, 4 mult; cards 2+5+8+10+11 = 36 chips; Greedy Joker +3 per scored ♦ (5 cards)
        ScoreResult r = score(cards("2♦", "5♦", "8♦", "J♦", "A♦"), List.of(), List.of(joker("Greedy Joker")));
        expect(r, PokerHand.FLUSH, 71, 19, 1349);
    }

    @Test
    void appliesJokerEditionsBeforeAndPolychromeAfterTheEffect() {
        // section 3.2: Holographic Cavendish (a=3, b=30, key 15) before Polychrome Joker (a=1.5, b=6, key 12)
        Joker holoCavendish = joker("Cavendish").with(Edition.HOLOGRAPHIC);
        Joker polyJoker = joker("Joker").with(Edition.POLYCHROME);
        ScoreResult better = score(cards("K♠", "K♥"), List.of(), List.of(holoCavendish, polyJoker));
        ScoreResult worse = score(cards("K♠", "K♥"), List.of(), List.of(polyJoker, holoCavendish));
        // ((2+10)*3+4)*1.5 = 60 ; ((2+4)*1.5+10)*3 = 57
        expect(better, PokerHand.PAIR, 30, 60, 1800);
        expect(worse, PokerHand.PAIR, 30, 57, 1710);
    }

    @Test
    void ordersPerCardJokersForEveryScoringCard() {
        // E6: Smiley Face (+5) before Photograph (x2 on the first scoring face card): High Card K = 5+10 chips
        ScoreResult smileyFirst = score(cards("K♥"), List.of(), List.of(joker("Smiley Face"), joker("Photograph")));
        ScoreResult photoFirst = score(cards("K♥"), List.of(), List.of(joker("Photograph"), joker("Smiley Face")));
        expect(smileyFirst, PokerHand.HIGH_CARD, 15, 12, 180);
        expect(photoFirst, PokerHand.HIGH_CARD, 15, 7, 105);
    }

    @Test
    void appliesHeldCardsInHandOrder() {
        // E7: Shoot the Moon's Queen (+13) left of Baron's King (x1.5); High Card A = 5+11 chips
        List<Joker> jokers = List.of(joker("Baron"), joker("Shoot the Moon"));
        expect(score(cards("A♠"), cards("Q♥", "K♣"), jokers), PokerHand.HIGH_CARD, 16, 21, 336);
        expect(score(cards("A♠"), cards("K♣", "Q♥"), jokers), PokerHand.HIGH_CARD, 16, 14.5, 232);
    }

    @Test
    void multipliesGlassAfterMultCardsWhenPlayedInThatOrder() {
        // E8: Mult card (+4) then Glass (x2) beats Glass then Mult; Pair of 5s = 10 chips, 2 mult
        PlayingCard mult = card("5♥").with(Enhancement.MULT);
        PlayingCard glass = card("5♠").with(Enhancement.GLASS);
        expect(score(List.of(mult, glass), List.of(), List.of()), PokerHand.PAIR, 20, 12, 240);
        expect(score(List.of(glass, mult), List.of(), List.of()), PokerHand.PAIR, 20, 8, 160);
    }

    @Test
    void givesBaseballCardsTimesOneAndAHalfRightAfterEachUncommonJoker() {
        // D1 (game semantics, 3.1 rule 5): Baseball's slot does not matter; Bootstraps ($10: +4) is Uncommon
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of(joker("Baseball Card"), joker("Joker"), joker("Bootstraps")))
                .withState(10, 4, 3, 5);
        // 2 +4 (Joker) +4 (Bootstraps) x1.5 (Baseball after the Uncommon) = 15
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 30, 15, 450);
    }

    @Test
    void copiesTheJokerToTheRightWithBlueprintAndTheLeftmostWithBrainstorm() {
        // 3.1 rule 4
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Blueprint"), joker("Cavendish"))), PokerHand.PAIR, 30, 18, 540);
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Cavendish"), joker("Blueprint"))), PokerHand.PAIR, 30, 6, 180);
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Joker"), joker("Brainstorm"))), PokerHand.PAIR, 30, 10, 300);
        // a cycle copies nothing: Blueprint -> Brainstorm -> leftmost = Blueprint
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Blueprint"), joker("Brainstorm"))), PokerHand.PAIR, 30, 2, 60);
        // a chain resolves: Blueprint -> Blueprint -> Joker
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Blueprint"), joker("Blueprint"), joker("Joker"))),
                PokerHand.PAIR, 30, 14, 420);
        // Blueprint cannot copy a joker that is not compatible (Four Fingers)
        expect(score(cards("K♠", "K♥"), List.of(), List.of(joker("Blueprint"), joker("Four Fingers"))), PokerHand.PAIR, 30, 2, 60);
    }

    @Test
    void retriggersRepeatTheWholeCardStepIncludingPerCardJokers() {
        // Red seal: the King scores twice, Smiley fires twice (1.3 step 5: retriggers repeat a-g)
        PlayingCard redKing = card("K♥").with(Seal.RED);
        expect(score(List.of(redKing), List.of(), List.of(joker("Smiley Face"))), PokerHand.HIGH_CARD, 25, 11, 275);
        // Sock and Buskin retriggers face cards; Hanging Chad the first scoring card twice more
        expect(score(cards("K♥"), List.of(), List.of(joker("Sock and Buskin"))), PokerHand.HIGH_CARD, 25, 1, 25);
        expect(score(cards("K♥"), List.of(), List.of(joker("Hanging Chad"))), PokerHand.HIGH_CARD, 35, 1, 35);
    }

    @Test
    void balancesChipsAndMultOnThePlasmaDeck() {
        // section 4: Plasma floor((c+m)/2) each: (30+6)/2 = 18
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of(joker("Joker"))).withDeck(Optional.of(Deck.PLASMA));
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 18, 18, 324);
    }

    @Test
    void halvesTheBaseAgainstTheFlint() {
        // 1.3 step 4: chips max(floor(10/2+0.5),0) = 5, mult max(floor(2/2+0.5),1) = 1; Kings +20
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of()).withBlind(Optional.of(Blind.THE_FLINT));
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 25, 1, 25);
    }

    @Test
    void multipliesPlanetsForThePlayedHandWithObservatory() {
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of())
                .withConsumables(Set.of(Voucher.OBSERVATORY), List.of("Mercury", "Jupiter"));
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 30, 3, 90);
    }

    @Test
    void usesHandLevels() {
        // Pair level 3: 10 + 2*15 = 40 chips, 2 + 2*1 = 4 mult
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of()).withLevels(Map.of(PokerHand.PAIR, 3));
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 60, 4, 240);
    }

    @Test
    void scoresStoneCardsAlwaysAndDebuffedCardsNever() {
        PlayingCard stone = card("2♣").with(Enhancement.STONE);
        // Pair of Kings + a Stone kicker: the Stone scores +50
        expect(score(List.of(card("K♠"), card("K♥"), stone), List.of(), List.of()), PokerHand.PAIR, 80, 2, 160);
        // The Head debuffs hearts: the King of Hearts adds nothing
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of()).withBlind(Optional.of(Blind.THE_HEAD));
        expect(ScoreEngine.score(play, false), PokerHand.PAIR, 20, 2, 40);
    }

    @Test
    void averagesRandomEffectsExactlyAndHonoursTheLuckModes() {
        // Lucky card: 1 in 5 for +20 mult; Bloodstone 1 in 2 for x1.5 per scored heart
        PlayingCard lucky = card("K♥").with(Enhancement.LUCKY);
        Play play = Play.of(List.of(lucky), List.of(), List.of(joker("Bloodstone")));
        ScoreResult none = ScoreEngine.score(play.withLuck(Luck.NONE), false);
        ScoreResult average = ScoreEngine.score(play.withLuck(Luck.AVERAGE), false);
        ScoreResult all = ScoreEngine.score(play.withLuck(Luck.ALL), false);
        expect(none, PokerHand.HIGH_CARD, 15, 1, 15);
        // (1 + 0.2*20) * (1 + 0.5*0.5) = 5 * 1.25 = 6.25
        expect(average, PokerHand.HIGH_CARD, 15, 6.25, 93);
        expect(all, PokerHand.HIGH_CARD, 15, 31.5, 472);
        // Oops! All 6s doubles the odds: Bloodstone always, Lucky 2 in 5
        Play oops = play.withJokers(List.of(joker("Bloodstone"), joker("Oops! All 6s")));
        expect(ScoreEngine.score(oops, false), PokerHand.HIGH_CARD, 15, 13.5, 202);
    }

    @Test
    void staysExactAtLateGameScores() {
        Joker big = joker("Campfire").with(JokerState.of(Map.of("xmult", 1.0e9)));
        Play play = Play.of(cards("K♠", "K♥"), List.of(), List.of(big, big.with(Edition.POLYCHROME)))
                .withLevels(Map.of(PokerHand.PAIR, 40));
        ScoreResult r = ScoreEngine.score(play, false);
        // chips 10+39*15+20 = 615, mult (2+39) * 1e9 * 1e9 * 1.5
        assertThat(r.score()).isEqualTo(new BigInteger("37822500000000000000000"));
    }

    @Test
    void growsScalingJokersBeforeScoringAsTheGameDoes() {
        // Green Joker shown at +5 grows to +6 before this hand scores (1.3 step 2)
        Joker green = joker("Green Joker").with(JokerState.of(Map.of("mult", 5.0)));
        expect(score(cards("K♠", "K♥"), List.of(), List.of(green)), PokerHand.PAIR, 30, 8, 240);
        // Ride the Bus resets when a face card scores
        Joker bus = joker("Ride the Bus").with(JokerState.of(Map.of("mult", 7.0)));
        expect(score(cards("K♠", "K♥"), List.of(), List.of(bus)), PokerHand.PAIR, 30, 2, 60);
        expect(score(cards("9♠", "9♥"), List.of(), List.of(bus)), PokerHand.PAIR, 28, 10, 280);
    }

    @Test
    void refusesStateAJokerDoesNotHave() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        joker("Joker").with(JokerState.of(Map.of("rerolls", 3.0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rerolls");
    }
}
