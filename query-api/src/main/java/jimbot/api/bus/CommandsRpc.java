package jimbot.api.bus;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import jimbot.api.grpc.RpcErrors;
import jimbot.errors.InvalidArgumentException;
import jimbot.ingest.Intake;
import jimbot.routing.TopicPattern;
import jimbot.v1.CommandUpdate;
import jimbot.v1.CommandsGrpc;
import jimbot.v1.SubmitCommandReply;
import jimbot.v1.SubmitCommandRequest;
import jimbot.v1.WatchCommandsRequest;

/** The Commands service: the AI's commands queued for the game's own poll, and their delivery as a stream. */
public final class CommandsRpc extends CommandsGrpc.CommandsImplBase {

    private static final TopicPattern COMMANDS = TopicPattern.parse("game.command.>");

    private final Intake intake;
    private final RecentEvents recent;

    /** @param recent the shared tail of the intake's journal */
    public CommandsRpc(Intake intake, RecentEvents recent) {
        this.intake = intake;
        this.recent = recent;
    }

    @Override
    public void submitCommand(SubmitCommandRequest request, StreamObserver<SubmitCommandReply> out) {
        RpcErrors.unary(out, () -> {
            if (request.getType().isBlank()) {
                throw new InvalidArgumentException("type", "a command word such as play_hand", "type: empty");
            }
            Intake.QueuedCommand q = intake.submit(new Intake.CommandRequest(text(request.getGameId()),
                    request.getType().trim(), request.getPayload(), text(request.getClientRef())));
            return SubmitCommandReply.newBuilder().setCommandId(q.command().getSequence()).setDuplicate(q.duplicate())
                    .setCommand(q.command()).build();
        });
    }

    @Override
    public void watchCommands(WatchCommandsRequest request, StreamObserver<CommandUpdate> out) {
        String game = request.getGameId().trim();
        long from = request.hasFromOffset() ? request.getFromOffset() : recent.journal().end();
        JournalStream.start(recent, (ServerCallStreamObserver<CommandUpdate>) out,
                e -> COMMANDS.matches(e.getTopic()) && e.hasCommand(),
                r -> Optional.of(CommandUpdate.newBuilder().setOffset(r.event().getOffset())
                        .setRecord(r.event().getCommand()).build()),
                new JournalStream.Range(from, game.isEmpty() ? Optional.empty() : Optional.of(game), Optional.empty(), 0),
                "grpc-commands");
    }

    private static Optional<String> text(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
