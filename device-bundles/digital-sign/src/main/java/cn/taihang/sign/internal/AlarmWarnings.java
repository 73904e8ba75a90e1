package cn.taihang.sign.internal;

import cn.taihang.gateway.api.Alarm;
import cn.taihang.sign.domain.SafetyWarning;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides which alarms a sign reacts to and what the warning says (configured per kind, else the alarm's own text). */
final class AlarmWarnings {

    private final List<String> kinds;
    private final List<String> sources;
    private final List<String> roads;
    private final Map<String, String[]> texts = new HashMap<>();

    AlarmWarnings(List<String> kinds, List<String> sources, List<String> roads, List<String> messages) {
        this.kinds = List.copyOf(kinds);
        this.sources = List.copyOf(sources);
        this.roads = List.copyOf(roads);
        for (String entry : messages) {
            String[] parts = entry.split("\\|", 3);
            if (parts.length != 3 || parts[0].isBlank()) {
                throw new IllegalArgumentException("safety message '" + entry + "' is not kind|Chinese page|English page");
            }
            texts.put(parts[0].strip(), new String[] {parts[1], parts[2]});
        }
    }

    /** @return the warning for {@code alarm}, or empty if this sign does not react to it */
    Optional<SafetyWarning> warningFor(Alarm alarm) {
        if (!kinds.contains(alarm.kind())) {
            return Optional.empty();
        }
        if (!sources.isEmpty() && !sources.contains(alarm.source())) {
            return Optional.empty();
        }
        if (!roads.isEmpty() && !roads.contains(String.valueOf(alarm.details().get("road")))) {
            return Optional.empty();
        }
        String[] text = texts.get(alarm.kind());
        if (text == null) {
            String[] parts = alarm.message().split(" / ", 2);
            text = new String[] {escape(parts[0]), escape(parts.length > 1 ? parts[1] : parts[0])};
        }
        return Optional.of(new SafetyWarning(alarm.id(), alarm.kind(), "[jp3]" + text[0], "[jp3]" + text[1]));
    }

    /** @return the configured texts, each as the two-page MULTI a warning of that kind shows */
    Map<String, String> configuredMessages() {
        Map<String, String> all = new HashMap<>();
        texts.forEach((kind, t) -> all.put(kind, "[jp3]" + t[0] + "[np][jp3]" + t[1]));
        return all;
    }

    private static String escape(String plain) {
        return plain.replace("[", "[[").replace("]", "]]");
    }
}
