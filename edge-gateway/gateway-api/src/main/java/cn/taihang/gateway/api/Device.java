package cn.taihang.gateway.api;

import java.util.List;

/**
 * A device driven by a device bundle, registered as an OSGi service (whiteboard) so that the
 * registry, the console and the birth message see it.
 */
public interface Device {

    /** @return the device id, unique on this gateway, e.g. {@code post-zw-03/lane-1} */
    String id();

    /** @return the device kind, e.g. {@code vehicle-counter}, {@code ticket-validator} */
    String kind();

    /** @return a human description (site, lane, direction), may be bilingual */
    String description();

    /** @return the status of each channel, never {@code null}; must not block */
    List<ChannelStatus> channels();
}
