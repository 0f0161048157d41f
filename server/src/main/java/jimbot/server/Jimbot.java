package jimbot.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jimbot} command line: one subcommand per verb. */
@Command(name = "jimbot", mixinStandardHelpOptions = true, version = "JimBot Engine 0.1.0",
        description = "Graph-analytics engine between Balatro (BalatroMCP) and the AI that plays it.",
        subcommands = {ServeCommand.class, StatusCommand.class, SimulateCommand.class, GraphCommand.class,
                picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class Jimbot implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        configureLogging();
        // serve returns once SIGTERM or SIGINT asked it to stop and it closed the engine
        System.exit(new CommandLine(new Jimbot()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Jimbot.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            System.err.println("jimbot: logging configuration unreadable, using the JDK default: " + e.getMessage());
        }
    }
}
