package cn.taihang.bridge.signs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A planned timetable generated from the lines alone, the same every day and on every run (no randomness: offsets and
 * run times come from a CRC of the line id). Each line runs both ways from 07:00 to 18:00: tourist-new lines every
 * 30 min, premium routes every 60 min, through-buses every 45 min; the first bus leaves at 07:00 plus an offset under
 * one headway; 20–44 min between consecutive stops. Pure.
 */
final class PlannedTimetable {

    /**
     * A bus leaving a stop.
     *
     * @param line line id
     * @param destination the last stop's place id
     * @param at when it leaves this stop
     */
    record Departure(String line, String destination, Instant at) {}

    private static final LocalTime FIRST = LocalTime.of(7, 0);
    private static final LocalTime LAST = LocalTime.of(18, 0);

    private final SignNetwork network;

    PlannedTimetable(SignNetwork network) {
        this.network = network;
    }

    static int headwayMinutes(String kind) {
        return switch (kind) {
            case "tourist-new" -> 30;
            case "premium" -> 60;
            default -> 45;
        };
    }

    /** @return the next {@code max} departures from {@code place} at or after {@code now}, soonest first */
    List<Departure> next(String place, Instant now, int max) {
        List<Departure> all = new ArrayList<>();
        LocalDate today = now.atZone(network.zone()).toLocalDate();
        for (LocalDate day : List.of(today, today.plusDays(1))) {
            for (SignNetwork.Line line : network.lines()) {
                addDirection(all, line, line.stops(), 0, place, day);
                List<String> back = new ArrayList<>(line.stops());
                Collections.reverse(back);
                addDirection(all, line, back, headwayMinutes(line.kind()) / 2, place, day);
            }
        }
        return all.stream().filter(d -> !d.at().isBefore(now)).sorted(Comparator.comparing(Departure::at).thenComparing(Departure::line))
                .limit(max).toList();
    }

    private void addDirection(List<Departure> out, SignNetwork.Line line, List<String> stops, int shift, String place, LocalDate day) {
        int index = stops.indexOf(place);
        if (index < 0 || index == stops.size() - 1) {
            return;
        }
        int headway = headwayMinutes(line.kind());
        int offset = (int) (crc(line.id()) % headway) + shift;
        int runMinutes = 0;
        for (int i = 0; i < index; i++) {
            runMinutes += 20 + (int) (crc(line.id() + "/" + i) % 25);
        }
        String destination = stops.get(stops.size() - 1);
        ZonedDateTime first = day.atTime(FIRST).atZone(network.zone()).plusMinutes(offset);
        ZonedDateTime last = day.atTime(LAST).atZone(network.zone());
        for (ZonedDateTime leave = first; !leave.isAfter(last); leave = leave.plusMinutes(headway)) {
            out.add(new Departure(line.id(), destination, leave.plusMinutes(runMinutes).toInstant()));
        }
    }

    private static long crc(String text) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
