package cn.taihang.sign.internal;

import cn.taihang.sign.rendering.FontSet;
import org.osgi.service.component.annotations.Component;

/** The GNU Unifont subset of the sign-rendering bundle, read once and shared by every sign of the gateway. */
@Component(service = FontResource.class)
public final class FontResource {

    private final FontSet fonts;

    public FontResource() {
        this.fonts = FontSet.bundledUnifont();
    }

    /** @return fonts 1 and 2 */
    public FontSet fonts() {
        return fonts;
    }
}
