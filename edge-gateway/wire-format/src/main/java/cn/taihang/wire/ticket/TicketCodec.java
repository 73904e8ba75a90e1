package cn.taihang.wire.ticket;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.codec.CodecPolicy;
import org.apache.commons.codec.binary.Base45;

/**
 * Encodes ticket bodies and decodes scanned ticket texts (format version 1, see the package
 * documentation). Decoding checks structure, not the signature. Every input, however broken, ends in a
 * {@link SignedTicket} or a {@link TicketException}; nothing else is thrown. Thread-safe.
 */
public final class TicketCodec {

    /** Format version written and read. */
    public static final int VERSION = 1;
    /** What every ticket text starts with. */
    public static final String PREFIX = "TH1:";
    /** Length of a signature: Ed25519, or SM2 as the fixed {@code r ‖ s} (both 64 bytes). */
    public static final int SIGNATURE_BYTES = cn.taihang.wire.sign.SignatureAlgorithm.SIGNATURE_BYTES;
    /** Longest ticket text accepted; a version-10 QR code at level Q holds 221 alphanumeric characters. */
    public static final int MAX_TEXT_CHARS = 512;

    private static final String BASE45_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final int MIN_BODY_BYTES = 16;
    private static final int BODY_FIELDS = 6;
    private static final int ENTITLEMENT_FIELDS = 5;

    private final CBORFactory factory = new CBORFactory();
    private final Base45 base45 = Base45.builder().setDecodingPolicy(CodecPolicy.STRICT).get();

    /** @return the CBOR body of a ticket: the bytes the bridge signs */
    public byte[] encodeBody(Ticket ticket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray(null, BODY_FIELDS);
            gen.writeNumber(VERSION);
            gen.writeNumber(ticket.keyId());
            gen.writeNumber(ticket.id());
            gen.writeBinary(ticket.holderRef());
            gen.writeNumber(Ticket.toMinutes(ticket.issuedAt()));
            gen.writeStartArray(null, ticket.entitlements().size());
            for (Entitlement e : ticket.entitlements()) {
                gen.writeStartArray(null, ENTITLEMENT_FIELDS);
                gen.writeNumber(e.kindCode());
                gen.writeNumber(e.place());
                gen.writeNumber(Ticket.toMinutes(e.validFrom()));
                gen.writeNumber(Ticket.toMinutes(e.validUntil()) - Ticket.toMinutes(e.validFrom()));
                gen.writeNumber(e.uses());
                gen.writeEndArray();
            }
            gen.writeEndArray();
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param body a body from {@link #encodeBody}
     * @param signature its 64-byte signature
     * @return the ticket text for the QR code: {@value #PREFIX} + Base45(body ‖ signature)
     */
    public String toText(byte[] body, byte[] signature) {
        if (signature.length != SIGNATURE_BYTES) {
            throw new IllegalArgumentException("a ticket signature has " + SIGNATURE_BYTES + " bytes");
        }
        byte[] all = Arrays.copyOf(body, body.length + SIGNATURE_BYTES);
        System.arraycopy(signature, 0, all, body.length, SIGNATURE_BYTES);
        return PREFIX + new String(base45.encode(all), StandardCharsets.US_ASCII);
    }

    /**
     * Decodes a scanned text.
     *
     * @param text the scanner's line, without terminator; may be anything
     * @return the ticket with its signed bytes (signature not yet checked)
     * @throws TicketException NOT_A_TICKET, TOO_LARGE, MALFORMED, TRUNCATED or UNSUPPORTED_VERSION
     */
    public SignedTicket decode(String text) throws TicketException {
        if (text == null || text.isEmpty()) {
            throw new TicketException(TicketException.Reason.NOT_A_TICKET, "empty scan");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new TicketException(TicketException.Reason.TOO_LARGE, "scan of " + text.length() + " characters is longer than any ticket ("
                    + MAX_TEXT_CHARS + ")");
        }
        if (!text.startsWith(PREFIX)) {
            if (text.length() >= 4 && text.startsWith("TH") && Character.isDigit(text.charAt(2)) && text.charAt(3) == ':') {
                throw new TicketException(TicketException.Reason.UNSUPPORTED_VERSION, "ticket format " + text.substring(0, 3)
                        + " is not supported by this validator (it reads " + PREFIX + "); update the gateway software");
            }
            throw new TicketException(TicketException.Reason.NOT_A_TICKET, "the code scanned is not a Taihang ticket (it does not start with "
                    + PREFIX + ")");
        }
        byte[] bytes = fromBase45(text.substring(PREFIX.length()));
        if (bytes.length < MIN_BODY_BYTES + SIGNATURE_BYTES) {
            throw new TicketException(TicketException.Reason.TRUNCATED, "only " + bytes.length + " bytes, a ticket has at least "
                    + (MIN_BODY_BYTES + SIGNATURE_BYTES));
        }
        byte[] body = Arrays.copyOf(bytes, bytes.length - SIGNATURE_BYTES);
        byte[] signature = Arrays.copyOfRange(bytes, bytes.length - SIGNATURE_BYTES, bytes.length);
        return new SignedTicket(decodeBody(body), body, signature);
    }

    private byte[] fromBase45(String encoded) throws TicketException {
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c > 127 || !base45.isInAlphabet((byte) c)) {
                throw new TicketException(TicketException.Reason.MALFORMED, "character " + (i + PREFIX.length()) + " is not Base45");
            }
        }
        if (encoded.length() % 3 == 1) {
            throw new TicketException(TicketException.Reason.TRUNCATED, "the Base45 text has " + encoded.length()
                    + " characters, which no byte string encodes to: cut short");
        }
        if (encoded.length() % 3 == 2) {
            int last = BASE45_ALPHABET.indexOf(encoded.charAt(encoded.length() - 2))
                    + 45 * BASE45_ALPHABET.indexOf(encoded.charAt(encoded.length() - 1));
            if (last > 255) {
                throw new TicketException(TicketException.Reason.TRUNCATED, "the Base45 text ends in a group that is not a whole byte: cut short");
            }
        }
        try {
            return base45.decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new TicketException(TicketException.Reason.MALFORMED, "not valid Base45: " + e.getMessage(), e);
        }
    }

    /**
     * Decodes a CBOR body.
     *
     * @throws TicketException MALFORMED, TRUNCATED or UNSUPPORTED_VERSION
     */
    public Ticket decodeBody(byte[] body) throws TicketException {
        try (JsonParser parser = factory.createParser(body)) {
            Reading in = new Reading(parser);
            in.expect(JsonToken.START_ARRAY, "ticket");
            long version = in.readLong("format version");
            if (version != VERSION) {
                throw new TicketException(TicketException.Reason.UNSUPPORTED_VERSION, "ticket body version " + version
                        + " is not supported (this build reads " + VERSION + ")");
            }
            int keyId = (int) in.readRange("key id", 0, 65535);
            long id = in.readRange("ticket id", 1, Long.MAX_VALUE);
            byte[] holder = in.readBytes("holder reference");
            long issued = in.readRange("issue time", 0, Integer.MAX_VALUE);
            in.expect(JsonToken.START_ARRAY, "entitlements");
            List<Entitlement> entitlements = new ArrayList<>();
            while (in.next() == JsonToken.START_ARRAY) {
                if (entitlements.size() == Ticket.MAX_ENTITLEMENTS) {
                    throw malformed("more than " + Ticket.MAX_ENTITLEMENTS + " entitlements");
                }
                entitlements.add(readEntitlement(in));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw malformed("entitlements: expected arrays, found " + parser.currentToken());
            }
            in.expect(JsonToken.END_ARRAY, "end of ticket");
            in.expectEnd();
            return new Ticket(keyId, id, holder, Ticket.ofMinutes(issued), entitlements);
        } catch (IOException e) {
            throw Reading.failure(e);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    private static Entitlement readEntitlement(Reading in) throws TicketException, IOException {
        int kind = (int) in.readRange("entitlement kind", 1, 255);
        int place = (int) in.readRange("place", 0, Ticket.MAX_PLACE);
        long from = in.readRange("valid from", 0, Integer.MAX_VALUE);
        long minutes = in.readRange("validity minutes", 1, Ticket.MAX_VALIDITY.toMinutes());
        int uses = (int) in.readRange("uses", 1, Ticket.MAX_USES);
        in.expect(JsonToken.END_ARRAY, "end of entitlement");
        return new Entitlement(kind, place, Ticket.ofMinutes(from), Ticket.ofMinutes(from + minutes), uses);
    }

    static TicketException malformed(String message) {
        return new TicketException(TicketException.Reason.MALFORMED, message);
    }

    /** Strict reading steps: a surprise is MALFORMED, an early end TRUNCATED. */
    private record Reading(JsonParser parser) {

        JsonToken next() throws TicketException, IOException {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new TicketException(TicketException.Reason.TRUNCATED, "the ticket ends early");
            }
            return token;
        }

        void expect(JsonToken expected, String what) throws TicketException, IOException {
            JsonToken token = next();
            if (token != expected) {
                throw malformed(what + ": expected " + expected + ", found " + token);
            }
        }

        long readLong(String what) throws TicketException, IOException {
            JsonToken token = next();
            if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw malformed(what + ": expected an integer, found " + token);
            }
            return parser.getLongValue();
        }

        long readRange(String what, long min, long max) throws TicketException, IOException {
            long value = readLong(what);
            if (value < min || value > max) {
                throw malformed(what + " " + value + " outside " + min + "-" + max);
            }
            return value;
        }

        byte[] readBytes(String what) throws TicketException, IOException {
            JsonToken token = next();
            if (token != JsonToken.VALUE_EMBEDDED_OBJECT) {
                throw malformed(what + ": expected a byte string, found " + token);
            }
            byte[] bytes = parser.getBinaryValue();
            if (bytes == null || bytes.length != Ticket.HOLDER_REF_BYTES) {
                throw malformed(what + ": expected " + Ticket.HOLDER_REF_BYTES + " bytes");
            }
            return bytes;
        }

        void expectEnd() throws TicketException, IOException {
            if (parser.nextToken() != null) {
                throw malformed("trailing data after the ticket body");
            }
        }

        static TicketException failure(IOException e) {
            if (e instanceof JsonEOFException) {
                return new TicketException(TicketException.Reason.TRUNCATED, "the ticket ends early: " + firstLine(e), e);
            }
            return new TicketException(TicketException.Reason.MALFORMED, "not well-formed CBOR: " + firstLine(e), e);
        }

        private static String firstLine(IOException e) {
            String message = String.valueOf(e.getMessage());
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }
}
