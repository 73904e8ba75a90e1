package cn.taihang.hardware.pi4j.internal;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalInputProvider;
import com.pi4j.plugin.linuxfs.provider.gpio.digital.LinuxFsDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The Pi4J plugins this bundle can drive GPIO with, by their configuration name. */
enum Pi4jProvider {
    GPIOD(GpioDDigitalInputProvider::newInstance, GpioDDigitalInputProvider.ID,
            GpioDDigitalOutputProvider::newInstance, GpioDDigitalOutputProvider.ID),
    LINUXFS(LinuxFsDigitalInputProvider::newInstance, LinuxFsDigitalInputProvider.ID,
            LinuxFsDigitalOutputProvider::newInstance, LinuxFsDigitalOutputProvider.ID),
    MOCK(MockDigitalInputProvider::newInstance, MockDigitalInputProvider.ID,
            MockDigitalOutputProvider::newInstance, MockDigitalOutputProvider.ID);

    private final Supplier<DigitalInputProvider> inputs;
    private final String inputId;
    private final Supplier<DigitalOutputProvider> outputs;
    private final String outputId;

    Pi4jProvider(Supplier<DigitalInputProvider> inputs, String inputId, Supplier<DigitalOutputProvider> outputs,
            String outputId) {
        this.inputs = inputs;
        this.inputId = inputId;
        this.outputs = outputs;
        this.outputId = outputId;
    }

    /** @throws IllegalArgumentException naming the choices */
    static Pi4jProvider fromConfig(String name) {
        for (Pi4jProvider provider : values()) {
            if (provider.configName().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException(Pi4jConfig.PID + "/provider must be one of "
                + Arrays.stream(values()).map(Pi4jProvider::configName).collect(Collectors.joining(", ")) + " (was '" + name + "')");
    }

    /** @return the Pi4J id of this plugin's digital input provider */
    String inputId() {
        return inputId;
    }

    /** @return the Pi4J id of this plugin's digital output provider */
    String outputId() {
        return outputId;
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that the kernel interface this provider drives exists; Pi4J itself only finds out when
     * the first pin is opened.
     *
     * @throws IllegalStateException saying what is missing and what to do
     */
    void requireKernelInterface() {
        switch (this) {
            case GPIOD -> {
                try (DirectoryStream<Path> chips = Files.newDirectoryStream(Path.of("/dev"), "gpiochip*")) {
                    if (chips.iterator().hasNext()) {
                        return;
                    }
                } catch (IOException e) {
                    // reported below
                }
                throw new IllegalStateException("no /dev/gpiochip* on this machine, so Pi4J provider gpiod has nothing to drive");
            }
            case LINUXFS -> {
                if (!Files.isDirectory(Path.of("/sys/class/gpio"))) {
                    throw new IllegalStateException("no /sys/class/gpio on this machine, so Pi4J provider linuxfs has nothing to drive");
                }
            }
            case MOCK -> {
                // needs nothing
            }
        }
    }

    /**
     * Builds a Pi4J context holding only this provider's digital I/O. Nothing is auto-detected: Pi4J's
     * ServiceLoader discovery does not see plugins inside OSGi, and a gateway must not pick a driver
     * by chance. Pi4J's shutdown hook stays off; the component shuts the context down.
     */
    Context newContext() {
        return Pi4J.newContextBuilder().noAutoDetect().disableShutdownHook()
                .add(inputs.get(), outputs.get()).build();
    }
}
