package cn.taihang.hardware.sim.internal;

import cn.taihang.hardware.api.GpioContract;
import cn.taihang.hardware.api.GpioRig;
import org.junit.jupiter.api.Tag;

/** The Gpio contract on the simulated board, against a real harness on 127.0.0.1. */
@Tag("loopback")
class SimGpioContractTest extends GpioContract {

    @Override
    protected GpioRig openRig() throws Exception {
        return new SimRig("gw-contract");
    }
}
