package cn.taihang.coap.internal;

import cn.taihang.gateway.api.sensor.IngestResult;
import cn.taihang.gateway.api.sensor.SensorMessage;
import cn.taihang.gateway.api.sensor.SensorMessageHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A handler (our own port) that records what it gets and answers what the test says. */
final class RecordingHandler implements SensorMessageHandler {

    final List<SensorMessage> messages = new CopyOnWriteArrayList<>();
    volatile Function<SensorMessage, IngestResult> answer = m -> IngestResult.accepted();

    @Override
    public CompletionStage<IngestResult> handle(SensorMessage message) {
        messages.add(message);
        return CompletableFuture.completedFuture(answer.apply(message));
    }
}
