package cn.taihang.gateway.api;

import java.util.List;

/** The devices registered on this gateway, as an OSGi service. */
public interface DeviceRegistry {

    /** @return a snapshot of every registered {@link Device}, ordered by id; never {@code null} */
    List<DeviceInfo> devices();
}
