package cn.taihang.console.internal;

import cn.taihang.hardware.api.DigitalOutput;
import cn.taihang.hardware.api.Gpio;
import cn.taihang.hardware.api.HardwareException;
import cn.taihang.hardware.api.OutputSpec;
import cn.taihang.hardware.api.PinStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Diagnostics: the GPIO pins held and by whom, and a relay test that pulses one of the pins the console
 * is configured to test ({@code relayPins}): it opens the pin as an output, pulses it and releases it.
 * A pin another device holds is refused with its owner's name. Each sign offers its test pattern (handled by
 * {@link SignsPage}).
 */
final class DiagnosticsPage {

    void show(Exchange x) throws Exception {
        show(x, HttpServletResponse.SC_OK, null);
    }

    private void show(Exchange x, int status, String error) throws Exception {
        Map<String, Object> model = x.model("/diagnostics");
        Gpio gpio = x.console.services.gpio().get();
        model.put("gpio", gpio != null);
        if (gpio != null) {
            model.put("board", gpio.board().name());
            model.put("pins", gpio.pins().stream().map(DiagnosticsPage::pin).toList());
        }
        model.put("relayPins", x.console.settings.relayPins());
        model.put("pulseMillis", x.console.settings.relayPulseMillis());
        model.put("signs", SignsPage.snapshots(x).stream().map(sign -> Map.of("id", sign.id(), "description", sign.description())).toList());
        if (error != null) {
            model.put("error", error);
        }
        x.page(status, "diagnostics", model);
    }

    void pulse(Exchange x) throws Exception {
        Gpio gpio = x.console.services.gpio().get();
        int pin;
        try {
            pin = Integer.parseInt(String.valueOf(x.param("pin")));
        } catch (NumberFormatException e) {
            show(x, HttpServletResponse.SC_BAD_REQUEST, x.text("diagnostics.notRelay", x.param("pin")));
            return;
        }
        List<Integer> allowed = x.console.settings.relayPins();
        if (!allowed.contains(pin)) {
            x.audit("relay.refused", "GPIO " + pin, "not a configured relay test pin");
            show(x, HttpServletResponse.SC_BAD_REQUEST, x.text("diagnostics.notRelay", pin));
            return;
        }
        if (gpio == null) {
            show(x, HttpServletResponse.SC_SERVICE_UNAVAILABLE, x.text("diagnostics.noGpio"));
            return;
        }
        int millis = x.console.settings.relayPulseMillis();
        DigitalOutput output = null;
        try {
            output = gpio.openOutput(new OutputSpec(pin, false, "console relay test by " + x.user()));
            output.pulse(Duration.ofMillis(millis));
        } catch (HardwareException e) {
            if (output != null) {
                output.close();
            }
            x.audit("relay.failed", "GPIO " + pin, e.getMessage());
            show(x, HttpServletResponse.SC_CONFLICT, x.text("diagnostics.pulseFailed", pin, e.getMessage()));
            return;
        }
        x.console.timers.schedule(output::close, millis + 200L, TimeUnit.MILLISECONDS);
        x.audit("relay.pulsed", "GPIO " + pin, millis + " ms");
        x.session().flash("diagnostics.pulsed");
        x.redirect("/diagnostics");
    }

    private static Map<String, Object> pin(PinStatus p) {
        Map<String, Object> m = Exchange.row();
        m.put("pin", p.pin());
        m.put("direction", p.direction().name());
        m.put("owner", p.owner());
        m.put("high", p.high());
        m.put("edges", p.edges());
        m.put("lastChange", p.lastChangeMicros() == 0 ? "" : Instant.EPOCH.plusNanos(p.lastChangeMicros() * 1000).toString());
        return m;
    }
}
