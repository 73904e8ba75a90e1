package cn.taihang.simulator.province;

import java.util.ArrayList;
import java.util.List;

/**
 * The province's gateways: {@code n} gateways dealt over the 11 cities of {@link ShanxiCity} in turn (so every city has
 * {@code n/11} or one more), each city's gateways grouped into sites of at most {@link #GATEWAYS_PER_SITE}, e.g. gateway
 * {@code datong-0007} of site {@code datong-s01} ("Datong 大同 · site 站点 1").
 */
public final class ProvinceRoster {

    /** Most gateways of one site (a hub, a car park, a scenic area's gates). */
    public static final int GATEWAYS_PER_SITE = 8;

    /**
     * One virtual gateway's place in the province.
     *
     * @param city its city
     * @param gatewayId its id, unique in the province
     * @param site its site id
     * @param siteName the site's bilingual name
     */
    public record GatewaySpec(ShanxiCity city, String gatewayId, String site, String siteName) {}

    private ProvinceRoster() {
    }

    /**
     * @param gateways how many, at least 1
     * @return the gateways, city by city in the order of {@link ShanxiCity}
     * @throws IllegalArgumentException if {@code gateways < 1}
     */
    public static List<GatewaySpec> plan(int gateways) {
        if (gateways < 1) {
            throw new IllegalArgumentException("a province run needs at least 1 gateway, was " + gateways);
        }
        ShanxiCity[] cities = ShanxiCity.values();
        List<GatewaySpec> roster = new ArrayList<>(gateways);
        for (int c = 0; c < cities.length; c++) {
            int inCity = gateways / cities.length + (c < gateways % cities.length ? 1 : 0);
            for (int i = 0; i < inCity; i++) {
                int siteNumber = i / GATEWAYS_PER_SITE + 1;
                ShanxiCity city = cities[c];
                roster.add(new GatewaySpec(city, String.format("%s-%04d", city.id(), i + 1), String.format("%s-s%02d", city.id(), siteNumber),
                        city.displayName() + " · site 站点 " + siteNumber));
            }
        }
        return List.copyOf(roster);
    }
}
