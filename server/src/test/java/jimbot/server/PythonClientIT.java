package jimbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jimbot.simulator.Simulation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python and Java agree on the wire: generates the Python stubs with Debian's protoc and grpc_python_plugin, starts
 * a real engine, plays {@code ./jimbot simulate --runs 20 --seed 7} into it (what the client README's samples were
 * taken after) and runs with Debian's {@code /usr/bin/python3}, in this order: {@code clients/python/tests/test_readme.py}
 * (the client installed with pip, the README's API examples as doctests, its example commands word for word and their
 * output against the README's samples), {@code tests/test_engine.py} (the example agent end to end, resume after a
 * disconnect, also one before the first event, errors) and {@code tests/test_coordinator.py} (the contract's resource
 * coordinator client, the example training loop and Claude advisor). Skipped where those are not installed, unless
 * {@code JIMBOT_REQUIRE_PYTHON=1} (set by {@code .ci/run}, which installs them).
 */
class PythonClientIT {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path data;

    private EngineConfig config() {
        return EngineConfig.from(Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("jimbot.http.port", "0", "jimbot.grpc.port", "0",
                        "jimbot.bolt.port", "0", "jimbot.data-dir", data.toString())))
                .addSource(ConfigSources.classpath("jimbot-defaults.yaml")).build());
    }

    private static Path repository() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("clients")) ? here : here.getParent();
    }

    private static String run(List<String> command, Path dir, Map<String, String> env, long seconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in " + seconds + " s");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s exited with %d:%n%s", command, p.exitValue(), text).isZero();
        return text;
    }

    private static boolean available() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import grpc, google.protobuf; import shutil, sys; "
                    + "sys.exit(0 if shutil.which('protoc') and shutil.which('grpc_python_plugin') else 1)")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void theExampleAgentAndThePythonClientWorkAgainstARealEngine() throws Exception {
        boolean required = "1".equals(System.getenv("JIMBOT_REQUIRE_PYTHON"));
        if (!available()) {
            String why = PYTHON + " with grpcio and protobuf, protoc and grpc_python_plugin are needed: "
                    + "sudo apt-get install -y python3-grpcio python3-protobuf protobuf-compiler protobuf-compiler-grpc python3-venv";
            assertThat(required).as(why).isFalse();
            Assumptions.abort(why);
        }
        Path python = repository().resolve("clients/python");
        run(List.of("bash", "generate.sh"), python, Map.of(), 120);
        try (Engine engine = Engine.start(config())) {
            Map<String, String> env = Map.of("JIMBOT_HTTP", engine.httpUri().toString(), "JIMBOT_GRPC", engine.grpcTarget());
            // the same runs as `./jimbot simulate --runs 20 --seed 7` (one client, every joker in the shops)
            Simulation.Summary simulated = Simulation.run(new Simulation.Config(20, 7, Simulation.Dialect.JIMBOT,
                    List.of(), 1, engine.httpUri()), Simulation.http(engine.httpUri()));
            assertThat(simulated.failed()).isZero();
            String readme = run(List.of(PYTHON, "tests/test_readme.py"), python, env, 600);
            System.out.println(readme);
            assertThat(readme).contains("OK").doesNotContain("FAILED");
            String out = run(List.of(PYTHON, "tests/test_engine.py"), python, env, 300);
            System.out.println(out);
            assertThat(out).contains("OK").doesNotContain("FAILED").contains("play cards [0, 1] (Pair");
            String coordinator = run(List.of(PYTHON, "tests/test_coordinator.py"), python, env, 300);
            System.out.println(coordinator);
            assertThat(coordinator).contains("Ran 2 tests").contains("OK").doesNotContain("FAILED");
        }
    }
}
