package cn.taihang.sign.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.gateway.api.CommandException;
import cn.taihang.gateway.api.IncomingCommand;
import cn.taihang.gateway.api.Measurement;
import cn.taihang.gateway.api.OutboundRecord;
import cn.taihang.sign.api.Sign;
import cn.taihang.sign.api.SignView;
import cn.taihang.sign.domain.Activation;
import cn.taihang.sign.domain.ActivationException;
import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.domain.MessageOrigin;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.records.RecordKinds;
import cn.taihang.wire.records.SignReport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CommandAndStatusTest {

    private static final Instant T0 = Instant.parse("2025-05-01T02:00:00Z");

    /** A sign that records activations and refuses below priority 100. */
    static final class RecordingSign implements Sign {
        final List<Activation> activations = new ArrayList<>();
        int resets;

        @Override
        public String id() {
            return "board-1";
        }

        @Override
        public SignView view() {
            return null;
        }

        @Override
        public SignView activate(Activation activation) throws ActivationException {
            if (activation.priority() < 100) {
                throw new ActivationException(ActivationException.Reason.PRIORITY, "priority " + activation.priority() + " is below 250");
            }
            activations.add(activation);
            return null;
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    private static IncomingCommand command(String json) {
        return new IncomingCommand(7, "sign-message", T0.toEpochMilli(), false, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void entriesBecomeCentralActivationsTimedFromTheirIssue() throws Exception {
        SignMessageHandler handler = new SignMessageHandler();
        RecordingSign sign = new RecordingSign();
        handler.addSign(sign);
        String result = handler.handle(command("""
                {"v":1,"signs":[{"sign":"board-1","multi":"[jp3]晋城","priority":120,"duration":5,"source":"bridge/hub-board","issued":1714550400000},
                                {"sign":"board-1","action":"reset"},
                                {"sign":"board-1","multi":"x","priority":130,"duration":65535}]}"""));
        assertThat(result).isEqualTo("board-1: shown; board-1: reset; board-1: shown");
        assertThat(sign.activations.get(0)).isEqualTo(new Activation("[jp3]晋城", 120, 5, "bridge/hub-board", MessageOrigin.CENTRAL,
                Instant.ofEpochMilli(1714550400000L)));
        assertThat(sign.activations.get(1).issuedAt()).as("the command's time when none is given").isEqualTo(T0);
        assertThat(sign.activations.get(1).source()).isEqualTo("bridge");
        assertThat(sign.resets).isEqualTo(1);
    }

    @Test
    void aRefusalOrAnUnknownSignFailsTheCommandNamingEachOutcome() {
        SignMessageHandler handler = new SignMessageHandler();
        handler.addSign(new RecordingSign());
        assertThatThrownBy(() -> handler.handle(command("""
                {"v":1,"signs":[{"sign":"board-1","multi":"a","priority":50,"duration":5},{"sign":"nope","action":"reset"}]}""")))
                .isInstanceOf(CommandException.class).hasMessage("board-1: PRIORITY priority 50 is below 250; nope: no such sign here");
    }

    @Test
    void malformedTruncatedAndOversizedBodiesAreRefusedBriefly() {
        SignMessageHandler handler = new SignMessageHandler();
        StringBuilder many = new StringBuilder("{\"v\":1,\"signs\":[");
        for (int i = 0; i < 40; i++) {
            many.append(i == 0 ? "" : ",").append("{\"sign\":\"s\",\"action\":\"reset\"}");
        }
        many.append("]}");
        for (String bad : List.of("", "[]", "{\"v\":2,\"signs\":[]}", "{\"v\":1}", "{\"v\":1,\"signs\":[{\"sign\":\"a\"}]}",
                "{\"v\":1,\"signs\":[{\"sign\":\"a\",\"multi\":\"x\",\"priority\":300,\"duration\":1}]}",
                "{\"v\":1,\"signs\":[{\"sign\":\"a\",\"multi\":\"x\",\"priority\":1,\"duration\":0}]}",
                "{\"v\":1,\"signs\":[{\"sign\":\"a\",\"colour\":\"red\"}]}", "{\"v\":1,\"signs\":[{\"sign\":\"a\",\"action\":\"flash\"}]}",
                "{\"v\":1,\"signs\":[", "{\"v\":1,\"signs\":[]} trailing", many.toString(), "{\"v\":1,\"signs\":[1]}")) {
            assertThatThrownBy(() -> handler.handle(command(bad))).as(bad).isInstanceOfSatisfying(CommandException.class,
                    e -> assertThat(e.getMessage()).isNotBlank().hasSizeLessThanOrEqualTo(SignMessageHandler.MAX_RESULT));
        }
    }

    private static SignView view(String multi, byte[] png) {
        return new SignView("jincheng-hsr-east-board", "晋城高铁东站 / Jincheng HSR East", 256, 128, ColourScheme.TRICOLOUR, multi,
                MessageOrigin.CENTRAL, "bridge/hub-board", 50, T0, T0.plusSeconds(300), true, true, 80, 21.5, 12000, 0, List.of(), png, 4);
    }

    @Test
    void statusRecordsStayWithinTheWireLimitsAndReassemble() throws Exception {
        byte[] png = new byte[7000];
        new Random(1).nextBytes(png);
        String multi = "[jp3]晋城高铁东站".repeat(130);
        OutboundRecord record = StatusRecords.build(view(multi, png), "hub", false, "SHOWN", true, T0);
        assertThat(record.kind()).isEqualTo(RecordKinds.SIGN_STATUS);
        byte[] body = encode(record);
        assertThat(body.length).isLessThanOrEqualTo(16 * 1024);
        List<SenmlRecord> decoded = new SenmlCodec().decodeCbor(body);
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream image = new ByteArrayOutputStream();
        for (SenmlRecord r : decoded) {
            if (SignReport.MESSAGE.contains(r.name())) {
                text.append(r.stringValue());
            }
            if (SignReport.PNG.contains(r.name())) {
                image.writeBytes(Base64.getDecoder().decode(r.stringValue()));
            }
        }
        assertThat(text.toString()).isEqualTo(multi);
        assertThat(image.toByteArray()).isEqualTo(png);
    }

    @Test
    void anImageThatWouldBreakTheRecordLimitIsLeftOutAndSaidSo() throws Exception {
        OutboundRecord record = StatusRecords.build(view("x", new byte[20_000]), "hub", false, "SHOWN", true, T0);
        assertThat(encode(record).length).isLessThanOrEqualTo(16 * 1024);
        assertThat(record.measurements()).extracting(Measurement::name).contains(SignReport.PNG_OMITTED.name()).doesNotContain(SignReport.PNG.nameOf(0));
    }

    private static byte[] encode(OutboundRecord record) {
        List<SenmlRecord> pack = new ArrayList<>();
        for (Measurement m : record.measurements()) {
            pack.add(new SenmlRecord(m.name(), m.unit(), m.number(), m.text(), m.flag(), null, 0));
        }
        return new SenmlCodec().encodeCbor(pack);
    }
}
