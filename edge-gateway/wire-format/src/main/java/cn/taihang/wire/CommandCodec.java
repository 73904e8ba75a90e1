package cn.taihang.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes and decodes {@link Command}s: {@code [1, id, name, issuedAtMillis, expiresAtMillis, body]} in CBOR.
 * Thread-safe.
 */
public final class CommandCodec {

    private final CBORFactory factory = new CBORFactory();
    private final WireLimits limits;

    /** A codec with the limits of {@link WireLimits#V1}. */
    public CommandCodec() {
        this(WireLimits.V1);
    }

    /** @param limits size limits to apply */
    public CommandCodec(WireLimits limits) {
        this.limits = limits;
    }

    /** @return the encoded command */
    public byte[] encode(Command command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + command.body().length);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray(null, 6);
            gen.writeNumber(command.version());
            gen.writeNumber(command.id());
            gen.writeString(command.name());
            gen.writeNumber(command.issuedAtMillis());
            gen.writeNumber(command.expiresAtMillis());
            gen.writeBinary(command.body());
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > limits.maxMessageBytes()) {
            throw new IllegalArgumentException("command of " + bytes.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        return bytes;
    }

    /** @throws WireFormatException if the payload is not a valid version-1 command */
    public Command decode(byte[] payload) throws WireFormatException {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "empty command");
        }
        if (payload.length > limits.maxMessageBytes()) {
            throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, "command of " + payload.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        try (JsonParser parser = factory.createParser(payload)) {
            CborReading in = new CborReading(parser, limits);
            in.expect(JsonToken.START_ARRAY, "command");
            long version = in.readLong("command version");
            if (version != 1) {
                throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, "command version " + version + " is not supported (this build reads 1)");
            }
            long id = in.readLong("command id");
            String name = in.readString("command name");
            long issued = in.readLong("issued at");
            long expires = in.readLong("expires at");
            byte[] body = in.readBytes("command body", limits.maxMessageBytes());
            in.expect(JsonToken.END_ARRAY, "end of command");
            in.expectEnd();
            if (!Topics.isValidId(name)) {
                throw CborReading.structure("command name '" + name + "' is not a valid id");
            }
            return new Command(1, id, name, issued, expires, body);
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }
}
