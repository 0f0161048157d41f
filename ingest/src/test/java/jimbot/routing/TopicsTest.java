package jimbot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicsTest {

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "GAME_STATE, '', game.state.update",
            "GAME_STATE, COMPREHENSIVE_STATE_UPDATE, game.state.update",
            "GAME_STATE, HAND_PLAYED_COMPLETED, game.status.hand_played_completed",
            "MONEY_CHANGED, '', game.money.changed",
            "HAND_PLAYED, '', game.hand.played",
            "SCORING, HAND_EVAL_COMPLETE, game.scoring.hand_eval_complete",
            "SCORING, '', game.scoring",
            "ROUND_COMPLETE, '', game.round.complete",
            "HEARTBEAT, '', system.heartbeat",
            "CONNECTION_TEST, '', system.connection.test",
            "LEARNING_DECISION, REQUEST, ai.decision.request",
            "SOMETHING_NEW, '', other.something_new",
            "WEIRD TYPE!, '', other.weird_type_",
    })
    void namesTopicsFromTypeAndSubtype(String type, String subtype, String topic) {
        assertThat(Topics.of(type, subtype)).isEqualTo(topic);
    }

    @ParameterizedTest
    @CsvSource({"GAME_STATE", "SCORING", "NEW.THING", "a.b.c"})
    void everyTopicIsMatchableByAPattern(String type) {
        String topic = Topics.of(type, "x.y");
        assertThat(TopicPattern.ALL.matches(topic)).isTrue();
        assertThat(topic.split("\\.")).allSatisfy(segment -> assertThat(segment).isNotEmpty());
    }
}
