package jimbot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TopicPatternTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "game.state.update, game.state.update, true",
            "game.state.update, game.state.updates, false",
            "game.state.update, game.state, false",
            "game.*.update, game.state.update, true",
            "game.*.update, game.state.other, false",
            "game.*, game.state, true",
            "game.*, game.state.update, false",
            "game.>, game.state.update, true",
            "game.>, game.state, true",
            "game.>, game, false",
            ">, system.heartbeat, true",
            "*.heartbeat, system.heartbeat, true",
            "game.scoring.>, game.scoring.hand_eval_complete, true",
            "game.scoring.>, game.score.changed, false",
            "game.state.update, game.state.update.extra, false",
    })
    void matchesSegmentWise(String pattern, String topic, boolean expected) {
        assertThat(TopicPattern.parse(pattern).matches(topic)).isEqualTo(expected);
    }

    @Test
    void matchesNothingEmpty() {
        assertThat(TopicPattern.parse(">").matches("")).isFalse();
        assertThat(TopicPattern.parse("*").matches("")).isFalse();
        assertThat(TopicPattern.parse("a.*").matches("a.")).isFalse();
    }

    @Test
    void isCaseInsensitiveInThePattern() {
        assertThat(TopicPattern.parse("GAME.State.>").matches("game.state.update")).isTrue();
    }

    @Test
    void rejectsGreaterThanBeforeTheEnd() {
        assertThatThrownBy(() -> TopicPattern.parse("game.>.update"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last segment");
    }

    @Test
    void rejectsEmptySegmentsNamingThem() {
        assertThatThrownBy(() -> TopicPattern.parse("game..update"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("segment 2");
        assertThatThrownBy(() -> TopicPattern.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TopicPattern.parse("game.st*te")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsWhenItMatchesEverything() {
        assertThat(TopicPattern.ALL.matchesEverything()).isTrue();
        assertThat(TopicPattern.parse("game.>").matchesEverything()).isFalse();
    }
}
