package jimbot.journal;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import jimbot.v1.Event;

/**
 * The bytes of a stored event. The request thread encodes the event and its raw Struct; the journal's writer then
 * appends the sequencer's patch and the offset, which protobuf merges into one message when the bytes are read.
 */
final class EventCodec {

    private EventCodec() {
    }

    static Event parse(byte[] value) {
        try {
            return Event.parseFrom(value);
        } catch (InvalidProtocolBufferException e) {
            throw new JournalUnavailableException("journal holds an unreadable event: " + e.getMessage(), e);
        }
    }

    /** The event's bytes followed by its raw field: protobuf merges the two into one message when read. */
    static byte[] encode(Event event, ByteString raw) {
        if (raw.isEmpty()) {
            return event.toByteArray();
        }
        int size = event.getSerializedSize() + CodedOutputStream.computeBytesSize(Event.RAW_FIELD_NUMBER, raw);
        byte[] out = new byte[size];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            event.writeTo(cos);
            cos.writeBytes(Event.RAW_FIELD_NUMBER, raw);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The encoded event followed by the patch and the offset: protobuf keeps the last value of a scalar field and
     * merges message fields, so the bytes read back as the event with the patch applied and the offset set.
     */
    static byte[] withPatch(byte[] encoded, Event patch, long offset) {
        int patchSize = patch.getSerializedSize();
        int size = encoded.length + patchSize + CodedOutputStream.computeUInt64Size(Event.OFFSET_FIELD_NUMBER, offset);
        byte[] out = Arrays.copyOf(encoded, size);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, encoded.length, size - encoded.length);
        try {
            patch.writeTo(cos);
            cos.writeUInt64(Event.OFFSET_FIELD_NUMBER, offset);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
