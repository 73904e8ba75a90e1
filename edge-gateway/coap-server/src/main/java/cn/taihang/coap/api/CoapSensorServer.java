package cn.taihang.coap.api;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The gateway's CoAP server for sensors, as an OSGi service: where it listens and what it saw. */
public interface CoapSensorServer {

    /** @return the bound CoAP-over-DTLS address (the configured port, or the one chosen for port 0) */
    InetSocketAddress secureAddress();

    /** @return the bound plain CoAP address, present only when a lab configuration enables it */
    Optional<InetSocketAddress> plainAddress();

    /** @return the sensor ids that hold a pre-shared key on this gateway */
    Set<String> provisionedSensors();

    /** @return the version of the applied {@code sensor-keys} command, 0 before the first */
    long keysVersion();

    /**
     * @return counters since start: {@code accepted}, and one per refusal reason (e.g. {@code malformed-coap},
     *     {@code malformed-senml}, {@code invalid-content}, {@code too-large}, {@code rate-limited},
     *     {@code unauthenticated}, {@code handshake-failed}, {@code unavailable}); never {@code null}
     */
    Map<String, Long> counters();
}
