package jimbot.ingest.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jimbot.routing.Topics;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import jimbot.v1.GameState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunSegmenterTest {

    private static final String CLIENT = "jimbot@127.0.0.1";
    private RunSegmenter segmenter;
    private long offset;
    private final Map<String, ByteString> persisted = new HashMap<>();

    @BeforeEach
    void fresh() {
        segmenter = new RunSegmenter();
        segmenter.restore(prefix -> Map.of());
        offset = 0;
    }

    private String feed(Event e) {
        var group = segmenter.begin();
        Event out = e.toBuilder().mergeFrom(group.sequence(e, offset++)).build();
        group.changes().forEach((k, v) -> v.ifPresentOrElse(bytes -> persisted.put(k, bytes), () -> persisted.remove(k)));
        group.commit();
        return out.getGameId();
    }

    private static Event state(String client, boolean inGame, int ante, int round, String phase) {
        return Event.newBuilder().setDialect(Dialect.DIALECT_JIMBOT).setClient(client).setType("GAME_STATE")
                .setTopic(Topics.STATE_UPDATE).setReportedGameId("unknown")
                .setGameState(GameState.newBuilder().setInGame(inGame).setAnte(ante).setRound(round).setPhase(phase))
                .build();
    }

    private static Event state(int ante, int round, String phase) {
        return state(CLIENT, true, ante, round, phase);
    }

    private static Event other(String type, String topic) {
        return Event.newBuilder().setDialect(Dialect.DIALECT_JIMBOT).setClient(CLIENT).setType(type).setTopic(topic)
                .setReportedGameId("unknown").build();
    }

    @Test
    void keepsOneRunWhileTheGameMovesOn() {
        String run = feed(state(1, 0, "BLIND_SELECT"));
        assertThat(run).isEqualTo("run-0");
        assertThat(feed(other("MONEY_CHANGED", "game.money.changed"))).isEqualTo(run);
        assertThat(feed(state(1, 1, "UNKNOWN_STATE_1"))).isEqualTo(run);
        assertThat(feed(state(3, 8, "SHOP"))).isEqualTo(run);
        assertThat(feed(other("HEARTBEAT", "system.heartbeat"))).isEqualTo(run);
    }

    @Test
    void startsANewRunOnAFreshStartAfterGameOver() {
        String first = feed(state(1, 1, "PLAYING"));
        feed(state(1, 1, "GAME_OVER")); // died on the very first blind
        assertThat(feed(other("ROUND_COMPLETE", "game.round.complete"))).isEqualTo(first);
        String second = feed(state(1, 0, "BLIND_SELECT"));
        assertThat(second).isNotEqualTo(first).isEqualTo("run-3");
    }

    @Test
    void startsANewRunOnAFreshStartAfterTheMenu() {
        String first = feed(state(2, 4, "SHOP"));
        assertThat(feed(state(CLIENT, false, 0, 0, "MENU"))).isEmpty();
        assertThat(feed(other("HEARTBEAT", "system.heartbeat"))).isEmpty();
        String second = feed(state(1, 1, "BLIND_SELECT"));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void continuesARunResumedFromTheMenu() {
        String first = feed(state(4, 11, "SHOP"));
        feed(state(CLIENT, false, 0, 0, "MENU"));
        assertThat(feed(state(4, 11, "SHOP"))).isEqualTo(first);
    }

    @Test
    void startsANewRunWhenTheAnteGoesBackToOneEvenIfTheGameOverWasLost() {
        String first = feed(state(5, 14, "PLAYING"));
        assertThat(feed(state(1, 1, "BLIND_SELECT"))).isNotEqualTo(first);
    }

    @Test
    void startsANewRunAfterAWin() {
        String first = feed(state(8, 24, "PLAYING"));
        assertThat(feed(state(9, 25, "SHOP"))).isEqualTo(first); // endless mode continues the run
        assertThat(feed(state(1, 0, "BLIND_SELECT"))).isNotEqualTo(first);
    }

    @Test
    void usesARealSeedAsTheGameId() {
        Event seeded = state(1, 1, "PLAYING").toBuilder().setReportedGameId("8XK2P1QZ").build();
        assertThat(feed(seeded)).isEqualTo("8XK2P1QZ");
        assertThat(feed(other("HEARTBEAT", "system.heartbeat"))).isEqualTo("8XK2P1QZ");
    }

    @Test
    void segmentsClientsIndependently() {
        String a = feed(state(3, 7, "SHOP"));
        String b = feed(state("jimbot@10.0.0.2", true, 1, 1, "PLAYING"));
        assertThat(b).isNotEqualTo(a);
        assertThat(feed(state(3, 8, "PLAYING"))).isEqualTo(a);
        assertThat(segmenter.clientsOf(b)).extracting(ClientRun::client).containsExactly("jimbot@10.0.0.2");
    }

    @Test
    void givesStandaloneEventsTheirSessionAndTheDebugMessageNoGame() {
        Event full = Event.newBuilder().setDialect(Dialect.DIALECT_STANDALONE).setClient("standalone@x").setType("GAME_STATE")
                .setTopic(Topics.STATE_UPDATE).setSession("session_1_2")
                .setGameState(GameState.newBuilder().setSessionId("session_1_2").setInGame(true)).build();
        Event status = Event.newBuilder().setDialect(Dialect.DIALECT_STANDALONE).setClient("standalone@x")
                .setType("GAME_STATE").setSubtype("HAND_DEALT").setTopic("game.status.hand_dealt").build();
        Event debug = Event.newBuilder().setDialect(Dialect.DIALECT_STANDALONE).setClient("standalone@x")
                .setType("DEBUG_TEST").setTopic("system.debug.test").build();
        assertThat(feed(debug)).isEmpty();
        assertThat(feed(full)).isEqualTo("session_1_2");
        assertThat(feed(status)).isEqualTo("session_1_2");
    }

    @Test
    void restoresWhereItLeftOff() {
        String run = feed(state(2, 5, "SHOP"));
        RunSegmenter restored = new RunSegmenter();
        restored.restore(prefix -> persisted);
        segmenter = restored;
        assertThat(feed(state(2, 6, "PLAYING"))).isEqualTo(run);
    }

    @Test
    void forgetsAnAbortedGroup() {
        var group = segmenter.begin();
        group.sequence(state(1, 1, "PLAYING"), 0);
        group.abort();
        assertThat(segmenter.client(CLIENT)).isEmpty();
        List<String> ids = new ArrayList<>();
        offset = 1;
        ids.add(feed(state(1, 1, "PLAYING")));
        assertThat(ids).containsExactly("run-1");
    }
}
