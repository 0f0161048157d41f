package jimbot.ingest.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.time.Instant;
import jimbot.v1.Command;
import jimbot.v1.Dialect;
import org.junit.jupiter.api.Test;

class CommandFormatTest {

    private static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    @Test
    void writesJimbotLines() {
        Command bare = Command.newBuilder().setType("go_to_shop").build();
        assertThat(CommandFormat.jimbotLine(bare)).isEqualTo("go_to_shop");
        Command one = Command.newBuilder().setType("select_card")
                .setPayload(Struct.newBuilder().putFields("index", num(3))).build();
        assertThat(CommandFormat.jimbotLine(one)).isEqualTo("select_card:3");
        Command list = Command.newBuilder().setType("play_hand").setPayload(Struct.newBuilder().putFields("params",
                Value.newBuilder().setListValue(ListValue.newBuilder().addValues(num(0)).addValues(num(2)).addValues(str("x"))).build()))
                .build();
        assertThat(CommandFormat.jimbotLine(list)).isEqualTo("play_hand:0,2,x");
    }

    @Test
    void writesTheStandaloneActionAsTheModReadsIt() throws Exception {
        Command c = Command.newBuilder().setType("play_hand").setSequence(42).setPayload(Struct.newBuilder()
                .putFields("card_indices", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(num(0)).addValues(num(1))).build())).build();
        String json = CommandFormat.standaloneAction(c, Instant.parse("2024-01-15T12:34:56.789Z")).toString();
        assertThat(new ObjectMapper().readTree(json)).isEqualTo(new ObjectMapper().readTree("""
                {"timestamp":"2024-01-15T12:34:56Z","sequence_id":42,"message_type":"action",
                 "data":{"action_type":"play_hand","sequence_id":42,"card_indices":[0,1]}}"""));
    }

    @Test
    void refusesWhatAJimbotLineCannotCarry() {
        Struct comma = Struct.newBuilder().putFields("p", str("a,b")).build();
        assertThat(CommandFormat.problem("play_hand", comma, Dialect.DIALECT_JIMBOT)).get().asString()
                .startsWith("payload:");
        assertThat(CommandFormat.problem("play_hand", comma, Dialect.DIALECT_STANDALONE)).isEmpty();
        assertThat(CommandFormat.problem("Play Hand", Struct.getDefaultInstance(), Dialect.DIALECT_STANDALONE)).get()
                .asString().startsWith("type:");
        Struct nested = Struct.newBuilder().putFields("o", Value.newBuilder().setStructValue(comma).build()).build();
        assertThat(CommandFormat.problem("x", nested, Dialect.DIALECT_JIMBOT)).isPresent();
    }
}
