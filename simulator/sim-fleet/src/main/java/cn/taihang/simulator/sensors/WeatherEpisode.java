package cn.taihang.simulator.sensors;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A stretch of weather (or crowd) that overrides the climate on some road sections.
 *
 * @param kind what happens
 * @param sections the road sections (or site ids, for crowds) it covers; empty = everywhere
 * @param start when it begins
 * @param end when it is over
 */
public record WeatherEpisode(Kind kind, Set<String> sections, Instant start, Instant end) {

    /** What an episode brings. */
    public enum Kind {
        /** Fog: visibility falls to below 100 m in the middle of the episode and recovers. */
        FOG,
        /** A freezing night: the road surface ices over. */
        ICE,
        /** A holiday crowd: car parks fill up and scenic gates get crowded. */
        HOLIDAY,
        /** A gale with heavy rain. */
        STORM
    }

    /** Validates and copies. */
    public WeatherEpisode {
        Objects.requireNonNull(kind, "kind");
        sections = Set.copyOf(sections);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an episode must end after it starts");
        }
    }

    /** @return whether it covers the section (or site) at the time */
    public boolean covers(String section, Instant time) {
        return !time.isBefore(start) && time.isBefore(end) && (sections.isEmpty() || sections.contains(section));
    }

    /** @return how far into the episode the time is, 0..1 */
    public double progress(Instant time) {
        return Math.min(1, Math.max(0, (double) (time.toEpochMilli() - start.toEpochMilli()) / (end.toEpochMilli() - start.toEpochMilli())));
    }
}
