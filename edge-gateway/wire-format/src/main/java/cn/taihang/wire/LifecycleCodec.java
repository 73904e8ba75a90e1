package cn.taihang.wire;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes and decodes the lifecycle messages: {@link Birth}, {@link Death}, {@link BridgeState} as CBOR
 * maps with field names (rare, self-describing). The acknowledgement of data belongs to the data
 * exchange and lives with it, in {@link BatchCodec}. Thread-safe.
 */
public final class LifecycleCodec {

    private static final int MAX_LIFECYCLE_BYTES = 256 * 1024;

    private final ObjectMapper mapper;

    /** A lifecycle codec. */
    public LifecycleCodec() {
        CBORFactory factory = CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024).build())
                .build();
        mapper = new ObjectMapper(factory).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true)
                .configure(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES, false);
    }

    /** @return the encoded birth */
    public byte[] encodeBirth(Birth birth) {
        return write(birth);
    }

    /** @throws WireFormatException if the payload is not a valid birth */
    public Birth decodeBirth(byte[] payload) throws WireFormatException {
        Birth birth = read(payload, Birth.class);
        requireVersion(birth.version(), "birth");
        if (!Topics.isValidId(birth.gateway()) || !Topics.isValidSite(birth.site())) {
            throw CborReading.structure("birth: gateway and site must be valid ids");
        }
        if (birth.sealingKey() != null && birth.sealingKey().length != 32) {
            throw CborReading.structure("birth: a sealing key is a 32-byte X25519 public key, this one has " + birth.sealingKey().length + " bytes");
        }
        if (birth.certificateChain().size() > Birth.MAX_CHAIN_CERTIFICATES
                || birth.certificateChain().stream().anyMatch(c -> c == null || c.length == 0 || c.length > Birth.MAX_CERTIFICATE_BYTES)) {
            throw CborReading.structure("birth: at most " + Birth.MAX_CHAIN_CERTIFICATES + " certificates of 1-"
                    + Birth.MAX_CERTIFICATE_BYTES + " bytes each");
        }
        return birth;
    }

    /** @return the encoded death */
    public byte[] encodeDeath(Death death) {
        return write(death);
    }

    /** @throws WireFormatException if the payload is not a valid death */
    public Death decodeDeath(byte[] payload) throws WireFormatException {
        Death death = read(payload, Death.class);
        requireVersion(death.version(), "death");
        if (!Topics.isValidId(death.gateway())) {
            throw CborReading.structure("death: gateway must be a valid id");
        }
        return death;
    }

    /** @return the encoded bridge state */
    public byte[] encodeBridgeState(BridgeState state) {
        return write(state);
    }

    /** @throws WireFormatException if the payload is not a valid bridge state */
    public BridgeState decodeBridgeState(byte[] payload) throws WireFormatException {
        BridgeState state = read(payload, BridgeState.class);
        requireVersion(state.version(), "bridge state");
        return state;
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(byte[] payload, Class<T> type) throws WireFormatException {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "empty " + type.getSimpleName() + " payload");
        }
        if (payload.length > MAX_LIFECYCLE_BYTES) {
            throw new WireFormatException(WireFormatException.Reason.TOO_LARGE,
                    type.getSimpleName() + " payload of " + payload.length + " bytes exceeds " + MAX_LIFECYCLE_BYTES);
        }
        try {
            T value = mapper.readValue(payload, type);
            if (value == null) {
                throw CborReading.structure("empty " + type.getSimpleName());
            }
            return value;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException | com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            throw new WireFormatException(WireFormatException.Reason.BAD_STRUCTURE, type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, type.getSimpleName() + " is not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    private static void requireVersion(long version, String what) throws WireFormatException {
        if (version != 1) {
            throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, what + " version " + version + " is not supported (this build reads 1)");
        }
    }
}
