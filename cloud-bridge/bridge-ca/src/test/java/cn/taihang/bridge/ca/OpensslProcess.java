package cn.taihang.bridge.ca;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's {@code openssl} as a foreign TLS peer (mosquitto speaks TLS through the same library), its output collected. */
final class OpensslProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/openssl");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private volatile boolean reading = true;

    private OpensslProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> collect(process.getInputStream()), "openssl-output");
        reader.setDaemon(true);
        reader.start();
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts {@code openssl <arguments>} through a shell with umask 077, as the README tells an installer to. */
    static OpensslProcess start(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 077; exec \"$0\" \"$@\"", BINARY.toString()));
        command.addAll(List.of(arguments));
        return new OpensslProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Runs {@code openssl <arguments>} to its end. */
    static OpensslProcess run(String... arguments) throws IOException, InterruptedException {
        OpensslProcess openssl = start(arguments);
        openssl.process.getOutputStream().close();
        openssl.exitCode();
        return openssl;
    }

    /** Sends text to its standard input and closes it. */
    void send(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
    }

    /** @return its exit code, once it has ended (fails the test if it does not within the wait) */
    int exitCode() throws InterruptedException {
        if (!process.waitFor(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("openssl did not end within " + WAIT + "; output so far:\n" + output);
        }
        await().atMost(WAIT).until(() -> !reading);
        return process.exitValue();
    }

    /** Waits until its output contains the text, and returns the output. */
    String awaitOutput(String text) {
        await().atMost(WAIT).until(() -> output.indexOf(text) >= 0 || !process.isAlive());
        return output.toString();
    }

    String output() {
        return output.toString();
    }

    private void collect(InputStream in) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            output.append("\n[output closed: ").append(e.getMessage()).append("]");
        } finally {
            reading = false;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
