package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.gateway.api.Device;
import java.util.List;

/** A road sensor as a gateway {@link Device} (kind {@value #KIND}): presence and latest values as channels. */
final class SensorDevice implements Device {

    static final String KIND = "road-sensor";

    private final String id;
    private final SensorBook book;

    SensorDevice(String id, SensorBook book) {
        this.id = id;
        this.book = book;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String description() {
        return book.profileOf(id).description();
    }

    @Override
    public List<ChannelStatus> channels() {
        return book.channels(id);
    }
}
