package jimbot.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import jimbot.api.grpc.GrpcServer;
import jimbot.ingest.http.IntakeServer;
import jimbot.v1.BestPlayReply;
import jimbot.v1.BestPlayRequest;
import jimbot.v1.Card;
import jimbot.v1.JokerOrderReply;
import jimbot.v1.JokerOrderRequest;
import jimbot.v1.Play;
import jimbot.v1.PlayJoker;
import jimbot.v1.ScoreHandReply;
import jimbot.v1.ScoreHandRequest;
import jimbot.v1.StrategyGrpc;
import jimbot.v1.SynergiesRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Strategy service over real gRPC: the same answers and the same strict reading as the HTTP routes. */
class StrategyRpcTest {

    @TempDir
    static Path dir;
    private static IntakeServer http;
    private static GrpcServer grpc;
    private static ManagedChannel channel;
    private static StrategyGrpc.StrategyBlockingStub strategy;

    @BeforeAll
    static void start() {
        http = IntakeServer.start(dir);
        grpc = GrpcServer.start(new GrpcServer.Settings("127.0.0.1", 0, Optional.empty(), Duration.ofSeconds(1)),
                List.of(new StrategyRpc(http.journal())));
        channel = Grpc.newChannelBuilderForAddress("127.0.0.1", grpc.port(), InsecureChannelCredentials.create()).build();
        strategy = StrategyGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        grpc.close();
        http.close();
    }

    private static Card card(String rank, String suit) {
        return Card.newBuilder().setRank(rank).setSuit(suit).build();
    }

    private static PlayJoker joker(String name) {
        return PlayJoker.newBuilder().setName(name).build();
    }

    private static Play.Builder kings() {
        return Play.newBuilder().addPlayed(card("King", "Spades")).addPlayed(card("King", "Hearts"))
                .addHeld(card("7", "Clubs"));
    }

    private static BadRequest.FieldViolation violation(StatusRuntimeException e) throws Exception {
        return StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0);
    }

    @Test
    void scoresAPlayAsTheHttpRouteDoes() {
        ScoreHandReply r = strategy.scoreHand(ScoreHandRequest.newBuilder()
                .setPlay(kings().addJokers(joker("Joker")).addJokers(joker("Cavendish"))).setSteps(true).build());
        assertThat(r.getHand()).isEqualTo("Pair");
        assertThat(r.getChips()).isEqualTo(30);
        assertThat(r.getMult()).isEqualTo(18);
        assertThat(r.getScore()).isEqualTo("540");
        assertThat(r.getStepsList()).isNotEmpty();
    }

    @Test
    void ordersJokersForAPlay() {
        JokerOrderReply r = strategy.optimizeJokerOrder(JokerOrderRequest.newBuilder()
                .setPlay(kings().addJokers(joker("Cavendish")).addJokers(joker("Joker"))).build());
        assertThat(r.getBestJokersList()).containsExactly("Joker", "Cavendish");
        assertThat(r.getBestOrderList()).containsExactly(1, 0);
        assertThat(r.getBestScore()).isEqualTo("540");
        assertThat(r.getCurrentScore()).isEqualTo("300");
        assertThat(r.getGain()).isEqualTo("240");
    }

    @Test
    void answersForAGameFromItsLatestState() throws Exception {
        http.post("/api/v1/events/batch", """
                {"events":[{"type":"GAME_STATE","source":"BalatroMCP","event_id":"s1","timestamp":1.5,
                 "payload":{"in_game":true,"game_id":"unknown","ante":1,"round":1,"game_state":"PLAYING","money":4,
                  "hands_remaining":4,"discards_remaining":3,
                  "jokers":[{"id":"j1","name":"Cavendish","position":0},{"id":"j2","name":"Joker","position":1}],
                  "hand":[{"rank":"King","suit":"Spades"},{"rank":"King","suit":"Hearts"},{"rank":"7","suit":"Clubs"}]}}]}""");
        JokerOrderReply order = strategy.optimizeJokerOrder(JokerOrderRequest.newBuilder().setGameId("run-0").build());
        assertThat(order.getGameId()).isEqualTo("run-0");
        assertThat(order.getBestJokersList()).containsExactly("Joker", "Cavendish");
        assertThat(order.getForCardsList()).contains(0, 1);
        BestPlayReply best = strategy.bestPlay(BestPlayRequest.newBuilder().setGameId("run-0").setTop(2).build());
        assertThat(best.getPlaysList()).hasSize(2);
        assertThat(best.getPlays(0).getHand()).isEqualTo("Pair");
        assertThat(best.getPlays(0).getCardsList()).containsExactly(0, 1);
    }

    @Test
    void mistakesNameTheFieldOfThePlay() throws Exception {
        StatusRuntimeException unknown = catchStatus(() -> strategy.scoreHand(ScoreHandRequest.newBuilder()
                .setPlay(kings().addJokers(joker("Not A Joker"))).build()));
        assertThat(unknown.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violation(unknown).getField()).isEqualTo("play.jokers[0].name");

        StatusRuntimeException top = catchStatus(() -> strategy.bestPlay(BestPlayRequest.newBuilder()
                .setPlay(Play.newBuilder().addHeld(card("King", "Spades"))).setTop(21).build()));
        assertThat(violation(top).getField()).isEqualTo("top");

        StatusRuntimeException noSource = catchStatus(() -> strategy.optimizeJokerOrder(JokerOrderRequest.getDefaultInstance()));
        assertThat(violation(noSource).getField()).isEqualTo("source");

        StatusRuntimeException noGame = catchStatus(() -> strategy.bestPlay(BestPlayRequest.newBuilder().setGameId("nope").build()));
        assertThat(noGame.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void aModuleThatHasNotLandedIsUnimplementedAndSaysWhich() {
        StatusRuntimeException e = catchStatus(() -> strategy.getSynergies(SynergiesRequest.getDefaultInstance()));
        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        assertThat(e.getStatus().getDescription()).contains("synergy");
    }

    private static StatusRuntimeException catchStatus(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("the call succeeded");
    }
}
