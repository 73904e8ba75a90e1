package cn.taihang.bridge.releases.rollout;

import java.util.List;
import java.util.Set;

/**
 * Which gateways a rollout or a configuration push is for: all the bridge knows, those of some sites, or a list.
 *
 * @param all every gateway
 * @param sites site ids (when not all), may be empty
 * @param gateways gateway ids (when not all), may be empty
 */
public record Targets(boolean all, Set<String> sites, Set<String> gateways) {

    /** Copies; refuses an empty selection. */
    public Targets {
        sites = Set.copyOf(sites);
        gateways = Set.copyOf(gateways);
        if (!all && sites.isEmpty() && gateways.isEmpty()) {
            throw new IllegalArgumentException("targets name all, some sites or some gateways");
        }
    }

    /** @return every gateway */
    public static Targets everyGateway() {
        return new Targets(true, Set.of(), Set.of());
    }

    /** @return whether the gateway {@code id} of {@code site} is targeted */
    public boolean includes(String id, String site) {
        return all || sites.contains(site) || gateways.contains(id);
    }

    /** @return the ids of the targeted gateways among {@code known}, in their order */
    public List<String> select(List<GatewayRef> known) {
        return known.stream().filter(g -> includes(g.id(), g.site())).map(GatewayRef::id).toList();
    }

    /**
     * A gateway as a plan needs it.
     *
     * @param id gateway id
     * @param site its site
     */
    public record GatewayRef(String id, String site) {}
}
