package cn.taihang.wire;

import cn.taihang.wire.sign.SignatureAlgorithm;
import cn.taihang.wire.sign.Signer;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes and decodes {@link Command} envelopes, CBOR:
 *
 * <pre>
 * version 2 = [2, signed (bstr), signature (bstr 64)]
 * signed    = ["taihang-command", id, name, target, issuedAtMillis, expiresAtMillis, keyId, sealed (bool), body (bstr)]
 * version 1 = [1, id, name, issuedAtMillis, expiresAtMillis, body]          unsigned: decoded only to be refused
 * </pre>
 *
 * The signature is the command key's (Ed25519 or SM2, as {@code keyId} says) over the {@code signed} bytes exactly as
 * they travel, so nothing is re-encoded before verifying; the text label keeps command signatures apart from anything
 * else a key could sign. Thread-safe.
 */
public final class CommandCodec {

    /** First element of the signed part. */
    public static final String LABEL = "taihang-command";

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

    /**
     * @param command a version-2 command
     * @param signer the command key
     * @return the signed envelope
     * @throws IllegalArgumentException if the command is not version 2 or the envelope exceeds the message limit
     */
    public byte[] encode(Command command, Signer signer) {
        if (command.version() != Command.VERSION) {
            throw new IllegalArgumentException("only version-2 commands are signed; this one is version " + command.version());
        }
        byte[] signed = write(command.body().length + 96, gen -> {
            gen.writeStartArray(null, 9);
            gen.writeString(LABEL);
            gen.writeNumber(command.id());
            gen.writeString(command.name());
            gen.writeString(command.target());
            gen.writeNumber(command.issuedAtMillis());
            gen.writeNumber(command.expiresAtMillis());
            gen.writeNumber(signer.keyId());
            gen.writeBoolean(command.sealed());
            gen.writeBinary(command.body());
            gen.writeEndArray();
        });
        byte[] signature = signer.sign(signed);
        return limited(write(signed.length + 80, gen -> {
            gen.writeStartArray(null, 3);
            gen.writeNumber(2);
            gen.writeBinary(signed);
            gen.writeBinary(signature);
            gen.writeEndArray();
        }));
    }

    /**
     * The unsigned envelope of bridges before signed commands. Gateways of this build refuse it; kept so that tests can
     * send what an old bridge, or an intruder, would.
     */
    public byte[] encodeVersion1(Command command) {
        return limited(write(command.body().length + 32, gen -> {
            gen.writeStartArray(null, 6);
            gen.writeNumber(1);
            gen.writeNumber(command.id());
            gen.writeString(command.name());
            gen.writeNumber(command.issuedAtMillis());
            gen.writeNumber(command.expiresAtMillis());
            gen.writeBinary(command.body());
            gen.writeEndArray();
        }));
    }

    /**
     * Decodes an envelope of either version; the signature is not checked here.
     *
     * @throws WireFormatException MALFORMED, BAD_STRUCTURE, TOO_LARGE or UNSUPPORTED_VERSION
     */
    public SignedCommand decode(byte[] payload) throws WireFormatException {
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
            if (version == 1) {
                return version1(in, payload);
            }
            if (version != 2) {
                throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, "command version " + version
                        + " is not supported (this build reads 2, and 1 only to refuse it)");
            }
            byte[] signed = in.readBytes("signed command", limits.maxMessageBytes());
            byte[] signature = in.readBytes("command signature", SignatureAlgorithm.SIGNATURE_BYTES);
            in.expect(JsonToken.END_ARRAY, "end of command");
            in.expectEnd();
            if (signature.length != SignatureAlgorithm.SIGNATURE_BYTES) {
                throw CborReading.structure("a command signature has " + SignatureAlgorithm.SIGNATURE_BYTES + " bytes, this one " + signature.length);
            }
            return signedPart(signed, signature);
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    private SignedCommand signedPart(byte[] signed, byte[] signature) throws WireFormatException, IOException {
        try (JsonParser parser = factory.createParser(signed)) {
            CborReading in = new CborReading(parser, limits);
            in.expect(JsonToken.START_ARRAY, "signed command");
            String label = in.readString("label");
            if (!LABEL.equals(label)) {
                throw CborReading.structure("the signed part is labelled '" + label + "', not " + LABEL);
            }
            long id = in.readLong("command id");
            String name = validId(in.readString("command name"), "name");
            String target = validId(in.readString("command target"), "target");
            long issued = in.readLong("issued at");
            long expires = in.readLong("expires at");
            long keyId = in.readLong("key id");
            if (keyId < 0 || keyId > SignatureAlgorithm.MAX_KEY_ID) {
                throw CborReading.structure("command key id " + keyId + " outside 0-65535");
            }
            boolean sealed = in.readBoolean("sealed");
            byte[] body = in.readBytes("command body", limits.maxMessageBytes());
            in.expect(JsonToken.END_ARRAY, "end of signed command");
            in.expectEnd();
            if (sealed && Command.FLEET.equals(target)) {
                throw CborReading.structure("a fleet command cannot be sealed");
            }
            return new SignedCommand(new Command(2, id, name, target, issued, expires, sealed, body), (int) keyId, signed, signature);
        }
    }

    private SignedCommand version1(CborReading in, byte[] payload) throws WireFormatException {
        long id = in.readLong("command id");
        String name = validId(in.readString("command name"), "name");
        long issued = in.readLong("issued at");
        long expires = in.readLong("expires at");
        byte[] body = in.readBytes("command body", limits.maxMessageBytes());
        in.expect(JsonToken.END_ARRAY, "end of command");
        in.expectEnd();
        return new SignedCommand(new Command(1, id, name, null, issued, expires, false, body), -1, payload, null);
    }

    private static String validId(String value, String what) throws WireFormatException {
        if (!Topics.isValidId(value)) {
            throw CborReading.structure("command " + what + " '" + value + "' is not a valid id");
        }
        return value;
    }

    private byte[] limited(byte[] bytes) {
        if (bytes.length > limits.maxMessageBytes()) {
            throw new IllegalArgumentException("command of " + bytes.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        return bytes;
    }

    private interface Writing {
        void to(JsonGenerator gen) throws IOException;
    }

    private byte[] write(int size, Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            writing.to(gen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
