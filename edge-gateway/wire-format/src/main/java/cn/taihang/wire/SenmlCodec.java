package cn.taihang.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * SenML packs (RFC 8428) in CBOR (integer labels, §6) and JSON (§5), read with base-value resolution.
 * Used for record bodies on the wire and for 5G sensors. Thread-safe.
 */
public final class SenmlCodec {

    private final CBORFactory cbor = new CBORFactory();
    private final JsonFactory json = new JsonFactory();
    private final WireLimits limits;

    /** A codec with the limits of {@link WireLimits#V1}. */
    public SenmlCodec() {
        this(WireLimits.V1);
    }

    /** @param limits size limits to apply */
    public SenmlCodec(WireLimits limits) {
        this.limits = limits;
    }

    /**
     * Encodes records as a SenML CBOR pack with integer labels. Names are written as given (no base name).
     *
     * @throws IllegalArgumentException if the pack is empty or breaks the limits
     */
    public byte[] encodeCbor(List<SenmlRecord> records) {
        if (records.isEmpty() || records.size() > limits.maxSenmlRecords()) {
            throw new IllegalArgumentException("a SenML pack carries 1-" + limits.maxSenmlRecords() + " records, had " + records.size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 24);
        try (CBORGenerator gen = cbor.createGenerator(out)) {
            gen.writeStartArray(null, records.size());
            for (SenmlRecord r : records) {
                int fields = 1 + (r.unit() != null ? 1 : 0) + (r.time() != 0 ? 1 : 0) + (r.sum() != null ? 1 : 0)
                        + (r.value() != null || r.stringValue() != null || r.booleanValue() != null ? 1 : 0);
                gen.writeStartObject(null, fields);
                gen.writeFieldId(SenmlLabel.NAME.cbor);
                gen.writeString(r.name());
                if (r.unit() != null) {
                    gen.writeFieldId(SenmlLabel.UNIT.cbor);
                    gen.writeString(r.unit());
                }
                if (r.value() != null) {
                    gen.writeFieldId(SenmlLabel.VALUE.cbor);
                    writeNumber(gen, r.value());
                } else if (r.stringValue() != null) {
                    gen.writeFieldId(SenmlLabel.STRING_VALUE.cbor);
                    gen.writeString(r.stringValue());
                } else if (r.booleanValue() != null) {
                    gen.writeFieldId(SenmlLabel.BOOLEAN_VALUE.cbor);
                    gen.writeBoolean(r.booleanValue());
                }
                if (r.sum() != null) {
                    gen.writeFieldId(SenmlLabel.SUM.cbor);
                    writeNumber(gen, r.sum());
                }
                if (r.time() != 0) {
                    gen.writeFieldId(SenmlLabel.TIME.cbor);
                    writeNumber(gen, r.time());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Encodes records as SenML JSON, for debugging tools and lab sensors.
     */
    public String encodeJson(List<SenmlRecord> records) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartArray();
            for (SenmlRecord r : records) {
                gen.writeStartObject();
                gen.writeStringField("n", r.name());
                if (r.unit() != null) {
                    gen.writeStringField("u", r.unit());
                }
                if (r.value() != null) {
                    gen.writeFieldName("v");
                    writeNumber(gen, r.value());
                } else if (r.stringValue() != null) {
                    gen.writeStringField("vs", r.stringValue());
                } else if (r.booleanValue() != null) {
                    gen.writeBooleanField("vb", r.booleanValue());
                }
                if (r.sum() != null) {
                    gen.writeNumberField("s", r.sum());
                }
                if (r.time() != 0) {
                    gen.writeNumberField("t", r.time());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Decodes a SenML CBOR pack and resolves base values.
     *
     * @throws WireFormatException if the bytes are not a valid SenML CBOR pack
     */
    public List<SenmlRecord> decodeCbor(byte[] payload) throws WireFormatException {
        return decode(payload, true);
    }

    /**
     * Decodes a SenML JSON pack (UTF-8) and resolves base values.
     *
     * @throws WireFormatException if the bytes are not a valid SenML JSON pack
     */
    public List<SenmlRecord> decodeJson(byte[] payload) throws WireFormatException {
        return decode(payload, false);
    }

    private List<SenmlRecord> decode(byte[] payload, boolean isCbor) throws WireFormatException {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "empty SenML pack");
        }
        if (payload.length > limits.maxMessageBytes()) {
            throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, "SenML pack of " + payload.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        try (JsonParser parser = isCbor ? cbor.createParser(payload) : json.createParser(payload)) {
            CborReading in = new CborReading(parser, limits);
            in.expect(JsonToken.START_ARRAY, "SenML pack");
            SenmlResolver resolver = new SenmlResolver();
            List<SenmlRecord> records = new ArrayList<>();
            while (in.next() == JsonToken.START_OBJECT) {
                if (records.size() == limits.maxSenmlRecords()) {
                    throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, "more than " + limits.maxSenmlRecords() + " SenML records");
                }
                records.add(resolver.resolve(readFields(in, parser, isCbor)));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw CborReading.structure("SenML pack: expected record maps");
            }
            in.expectEnd();
            if (records.isEmpty()) {
                throw CborReading.structure("SenML pack has no records");
            }
            return records;
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed SenML: " + e.getMessage(), e);
        }
    }

    private SenmlFields readFields(CborReading in, JsonParser parser, boolean isCbor) throws WireFormatException, IOException {
        SenmlFields fields = new SenmlFields();
        while (in.next() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            SenmlLabel label = isCbor ? SenmlLabel.ofCbor(key) : SenmlLabel.ofJson(key);
            if (label == null) {
                if (key != null && key.endsWith("_")) {
                    throw CborReading.structure("SenML field '" + key + "' must be understood and is not (RFC 8428 §4.4)");
                }
                in.next();
                in.skipValue();
                continue;
            }
            fields.read(label, in);
        }
        return fields;
    }

    private static void writeNumber(JsonGenerator gen, double value) throws IOException {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            gen.writeNumber((long) value);
        } else {
            gen.writeNumber(value);
        }
    }
}
