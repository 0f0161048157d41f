package jimbot.api.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import jimbot.errors.CancelledException;
import jimbot.errors.InvalidArgumentException;
import jimbot.errors.NotFoundException;
import jimbot.errors.UnavailableException;

/**
 * Maps the engine's errors to gRPC statuses: a client mistake is {@code INVALID_ARGUMENT} with a
 * {@code google.rpc.BadRequest} naming the field; anything unexpected is {@code INTERNAL} with no internals leaked.
 */
public final class RpcErrors {

    private static final System.Logger LOG = System.getLogger(RpcErrors.class.getName());

    private RpcErrors() {
    }

    /** Answers a unary call with {@code answer}'s value, or with the status its exception maps to. */
    public static <T> void unary(StreamObserver<T> out, Supplier<T> answer) {
        T value;
        try {
            value = answer.get();
        } catch (RuntimeException e) {
            out.onError(status(e));
            return;
        }
        out.onNext(value);
        out.onCompleted();
    }

    /** A bad argument, named. */
    public static StatusRuntimeException invalid(String field, String expected, String message) {
        return status(new InvalidArgumentException(field, expected, message));
    }

    /** The status for a failure. */
    public static StatusRuntimeException status(Throwable e) {
        return switch (e) {
            case StatusRuntimeException s -> s;
            case InvalidArgumentException bad -> {
                BadRequest detail = BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(bad.field()).setDescription(bad.getMessage() + " (expected " + bad.expected() + ")"))
                        .build();
                yield StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage(bad.getMessage()).addDetails(Any.pack(detail))
                        .build());
            }
            case NotFoundException nf -> Status.NOT_FOUND.withDescription(nf.getMessage()).asRuntimeException();
            case UnavailableException u -> Status.UNAVAILABLE.withDescription(u.getMessage()).asRuntimeException();
            case UnsupportedOperationException u -> Status.UNIMPLEMENTED.withDescription(u.getMessage()).asRuntimeException();
            case CancelledException c -> cancelled(c.getMessage());
            case CancellationException c -> cancelled(c.getMessage());
            default -> {
                LOG.log(System.Logger.Level.ERROR, "gRPC call failed", e);
                yield Status.INTERNAL.withDescription("the engine failed to answer (" + e.getClass().getSimpleName()
                        + "); the failure is in its log").asRuntimeException();
            }
        };
    }

    private static StatusRuntimeException cancelled(String message) {
        Context ctx = Context.current();
        if (ctx.isCancelled() && ctx.getDeadline() == null) {
            return Status.CANCELLED.withDescription(message).asRuntimeException();
        }
        return Status.DEADLINE_EXCEEDED.withDescription(message == null ? "out of time" : message).asRuntimeException();
    }
}
