package cn.taihang.console.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.gateway.api.Alarms;
import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.DeviceInfo;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sensors: each road sensor registered as a device (kind {@code road-sensor}: presence, then the latest value of each
 * measurement as channels, updating live) with its own active alarms, and every active alarm of the gateway with its
 * figures.
 */
final class SensorsPage {

    void show(Exchange x) throws Exception {
        Map<String, Object> model = x.model("/sensors");
        model.put("page", "sensors");
        Alarms service = x.console.services.alarms().get();
        List<Alarm> active = service == null ? List.of() : service.active();
        model.put("alarmsKnown", service != null);
        model.put("alarms", active.stream().map(SensorsPage::alarm).toList());
        model.put("sensors", x.console.services.devices().devices().stream().filter(DevicePages.kinds("sensors")).map(d -> sensor(d, active)).toList());
        x.page(200, "sensors", model);
    }

    private static Map<String, Object> sensor(DeviceInfo d, List<Alarm> active) {
        Map<String, Object> m = Exchange.row();
        m.put("id", d.id());
        m.put("kind", d.kind());
        m.put("description", d.description());
        ChannelStatus presence = d.channels().stream().filter(c -> c.name().equals("presence")).findFirst().orElse(null);
        m.put("state", presence == null ? "UNKNOWN" : presence.state().name());
        m.put("channels", d.channels().stream().map(c -> Map.of("name", c.name(), "state", c.state().name(), "value", c.value(),
                "detail", c.detail())).toList());
        m.put("alarms", active.stream().filter(a -> a.source().equals(d.id()) || d.id().equals(a.details().get("sensor"))).map(SensorsPage::alarm)
                .toList());
        return m;
    }

    private static Map<String, Object> alarm(Alarm a) {
        Map<String, Object> row = Exchange.row();
        row.put("id", a.id());
        row.put("severity", a.severity().name());
        row.put("kind", a.kind());
        row.put("source", a.source());
        row.put("message", a.message());
        row.put("since", a.raisedAt().toString());
        Map<String, String> figures = new TreeMap<>();
        a.details().forEach((k, v) -> figures.put(k, String.valueOf(v)));
        row.put("details", figures.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
        return row;
    }
}
