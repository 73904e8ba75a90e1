package cn.taihang.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Strict reading steps over a CBOR parser, turning every surprise into a {@link WireFormatException}. */
final class CborReading {

    private final JsonParser parser;
    private final WireLimits limits;

    CborReading(JsonParser parser, WireLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    JsonToken next() throws WireFormatException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new WireFormatException(WireFormatException.Reason.MALFORMED, "payload ends early");
            }
            return token;
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    void expect(JsonToken expected, String what) throws WireFormatException {
        JsonToken token = next();
        if (token != expected) {
            throw structure(what + ": expected " + expected + ", found " + token);
        }
    }

    long readLong(String what) throws WireFormatException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw structure(what + ": expected an integer, found " + token);
        }
        try {
            return parser.getLongValue();
        } catch (IOException e) {
            throw structure(what + ": integer out of range");
        }
    }

    double readNumber(String what) throws WireFormatException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw structure(what + ": expected a number, found " + token);
        }
        try {
            return parser.getDoubleValue();
        } catch (IOException e) {
            throw structure(what + ": number out of range");
        }
    }

    boolean readBoolean(String what) throws WireFormatException {
        JsonToken token = next();
        if (token == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (token == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw structure(what + ": expected a boolean, found " + token);
    }

    String readString(String what) throws WireFormatException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_STRING) {
            throw structure(what + ": expected a text string, found " + token);
        }
        return currentText(what);
    }

    /** Reads a text value (not an id or a name), limited by the body size rather than the id length. */
    String readValueText(String what) throws WireFormatException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_STRING) {
            throw structure(what + ": expected a text string, found " + token);
        }
        return text(what, limits.maxBodyBytes());
    }

    String currentText(String what) throws WireFormatException {
        return text(what, limits.maxStringChars());
    }

    private String text(String what, int maxChars) throws WireFormatException {
        try {
            String text = parser.getText();
            if (text.length() > maxChars) {
                throw new WireFormatException(WireFormatException.Reason.TOO_LARGE,
                        what + " longer than " + maxChars + " characters");
            }
            return text;
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, what + ": bad text string", e);
        }
    }

    byte[] readBytes(String what, int maxBytes) throws WireFormatException {
        JsonToken token = next();
        if (token != JsonToken.VALUE_EMBEDDED_OBJECT) {
            throw structure(what + ": expected a byte string, found " + token);
        }
        try {
            byte[] bytes = parser.getBinaryValue();
            if (bytes.length > maxBytes) {
                throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, what + " larger than " + maxBytes + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, what + ": bad byte string", e);
        }
    }

    void skipValue() throws WireFormatException {
        try {
            parser.skipChildren();
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    void expectEnd() throws WireFormatException {
        try {
            JsonToken token = parser.nextToken();
            if (token != null) {
                throw structure("trailing data after the message");
            }
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "trailing garbage after the message", e);
        }
    }

    static WireFormatException structure(String message) {
        return new WireFormatException(WireFormatException.Reason.BAD_STRUCTURE, message);
    }
}
