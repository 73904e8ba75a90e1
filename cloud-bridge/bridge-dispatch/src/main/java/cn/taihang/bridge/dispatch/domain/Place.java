package cn.taihang.bridge.dispatch.domain;

/**
 * A hub or scenic area whose passenger flow is forecast.
 *
 * @param id site or scenic-area id (records are matched to places by their gateway's site)
 * @param zh Chinese name
 * @param en English name
 * @param kind {@code hub} or {@code scenic}
 * @param position where it is
 */
public record Place(String id, String zh, String en, String kind, GeoPoint position) {

    /** @return whether it is a transport hub (where extra departures start and one-key calls are made) */
    public boolean hub() {
        return "hub".equals(kind);
    }
}
