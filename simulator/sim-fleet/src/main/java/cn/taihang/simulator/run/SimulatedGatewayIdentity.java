package cn.taihang.simulator.run;

import cn.taihang.gateway.api.GatewayIdentity;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Who an in-process simulated gateway is (its uplink runs without an OSGi framework): the ids, and its identity enrolled
 * with the run's city CA ({@link BridgeAccess#enrolGateway}).
 *
 * @param gatewayId the gateway id
 * @param site its site id
 * @param siteName its site's name for people
 * @param identityDir its identity directory
 */
public record SimulatedGatewayIdentity(String gatewayId, String site, String siteName, Path identityDir) implements GatewayIdentity {

    /**
     * @return a gateway enrolled with the CA of the run in {@code runDir} (kept if enrolled already)
     * @throws IOException if the CA or the identity cannot be made
     */
    public static SimulatedGatewayIdentity enrolled(Path runDir, String gatewayId, String site, String siteName) throws IOException {
        return new SimulatedGatewayIdentity(gatewayId, site, siteName, BridgeAccess.enrolGateway(runDir, gatewayId, site));
    }
}
