package cn.taihang.roadsensors.api;

import java.util.List;
import java.util.Optional;

/** The gateway's road sensors, as an OSGi service. Snapshots; never blocks on I/O. */
public interface RoadSensors {

    /** @return every configured or reporting sensor, ordered by id; never {@code null} */
    List<SensorStatus> sensors();

    /** @return one sensor, if known */
    Optional<SensorStatus> sensor(String sensorId);
}
