package cn.taihang.bridge.broker.security;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The first MQTT packet a client sent on one TLS connection, as that connection's engine decrypted it: collected byte by
 * byte until the packet is complete, then decoded with Netty's own MQTT decoder (the one Moquette uses). A client's
 * first packet must be its CONNECT; anything else, or a CONNECT larger than {@value #MAX_BYTES} bytes, leaves
 * {@link #connect()} null and the connection is refused. Used on the connection's event loop only.
 */
final class FirstPacket {

    /** Largest CONNECT taken: client id, will (a death message), user name and password fit many times over. */
    static final int MAX_BYTES = 16 * 1024;
    private static final int MQTT_CONNECT = 1;
    private static final int MAX_LENGTH_BYTES = 4;

    /**
     * What the authenticator compares and checks.
     *
     * @param clientId the client id
     * @param username the user name, or null
     * @param password the password bytes, or null
     * @param cleanSession whether the client asked for a clean session
     * @param willTopic the will's topic, or null without a will
     * @param willRetain whether the will is to be retained
     */
    record Connect(String clientId, String username, byte[] password, boolean cleanSession, String willTopic, boolean willRetain) {

        boolean sameCredentials(String otherClientId, String otherUsername, byte[] otherPassword) {
            return clientId.equals(otherClientId) && java.util.Objects.equals(username, otherUsername)
                    && Arrays.equals(password, otherPassword);
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private boolean complete;
    private Connect connect;

    /** @return whether the first packet is complete (or was given up: not a CONNECT, too large) */
    boolean complete() {
        return complete;
    }

    /** @return the CONNECT, once complete; null if the first packet was not a well-formed CONNECT */
    Connect connect() {
        return connect;
    }

    /**
     * Takes decrypted bytes until the first packet is complete.
     *
     * @return whether this call completed it
     */
    boolean take(byte[] decrypted, int offset, int length) {
        if (complete) {
            return false;
        }
        int expected = expectedLength();
        int wanted = expected < 0 ? length : Math.min(length, expected - bytes.size());
        bytes.write(decrypted, offset, Math.max(0, wanted));
        expected = expectedLength();
        if (expected >= 0 && bytes.size() >= expected) {
            complete = true;
            connect = decode(Arrays.copyOf(bytes.toByteArray(), expected));
        } else if (expected == -2 || bytes.size() > MAX_BYTES) {
            complete = true;
        }
        return complete;
    }

    /** @return the whole packet's length once its fixed header is in, -1 if not yet known, -2 if it cannot be a CONNECT */
    private int expectedLength() {
        byte[] b = bytes.toByteArray();
        if (b.length == 0) {
            return -1;
        }
        if ((b[0] & 0xff) >> 4 != MQTT_CONNECT) {
            return -2;
        }
        int remaining = 0;
        for (int i = 1; i <= MAX_LENGTH_BYTES; i++) {
            if (i >= b.length) {
                return -1;
            }
            remaining |= (b[i] & 0x7f) << (7 * (i - 1));
            if ((b[i] & 0x80) == 0) {
                long total = 1L + i + remaining;
                return total > MAX_BYTES ? -2 : (int) total;
            }
        }
        return -2;
    }

    private static Connect decode(byte[] packet) {
        EmbeddedChannel channel = new EmbeddedChannel(new MqttDecoder(MAX_BYTES));
        try {
            ByteBuf in = Unpooled.wrappedBuffer(packet);
            channel.writeInbound(in);
            Object decoded = channel.readInbound();
            if (!(decoded instanceof MqttConnectMessage message) || message.decoderResult().isFailure()) {
                return null;
            }
            var header = message.variableHeader();
            var payload = message.payload();
            return new Connect(payload.clientIdentifier(), header.hasUserName() ? payload.userName() : null,
                    header.hasPassword() ? payload.passwordInBytes() : null, header.isCleanSession(),
                    header.isWillFlag() ? payload.willTopic() : null, header.isWillFlag() && header.isWillRetain());
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
