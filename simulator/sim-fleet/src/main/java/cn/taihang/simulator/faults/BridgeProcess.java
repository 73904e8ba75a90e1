package cn.taihang.simulator.faults;

import cn.taihang.bridge.BridgeOptions;
import cn.taihang.gateway.api.worker.DaemonThreads;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.simulator.run.BridgeAccess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cloud bridge as a child JVM ({@code cn.taihang.bridge.BridgeMain}) against an external broker, so that it can be
 * stopped (SIGTERM: it publishes its offline state and closes its database) or killed (SIGKILL: the broker publishes
 * its will) and started again on the same database. Its output goes to {@code bridge.log} in its directory.
 */
public final class BridgeProcess implements AutoCloseable {

    private static final Pattern HTTP = Pattern.compile("HTTP API\\s+(https://\\S+?)/api/v1/gateways");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Path dir;
    private final String brokerUrl;
    private final List<String> jvmOptions;
    private Process process;
    private String httpUrl;

    /**
     * @param dir the bridge's data directory (its database {@code bridge.db}) and log
     * @param brokerUrl the external broker
     * @param jvmOptions options of the bridge JVM
     */
    public BridgeProcess(Path dir, String brokerUrl, List<String> jvmOptions) {
        this.dir = dir;
        this.brokerUrl = brokerUrl;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /** Starts the bridge and waits until it says it is ready. */
    public synchronized BridgeProcess start() throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=" + logConfig());
        Path identity = BridgeAccess.enrol(dir.resolveSibling("pki"), dir.resolve("identity"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "cn.taihang.bridge.BridgeMain", "--broker", brokerUrl,
                "--data", dir.toString(), "--http-port", "0", "--client-id", "taihang-bridge-sim", "--identity", identity.toString()));
        Process started = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> ready = new CompletableFuture<>();
        DaemonThreads.start("bridge-out-" + started.pid(), () -> copyOutput(started, ready));
        try {
            httpUrl = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            process = started;
            return this;
        } catch (ExecutionException | TimeoutException e) {
            started.destroyForcibly();
            throw new IOException("the bridge did not start within " + START_TIMEOUT_SECONDS + " s; see " + dir.resolve("bridge.log"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.destroyForcibly();
            throw new IOException("interrupted while starting the bridge", e);
        }
    }

    /** The bridge's command-line log setup, plus its MQTT connection's reconnect attempts (for the crash report). */
    private Path logConfig() throws IOException {
        Path file = dir.resolve("logback.xml");
        Files.writeString(file, String.join("\n",
                "<configuration>",
                "  <appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>",
                "  </appender>",
                "  <logger name=\"cn.taihang\" level=\"INFO\"/>",
                "  <logger name=\"cn.taihang.bridge.broker\" level=\"DEBUG\"/>",
                "  <root level=\"WARN\"><appender-ref ref=\"OUT\"/></root>",
                "</configuration>", ""));
        return file;
    }

    private void copyOutput(Process p, CompletableFuture<String> ready) {
        String url = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter log = new PrintWriter(Files.newBufferedWriter(dir.resolve("bridge.log"), StandardCharsets.UTF_8,
                     StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            log.println("--- bridge process " + p.pid());
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                log.println(line);
                Matcher m = HTTP.matcher(line);
                if (m.find()) {
                    url = m.group(1);
                }
                if (url != null && line.contains("Database")) {
                    ready.complete(url);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IOException("bridge output ended (exit " + (p.isAlive() ? "?" : p.exitValue()) + ")"));
    }

    /** Stops the bridge with SIGTERM (graceful: offline state, database closed) and waits. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the bridge with SIGKILL. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        Termination.end(process, forcibly, 30);
        process = null;
    }

    /** @return the CA certificates its HTTPS clients trust */
    public Path caCertificates() {
        return IdentityFiles.in(dir.resolve("identity")).caCertificates();
    }

    /** @return the directory of its local token issuer */
    public Path tokenIssuerDir() {
        return dir.resolve(BridgeOptions.SECRETS_DIR);
    }

    /** @return the running bridge's process id, or -1 */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** @return the HTTP base URL of the running bridge */
    public synchronized String httpUrl() {
        return httpUrl;
    }

    /** @return the database file */
    public Path databaseFile() {
        return dir.resolve("bridge.db");
    }

    @Override
    public void close() {
        stop();
    }
}
