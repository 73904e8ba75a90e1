package cn.taihang.bridge.tickets;

import cn.taihang.wire.ticket.Entitlement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line of an order, validated: a product for a date (and nights, or a timed bus window), and what it
 * becomes on the ticket.
 *
 * @param product the product
 * @param date the service day (first night for lodging)
 * @param nights nights for lodging, else 1
 * @param from start of a timed bus window, or {@code null} for the whole service day
 * @param minutes length of a timed bus window, 0 for the whole service day
 */
public record OrderItem(Catalogue.Product product, LocalDate date, int nights, Instant from, int minutes) {

    /** Validates. */
    public OrderItem {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(date, "date");
    }

    /** @return the days whose capacity it takes: the date, or each night */
    public List<LocalDate> capacityDays() {
        return capacityDays(date, nights);
    }

    /** @return the days an item of this date and nights takes capacity on (also what a refund gives back) */
    static List<LocalDate> capacityDays(LocalDate date, int nights) {
        List<LocalDate> days = new ArrayList<>(nights);
        for (int n = 0; n < nights; n++) {
            days.add(date.plusDays(n));
        }
        return days;
    }

    /**
     * The entitlement it grants: a bus day or a scenic date is valid the whole local day; a stay from the
     * first day's start (late arrivals of the night before included) to check-out on the last morning; a
     * timed bus ride for its window.
     */
    public Entitlement entitlement(Catalogue catalogue) {
        Instant start;
        Instant end;
        if (from != null) {
            start = from;
            end = from.plusSeconds(60L * minutes);
        } else {
            ZonedDateTime dayStart = date.atStartOfDay(catalogue.zone());
            start = dayStart.toInstant();
            end = product.kind() == Catalogue.Kind.LODGING
                    ? date.plusDays(nights).atTime(catalogue.checkOut()).atZone(catalogue.zone()).toInstant()
                    : dayStart.plusDays(1).toInstant();
        }
        return Entitlement.of(product.kind().entitlement(), product.place(), start, end, product.uses());
    }

    /** @return the price in yuan */
    public double price() {
        return product.price() * nights;
    }
}
