package cn.taihang.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from Debian's {@code postgresql} package, on 127.0.0.1 and a free port, for tests,
 * benchmarks and scenarios: {@code initdb} into a temporary directory (trust authentication, one superuser), then
 * {@code pg_ctl start}; {@link #close()} stops it at once and deletes the directory. {@code initdb} refuses to run as
 * root, so as root the server's commands run as the {@code postgres} user ({@code runuser -u postgres --}) in a directory
 * that user owns; otherwise they run as the current user. Thread-safe.
 *
 * <pre>{@code
 * try (LocalPostgres pg = LocalPostgres.start(LocalPostgres.Durability.DURABLE)) {
 *     String db = pg.createDatabase("bench");   // postgresql://<pg.user()>@127.0.0.1:<pg.port()>/bench
 * }
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {

    /** What the server promises about a commit. */
    public enum Durability {
        /** As production: every commit waits for the WAL flush ({@code fsync}, {@code synchronous_commit} on). Benchmarks. */
        DURABLE,
        /** Nothing survives a crash ({@code fsync=off}, no commit wait): tests, which throw the data away anyway. */
        THROWAWAY
    }

    /** What to install when the server binaries are missing. */
    public static final String INSTALL_HINT = "apt-get install -y postgresql";

    private static final Path DEBIAN_BASE = Path.of("/usr/lib/postgresql");
    private static final String SUPERUSER = "taihang";
    private static final String SERVICE_USER = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final long COMMAND_TIMEOUT_S = 60;

    private final Path bin;
    private final Path home;
    private final boolean asServiceUser;
    private final int port;
    private final Thread stopAtExit;
    private boolean stopped;

    private LocalPostgres(Path bin, Path home, boolean asServiceUser, int port) {
        this.bin = bin;
        this.home = home;
        this.asServiceUser = asServiceUser;
        this.port = port;
        this.stopAtExit = new Thread(this::stop, "local-postgres-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /**
     * Makes and starts a server; it is stopped when {@link #close()}d or, at the latest, when the JVM exits.
     *
     * @return the running server
     * @throws IllegalStateException if PostgreSQL is not installed (the message says what to install) or does not start
     *     (the message holds the server's log)
     */
    public static LocalPostgres start(Durability durability) {
        Path bin = binaries();
        try {
            boolean root = isRoot();
            Path home = Files.createTempDirectory("taihang-postgres-");
            if (root) {
                run(List.of("chown", SERVICE_USER + ":" + SERVICE_USER, home.toString()), home);
            }
            int port = freePort();
            LocalPostgres pg = new LocalPostgres(bin, home, root, port);
            try {
                pg.serverCommand(List.of(bin.resolve("initdb").toString(), "-D", pg.data().toString(), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8",
                        "--locale=C.UTF-8", "--no-sync"));
                List<String> settings = new ArrayList<>(List.of("-p " + port, "-k " + home, "-c listen_addresses=127.0.0.1", "-c max_connections=300"));
                if (durability == Durability.THROWAWAY) {
                    settings.addAll(List.of("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"));
                }
                pg.serverCommand(List.of(bin.resolve("pg_ctl").toString(), "-D", pg.data().toString(), "-l", home.resolve("server.log").toString(),
                        "-o", String.join(" ", settings), "-w", "-t", "60", "start"));
                return pg;
            } catch (RuntimeException e) {
                String log = pg.log();
                pg.close();
                throw new IllegalStateException("the local PostgreSQL did not start: " + e.getMessage() + (log.isEmpty() ? "" : "\nserver log:\n" + log), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local PostgreSQL's directory", e);
        }
    }

    /** @return the port it listens on (127.0.0.1) */
    public int port() {
        return port;
    }

    /** @return {@code 127.0.0.1} */
    public String host() {
        return "127.0.0.1";
    }

    /** @return the superuser to log in as (no password: the server trusts local connections) */
    public String user() {
        return SUPERUSER;
    }

    /** @return the URL of a database of this server, e.g. {@code postgresql://taihang@127.0.0.1:40123/bench} */
    public String url(String database) {
        return "postgresql://" + SUPERUSER + "@" + host() + ":" + port + "/" + database;
    }

    /**
     * Creates an empty database.
     *
     * @param name {@code [a-z][a-z0-9_]*}, at most 63 characters
     * @return the name
     * @throws IllegalArgumentException for a bad name; IllegalStateException if the server refuses (e.g. it exists)
     */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be [a-z][a-z0-9_]{0,62}, was '" + name + "'");
        }
        run(List.of(bin.resolve("createdb").toString(), "-h", host(), "-p", Integer.toString(port), "-U", SUPERUSER, name), home);
        return name;
    }

    /** Stops the server at once (its data is thrown away) and deletes its directory. Idempotent. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs (or ran) stop() itself
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (Files.exists(data().resolve("postmaster.pid"))) {
            try {
                serverCommand(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"));
            } catch (RuntimeException e) {
                System.err.println("local PostgreSQL on port " + port + " did not stop: " + e.getMessage());
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + home + ": " + e.getMessage());
        }
    }

    private Path data() {
        return home.resolve("data");
    }

    private String log() {
        try {
            Path log = home.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private void serverCommand(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asServiceUser) {
            full.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        full.addAll(command);
        run(full, home);
    }

    private static String run(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT_S + " s");
            }
            String text = new String(out, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command.get(command.indexOf("--") + 1) + " failed (exit " + p.exitValue() + "): " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** @return the newest installed server's {@code bin} directory */
    private static Path binaries() {
        try (Stream<Path> versions = Files.isDirectory(DEBIAN_BASE) ? Files.list(DEBIAN_BASE) : Stream.empty()) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")) && Files.isExecutable(v.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(LocalPostgres::version)).map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL is not installed (no " + DEBIAN_BASE + "/<version>/bin/initdb): run `"
                            + INSTALL_HINT + "` (as root), then try again"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isRoot() throws IOException {
        Path probe = Files.createTempFile("taihang-uid-", ".probe");
        try {
            return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
        } finally {
            Files.delete(probe);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
