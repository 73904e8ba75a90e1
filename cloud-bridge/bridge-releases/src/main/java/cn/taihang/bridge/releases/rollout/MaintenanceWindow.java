package cn.taihang.bridge.releases.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * When gateways of one site kind must not be started: daily between {@code closedFrom} and {@code closedTo} local time
 * (over midnight when {@code closedTo} is earlier), on the days from {@code firstDay} to {@code lastDay} (both may be
 * {@code null}: every day). E.g. hubs not between 07:00 and 20:00 in Golden Week:
 * {@code new MaintenanceWindow("hub", 07:00, 20:00, 2026-10-01, 2026-10-07, Asia/Shanghai)}. A gateway already started
 * is not stopped by a window.
 *
 * @param siteKind the kind of site it applies to, e.g. {@code hub}
 * @param closedFrom start of the closed hours, local time
 * @param closedTo end of the closed hours, local time (exclusive)
 * @param firstDay first day it applies, or {@code null}
 * @param lastDay last day it applies, or {@code null}
 * @param zone the local time zone
 */
public record MaintenanceWindow(String siteKind, LocalTime closedFrom, LocalTime closedTo, LocalDate firstDay, LocalDate lastDay, ZoneId zone) {

    /** Validates. @throws IllegalArgumentException on an empty window or days in the wrong order */
    public MaintenanceWindow {
        Objects.requireNonNull(siteKind, "siteKind");
        Objects.requireNonNull(closedFrom, "closedFrom");
        Objects.requireNonNull(closedTo, "closedTo");
        Objects.requireNonNull(zone, "zone");
        if (closedFrom.equals(closedTo)) {
            throw new IllegalArgumentException("a maintenance window closes for some hours: closedFrom and closedTo are equal");
        }
        if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("a maintenance window's lastDay " + lastDay + " is before its firstDay " + firstDay);
        }
    }

    /** @return whether a gateway of {@code kind} must not be started at {@code now} */
    public boolean closed(String kind, Instant now) {
        if (!siteKind.equals(kind)) {
            return false;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = closedTo.isBefore(closedFrom);
        boolean inHours = overMidnight ? !time.isBefore(closedFrom) || time.isBefore(closedTo) : !time.isBefore(closedFrom) && time.isBefore(closedTo);
        if (!inHours) {
            return false;
        }
        LocalDate day = overMidnight && time.isBefore(closedTo) ? local.toLocalDate().minusDays(1) : local.toLocalDate();
        return (firstDay == null || !day.isBefore(firstDay)) && (lastDay == null || !day.isAfter(lastDay));
    }
}
