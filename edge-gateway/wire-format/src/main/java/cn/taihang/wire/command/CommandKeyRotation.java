package cn.taihang.wire.command;

import cn.taihang.wire.sign.VerifyingKey;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The body of the retained fleet command {@value #COMMAND}: the next command key, signed (as every command) by the
 * current one. CBOR {@code [1, keyId, publicKey (bstr)]}. A gateway that verifies it with its current anchor key makes
 * the named key current and keeps the old one only for commands issued before the rotation
 * ({@link CommandAnchor#rotatedTo}).
 *
 * @param next the next command key
 */
public record CommandKeyRotation(VerifyingKey next) {

    /** The command's name. */
    public static final String COMMAND = "command-key";
    private static final CBORFactory FACTORY = new CBORFactory();
    private static final int MAX_BYTES = 256;

    /** Validates. */
    public CommandKeyRotation {
        Objects.requireNonNull(next, "next");
    }

    /** @return the command body */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.writeStartArray(null, 3);
            gen.writeNumber(1);
            gen.writeNumber(next.keyId());
            gen.writeBinary(next.publicKey());
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @throws IllegalArgumentException if the body is not a valid rotation, saying what is wrong */
    public static CommandKeyRotation decode(byte[] body) {
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw new IllegalArgumentException("a command-key body has 1-" + MAX_BYTES + " bytes");
        }
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY || parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getLongValue() != 1) {
                throw new IllegalArgumentException("a command-key body is [1, keyId, publicKey]");
            }
            if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                throw new IllegalArgumentException("the next key id is not an integer");
            }
            int keyId = parser.getIntValue();
            if (parser.nextToken() != JsonToken.VALUE_EMBEDDED_OBJECT) {
                throw new IllegalArgumentException("the next public key is not a byte string");
            }
            byte[] publicKey = parser.getBinaryValue();
            if (parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing data in the command-key body");
            }
            return new CommandKeyRotation(VerifyingKey.of(keyId, publicKey));
        } catch (IOException e) {
            throw new IllegalArgumentException("the command-key body is not well-formed CBOR: " + e.getMessage(), e);
        }
    }
}
