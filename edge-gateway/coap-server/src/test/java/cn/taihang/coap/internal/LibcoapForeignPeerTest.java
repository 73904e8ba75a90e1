package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.sensor.SensorValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client nobody here wrote: libcoap's coap-client (Debian libcoap3-bin, OpenSSL and GnuTLS builds) posts
 * SenML over DTLS with a pre-shared key. libcoap fails silently on a wrong key (it prints an error and
 * exits 0), so the output is checked, never the exit code.
 */
@Tag("loopback")
class LibcoapForeignPeerTest {

    private static final String KEY = "libcoap-psk-key-01";
    private static final String PACK = "[{\"bn\":\"3300/0/\",\"n\":\"5750\",\"vs\":\"visibility\"},{\"n\":\"5700\",\"u\":\"m\",\"v\":150}]";

    @TempDir
    Path dir;

    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir, Map.of());
        fixture.provision(1, Map.of("vis-libcoap", KEY));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"coap-client-openssl", "coap-client-gnutls"})
    void libcoapPostsSenmlOverDtlsPsk(String binary) throws Exception {
        String output = run(binary, "vis-libcoap", KEY);
        assertThat(output).as("coap-client output").doesNotContain("ERR").doesNotContain("WARN");
        await().atMost(5, TimeUnit.SECONDS).until(() -> !fixture.handler.messages.isEmpty());
        assertThat(fixture.handler.messages.get(0).sensorId()).isEqualTo("vis-libcoap");
        assertThat(fixture.handler.messages.get(0).values()).contains(SensorValue.number("3300/0/5700", "m", 150));
        assertThat(fixture.count("accepted")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"coap-client-openssl", "coap-client-gnutls"})
    void libcoapWithAWrongKeyGetsNothingIn(String binary) throws Exception {
        String output = run(binary, "vis-libcoap", "a-wrong-psk-key-99");
        assertThat(output).as("libcoap reports the failure only in its output").containsAnyOf("ERR", "WARN", "cannot send");
        assertThat(fixture.handler.messages).isEmpty();
        await().atMost(5, TimeUnit.SECONDS).until(() -> fixture.count("handshake-failed") >= 1);
    }

    private String run(String binary, String identity, String key) throws IOException, InterruptedException {
        Path executable = Path.of("/usr/bin", binary);
        Assumptions.assumeTrue(Files.isExecutable(executable),
                binary + " is missing: install the Debian package libcoap3-bin (apt-get install -y libcoap3-bin) to run the foreign-peer test");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-m", "post", "-u", identity, "-k", key, "-t", "110", "-B", "5",
                "-e", PACK, "coaps://127.0.0.1:" + fixture.secure().getPort() + "/senml"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(binary + " finished").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
