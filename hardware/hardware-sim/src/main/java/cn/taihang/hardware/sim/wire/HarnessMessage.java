package cn.taihang.hardware.sim.wire;

import java.util.Objects;

/**
 * One line of the harness protocol between a gateway's simulated board and the simulator. The grammar
 * is documented in {@code cn.taihang.hardware.sim.harness}'s package Javadoc. Records validate their
 * fields, so a message that exists can always be written as one line.
 */
public sealed interface HarnessMessage {

    /** Longest line either side accepts, in characters, without the terminator. */
    int MAX_LINE = 8192;

    /** @return this message as one protocol line, without the terminator */
    String toLine();

    /** gateway → sim, first line of every connection: who is dialling and which board it has. */
    record Hello(String nodeId, String board) implements HarnessMessage {
        public Hello {
            requireToken("node id", nodeId);
            requireToken("board", board);
        }

        @Override
        public String toLine() {
            return "HELLO " + nodeId + " " + board;
        }
    }

    /** gateway → sim: a pin is now held, as an input or an output, by {@code owner}. */
    record Claim(int pin, boolean output, String owner) implements HarnessMessage {
        public Claim {
            requirePin(pin);
            requireText("owner", owner, false);
        }

        @Override
        public String toLine() {
            return "CLAIM " + pin + (output ? " OUT " : " IN ") + owner;
        }
    }

    /** gateway → sim: a pin is no longer held. */
    record Release(int pin) implements HarnessMessage {
        public Release {
            requirePin(pin);
        }

        @Override
        public String toLine() {
            return "RELEASE " + pin;
        }
    }

    /** gateway → sim: an output is driven to a level. */
    record Out(int pin, boolean high, long epochMicros) implements HarnessMessage {
        public Out {
            requirePin(pin);
            requireTime(epochMicros);
        }

        @Override
        public String toLine() {
            return "OUT " + pin + (high ? " 1 " : " 0 ") + epochMicros;
        }
    }

    /** gateway → sim: a serial port is now held by {@code owner}. */
    record Open(String port, String owner) implements HarnessMessage {
        public Open {
            requireToken("port", port);
            requireText("owner", owner, false);
        }

        @Override
        public String toLine() {
            return "OPEN " + port + " " + owner;
        }
    }

    /** gateway → sim: a serial port is no longer held. */
    record Close(String port) implements HarnessMessage {
        public Close {
            requireToken("port", port);
        }

        @Override
        public String toLine() {
            return "CLOSE " + port;
        }
    }

    /** gateway → sim: one line written to a serial port. */
    record Tx(String port, String text) implements HarnessMessage {
        public Tx {
            requireToken("port", port);
            requireText("text", text, true);
        }

        @Override
        public String toLine() {
            return "TX " + port + " " + text;
        }
    }

    /** sim → gateway: an input changed level at {@code epochMicros}, stamped at the simulated source. */
    record Edge(int pin, boolean high, long epochMicros) implements HarnessMessage {
        public Edge {
            requirePin(pin);
            requireTime(epochMicros);
        }

        @Override
        public String toLine() {
            return "EDGE " + pin + (high ? " 1 " : " 0 ") + epochMicros;
        }
    }

    /** sim → gateway: a serial device sent one line, complete at {@code epochMicros}. */
    record Line(String port, long epochMicros, String text) implements HarnessMessage {
        public Line {
            requireToken("port", port);
            requireTime(epochMicros);
            requireText("text", text, true);
        }

        @Override
        public String toLine() {
            return "LINE " + port + " " + epochMicros + " " + text;
        }
    }

    /**
     * Reads one line.
     *
     * @throws MalformedLineException naming the kind of fault, never anything else
     */
    static HarnessMessage parse(String line) throws MalformedLineException {
        return HarnessParser.parse(line);
    }

    private static void requirePin(int pin) {
        if (pin < 0) {
            throw new IllegalArgumentException("pin must be >= 0, was " + pin);
        }
    }

    private static void requireTime(long epochMicros) {
        if (epochMicros < 0) {
            throw new IllegalArgumentException("timestamp must be >= 0 µs since the epoch, was " + epochMicros);
        }
    }

    private static void requireToken(String what, String value) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(what + " must be one word without spaces, was '" + value + "'");
        }
    }

    private static void requireText(String what, String value, boolean mayBeBlank) {
        Objects.requireNonNull(value, what);
        if (!mayBeBlank && value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be one line, without CR or LF");
        }
        if (value.length() > MAX_LINE - 64) {
            throw new IllegalArgumentException(what + " is longer than " + (MAX_LINE - 64) + " characters");
        }
    }
}
