package cn.taihang.sign.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HexFontTest {

    @Test
    void readsNarrowAndWideGlyphsOfTheRealFont() {
        HexFont font = TestFonts.unifont();
        assertThat(font.size()).isEqualTo(7882);
        assertThat(font.width('A')).isEqualTo(8);
        assertThat(font.width('晋')).isEqualTo(16);
        assertThat(font.width('Ɐ')).isZero();
        // U+4E2D 中: the vertical stroke is column 7 in every row, the box top is row 4 (3FF8)
        for (int y = 0; y < 16; y++) {
            assertThat(font.pixel('中', 7, y)).isTrue();
        }
        assertThat(font.pixel('中', 2, 4)).isTrue();
        assertThat(font.pixel('中', 1, 4)).isFalse();
    }

    @Test
    void coversEveryCharacterTheSignsAndTheScenarioUse() {
        HexFont font = TestFonts.unifont();
        String used = "晋城高铁东站客运高平皇城相府王莽岭蟒河历山阳城沁水端氏陵川丈河凤凰欢乐谷釜山前方大雾减速慢行路面结冰大风谨慎驾驶"
                + "注意安全下一班车停车场余位道路天气良好开往—·：，。";
        used.codePoints().forEach(cp -> assertThat(font.has(cp)).as("glyph for %s", new String(Character.toChars(cp))).isTrue());
    }

    @Test
    void badLinesAreRefusedNamingTheLine() {
        assertThatThrownBy(() -> HexFont.parse(List.of("# comment", "0041:00"))).hasMessageContaining("line 2");
        assertThatThrownBy(() -> HexFont.parse(List.of("0041:" + "G".repeat(32)))).hasMessageContaining("not a hex digit");
        assertThatThrownBy(() -> HexFont.parse(List.of("no colon at all"))).hasMessageContaining("line 1");
        assertThatThrownBy(() -> HexFont.parse(List.of("0041:" + "0".repeat(32), "0041:" + "0".repeat(32)))).hasMessageContaining("twice");
        assertThatThrownBy(() -> HexFont.parse(List.of("1234567:" + "0".repeat(32)))).hasMessageContaining("line 1");
        assertThat(HexFont.parse(List.of("", "# nothing")).size()).isZero();
    }
}
