package cn.taihang.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes the data exchange: {@link DataBatch}es a gateway sends on its data topic and the
 * bridge's {@link Ack}s on its ack topic. CBOR arrays for compactness: device ids and kinds are written once per
 * batch in a string table, sequence numbers and times as deltas; an ack carries runs of sequence numbers as ranges.
 * Version 2 adds the store's incarnation and the sender's run to the batch, and the run to the ack; a batch or ack
 * without them is written, and both versions are read, so gateways and bridges of either version interwork.
 *
 * <pre>
 * batch  = [1, gateway, baseSeq, baseTime, [string, …], [record, …]]
 *        | [2, gateway, incarnation, run, baseSeq, baseTime, [string, …], [record, …]]
 * record = [seq - baseSeq, timeMillis - baseTime, deviceIndex, kindIndex, priority, historical, body]
 * ack    = [1, [[from, to], …]]  |  [2, run, [[from, to], …]]
 * </pre>
 *
 * Thread-safe.
 */
public final class BatchCodec {

    /** Format version written for a batch (or ack) that carries a run. */
    public static final int VERSION = 2;
    /** Format version of a batch without store incarnation and run, still written and read. */
    public static final int VERSION_1 = 1;

    private final CBORFactory factory;
    private final WireLimits limits;

    /** A codec with the limits of {@link WireLimits#V1}. */
    public BatchCodec() {
        this(WireLimits.V1);
    }

    /** @param limits size limits to apply */
    public BatchCodec(WireLimits limits) {
        this.factory = new CBORFactory();
        this.limits = limits;
    }

    /**
     * @return the encoded batch
     * @throws IllegalArgumentException if the batch breaks the limits (the caller should send fewer records)
     */
    public byte[] encode(DataBatch batch) {
        if (batch.records().isEmpty() || batch.records().size() > limits.maxRecordsPerBatch()) {
            throw new IllegalArgumentException("a batch carries 1-" + limits.maxRecordsPerBatch() + " records, had " + batch.records().size());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + batch.records().size() * 96);
        long baseSeq = batch.records().stream().mapToLong(RecordFrame::seq).min().orElseThrow();
        long baseTime = batch.records().get(0).timeMillis();
        Map<String, Integer> strings = new LinkedHashMap<>();
        for (RecordFrame r : batch.records()) {
            strings.putIfAbsent(r.device(), strings.size());
            strings.putIfAbsent(r.kind(), strings.size());
        }
        try (JsonGenerator gen = factory.createGenerator(out)) {
            boolean v2 = batch.identifiesStore();
            gen.writeStartArray(null, v2 ? 8 : 6);
            gen.writeNumber(v2 ? VERSION : VERSION_1);
            gen.writeString(batch.gateway());
            if (v2) {
                gen.writeNumber(batch.incarnation());
                gen.writeNumber(batch.run());
            }
            gen.writeNumber(baseSeq);
            gen.writeNumber(baseTime);
            gen.writeStartArray(null, strings.size());
            for (String text : strings.keySet()) {
                gen.writeString(text);
            }
            gen.writeEndArray();
            gen.writeStartArray(null, batch.records().size());
            for (RecordFrame r : batch.records()) {
                gen.writeStartArray(null, 7);
                gen.writeNumber(r.seq() - baseSeq);
                gen.writeNumber(r.timeMillis() - baseTime);
                gen.writeNumber(strings.get(r.device()));
                gen.writeNumber(strings.get(r.kind()));
                gen.writeNumber(r.priority());
                gen.writeBoolean(r.historical());
                gen.writeBinary(r.body());
                gen.writeEndArray();
            }
            gen.writeEndArray();
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > limits.maxMessageBytes()) {
            throw new IllegalArgumentException("batch of " + bytes.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        return bytes;
    }

    /**
     * @param payload bytes received on a data topic
     * @return the batch
     * @throws WireFormatException if the payload is not a valid version-1 or version-2 batch
     */
    public DataBatch decode(byte[] payload) throws WireFormatException {
        if (payload == null || payload.length == 0) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "empty payload");
        }
        if (payload.length > limits.maxMessageBytes()) {
            throw new WireFormatException(WireFormatException.Reason.TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds " + limits.maxMessageBytes());
        }
        try (JsonParser parser = factory.createParser(payload)) {
            CborReading in = new CborReading(parser, limits);
            in.expect(JsonToken.START_ARRAY, "batch");
            long version = in.readLong("batch version");
            if (version != VERSION && version != VERSION_1) {
                throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, "batch version " + version + " is not supported (this build reads 1 and 2)");
            }
            String gateway = in.readString("gateway id");
            long incarnation = version == VERSION ? in.readLong("store incarnation") : 0;
            long run = version == VERSION ? in.readLong("run") : 0;
            if (version == VERSION && run == 0) {
                throw CborReading.structure("a version-2 batch needs a run other than 0");
            }
            long baseSeq = in.readLong("base seq");
            long baseTime = in.readLong("base time");
            in.expect(JsonToken.START_ARRAY, "string table");
            List<String> strings = new ArrayList<>();
            while (in.next() == JsonToken.VALUE_STRING) {
                if (strings.size() == 2 * limits.maxRecordsPerBatch()) {
                    throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, "string table too long");
                }
                strings.add(in.currentText("string table entry"));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw CborReading.structure("string table: expected text strings");
            }
            in.expect(JsonToken.START_ARRAY, "records");
            List<RecordFrame> records = new ArrayList<>();
            while (in.next() == JsonToken.START_ARRAY) {
                if (records.size() == limits.maxRecordsPerBatch()) {
                    throw new WireFormatException(WireFormatException.Reason.TOO_LARGE, "more than " + limits.maxRecordsPerBatch() + " records");
                }
                records.add(readRecord(in, baseSeq, baseTime, strings));
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw CborReading.structure("records: expected record arrays");
            }
            in.expect(JsonToken.END_ARRAY, "end of batch");
            in.expectEnd();
            if (records.isEmpty()) {
                throw CborReading.structure("batch has no records");
            }
            return new DataBatch(gateway, incarnation, run, records);
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    /**
     * @return the encoded acknowledgement, the answer on a gateway's ack topic to batches from its data topic
     */
    public byte[] encodeAck(Ack ack) {
        List<long[]> ranges = new ArrayList<>();
        long[] seqs = ack.seqs();
        for (int i = 0; i < seqs.length; i++) {
            int j = i;
            while (j + 1 < seqs.length && seqs[j + 1] == seqs[j] + 1) {
                j++;
            }
            ranges.add(new long[] {seqs[i], seqs[j]});
            i = j;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 + ranges.size() * 12);
        try (JsonGenerator gen = factory.createGenerator(out)) {
            gen.writeStartArray(null, ack.run() == 0 ? 2 : 3);
            gen.writeNumber(ack.run() == 0 ? VERSION_1 : VERSION);
            if (ack.run() != 0) {
                gen.writeNumber(ack.run());
            }
            gen.writeStartArray(null, ranges.size());
            for (long[] range : ranges) {
                gen.writeArray(range, 0, 2);
            }
            gen.writeEndArray();
            gen.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param payload bytes received on an ack topic
     * @return the acknowledged sequence numbers
     * @throws WireFormatException if the payload is not a valid version-1 or version-2 acknowledgement
     */
    public Ack decodeAck(byte[] payload) throws WireFormatException {
        if (payload == null || payload.length == 0 || payload.length > limits.maxMessageBytes()) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "ack payload empty or too large");
        }
        try (JsonParser parser = factory.createParser(payload)) {
            CborReading in = new CborReading(parser, limits);
            in.expect(JsonToken.START_ARRAY, "ack");
            long version = in.readLong("ack version");
            if (version != VERSION && version != VERSION_1) {
                throw new WireFormatException(WireFormatException.Reason.UNSUPPORTED_VERSION, "ack version " + version + " is not supported (this build reads 1 and 2)");
            }
            long run = version == VERSION ? in.readLong("ack run") : 0;
            in.expect(JsonToken.START_ARRAY, "ack ranges");
            List<Long> seqs = new ArrayList<>();
            while (in.next() == JsonToken.START_ARRAY) {
                long from = in.readLong("range start");
                long to = in.readLong("range end");
                in.expect(JsonToken.END_ARRAY, "end of range");
                if (from < 0 || to < from || to - from >= limits.maxRecordsPerBatch() * 16L
                        || seqs.size() + (to - from) > limits.maxRecordsPerBatch() * 16L) {
                    throw CborReading.structure("ack range " + from + ".." + to + " is invalid or too long");
                }
                for (long s = from; s <= to; s++) {
                    seqs.add(s);
                }
            }
            if (parser.currentToken() != JsonToken.END_ARRAY) {
                throw CborReading.structure("ack: expected range arrays");
            }
            in.expect(JsonToken.END_ARRAY, "end of ack");
            in.expectEnd();
            return new Ack(run, seqs.stream().mapToLong(Long::longValue).toArray());
        } catch (IOException e) {
            throw new WireFormatException(WireFormatException.Reason.MALFORMED, "not well-formed CBOR: " + e.getMessage(), e);
        }
    }

    private RecordFrame readRecord(CborReading in, long baseSeq, long baseTime, List<String> strings) throws WireFormatException {
        long seqDelta = in.readLong("seq");
        long timeDelta = in.readLong("time");
        String device = lookup(strings, in.readLong("device index"));
        String kind = lookup(strings, in.readLong("kind index"));
        long seq = baseSeq + seqDelta;
        long time = baseTime + timeDelta;
        if (seqDelta < 0 || seq < baseSeq) {
            throw CborReading.structure("record seq below the batch's base");
        }
        long priority = in.readLong("priority");
        boolean historical = in.readBoolean("historical");
        byte[] body = in.readBytes("body", limits.maxBodyBytes());
        in.expect(JsonToken.END_ARRAY, "end of record");
        if (seq < 0 || priority < 0 || priority > 3) {
            throw CborReading.structure("record " + seq + ": seq must be >= 0 and priority 0-3");
        }
        return new RecordFrame(seq, time, device, kind, (int) priority, historical, body);
    }

    private static String lookup(List<String> strings, long index) throws WireFormatException {
        if (index < 0 || index >= strings.size()) {
            throw CborReading.structure("string index " + index + " outside the table of " + strings.size());
        }
        return strings.get((int) index);
    }
}
