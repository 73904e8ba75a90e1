package cn.taihang.bridge.dispatch.domain;

import cn.taihang.bridge.forecast.DayKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans a day's departures: the timetable of each line, the load each departure is expected to carry (passengers
 * arriving at the first stop since the previous departure: the stop's hourly forecast × the line's share), and extra
 * departures where a load exceeds {@code threshold × capacity}.
 *
 * <p>Rule: a departure with forecast load L needs n = ⌈L ÷ (threshold × capacity)⌉ vehicles; the n − 1 extras
 * leave evenly spaced between the previous departure and this one (so each carries about L ÷ n). Extras are handed
 * out in time order, each from the nearest depot that has a vehicle back from its last trip (a vehicle is away for
 * the line's round trip); when the depots cannot give all of them, the departure gets as many as they can and is
 * reported as unserved.
 */
public final class DeparturePlanner {

    private final double threshold;

    /** @param threshold share of the capacity above which a departure gets extra vehicles, 0.5–1.5 */
    public DeparturePlanner(double threshold) {
        if (!(threshold >= 0.5 && threshold <= 1.5)) {
            throw new IllegalArgumentException("capacity threshold must be between 0.5 and 1.5, was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * @param date the day
     * @param kind its kind (sets the headways)
     * @param lines the lines
     * @param hourlyForecast passengers per hour by place id (24 values); a place without one has no load
     * @param positions where each place is
     * @param depots the depot pool
     * @return planned and extra departures
     */
    public DayPlan plan(LocalDate date, DayKind kind, List<TourLine> lines, Map<String, double[]> hourlyForecast, Map<String, GeoPoint> positions,
                        List<Depot> depots) {
        List<Candidate> candidates = new ArrayList<>();
        for (TourLine line : lines) {
            List<LocalTime> times = line.service().departures(kind);
            double[] hourly = hourlyForecast.get(line.origin());
            for (int k = 0; k < times.size(); k++) {
                LocalDateTime t = date.atTime(times.get(k));
                LocalDateTime previous = k == 0 ? t.minusMinutes(headway(line, kind)) : date.atTime(times.get(k - 1));
                double load = hourly == null ? 0 : arrivals(hourly, previous, t) * line.share();
                candidates.add(new Candidate(line, previous, t, load));
            }
        }
        candidates.sort(Comparator.comparing((Candidate c) -> c.time).thenComparing(c -> c.line.id()));
        Map<String, List<LocalDateTime>> busyUntil = new HashMap<>();
        depots.forEach(d -> busyUntil.put(d.id(), new ArrayList<>(java.util.Collections.nCopies(d.vehicles(), LocalDateTime.MIN))));
        List<Departure> departures = new ArrayList<>();
        List<Departure> unserved = new ArrayList<>();
        for (Candidate c : candidates) {
            int needed = (int) Math.ceil(c.load / (threshold * c.line.capacity()));
            int wantedExtras = Math.max(0, needed - 1);
            List<Departure> extras = List.of();
            for (int m = wantedExtras; m >= 1; m--) {
                extras = allocate(c, m, positions.get(c.line.origin()), depots, busyUntil);
                if (!extras.isEmpty()) {
                    break;
                }
            }
            Departure planned = new Departure(c.line.id(), c.time, false, c.line.capacity(), c.load / (extras.size() + 1), null);
            departures.add(planned);
            departures.addAll(extras);
            if (extras.size() < wantedExtras) {
                unserved.add(planned);
            }
        }
        departures.sort(Comparator.comparing(Departure::time).thenComparing(Departure::line).thenComparing(Departure::extra));
        return new DayPlan(departures, unserved);
    }

    private static int headway(TourLine line, DayKind kind) {
        return kind.worked() ? line.service().workdayHeadwayMinutes() : line.service().restdayHeadwayMinutes();
    }

    /** @return {@code m} extras, all given vehicles, or an empty list (nothing taken) if the depots cannot give them */
    private static List<Departure> allocate(Candidate c, int m, GeoPoint origin, List<Depot> depots, Map<String, List<LocalDateTime>> busyUntil) {
        List<Depot> nearest = new ArrayList<>(depots);
        if (origin != null) {
            nearest.sort(Comparator.comparingDouble((Depot d) -> d.position().distanceKm(origin)).thenComparing(Depot::id));
        }
        Map<String, List<LocalDateTime>> trial = new HashMap<>();
        busyUntil.forEach((k, v) -> trial.put(k, new ArrayList<>(v)));
        List<Departure> extras = new ArrayList<>();
        long span = ChronoUnit.SECONDS.between(c.previous, c.time);
        for (int i = 1; i <= m; i++) {
            LocalDateTime at = c.previous.plusSeconds(span * i / (m + 1)).truncatedTo(ChronoUnit.MINUTES);
            String from = null;
            for (Depot d : nearest) {
                List<LocalDateTime> vehicles = trial.get(d.id());
                for (int v = 0; v < vehicles.size(); v++) {
                    if (!vehicles.get(v).isAfter(at)) {
                        vehicles.set(v, at.plusMinutes(c.line.roundTripMinutes()));
                        from = d.id();
                        break;
                    }
                }
                if (from != null) {
                    break;
                }
            }
            if (from == null) {
                return List.of();
            }
            extras.add(new Departure(c.line.id(), at, true, c.line.capacity(), c.load / (m + 1), from));
        }
        busyUntil.putAll(trial);
        return extras;
    }

    /** @return passengers arriving in (from, to], from hourly totals of the departure's day (uniform within an hour) */
    static double arrivals(double[] hourly, LocalDateTime from, LocalDateTime to) {
        double sum = 0;
        LocalDateTime dayStart = to.toLocalDate().atStartOfDay();
        for (LocalDateTime t = from; t.isBefore(to); ) {
            LocalDateTime hourEnd = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            LocalDateTime end = hourEnd.isBefore(to) ? hourEnd : to;
            if (!t.isBefore(dayStart)) {
                sum += hourly[t.getHour()] * ChronoUnit.SECONDS.between(t, end) / 3600.0;
            }
            t = end;
        }
        return sum;
    }

    private record Candidate(TourLine line, LocalDateTime previous, LocalDateTime time, double load) {}
}
