package jimbot.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One log record per line: time, level, logger, message (key=value pairs by convention), then any stack trace. */
public final class LogLineFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder out = new StringBuilder(160);
        out.append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(' ')
                .append(message(record)).append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            out.append(trace);
        }
        return out.toString();
    }

    private static String message(LogRecord record) {
        String msg = record.getMessage();
        Object[] params = record.getParameters();
        if (msg == null || params == null || params.length == 0) {
            return String.valueOf(msg);
        }
        Object[] plain = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            // numbers as written (MessageFormat would group digits: offset=1,234)
            plain[i] = params[i] instanceof Number n ? n.toString() : params[i];
        }
        try {
            return MessageFormat.format(msg, plain);
        } catch (IllegalArgumentException e) {
            return msg;
        }
    }
}
