package cn.taihang.simulator.fleet;

import cn.taihang.simulator.scenario.Scenario;

/**
 * How one counted lane is wired and configured on its gateway.
 *
 * @param lane the scenario's lane
 * @param device the device id the gateway reports it under
 * @param description bilingual description
 * @param loopAPin GPIO of the upstream loop
 * @param loopBPin GPIO of the downstream loop, or -1 for a single-loop lane
 * @param spacingMeters loop spacing, leading edge to leading edge
 * @param loopLengthMeters length of one loop
 */
public record LanePlan(Scenario.Lane lane, String device, String description, int loopAPin, int loopBPin, double spacingMeters,
                       double loopLengthMeters) {

    /** @return whether the lane has two loops */
    public boolean dual() {
        return loopBPin >= 0;
    }
}
