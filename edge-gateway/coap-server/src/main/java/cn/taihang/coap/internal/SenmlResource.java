package cn.taihang.coap.internal;

import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorValue;
import cn.taihang.wire.WireFormatException;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/**
 * {@code POST /senml}: a sensor's SenML pack (JSON or CBOR). Answers 2.04 once the readings are stored;
 * 4.00 malformed or impossible content, 4.01 no (valid) identity, 4.03 posting as another sensor, 4.13
 * too large, 4.15 not SenML, 4.29 too fast (Max-Age = when to retry), 5.03 cannot take it now (Max-Age).
 * Refusals carry a short diagnostic text payload.
 */
final class SenmlResource extends CoapResource {

    static final String NAME = "senml";
    private static final Pattern SENSOR_ID = Pattern.compile("[A-Za-z0-9_./:-]{1,96}");
    private static final int NO_HANDLER_RETRY_SECONDS = 30;
    private static final int OVERLOAD_RETRY_SECONDS = 2;

    private final SensorIngest ingest;
    private final SensorKeyring keyring;
    private final SensorRateLimiter limiter;
    private final Rejections rejections;
    private final SenmlDecoding decoding;
    private final int maxPayloadBytes;
    private final Clock clock;

    SenmlResource(SensorIngest ingest, SensorKeyring keyring, SensorRateLimiter limiter, Rejections rejections, int maxPayloadBytes, Clock clock) {
        super(NAME);
        this.ingest = ingest;
        this.keyring = keyring;
        this.limiter = limiter;
        this.rejections = rejections;
        this.decoding = new SenmlDecoding(maxPayloadBytes);
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
        getAttributes().setTitle("SenML readings of 5G roadside sensors");
        getAttributes().addContentType(SenmlDecoding.SENML_JSON);
        getAttributes().addContentType(SenmlDecoding.SENML_CBOR);
        getAttributes().addResourceType("senml");
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        Request request = exchange.advanced().getRequest();
        String peer = String.valueOf(request.getSourceContext().getPeerAddress());
        Principal principal = request.getSourceContext().getPeerIdentity();
        Optional<String> named = exchange.getQueryParameter("sensor") == null ? Optional.empty() : Optional.of(exchange.getQueryParameter("sensor"));
        String sensor;
        SensorMessage.Transport transport;
        if (principal instanceof PreSharedKeyIdentity psk) {
            Optional<String> provisioned = keyring.sensorFor(psk.getIdentity());
            if (provisioned.isEmpty()) {
                refuse(exchange, ResponseCode.UNAUTHORIZED, Rejections.Reason.UNAUTHENTICATED, psk.getIdentity(), 0,
                        "key of identity " + psk.getIdentity() + " was withdrawn; re-provision the sensor");
                return;
            }
            sensor = provisioned.get();
            if (named.isPresent() && !named.get().equals(sensor)) {
                refuse(exchange, ResponseCode.FORBIDDEN, Rejections.Reason.FORBIDDEN, sensor, 0, "a sensor may only post as itself (" + sensor + ")");
                return;
            }
            transport = SensorMessage.Transport.DTLS;
        } else {
            if (named.isEmpty() || !SENSOR_ID.matcher(named.get()).matches()) {
                refuse(exchange, ResponseCode.UNAUTHORIZED, Rejections.Reason.UNAUTHENTICATED, peer, 0,
                        "plain CoAP (lab only) needs ?sensor=<id>; roadside sensors use CoAPS with their key");
                return;
            }
            sensor = named.get();
            transport = SensorMessage.Transport.PLAIN;
        }
        long retry = limiter.acquire(sensor);
        if (retry > 0) {
            refuse(exchange, ResponseCode.TOO_MANY_REQUESTS, Rejections.Reason.RATE_LIMITED, sensor, retry,
                    "too many requests; retry after " + retry + " s");
            return;
        }
        byte[] payload = exchange.getRequestPayload();
        if (payload.length > maxPayloadBytes) {
            Response tooLarge = response(ResponseCode.REQUEST_ENTITY_TOO_LARGE, 0, "at most " + maxPayloadBytes + " bytes");
            tooLarge.getOptions().setSize1(maxPayloadBytes);
            exchange.respond(tooLarge);
            return;
        }
        Optional<SenmlDecoding.Format> format = SenmlDecoding.formatOf(exchange.getRequestOptions().getContentFormat());
        if (format.isEmpty()) {
            refuse(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, Rejections.Reason.UNSUPPORTED_FORMAT, sensor, 0,
                    "send SenML: Content-Format 110 (senml+json) or 112 (senml+cbor)");
            return;
        }
        List<SensorValue> values;
        try {
            values = decoding.decode(payload, format.get());
        } catch (WireFormatException e) {
            refuse(exchange, ResponseCode.BAD_REQUEST, Rejections.Reason.MALFORMED_SENML, sensor, 0, e.getMessage());
            return;
        }
        dispatch(exchange, new SensorMessage(sensor, transport, clock.instant(), values));
    }

    private void dispatch(CoapExchange exchange, SensorMessage message) {
        SensorIngest.Submission submission = ingest.submit(message);
        switch (submission.status()) {
            case NO_HANDLER -> refuse(exchange, ResponseCode.SERVICE_UNAVAILABLE, Rejections.Reason.UNAVAILABLE, message.sensorId(),
                    NO_HANDLER_RETRY_SECONDS, "the gateway's road-sensors service is not running; retry later");
            case OVERLOADED -> refuse(exchange, ResponseCode.SERVICE_UNAVAILABLE, Rejections.Reason.UNAVAILABLE, message.sensorId(),
                    OVERLOAD_RETRY_SECONDS, "gateway busy; retry later");
            case SUBMITTED -> submission.result().whenComplete((result, failure) -> answer(exchange, message.sensorId(), result));
            default -> throw new IllegalStateException("unhandled submission status " + submission.status());
        }
    }

    private void answer(CoapExchange exchange, String sensor, IngestResult result) {
        switch (result.outcome()) {
            case ACCEPTED -> {
                rejections.accepted();
                exchange.respond(ResponseCode.CHANGED);
            }
            case INVALID -> refuse(exchange, ResponseCode.BAD_REQUEST, Rejections.Reason.INVALID_CONTENT, sensor, 0, result.detail());
            case BUSY -> refuse(exchange, ResponseCode.SERVICE_UNAVAILABLE, Rejections.Reason.UNAVAILABLE, sensor,
                    Math.max(1, result.retryAfterSeconds()), result.detail());
            default -> throw new IllegalStateException("unhandled outcome " + result.outcome());
        }
    }

    private void refuse(CoapExchange exchange, ResponseCode code, Rejections.Reason reason, String source, long maxAgeSeconds, String detail) {
        rejections.refused(reason, source, detail);
        exchange.respond(response(code, maxAgeSeconds, detail));
    }

    private static Response response(ResponseCode code, long maxAgeSeconds, String detail) {
        Response response = new Response(code);
        if (maxAgeSeconds > 0) {
            response.getOptions().setMaxAge(maxAgeSeconds);
        }
        String text = detail.length() > 200 ? detail.substring(0, 200) : detail;
        response.setPayload(text);
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        return response;
    }
}
