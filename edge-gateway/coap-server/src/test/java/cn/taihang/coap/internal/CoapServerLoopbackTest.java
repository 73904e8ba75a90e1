package cn.taihang.coap.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Californium client against the gateway's CoAP server on 127.0.0.1: SenML by POST over DTLS and plain CoAP, and every refusal. */
@Tag("loopback")
class CoapServerLoopbackTest {

    static final String KEY = "fog-sensor-key-0001";
    static final String VISIBILITY_JSON = """
            [{"bn":"3300/0/","n":"5750","vs":"visibility"},{"n":"5700","u":"m","v":120}]""";

    @TempDir
    Path dir;

    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(dir, Map.of("requestsPerMinute", 600, "burst", 10, "maxPayloadBytes", 4096));
        fixture.provision(1, Map.of("vis-zw-12", KEY));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void senmlJsonOverDtlsReachesTheHandlerUnderTheSensorsIdentity() throws Exception {
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            CoapResponse response = sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON);
            assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        SensorMessage message = fixture.handler.messages.get(0);
        assertThat(message.sensorId()).isEqualTo("vis-zw-12");
        assertThat(message.transport()).isEqualTo(SensorMessage.Transport.DTLS);
        assertThat(message.values()).containsExactly(SensorValue.text("3300/0/5750", "visibility"), SensorValue.number("3300/0/5700", "m", 120));
        assertThat(fixture.count("accepted")).isEqualTo(1);
    }

    @Test
    void senmlCborOverDtlsIsDecodedToo() throws Exception {
        byte[] cbor = new SenmlCodec().encodeCbor(List.of(SenmlRecord.number("3303/0/5700", "Cel", -3.5)));
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            assertThat(sensor.post(fixture.secureUri("/senml"), cbor, SenmlDecoding.SENML_CBOR).getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(fixture.handler.messages.get(0).values()).containsExactly(SensorValue.number("3303/0/5700", "Cel", -3.5));
    }

    @Test
    void aLargePackArrivesBlockwiseAndAPackAboveTheLimitIsAnswered413() throws Exception {
        StringBuilder big = new StringBuilder("[{\"bn\":\"3303/\",\"n\":\"0/5700\",\"u\":\"Cel\",\"v\":0}");
        for (int i = 1; i < 60; i++) {
            big.append(",{\"n\":\"").append(i).append("/5700\",\"u\":\"Cel\",\"v\":").append(i % 30).append('}');
        }
        String pack = big.append(']').toString();
        assertThat(pack.length()).isBetween(1500, 4096);
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            sensor.client().useEarlyNegotiation(256);
            assertThat(sensor.post(fixture.secureUri("/senml"), pack, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(fixture.handler.messages.get(0).values()).hasSize(60);

            String tooBig = pack.replace("]", "," + "{\"n\":\"99/5700\",\"u\":\"Cel\",\"v\":1},".repeat(80) + "{\"n\":\"98/5700\",\"u\":\"Cel\",\"v\":1}]");
            CoapResponse refused = sensor.post(fixture.secureUri("/senml"), tooBig, SenmlDecoding.SENML_JSON);
            assertThat(refused.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
        }
        assertThat(fixture.handler.messages).hasSize(1);
        await().until(() -> fixture.count("too-large") >= 1);
    }

    @Test
    void malformedSenmlIsAnswered400WithWhatIsWrong() throws Exception {
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            for (String bad : List.of("[{\"n\":\"3303/0/5700\",\"v\":\"warm\"}]", "{", "[]", "[{\"n\":\"a b\",\"v\":1}]", "\u0000\u0001")) {
                CoapResponse response = sensor.post(fixture.secureUri("/senml"), bad, SenmlDecoding.SENML_JSON);
                assertThat(response.getCode()).as(bad).isEqualTo(ResponseCode.BAD_REQUEST);
                assertThat(response.getResponseText()).as(bad).isNotBlank();
            }
            CoapResponse truncatedCbor = sensor.post(fixture.secureUri("/senml"), new byte[] {(byte) 0x81, (byte) 0xa2, 0x00}, SenmlDecoding.SENML_CBOR);
            assertThat(truncatedCbor.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
        }
        assertThat(fixture.handler.messages).isEmpty();
        assertThat(fixture.count("malformed-senml")).isEqualTo(6);
    }

    @Test
    void contentTheHandlerRefusesIsAnswered400AndBusyIs503WithMaxAge() throws Exception {
        fixture.handler.answer = m -> IngestResult.invalid("unit 'furlong' is not accepted for visibility");
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            CoapResponse invalid = sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON);
            assertThat(invalid.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
            assertThat(invalid.getResponseText()).contains("furlong");
            fixture.handler.answer = m -> IngestResult.busy("gateway store full; retry later", 60);
            CoapResponse busy = sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON);
            assertThat(busy.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
            assertThat(busy.getOptions().getMaxAge()).isEqualTo(60);
            fixture.server.unsetHandler(fixture.handler);
            CoapResponse noHandler = sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON);
            assertThat(noHandler.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
            assertThat(noHandler.getOptions().getMaxAge()).isEqualTo(30);
        }
        assertThat(fixture.count("invalid-content")).isEqualTo(1);
        assertThat(fixture.count("unavailable")).isEqualTo(2);
    }

    @Test
    void aSensorPostingTooFastGets429WithMaxAge() throws Exception {
        try (ServerFixture slow = new ServerFixture(dir.resolve("slow"), Map.of("requestsPerMinute", 1, "burst", 3))) {
            slow.provision(1, Map.of("vis-zw-12", KEY));
            try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
                for (int i = 0; i < 3; i++) {
                    assertThat(sensor.post(slow.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
                }
                CoapResponse limited = sensor.post(slow.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON);
                assertThat(limited.getCode()).isEqualTo(ResponseCode.TOO_MANY_REQUESTS);
                assertThat(limited.getOptions().getMaxAge()).as("seconds until the next token at 1/min").isBetween(30L, 60L);
            }
            assertThat(slow.count("rate-limited")).isEqualTo(1);
        }
    }

    @Test
    void notSenmlIsAnswered415() throws Exception {
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            assertThat(sensor.post(fixture.secureUri("/senml"), "visibility=120", 0).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
            assertThat(sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, -1).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
        }
    }

    @Test
    void aWrongKeyGetsNoSessionAndIsCounted() throws Exception {
        try (TestSensor impostor = TestSensor.dtls("vis-zw-12", "not-the-right-key-01")) {
            assertThat(impostor.postUnanswered(fixture.secureUri("/senml"), VISIBILITY_JSON)).isTrue();
        }
        try (TestSensor stranger = TestSensor.dtls("unknown-sensor", "some-key-of-16-bytes")) {
            assertThat(stranger.postUnanswered(fixture.secureUri("/senml"), VISIBILITY_JSON)).isTrue();
        }
        assertThat(fixture.handler.messages).isEmpty();
        await().untilAsserted(() -> assertThat(fixture.count("handshake-failed")).isGreaterThanOrEqualTo(1));
        assertThat(fixture.count("unknown-identity")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWithdrawnKeyIsRefused401EvenOnAnOpenSession() throws Exception {
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            assertThat(sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
            assertThat(fixture.provision(2, Map.of("other-sensor", "another-key-000001"))).contains("removed [vis-zw-12]");
            assertThat(sensor.post(fixture.secureUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
        }
        assertThat(fixture.count("unauthenticated")).isEqualTo(1);
    }

    @Test
    void aSensorMayNotPostAsAnother() throws Exception {
        try (TestSensor sensor = TestSensor.dtls("vis-zw-12", KEY)) {
            assertThat(sensor.post(fixture.secureUri("/senml?sensor=vis-zw-13"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode())
                    .isEqualTo(ResponseCode.FORBIDDEN);
        }
    }

    @Test
    void plainCoapOfALabNeedsTheSensorQuery() throws Exception {
        try (TestSensor lab = TestSensor.plain()) {
            assertThat(lab.post(fixture.plainUri("/senml"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
            assertThat(lab.post(fixture.plainUri("/senml?sensor=lab-1"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
        }
        assertThat(fixture.handler.messages.get(0).transport()).isEqualTo(SensorMessage.Transport.PLAIN);
        assertThat(fixture.handler.messages.get(0).sensorId()).isEqualTo("lab-1");
    }

    @Test
    void malformedDatagramsAreCountedAndTheServerGoesOn() throws Exception {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(1000);
            byte[][] garbage = {{0x00}, {0x40, 0x02, 0x12}, {0x44, 0x02, 0x00, 0x01, 0x01}, {0x40, 0x02, 0x00, 0x07, (byte) 0xff},
                {0x40, 0x02, 0x00, 0x08, (byte) 0xdd, 0x00}};
            for (byte[] datagram : garbage) {
                socket.send(new DatagramPacket(datagram, datagram.length, fixture.plain()));
            }
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.count("malformed-coap") >= 3);
        try (TestSensor lab = TestSensor.plain()) {
            assertThat(lab.post(fixture.plainUri("/senml?sensor=lab-1"), VISIBILITY_JSON, SenmlDecoding.SENML_JSON).getCode()).isEqualTo(ResponseCode.CHANGED);
        }
    }

    @Test
    void theDiscoveryListsTheSenmlResource() throws Exception {
        try (TestSensor lab = TestSensor.plain()) {
            lab.client().setURI(fixture.plainUri("/.well-known/core"));
            assertThat(lab.client().get().getResponseText()).contains("</senml>").contains("ct=\"110 112\"");
        }
    }
}
