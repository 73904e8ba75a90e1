package cn.taihang.sign.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real Unifont subset of the bundle, loaded once per test JVM. */
public final class TestFonts {

    private static final HexFont UNIFONT = load();

    private TestFonts() {
    }

    public static HexFont unifont() {
        return UNIFONT;
    }

    public static FontSet fonts() {
        return FontSet.unifont(UNIFONT);
    }

    private static HexFont load() {
        try (InputStream in = TestFonts.class.getClassLoader().getResourceAsStream("cn/taihang/sign/fonts/unifont-signs.hex")) {
            return HexFont.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
