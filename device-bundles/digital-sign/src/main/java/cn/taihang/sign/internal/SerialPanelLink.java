package cn.taihang.sign.internal;

import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import cn.taihang.sign.panel.Frame;
import java.util.function.Consumer;

/** The panel on one of the board's serial ports (hardware API). */
final class SerialPanelLink implements PanelLink {

    private final SerialLine line;

    SerialPanelLink(SerialPorts ports, String port, int baud, String owner, Consumer<String> received) throws HardwareException {
        this.line = ports.open(new SerialSpec(port, baud, Frame.MAX_LINE, owner), new LineListener() {
            @Override
            public void onLine(String text, long timestampMicros) {
                received.accept(text);
            }
        });
    }

    @Override
    public void send(String text) throws PanelException {
        try {
            line.writeLine(text);
        } catch (HardwareException e) {
            throw new PanelException("serial port " + line.port() + ": " + e.getMessage(), e.reason().temporary());
        }
    }

    @Override
    public String describe() {
        return "serial " + line.port();
    }

    @Override
    public void close() {
        line.close();
    }
}
