package cn.taihang.hardware.sim.internal;

import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A simulated serial port: lines come from the harness as LINE and go to it as TX. */
final class SimSerialLine implements SerialLine {

    private static final Logger LOG = LoggerFactory.getLogger(SimSerialLine.class);

    private final SerialSpec spec;
    private final LineListener listener;
    private final SimHardware board;
    private volatile boolean closed;
    private long listenerFailures;

    SimSerialLine(SerialSpec spec, LineListener listener, SimHardware board) {
        this.spec = spec;
        this.listener = listener;
        this.board = board;
    }

    SerialSpec spec() {
        return spec;
    }

    void deliver(String text, long epochMicros) {
        if (closed) {
            return;
        }
        try {
            if (text.length() > spec.maxLineLength()) {
                listener.onOverflow(text.length());
            } else {
                listener.onLine(text, epochMicros);
            }
        } catch (RuntimeException e) {
            if (listenerFailures++ == 0) {
                LOG.warn("the line listener of port {} ({}) failed; the line is dropped for it (logged once per port)",
                        spec.port(), spec.owner(), e);
            }
        }
    }

    @Override
    public String port() {
        return spec.port();
    }

    @Override
    public void writeLine(String line) throws HardwareException {
        if (closed) {
            throw new IllegalStateException("port " + spec.port() + " was closed by its owner; open it again to write");
        }
        board.transmit(this, line);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            board.closePort(this);
        }
    }
}
