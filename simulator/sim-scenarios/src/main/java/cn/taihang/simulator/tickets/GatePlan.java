package cn.taihang.simulator.tickets;

import java.util.List;

/**
 * One ticket gate of a simulated gateway.
 *
 * @param device the gate's device id
 * @param kind BUS_BOARDING, SCENIC_ENTRANCE or LODGING
 * @param places catalogue codes it admits to
 * @param port its scanner's simulated serial port
 * @param relayPin its relay GPIO
 * @param description bilingual, for the gateway's device list
 */
public record GatePlan(String device, String kind, List<Integer> places, String port, int relayPin, String description) {

    /** Copies. */
    public GatePlan {
        places = List.copyOf(places);
    }
}
