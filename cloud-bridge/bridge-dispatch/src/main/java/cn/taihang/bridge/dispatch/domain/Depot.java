package cn.taihang.bridge.dispatch.domain;

/**
 * A depot with spare vehicles for extra departures.
 *
 * @param id depot id
 * @param zh Chinese name
 * @param en English name
 * @param position where it is
 * @param vehicles spare vehicles it holds
 */
public record Depot(String id, String zh, String en, GeoPoint position, int vehicles) {

    /** Validates. */
    public Depot {
        if (vehicles < 0) {
            throw new IllegalArgumentException("depot " + id + " cannot hold a negative number of vehicles");
        }
    }
}
