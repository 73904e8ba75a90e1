package cn.taihang.coap.internal;

import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.WireFormatException;
import cn.taihang.wire.WireLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** SenML packs (RFC 8428) as sensors send them, in JSON or CBOR, turned into {@link SensorValue}s. */
final class SenmlDecoding {

    /** CoAP Content-Formats (IANA CoAP registry). */
    static final int SENML_JSON = 110;
    static final int SENML_CBOR = 112;
    static final int JSON = 50;
    static final int CBOR = 60;

    /** The two encodings. */
    enum Format { JSON, CBOR }

    private final SenmlCodec codec;

    /** @param maxBytes the largest pack accepted */
    SenmlDecoding(int maxBytes) {
        this.codec = new SenmlCodec(new WireLimits(maxBytes, 1, maxBytes, WireLimits.V1.maxStringChars(), WireLimits.V1.maxSenmlRecords()));
    }

    /** @return the format of a Content-Format, empty for anything but SenML/JSON/CBOR */
    static Optional<Format> formatOf(int contentFormat) {
        return switch (contentFormat) {
            case SENML_JSON, JSON -> Optional.of(Format.JSON);
            case SENML_CBOR, CBOR -> Optional.of(Format.CBOR);
            default -> Optional.empty();
        };
    }

    /**
     * @return the pack's records, base values applied
     * @throws WireFormatException if the payload is not a valid SenML pack, or a record has only a sum
     */
    List<SensorValue> decode(byte[] payload, Format format) throws WireFormatException {
        List<SenmlRecord> records = format == Format.JSON ? codec.decodeJson(payload) : codec.decodeCbor(payload);
        List<SensorValue> values = new ArrayList<>(records.size());
        for (SenmlRecord r : records) {
            if (r.value() == null && r.stringValue() == null && r.booleanValue() == null) {
                throw new WireFormatException(WireFormatException.Reason.BAD_STRUCTURE,
                        "SenML record '" + r.name() + "' carries only a sum; send the value as 'v'");
            }
            values.add(new SensorValue(r.name(), r.unit(), r.value(), r.stringValue(), r.booleanValue(), r.time()));
        }
        return values;
    }
}
