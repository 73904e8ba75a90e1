package cn.taihang.hardware.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The pin map of a board, read from data ({@code boards/<id>.properties} beside this class): which
 * GPIO numbers exist, where they sit on the header, and which are reserved for buses.
 */
public final class BoardProfile {

    /** One GPIO of the board. */
    public record GpioPin(int gpio, int headerPin, boolean reserved, String function) {}

    private final String id;
    private final String name;
    private final Map<Integer, GpioPin> pins;

    private BoardProfile(String id, String name, Map<Integer, GpioPin> pins) {
        this.id = id;
        this.name = name;
        this.pins = Collections.unmodifiableMap(pins);
    }

    /**
     * Loads a bundled profile.
     *
     * @param id profile id, e.g. {@code raspberry-pi-4}
     * @throws IllegalArgumentException if there is no such profile or it is malformed
     */
    public static BoardProfile load(String id) {
        if (id == null || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("board profile id must be lower-case letters, digits and '-', was " + id);
        }
        String resource = "boards/" + id + ".properties";
        try (InputStream in = BoardProfile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no board profile '" + id + "'; known: raspberry-pi-4");
            }
            Properties props = new Properties();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(id, props);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read board profile " + resource + ": " + e.getMessage(), e);
        }
    }

    static BoardProfile parse(String id, Properties props) {
        Map<Integer, GpioPin> pins = new TreeMap<>();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("gpio.")) {
                continue;
            }
            int gpio = Integer.parseInt(key.substring("gpio.".length()));
            String[] fields = props.getProperty(key).split(",", 3);
            if (fields.length < 2) {
                throw new IllegalArgumentException("board " + id + ": " + key + " needs 'header,free|reserved[,function]'");
            }
            int header = Integer.parseInt(fields[0].trim());
            boolean reserved = switch (fields[1].trim()) {
                case "free" -> false;
                case "reserved" -> true;
                default -> throw new IllegalArgumentException("board " + id + ": " + key + " must say free or reserved");
            };
            String function = fields.length > 2 ? fields[2].trim() : "GPIO";
            pins.put(gpio, new GpioPin(gpio, header, reserved, function));
        }
        return new BoardProfile(id, props.getProperty("board.name", id), pins);
    }

    /** @return the profile id */
    public String id() {
        return id;
    }

    /** @return the board's human name */
    public String name() {
        return name;
    }

    /** @return every GPIO of the board by number, unmodifiable */
    public Map<Integer, GpioPin> pins() {
        return pins;
    }

    /**
     * Checks that a pin may be used for general-purpose I/O.
     *
     * @throws HardwareException {@link HardwareException.Reason#NO_SUCH_PIN} or
     *     {@link HardwareException.Reason#RESERVED_PIN}, with a message that says what to use instead
     */
    public GpioPin requireUsable(int gpio) throws HardwareException {
        GpioPin pin = pins.get(gpio);
        if (pin == null) {
            throw new HardwareException(HardwareException.Reason.NO_SUCH_PIN,
                    name + " has no GPIO " + gpio + "; use one of " + usable());
        }
        if (pin.reserved()) {
            throw new HardwareException(HardwareException.Reason.RESERVED_PIN,
                    "GPIO " + gpio + " (header pin " + pin.headerPin() + ") is reserved for " + pin.function()
                            + " on " + name + "; use one of " + usable());
        }
        return pin;
    }

    private String usable() {
        return pins.values().stream().filter(p -> !p.reserved()).map(p -> String.valueOf(p.gpio()))
                .reduce((a, b) -> a + "," + b).orElse("(none)");
    }
}
