package cn.taihang.hardware.pi4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.testkit.config.Configs;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Serial ports as tty device files, with a named pipe (mkfifo) standing in for the tty: it is read and
 * written like one, and what the gateway writes comes back to its own reader.
 */
@Tag("loopback")
class TtySerialPortsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path deviceDir;
    private TtySerialPorts ports;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final LineListener listener = new LineListener() {
        @Override
        public void onLine(String line, long timestampMicros) {
            received.add(line + "@" + timestampMicros);
        }

        @Override
        public void onOverflow(int length) {
            received.add("overflow " + length);
        }
    };

    @BeforeEach
    void makeDevices() throws Exception {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(tmp);
        deviceDir = Files.createTempDirectory(tmp, "dev");
        mkfifo(deviceDir.resolve("ttyACM0"));
        ports = new TtySerialPorts(Configs.of(TtyConfig.class, Map.of("deviceDir", deviceDir.toString(), "sttyCommand", "")));
    }

    @AfterEach
    void close() throws IOException {
        ports.deactivate();
        try (var files = Files.list(deviceDir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(deviceDir);
    }

    private static void mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo " + path).isZero();
    }

    private void scannerSends(String bytes) throws IOException {
        try (FileOutputStream scanner = new FileOutputStream(deviceDir.resolve("ttyACM0").toFile())) {
            scanner.write(bytes.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Test
    void readsLinesAndStampsThemWhenTheyEnd() throws Exception {
        ports.open(new SerialSpec("ttyACM0", 9600, 32, "validator gate-1"), listener);
        long before = nowMicros();
        scannerSends("TH1:6BFOXN%TS3DH\r\n晋城 QR\n" + "x".repeat(40) + "\r\nlast\n");

        await().atMost(WAIT).until(() -> received.size() == 4);
        long after = nowMicros();
        assertThat(received.get(0)).startsWith("TH1:6BFOXN%TS3DH@");
        assertThat(received.get(1)).startsWith("晋城 QR@");
        assertThat(received.get(2)).isEqualTo("overflow 40");
        assertThat(received.get(3)).startsWith("last@");
        long stamp = Long.parseLong(received.get(0).substring(received.get(0).indexOf('@') + 1));
        assertThat(stamp).isBetween(before, after);
    }

    @Test
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void writtenLinesReachTheDeviceWhileTheReaderWaits() throws Exception {
        SerialLine line = ports.open(new SerialSpec(deviceDir.resolve("ttyACM0").toString(), 9600, 64, "validator gate-1"), listener);
        scannerSends("ready\n");
        await().atMost(WAIT).until(() -> received.size() == 1);

        line.writeLine("BEEP twice");

        await().atMost(WAIT).untilAsserted(() -> assertThat(received).hasSize(2).last().asString().startsWith("BEEP twice@"));
        assertThatThrownBy(() -> line.writeLine("two\nlines")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneOwnerPerDeviceAndClosingReleasesIt() throws Exception {
        SerialLine first = ports.open(new SerialSpec("ttyACM0", 9600, 64, "validator gate-1"), listener);

        assertThatThrownBy(() -> ports.open(new SerialSpec(deviceDir.resolve("ttyACM0").toString(), 9600, 64, "locker-7"), listener))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.PIN_IN_USE))
                .hasMessageContaining("validator gate-1");
        first.close();
        first.close();
        assertThatThrownBy(() -> first.writeLine("late")).isInstanceOf(IllegalStateException.class);
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("tty-ttyACM0")));

        ports.open(new SerialSpec("ttyACM0", 9600, 64, "locker-7"), listener);
        scannerSends("after reopen\n");
        await().atMost(WAIT).untilAsserted(() -> assertThat(received).hasSize(1).first().asString().startsWith("after reopen@"));
    }

    @Test
    void refusesPortsOutsideTheDeviceDirectoryAndMissingDevices() {
        assertThatThrownBy(() -> ports.open(new SerialSpec("../../etc/passwd", 9600, 64, "x"), listener))
                .isInstanceOfSatisfying(HardwareException.class,
                        e -> assertThat(e.reason()).isEqualTo(HardwareException.Reason.NO_SUCH_PIN));
        assertThatThrownBy(() -> ports.open(new SerialSpec("ttyUSB7", 9600, 64, "x"), listener))
                .isInstanceOfSatisfying(HardwareException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HardwareException.Reason.PORT_UNAVAILABLE);
                    assertThat(e.reason().temporary()).isTrue();
                }).hasMessageContaining("plugged in");
        assertThatThrownBy(() -> new TtySerialPorts(Configs.of(TtyConfig.class, Map.of("deviceDir", "dev"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deviceDir");
    }

    @Test
    void aDeviceThatRefusesSttyIsStillRead() throws Exception {
        TtySerialPorts withStty = new TtySerialPorts(Configs.of(TtyConfig.class, Map.of("deviceDir", deviceDir.toString())));
        try {
            withStty.open(new SerialSpec("ttyACM0", 115200, 64, "validator gate-1"), listener);
            scannerSends("still read\n");
            await().atMost(WAIT).untilAsserted(() -> assertThat(received).hasSize(1).first().asString().startsWith("still read@"));
        } finally {
            withStty.deactivate();
        }
    }
}
