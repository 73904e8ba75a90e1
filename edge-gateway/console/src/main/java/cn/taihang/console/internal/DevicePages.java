package cn.taihang.console.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.DeviceInfo;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The device pages — all devices and counters — each listing the {@link DeviceInfo devices} of its kinds with every
 * channel's status and value; the page's script polls {@code /api/devices?page=…} every two seconds and updates the
 * values in place (also for the signs, validators and sensors pages, which add their own parts).
 */
final class DevicePages {

    /** The pages, by path name. */
    static final List<String> PAGES = List.of("devices", "counters", "signs", "validators", "sensors");

    void show(Exchange x, String page) throws Exception {
        Map<String, Object> model = x.model("/" + page);
        model.put("page", page);
        model.put("devices", devices(x, page).stream().map(DevicePages::toModel).toList());
        x.page(200, page.equals("counters") ? "counters" : "devices", model);
    }

    void json(Exchange x) throws Exception {
        String page = x.param("page");
        List<DeviceInfo> devices = devices(x, page != null && PAGES.contains(page) ? page : "devices");
        x.json(200, g -> {
            g.writeStartObject();
            g.writeNumberField("time", System.currentTimeMillis());
            g.writeArrayFieldStart("devices");
            for (DeviceInfo d : devices) {
                g.writeStartObject();
                g.writeStringField("id", d.id());
                g.writeStringField("kind", d.kind());
                g.writeArrayFieldStart("channels");
                for (ChannelStatus c : d.channels()) {
                    g.writeStartObject();
                    g.writeStringField("name", c.name());
                    g.writeStringField("state", c.state().name());
                    g.writeStringField("value", c.value());
                    g.writeStringField("detail", c.detail());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static List<DeviceInfo> devices(Exchange x, String page) {
        return x.console.services.devices().devices().stream().filter(kinds(page)).toList();
    }

    /** Which device kinds a page shows, by kind name. */
    static Predicate<DeviceInfo> kinds(String page) {
        return d -> {
            String kind = d.kind().toLowerCase(Locale.ROOT);
            return switch (page) {
                case "counters" -> kind.equals("vehicle-counter");
                case "signs" -> kind.contains("sign");
                case "validators" -> kind.contains("validator") || kind.contains("gate") || kind.contains("locker");
                case "sensors" -> kind.contains("sensor");
                default -> true;
            };
        };
    }

    private static Map<String, Object> toModel(DeviceInfo d) {
        Map<String, Object> m = Exchange.row();
        m.put("id", d.id());
        m.put("kind", d.kind());
        m.put("description", d.description());
        m.put("bundle", d.bundle());
        m.put("channels", d.channels().stream().map(c -> Map.of("name", c.name(), "state", c.state().name(), "value", c.value(),
                "detail", c.detail())).toList());
        String count = d.channels().stream().filter(c -> c.name().equals("counts")).map(ChannelStatus::value).findFirst().orElse("");
        m.put("count", count);
        return m;
    }
}
