package jimbot.graph.projector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jimbot.graph.SharedGraph;
import jimbot.v1.Command;
import jimbot.v1.CommandRecord;
import jimbot.v1.Dialect;
import jimbot.v1.Event;
import org.junit.jupiter.api.Test;

/** The pure derivation, without a database: what the events say about a run's set-up. */
class EventProjectionTest {

    private static Map<String, Object> runProps(List<GraphChange> changes) {
        Map<String, Object> out = new java.util.HashMap<>();
        for (GraphChange c : changes) {
            if (c instanceof GraphChange.RunUpsert r) {
                out.putAll(r.first());
                out.putAll(r.props());
            }
        }
        return out;
    }

    @Test
    void takesDeckAndStakeFromAStateThatNamesThemOrFromTheAgentsChoice() {
        EventProjection projection = new EventProjection(SharedGraph::find, (played, jokers) -> Optional.empty());
        List<Event> run = RunEvents.shortRun("run-5", 0).events();
        List<GraphChange> changes = new ArrayList<>();
        Struct raw = Struct.newBuilder().putFields("stake", Value.newBuilder().setNumberValue(3).build())
                .putFields("back", Value.newBuilder().setStringValue("Plasma Deck").build()).build();
        changes.addAll(projection.apply(run.get(0).toBuilder().setRaw(raw).build()));
        assertThat(runProps(changes)).containsEntry("stake", "3").containsEntry("deck", "Plasma Deck");

        Struct payload = Struct.newBuilder().putFields("deck", Value.newBuilder().setStringValue("Checkered Deck").build()).build();
        Event chosen = Event.newBuilder().setEventId("cmd").setType("COMMAND").setGameId("run-5").setOffset(1)
                .setDialect(Dialect.DIALECT_ENGINE).setCommand(CommandRecord.newBuilder().setStage(CommandRecord.Stage.STAGE_QUEUED)
                        .setCommand(Command.newBuilder().setSequence(9).setGameId("run-5").setType("select_deck").setPayload(payload)))
                .build();
        assertThat(runProps(projection.apply(chosen))).containsEntry("deck", "Checkered Deck");
        assertThat(runProps(projection.apply(run.get(1).toBuilder().setRaw(raw).build())))
                .as("an unchanged stake is not written again").doesNotContainKey("stake");
    }

    @Test
    void leavesDeckAndStakeAbsentWhenNothingNamesThem() {
        EventProjection projection = new EventProjection(SharedGraph::find, (played, jokers) -> Optional.empty());
        List<GraphChange> changes = new ArrayList<>();
        RunEvents.shortRun("run-6", 0).events().forEach(e -> changes.addAll(projection.apply(e)));
        assertThat(runProps(changes)).doesNotContainKeys("deck", "stake").containsEntry("won", false);
    }

    @Test
    void aWonRunEndsAtTheAnteOfItsLastBlindNotTheAnteShownAfterTheWin() {
        EventProjection projection = new EventProjection(SharedGraph::find, (played, jokers) -> Optional.empty());
        List<GraphChange> changes = new ArrayList<>();
        RunEvents.wonRun("run-9", 0).events().forEach(e -> changes.addAll(projection.apply(e)));
        assertThat(runProps(changes)).containsEntry("won", true).containsEntry("final_ante", 8L)
                .containsEntry("final_round", 24L).containsKey("ended");
    }

    @Test
    void aLostRunEndsAtTheAnteItDiedIn() {
        EventProjection projection = new EventProjection(SharedGraph::find, (played, jokers) -> Optional.empty());
        List<GraphChange> changes = new ArrayList<>();
        RunEvents.shortRun("run-6", 0).events().forEach(e -> changes.addAll(projection.apply(e)));
        assertThat(runProps(changes)).containsEntry("won", false).containsEntry("final_ante", 2L);
    }
}
