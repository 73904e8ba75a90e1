package cn.taihang.hardware.pi4j.internal;

import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.LineListener;
import cn.taihang.hardware.api.SerialLine;
import cn.taihang.hardware.api.SerialPorts;
import cn.taihang.hardware.api.SerialSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Serial ports of the board as tty device files, read line by line. Pi4J 2.7 has no serial provider
 * among the plugins this gateway ships (mock, linuxfs, gpiod), so this component does not use Pi4J.
 * A port that disappears (a USB scanner unplugged) is reopened by itself once it is back.
 */
@Component(service = SerialPorts.class, configurationPid = TtyConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TtyConfig.class)
public final class TtySerialPorts implements SerialPorts {

    private final Path deviceDir;
    private final String stty;
    private final Map<Path, TtyLine> held = new HashMap<>();

    /** @throws IllegalArgumentException (activation fails) if the device directory is not absolute */
    @Activate
    public TtySerialPorts(TtyConfig config) {
        deviceDir = Path.of(config.deviceDir()).normalize();
        if (!deviceDir.isAbsolute()) {
            throw new IllegalArgumentException(TtyConfig.PID + "/deviceDir must be an absolute directory such as /dev, was '"
                    + config.deviceDir() + "'");
        }
        stty = config.sttyCommand() == null ? "" : config.sttyCommand().trim();
    }

    @Deactivate
    void deactivate() {
        List<TtyLine> lines;
        synchronized (this) {
            lines = new ArrayList<>(held.values());
        }
        lines.forEach(TtyLine::close);
    }

    @Override
    public SerialLine open(SerialSpec spec, LineListener listener) throws HardwareException {
        Path device = deviceDir.resolve(spec.port()).normalize();
        if (!device.startsWith(deviceDir) || device.equals(deviceDir)) {
            throw new HardwareException(HardwareException.Reason.NO_SUCH_PIN, "serial port '" + spec.port()
                    + "' is not a device under " + deviceDir + "; name it like ttyACM0 or " + deviceDir.resolve("ttyACM0"));
        }
        if (!Files.exists(device)) {
            throw new HardwareException(HardwareException.Reason.PORT_UNAVAILABLE, "no serial device at " + device
                    + "; is it plugged in? 'ls " + deviceDir.resolve("serial/by-id") + "' lists the connected ones");
        }
        synchronized (this) {
            TtyLine holder = held.get(device);
            if (holder != null) {
                throw new HardwareException(HardwareException.Reason.PIN_IN_USE, "serial port " + device + " is held by '"
                        + holder.spec().owner() + "'; close it there first, or give '" + spec.owner() + "' another port");
            }
            TtyLine line = new TtyLine(device, spec, listener, stty, this::release);
            try {
                line.start();
            } catch (IOException e) {
                throw new HardwareException(HardwareException.Reason.PORT_UNAVAILABLE, "serial device " + device
                        + " cannot be opened (" + e.getMessage() + "); check that the gateway's user may use it (group dialout)", e);
            }
            held.put(device, line);
            return line;
        }
    }

    private synchronized void release(TtyLine line) {
        held.remove(line.device(), line);
    }
}
