package cn.taihang.simulator.fleet;

import cn.taihang.gateway.api.worker.DaemonThreads;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Gateways as child JVMs started exactly as on a Raspberry Pi: {@code java -jar lib/launcher-*.jar}
 * with the distribution's bundles. {@link #kill} is a real {@code kill -9}.
 */
public final class ProcessFleet implements GatewayFleet {

    private static final Pattern READY = Pattern.compile("gateway (\\S+) ready in (\\d+) ms");
    private static final Pattern NOT_UP = Pattern.compile("gateway (\\S+) is running but NOT fully up after (\\d+) ms");
    private static final long START_TIMEOUT_SECONDS = 90;

    private final Path distDir;
    private final List<String> jvmOptions;
    private final MainClass main;
    private final OutputListener lines;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    /**
     * Another main class than the launcher's, run with the distribution's {@code lib/} and more on the class path.
     *
     * @param name the main class, taking the launcher's {@code --config --data --bundles} and {@code arguments}
     * @param classpath added after {@code lib/*}
     * @param arguments added after the launcher's arguments
     */
    public record MainClass(String name, Path classpath, List<String> arguments) {

        /** Copies the list. */
        public MainClass {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * @param distDir the gateway distribution directory (holding lib/, bundles/, etc/)
     * @param jvmOptions options for each gateway JVM, e.g. {@code -Xmx64m}
     */
    public ProcessFleet(Path distDir, List<String> jvmOptions) {
        this(distDir, jvmOptions, null);
    }

    /**
     * @param distDir the gateway distribution directory (holding lib/, bundles/, etc/)
     * @param jvmOptions options for each gateway JVM, e.g. {@code -Xmx64m}
     * @param main the main class to run instead of {@code java -jar lib/launcher-*.jar}, or {@code null}
     */
    public ProcessFleet(Path distDir, List<String> jvmOptions, MainClass main) {
        this(distDir, jvmOptions, main, (gatewayId, pid, line) -> { });
    }

    /**
     * @param distDir the gateway distribution directory (holding lib/, bundles/, etc/)
     * @param jvmOptions options for each gateway JVM, e.g. {@code -Xmx64m}
     * @param main the main class to run instead of {@code java -jar lib/launcher-*.jar}, or {@code null}
     * @param lines told of every line a gateway process prints, on that process's reader thread
     */
    public ProcessFleet(Path distDir, List<String> jvmOptions, MainClass main, OutputListener lines) {
        this.distDir = distDir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.main = main;
        this.lines = lines;
    }

    /** Told of the lines the gateway processes print. */
    public interface OutputListener {
        /**
         * @param gatewayId the gateway
         * @param pid the process that printed it (a killed process's last lines may come after its successor started)
         * @param line the line
         */
        void line(String gatewayId, long pid, String line);
    }

    @Override
    public Started start(String gatewayId, Path configFile, Path dataDir, Map<String, String> frameworkProperties) throws FleetException {
        Process process;
        try {
            Files.createDirectories(dataDir.resolve("native"));
            List<String> command = command(configFile, dataDir);
            frameworkProperties.forEach((name, value) -> {
                if (!name.equals("taihang.console.url")) {
                    throw new IllegalArgumentException("a gateway process takes only taihang.console.url from the simulator, not " + name);
                }
                command.addAll(List.of("--console-url", value));
            });
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new FleetException("cannot start a JVM for " + gatewayId + ": " + e.getMessage(), e);
        }
        processes.put(gatewayId, process);
        CompletableFuture<Started> started = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        DaemonThreads.start("gateway-out-" + gatewayId, () -> readOutput(gatewayId, process, started, lastLines));
        try {
            return started.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            kill(gatewayId);
            throw new FleetException("gateway " + gatewayId + " did not come up within " + START_TIMEOUT_SECONDS + " s; its last output: "
                    + String.join(" | ", lastLinesCopy(lastLines)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(gatewayId);
            throw new FleetException("interrupted while starting " + gatewayId, e);
        }
    }

    private List<String> command(Path configFile, Path dataDir) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-Dlogback.configurationFile=" + distDir.resolve("etc/logback.xml"));
        command.add("-Dtaihang.log.dir=" + dataDir.resolve("log"));
        command.add("-Dorg.sqlite.tmpdir=" + dataDir.resolve("native"));
        if (main == null) {
            command.add("-jar");
            command.add(launcherJar().toString());
        } else {
            command.add("-cp");
            command.add(distDir.resolve("lib") + "/*" + java.io.File.pathSeparator + main.classpath());
            command.add(main.name());
        }
        command.addAll(List.of("--config", configFile.toString(), "--data", dataDir.toString(), "--bundles", distDir.resolve("bundles").toString()));
        if (main != null) {
            command.addAll(main.arguments());
        }
        return command;
    }

    private Path launcherJar() throws IOException {
        try (Stream<Path> files = Files.list(distDir.resolve("lib"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("launcher-")).findFirst()
                    .orElseThrow(() -> new IOException("no launcher jar in " + distDir.resolve("lib") + "; build the distribution first"));
        }
    }

    private void readOutput(String gatewayId, Process process, CompletableFuture<Started> started, Deque<String> lastLines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.line(gatewayId, process.pid(), line);
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 8) {
                        lastLines.removeFirst();
                    }
                }
                Matcher ready = READY.matcher(line);
                Matcher notUp = NOT_UP.matcher(line);
                if (ready.find()) {
                    started.complete(new Started(gatewayId, true, Long.parseLong(ready.group(2)), ""));
                } else if (notUp.find()) {
                    started.complete(new Started(gatewayId, false, Long.parseLong(notUp.group(2)), String.join(" | ", lastLinesCopy(lastLines))));
                }
            }
        } catch (IOException e) {
            started.completeExceptionally(e);
        }
        started.completeExceptionally(new IOException("gateway process output ended (process " + (process.isAlive() ? "alive" : "exited") + ")"));
    }

    private static List<String> lastLinesCopy(Deque<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    @Override
    public void stop(String gatewayId) {
        Process process = processes.remove(gatewayId);
        if (process != null) {
            process.destroy();
            awaitExit(process, 20);
        }
    }

    @Override
    public void kill(String gatewayId) {
        Process process = processes.remove(gatewayId);
        if (process != null) {
            process.destroyForcibly();
            awaitExit(process, 10);
        }
    }

    private static void awaitExit(Process process, int seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the process id of a running gateway, or -1 */
    public long pid(String gatewayId) {
        Process process = processes.get(gatewayId);
        return process == null ? -1 : process.pid();
    }

    @Override
    public List<String> running() {
        return processes.entrySet().stream().filter(e -> e.getValue().isAlive()).map(Map.Entry::getKey).toList();
    }

    @Override
    public long residentBytes() {
        return processes.values().stream().filter(Process::isAlive).mapToLong(p -> ProcessMemory.residentBytes(p.pid())).sum();
    }

    @Override
    public void close() {
        new ArrayList<>(processes.keySet()).parallelStream().forEach(this::stop);
    }
}
