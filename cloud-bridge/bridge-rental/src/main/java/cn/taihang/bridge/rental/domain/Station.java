package cn.taihang.bridge.rental.domain;

import java.util.Objects;

/**
 * A rental station.
 *
 * @param id station id, e.g. {@code jincheng-hsr-east}
 * @param zh Chinese name
 * @param en English name
 * @param city city id, e.g. {@code jincheng}
 * @param lat latitude
 * @param lon longitude
 * @param lockerSite the site whose gateway runs the key locker (the ticket validator in rental key-locker mode), or
 *     {@code null} if the station hands keys over at a desk
 * @param ticketPlace the station's code in rental passes (the place of their rental-key entitlement), 0–65535; the
 *     key locker is configured with it
 */
public record Station(String id, String zh, String en, String city, double lat, double lon, String lockerSite, int ticketPlace) {

    /** Validates. */
    public Station {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(city, "city");
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("station " + id + " has coordinates out of range");
        }
        if (ticketPlace < 0 || ticketPlace > 65535) {
            throw new IllegalArgumentException("station " + id + " needs a ticket place code 0-65535");
        }
    }

    /** @return great-circle distance in km */
    public double distanceKm(Station other) {
        double r = 6371.0;
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }

    /** @return the bilingual name */
    public String bilingualName() {
        return zh + " " + en;
    }
}
