package jimbot.ingest.normalize;

import static jimbot.ingest.normalize.Lenient.bool;
import static jimbot.ingest.normalize.Lenient.entries;
import static jimbot.ingest.normalize.Lenient.int32;
import static jimbot.ingest.normalize.Lenient.list;
import static jimbot.ingest.normalize.Lenient.number;
import static jimbot.ingest.normalize.Lenient.object;
import static jimbot.ingest.normalize.Lenient.text;
import static jimbot.ingest.normalize.Lenient.upper;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import jimbot.v1.ActionResult;
import jimbot.v1.Blind;
import jimbot.v1.Card;
import jimbot.v1.CardsDiscarded;
import jimbot.v1.Consumable;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import jimbot.v1.HandPlayed;
import jimbot.v1.JokerCard;
import jimbot.v1.JokerTrigger;
import jimbot.v1.JokersChanged;
import jimbot.v1.MoneyChanged;
import jimbot.v1.PhaseChanged;
import jimbot.v1.RoundChanged;
import jimbot.v1.RoundComplete;
import jimbot.v1.ScoreChanged;
import jimbot.v1.Scoring;
import jimbot.v1.ShopItem;
import jimbot.v1.StatusUpdate;

/** Builds the typed payloads of the event types the engine understands, leniently, from either dialect. */
final class Payloads {

    private Payloads() {
    }

    /** Sets the typed payload of a JimBot event of {@code type}; unknown types get none. */
    static void jimbot(Event.Builder event, String type, JsonNode payload) {
        JsonNode p = object(payload);
        switch (type) {
            case "GAME_STATE" -> event.setGameState(jimbotState(p));
            case "MONEY_CHANGED" -> event.setMoneyChanged(MoneyChanged.newBuilder()
                    .setOldValue(number(p, "old_value")).setNewValue(number(p, "new_value"))
                    .setDifference(number(p, "difference")));
            case "SCORE_CHANGED" -> event.setScoreChanged(ScoreChanged.newBuilder()
                    .setOldChips(number(p, "old_chips")).setNewChips(number(p, "new_chips"))
                    .setOldMult(number(p, "old_mult")).setNewMult(number(p, "new_mult")));
            case "HAND_PLAYED" -> event.setHandPlayed(HandPlayed.newBuilder()
                    .setHandsRemaining(int32(p, "hands_remaining")).setHandNumber(int32(p, "hand_number")));
            case "CARDS_DISCARDED" -> event.setCardsDiscarded(CardsDiscarded.newBuilder()
                    .setDiscardsRemaining(int32(p, "discards_remaining")));
            case "JOKERS_CHANGED" -> {
                JokersChanged.Builder b = JokersChanged.newBuilder()
                        .setOldCount(int32(p, "old_count")).setNewCount(int32(p, "new_count"));
                for (JsonNode j : list(p.path("jokers"))) {
                    b.addJokers(joker(j));
                }
                event.setJokersChanged(b);
            }
            case "ROUND_CHANGED" -> event.setRoundChanged(RoundChanged.newBuilder()
                    .setAnte(int32(p, "ante")).setRound(int32(p, "round")));
            case "PHASE_CHANGED" -> event.setPhaseChanged(PhaseChanged.newBuilder()
                    .setOldPhase(upper(p.path("old_phase"))).setNewPhase(upper(p.path("new_phase"))));
            case "ROUND_COMPLETE" -> event.setRoundComplete(RoundComplete.newBuilder()
                    .setAnte(int32(p, "ante")).setRound(int32(p, "round"))
                    .setScore(number(p, "score")).setMoney(number(p, "money")));
            case "JOKER_TRIGGER" -> event.setJokerTrigger(JokerTrigger.newBuilder()
                    .setJokerName(text(p, "joker_name")).setContextType(text(p, "context_type")));
            case "SCORING" -> {
                Scoring.Builder b = Scoring.newBuilder()
                        .setStartingScore(number(p, "starting_score")).setFinalScore(number(p, "final_score"))
                        .setTotalDelta(number(p, "total_delta")).setAnte(int32(p, "ante"))
                        .setRound(int32(p, "round")).setHandNumber(int32(p, "hand_number"))
                        .setChips(number(p, "chips")).setMult(number(p, "mult"))
                        .setJokerName(text(p, "joker_name")).setHandType(firstText(p, "hand_type", "hand_name"));
                for (JsonNode t : list(p.path("joker_triggers"))) {
                    b.addJokerTriggers(t.isContainerNode() ? text(t, "name") : text(t));
                }
                event.setScoring(b);
            }
            default -> {
                // no typed view: the payload stays in raw
            }
        }
    }

    static GameState jimbotState(JsonNode p) {
        GameState.Builder b = GameState.newBuilder()
                .setInGame(bool(p, "in_game"))
                .setAnte(int32(p, "ante"))
                .setRound(int32(p, "round"))
                .setHandNumber(int32(p, "hand_number"))
                .setChips(number(p, "chips"))
                .setMult(number(p, "mult"))
                .setMoney(number(p, "money"))
                .setHandSize(int32(p, "hand_size"))
                .setHandsRemaining(int32(p, "hands_remaining"))
                .setDiscardsRemaining(int32(p, "discards_remaining"))
                .setPhase(firstUpper(p, "game_state", "phase"))
                .setSeed(text(p, "game_id"))
                .setDeckRemaining(int32(object(p.path("deck")), "remaining_count"));
        for (JsonNode j : list(p.path("jokers"))) {
            b.addJokers(joker(j));
        }
        for (JsonNode c : list(p.path("hand"))) {
            b.addHand(card(c));
        }
        for (JsonNode c : list(p.path("consumables"))) {
            b.addConsumables(consumable(c));
        }
        for (Map.Entry<String, JsonNode> item : entries(p.path("shop_items"))) {
            JsonNode i = object(item.getValue());
            b.addShopItems(ShopItem.newBuilder().setSlot(item.getKey()).setName(text(i, "name"))
                    .setItemType(text(i, "type")).setCost(number(i, "cost")).setRarity(text(i, "rarity")));
        }
        JsonNode blind = p.path("blind");
        if (blind.isObject()) {
            b.setBlind(Blind.newBuilder().setName(text(blind, "name")).setChips(number(blind, "chips"))
                    .setMult(number(blind, "mult")).setBoss(bool(blind, "boss")).setDefeated(bool(blind, "defeated")));
        }
        return b.build();
    }

    /** A standalone comprehensive_state_update: {@code data.state.{core_state, card_data}}. */
    static GameState standaloneState(JsonNode state) {
        JsonNode core = object(state.path("core_state"));
        JsonNode cards = object(state.path("card_data"));
        String phase = firstUpper(core, "current_phase", "phase");
        GameState.Builder b = GameState.newBuilder()
                .setInGame(!phase.isEmpty() && !phase.contains("MENU"))
                .setSessionId(text(core, "session_id"))
                .setPhase(phase)
                .setAnte(int32(core, "ante"))
                .setRound(int32(core, "round"))
                .setMoney(number(core, "money"))
                .setHandsRemaining(int32(core, "hands_remaining"))
                .setDiscardsRemaining(int32(core, "discards_remaining"))
                .setHandSize(list(cards.path("hand_cards")).size())
                .setDeckRemaining(list(cards.path("remaining_deck_cards")).size());
        for (JsonNode a : list(core.path("available_actions"))) {
            b.addAvailableActions(text(a));
        }
        JsonNode blind = core.path("current_blind");
        if (blind.isObject()) {
            String kind = text(blind, "blind_type");
            b.setBlind(Blind.newBuilder().setName(text(blind, "name")).setBlindType(kind)
                    .setChips(number(blind, "requirement")).setReward(number(blind, "reward"))
                    .setBoss(kind.equalsIgnoreCase("boss") || bool(blind, "boss")));
        }
        for (Map.Entry<String, JsonNode> item : entries(core.path("shop_contents"))) {
            JsonNode i = object(item.getValue());
            String slot = text(i, "index");
            b.addShopItems(ShopItem.newBuilder().setSlot(slot.isEmpty() ? item.getKey() : slot)
                    .setName(text(i, "name")).setItemType(text(i, "item_type")).setCost(number(i, "cost")));
        }
        for (JsonNode j : list(core.path("jokers"))) {
            b.addJokers(joker(j));
        }
        for (JsonNode c : list(core.path("consumables"))) {
            b.addConsumables(consumable(c));
        }
        for (JsonNode c : list(cards.path("hand_cards"))) {
            b.addHand(card(c));
        }
        return b.build();
    }

    static StatusUpdate status(JsonNode data) {
        return StatusUpdate.newBuilder().setStatusType(text(data, "status_type")).build();
    }

    static ActionResult actionResult(JsonNode data) {
        return ActionResult.newBuilder().setActionType(text(data, "action_type")).setSuccess(bool(data, "success"))
                .setErrorMessage(text(data, "error_message")).setSequence(Lenient.integer(data.path("sequence")))
                .build();
    }

    static JokerCard joker(JsonNode node) {
        JsonNode j = object(node);
        JsonNode props = object(j.path("properties"));
        String edition = text(props, "edition");
        return JokerCard.newBuilder()
                .setId(text(j, "id"))
                .setName(node.isTextual() ? node.asText() : text(j, "name"))
                .setPosition(int32(j, "position"))
                .setEdition(edition.isEmpty() ? text(j, "edition") : edition)
                .setMult(number(props, "mult"))
                .setChips(number(props, "chips"))
                .setCost(number(props, "cost"))
                .setSellValue(number(props, "sell_value"))
                .build();
    }

    static Card card(JsonNode node) {
        JsonNode c = object(node);
        return Card.newBuilder()
                .setId(text(c, "id"))
                .setRank(text(c, "rank"))
                .setSuit(text(c, "suit"))
                .setEnhancement(text(c, "enhancement"))
                .setEdition(text(c, "edition"))
                .setSeal(text(c, "seal"))
                .setPosition(int32(c, "position"))
                .build();
    }

    static Consumable consumable(JsonNode node) {
        JsonNode c = object(node);
        return Consumable.newBuilder()
                .setId(text(c, "id"))
                .setName(node.isTextual() ? node.asText() : text(c, "name"))
                .setCardType(text(c, "card_type"))
                .setPosition(int32(c, "position"))
                .build();
    }

    private static String firstUpper(JsonNode node, String first, String second) {
        String v = upper(node.path(first));
        return v.isEmpty() ? upper(node.path(second)) : v;
    }

    private static String firstText(JsonNode node, String first, String second) {
        String v = text(node, first);
        return v.isEmpty() ? text(node, second) : v;
    }
}
