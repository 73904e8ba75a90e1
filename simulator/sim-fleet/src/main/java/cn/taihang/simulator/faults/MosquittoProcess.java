package cn.taihang.simulator.faults;

import cn.taihang.bridge.broker.MosquittoConf;
import cn.taihang.bridge.ca.CaException;
import cn.taihang.bridge.ca.CityCa;
import cn.taihang.identity.IdentityFiles;
import cn.taihang.simulator.run.BridgeAccess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) run as a child process on a free port of 127.0.0.1, locked
 * down as a city's is: the configuration and ACL {@link MosquittoConf} generates (TLS only, client certificates of the
 * run's city CA, the certificate's CN as user name, gateways confined to their own topics), with the broker's own
 * identity enrolled with the run's CA ({@code <dir>/../pki}) and persistence on. It can be stopped (SIGTERM, it saves
 * its database), killed (SIGKILL) and started again on the same port. As root Mosquitto would switch to user
 * {@code mosquitto}, who cannot read the run directory: the configuration says {@code user root}.
 */
public final class MosquittoProcess implements AutoCloseable {

    /** Where Debian installs the broker. */
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    /** The broker's id in the run's CA. */
    public static final String BROKER_ID = "mosquitto-sim";

    private final Path dir;
    private final int port;
    private final Path config;
    private final boolean plain;
    private Process process;
    private int starts;

    /**
     * Enrols the broker with the run's CA ({@code <dir>/../pki}, made if missing) and writes the configuration; does
     * not start. Only the simulator's bridge instance ({@link BridgeAccess#BRIDGE_ID}) may read what gateways send.
     *
     * @param dir directory for the configuration, the broker's identity, the persistence database and the log
     * @param maxInflight the broker's in-flight window per client (Mosquitto's max_inflight_messages)
     */
    public MosquittoProcess(Path dir, int maxInflight) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.port = freePort();
        this.plain = false;
        Path identity = dir.resolve("identity");
        if (!IdentityFiles.in(identity).isEnrolled()) {
            try {
                CityCa.openOrCreate(BridgeAccess.pkiDir(dir.getParent())).enrolBroker(identity, BROKER_ID, List.of());
            } catch (CaException e) {
                throw new IOException("cannot enrol the broker with the run's CA: " + e.getMessage(), e);
            }
        }
        config = new MosquittoConf("127.0.0.1", port, IdentityFiles.in(identity), List.of(BridgeAccess.BRIDGE_ID), List.of(
                "user root",
                "persistence true",
                "persistence_location " + dir.toAbsolutePath() + "/",
                "autosave_interval 5",
                "max_inflight_messages " + maxInflight,
                "max_queued_messages 100000",
                "message_size_limit 2097152",
                "set_tcp_nodelay true",
                "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log"),
                "log_type error", "log_type warning", "log_type notice")).writeTo(dir);
    }

    private MosquittoProcess(Path dir, int port, Path config) {
        this.dir = dir;
        this.port = port;
        this.config = config;
        this.plain = true;
    }

    /**
     * A lab broker for benchmark baselines only: plain MQTT, anonymous, no ACL, no persistence — what a city must never
     * run, measured beside the locked-down one to show what TLS and the ACL cost.
     *
     * @param dir directory for the configuration and the log
     * @param maxInflight the broker's in-flight window per client
     */
    public static MosquittoProcess plainLab(Path dir, int maxInflight) throws IOException {
        Files.createDirectories(dir);
        int port = freePort();
        Path config = Files.write(dir.resolve("mosquitto.conf"), List.of(
                "# Benchmark baseline only: plain MQTT, anonymous, no ACL. Never for a city's gateways.",
                "listener " + port + " 127.0.0.1", "allow_anonymous true", "user root", "persistence false",
                "max_inflight_messages " + maxInflight, "max_queued_messages 100000", "message_size_limit 2097152", "set_tcp_nodelay true",
                "log_dest file " + dir.toAbsolutePath().resolve("mosquitto.log"), "log_type error", "log_type warning"));
        return new MosquittoProcess(dir, port, config);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    /** @return whether the Debian package is installed */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts the broker and waits until it accepts connections. */
    public synchronized MosquittoProcess start() throws IOException {
        if (process != null && process.isAlive()) {
            return this;
        }
        process = new ProcessBuilder(BINARY.toString(), "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile())).start();
        starts++;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + " at start; see " + dir.resolve("mosquitto.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return this;
            } catch (IOException notYet) {
                pause(50);
            }
        }
        throw new IOException("mosquitto did not accept connections on port " + port + " within 15 s; see " + dir.resolve("mosquitto.log"));
    }

    /** Stops the broker with SIGTERM (it saves its persistence database) and waits. */
    public synchronized void stop() {
        end(false);
    }

    /** Kills the broker with SIGKILL. */
    public synchronized void kill() {
        end(true);
    }

    private void end(boolean forcibly) {
        if (process == null) {
            return;
        }
        Termination.end(process, forcibly, 10);
        process = null;
    }

    /** @return {@code ssl://127.0.0.1:<port>}, or {@code tcp://…} for a {@link #plainLab} broker */
    public String url() {
        return (plain ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    /** @return the port */
    public int port() {
        return port;
    }

    /** @return the process id, or -1 when not running */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** @return how often it was started */
    public synchronized int starts() {
        return starts;
    }

    @Override
    public void close() {
        stop();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
