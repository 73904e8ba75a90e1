package cn.taihang.wire.ticket;

import cn.taihang.wire.sign.SignatureAlgorithm;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes and decodes the bodies of the {@code ticket-keyring} and {@code ticket-deny-list} commands, CBOR:
 *
 * <pre>
 * key ring  = [1, version, [[keyId, publicKey (bstr 32), state (0 active, 1 retired, 2 withdrawn)], …]]     Ed25519 keys only
 *           | [2, version, [[keyId, algorithm (0 ed25519, 1 sm2), publicKey (bstr 32 | 65), state], …]]
 * deny list = [1, version, [[ticketId, untilMinute], …]]
 * </pre>
 *
 * A ring of Ed25519 keys only is written in format 1, which every gateway reads; a ring with an SM2 key needs format 2
 * (gateways of this build and later). The algorithm written must be the one the key id says, or the ring is refused.
 *
 * Thread-safe. Decoding answers any bad input with a {@link TicketException} (MALFORMED, TRUNCATED,
 * TOO_LARGE or UNSUPPORTED_VERSION).
 */
public final class TrustCodec {

    /** Largest body accepted. */
    public static final int MAX_BYTES = 1 << 20;

    private final CBORFactory factory = new CBORFactory();

    /** @return the body of a {@code ticket-keyring} command */
    public byte[] encode(KeyRing ring) {
        boolean ed25519Only = ring.keys().stream().allMatch(k -> k.algorithm() == SignatureAlgorithm.ED25519);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 80 * ring.keys().size());
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray(null, 3);
            gen.writeNumber(ed25519Only ? 1 : 2);
            gen.writeNumber(ring.version());
            gen.writeStartArray(null, ring.keys().size());
            for (KeyRing.Key key : ring.keys()) {
                gen.writeStartArray(null, ed25519Only ? 3 : 4);
                gen.writeNumber(key.id());
                if (!ed25519Only) {
                    gen.writeNumber(key.algorithm().code());
                }
                gen.writeBinary(key.publicKey());
                gen.writeNumber(key.state().ordinal());
                gen.writeEndArray();
            }
            gen.writeEndArray();
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the body of a {@code ticket-deny-list} command */
    public byte[] encode(DenyList list) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 16 * list.entries().size());
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray(null, 3);
            gen.writeNumber(1);
            gen.writeNumber(list.version());
            gen.writeStartArray(null, list.entries().size());
            for (DenyList.Entry entry : list.entries()) {
                gen.writeStartArray(null, 2);
                gen.writeNumber(entry.ticketId());
                gen.writeNumber(Math.max(0, java.time.Duration.between(Ticket.EPOCH, entry.until()).toMinutes()));
                gen.writeEndArray();
            }
            gen.writeEndArray();
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @throws TicketException if the bytes are not a format-1 or format-2 key ring */
    public KeyRing decodeKeyRing(byte[] bytes) throws TicketException {
        try (JsonParser parser = open(bytes)) {
            long[] header = header(parser, "key ring", 2);
            long version = header[1];
            List<KeyRing.Key> keys = new ArrayList<>();
            while (next(parser) == JsonToken.START_ARRAY) {
                if (keys.size() == KeyRing.MAX_KEYS) {
                    throw TicketCodec.malformed("more than " + KeyRing.MAX_KEYS + " keys");
                }
                int id = (int) number(parser, 0, 65535);
                SignatureAlgorithm algorithm = header[0] == 1 ? SignatureAlgorithm.ED25519
                        : SignatureAlgorithm.ofCode((int) number(parser, 0, SignatureAlgorithm.values().length - 1));
                if (algorithm != SignatureAlgorithm.ofKeyId(id)) {
                    throw TicketCodec.malformed("key " + id + " is marked " + algorithm.label() + ", but its id is an "
                            + SignatureAlgorithm.ofKeyId(id).label() + " key's");
                }
                byte[] publicKey = bytes(parser);
                int state = (int) number(parser, 0, KeyRing.KeyState.values().length - 1);
                end(parser);
                keys.add(new KeyRing.Key(id, publicKey, KeyRing.KeyState.values()[state]));
            }
            finish(parser);
            return new KeyRing(version, keys);
        } catch (IOException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw TicketCodec.malformed(e.getMessage());
        }
    }

    /** @throws TicketException if the bytes are not a version-1 deny list */
    public DenyList decodeDenyList(byte[] bytes) throws TicketException {
        try (JsonParser parser = open(bytes)) {
            long version = header(parser, "deny list", 1)[1];
            List<DenyList.Entry> entries = new ArrayList<>();
            while (next(parser) == JsonToken.START_ARRAY) {
                if (entries.size() == DenyList.MAX_ENTRIES) {
                    throw TicketCodec.malformed("more than " + DenyList.MAX_ENTRIES + " entries");
                }
                long id = number(parser, 1, Long.MAX_VALUE);
                long until = number(parser, 0, Integer.MAX_VALUE);
                end(parser);
                entries.add(new DenyList.Entry(id, Ticket.ofMinutes(until)));
            }
            finish(parser);
            return new DenyList(version, entries);
        } catch (IOException e) {
            throw failure(e);
        } catch (IllegalArgumentException e) {
            throw TicketCodec.malformed(e.getMessage());
        }
    }

    private JsonParser open(byte[] bytes) throws TicketException, IOException {
        if (bytes == null || bytes.length == 0) {
            throw new TicketException(TicketException.Reason.TRUNCATED, "empty body");
        }
        if (bytes.length > MAX_BYTES) {
            throw new TicketException(TicketException.Reason.TOO_LARGE, "body of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        return factory.createParser(bytes);
    }

    /** @return the format and the version */
    private static long[] header(JsonParser parser, String what, int maxFormat) throws TicketException, IOException {
        if (next(parser) != JsonToken.START_ARRAY) {
            throw TicketCodec.malformed(what + ": expected an array");
        }
        long format = number(parser, 0, Long.MAX_VALUE);
        if (format < 1 || format > maxFormat) {
            throw new TicketException(TicketException.Reason.UNSUPPORTED_VERSION, what + " format " + format + " is not supported (this build reads 1"
                    + (maxFormat > 1 ? "-" + maxFormat : "") + ")");
        }
        long version = number(parser, 0, Long.MAX_VALUE);
        if (next(parser) != JsonToken.START_ARRAY) {
            throw TicketCodec.malformed(what + ": expected the array of entries");
        }
        return new long[] {format, version};
    }

    private static void finish(JsonParser parser) throws TicketException, IOException {
        if (parser.currentToken() != JsonToken.END_ARRAY || next(parser) != JsonToken.END_ARRAY) {
            throw TicketCodec.malformed("entries must be arrays, closed by the end of the body");
        }
        if (parser.nextToken() != null) {
            throw TicketCodec.malformed("trailing data after the body");
        }
    }

    private static JsonToken next(JsonParser parser) throws TicketException, IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new TicketException(TicketException.Reason.TRUNCATED, "the body ends early");
        }
        return token;
    }

    private static long number(JsonParser parser, long min, long max) throws TicketException, IOException {
        if (next(parser) != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw TicketCodec.malformed("expected an integer, found " + parser.currentToken());
        }
        long value = parser.getLongValue();
        if (value < min || value > max) {
            throw TicketCodec.malformed("integer " + value + " outside " + min + "-" + max);
        }
        return value;
    }

    private static byte[] bytes(JsonParser parser) throws TicketException, IOException {
        if (next(parser) != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw TicketCodec.malformed("expected a byte string, found " + parser.currentToken());
        }
        return parser.getBinaryValue();
    }

    private static void end(JsonParser parser) throws TicketException, IOException {
        if (next(parser) != JsonToken.END_ARRAY) {
            throw TicketCodec.malformed("an entry has too many fields");
        }
    }

    private static TicketException failure(IOException e) {
        String message = String.valueOf(e.getMessage()).split("\n", 2)[0];
        if (e instanceof com.fasterxml.jackson.core.io.JsonEOFException) {
            return new TicketException(TicketException.Reason.TRUNCATED, "the body ends early: " + message, e);
        }
        return new TicketException(TicketException.Reason.MALFORMED, "not well-formed CBOR: " + message, e);
    }
}
