package cn.taihang.gateway.core.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import cn.taihang.gateway.api.DeviceInfo;
import cn.taihang.gateway.api.DeviceRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects every {@link Device} service (whiteboard) into one registry. */
@Component
public class DeviceRegistryComponent implements DeviceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistryComponent.class);

    private final Map<Device, String> devices = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDevice(Device device, ServiceReference<Device> reference) {
        devices.put(device, reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName());
    }

    void removeDevice(Device device) {
        devices.remove(device);
    }

    @Override
    public List<DeviceInfo> devices() {
        List<DeviceInfo> snapshot = new ArrayList<>();
        devices.forEach((device, bundle) -> snapshot.add(snapshot(device, bundle)));
        snapshot.sort(Comparator.comparing(DeviceInfo::id));
        return snapshot;
    }

    private static DeviceInfo snapshot(Device device, String bundle) {
        List<ChannelStatus> channels;
        try {
            channels = List.copyOf(device.channels());
        } catch (RuntimeException e) {
            LOG.warn("device {} failed to report its channels: {}", device.id(), e.toString());
            channels = List.of(new ChannelStatus("device", ChannelStatus.State.UNKNOWN, "", "status unavailable: " + e.getMessage()));
        }
        return new DeviceInfo(device.id(), device.kind(), device.description(), bundle, channels);
    }
}
