package cn.taihang.sign.internal;

import cn.taihang.sign.domain.FontSet;
import cn.taihang.sign.domain.HexFont;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The bundle's GNU Unifont subset, read once and shared by every sign of the gateway. */
@Component(service = FontResource.class)
public final class FontResource {

    /** Where the glyphs are, inside the bundle. */
    static final String RESOURCE = "cn/taihang/sign/fonts/unifont-signs.hex";

    private final FontSet fonts;

    public FontResource() {
        this.fonts = FontSet.unifont(load());
    }

    /** @return fonts 1 and 2 */
    public FontSet fonts() {
        return fonts;
    }

    static HexFont load() {
        try (InputStream in = FontResource.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the digital-sign bundle; rebuild it");
            }
            List<String> lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).lines().toList();
            return HexFont.parse(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
