package cn.taihang.gateway.core.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the OSGi framework and its services (Declarative Services above all) log into lines a crew can act on.
 * A component that refuses its configuration (its constructor or activate method throws an
 * {@link IllegalArgumentException}, whose message says what to change) becomes one line naming the component and that
 * message, without the framework's stack trace, and each distinct refusal is told once: DS retries a component each time
 * a reference comes or goes, and would repeat it. What only follows from another component's failure (a reference whose
 * service could not be made) is left out: the failure itself is told. Any other failure keeps its stack trace, also
 * once per distinct message.
 */
final class FrameworkLogFilter {

    /** How many distinct messages are remembered; the oldest is forgotten first. */
    static final int REMEMBERED = 256;

    /** DS's prefix: {@code bundle <bsn>:<version> (<id>)[<component name>(<component id>)] : <text>}. */
    private static final Pattern COMPONENT = Pattern.compile("\\[([^\\[\\]()]+)\\(\\d+\\)\\]\\s*:\\s*(.*)", Pattern.DOTALL);

    /** DS's and the framework's words for "the service I depend on failed to activate". */
    private static final List<String> CONSEQUENCES = List.of("Could not get service from ref", "Unable to get service for reference",
            "Service factory returned null");

    private final Map<String, Boolean> told = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /**
     * One line to log.
     *
     * @param text what to log
     * @param stackTrace the exception whose trace to log, or {@code null} for a refused configuration
     */
    record Line(String text, Throwable stackTrace) {}

    /**
     * @param message the framework's message, may be {@code null}
     * @param failure the exception it logged, may be {@code null}
     * @return the line to log, or empty when the same one was already told or it only follows from another failure
     */
    synchronized Optional<Line> line(String message, Throwable failure) {
        String text = message == null ? "" : message;
        Throwable cause = rootCause(failure);
        String causeText = cause == null ? "" : String.valueOf(cause.getMessage());
        if (CONSEQUENCES.stream().anyMatch(c -> text.contains(c) || causeText.contains(c))) {
            return Optional.empty();
        }
        Line line;
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            Matcher m = COMPONENT.matcher(text);
            String component = m.find() ? m.group(1) : text;
            line = new Line(component + " refused its configuration: " + cause.getMessage(), null);
        } else {
            line = new Line(text, failure);
        }
        String key = line.text() + (cause == null ? "" : " / " + cause);
        return told.putIfAbsent(key, Boolean.TRUE) == null ? Optional.of(line) : Optional.empty();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
