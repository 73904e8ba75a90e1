package cn.taihang.hardware.pi4j.internal;

import cn.taihang.hardware.api.GpioContract;
import cn.taihang.hardware.api.GpioRig;
import org.junit.jupiter.api.Tag;

/** The Gpio contract on Pi4J with its mock plugin. */
@Tag("unit")
class Pi4jGpioContractTest extends GpioContract {

    @Override
    protected GpioRig openRig() {
        return new Pi4jMockRig();
    }
}
