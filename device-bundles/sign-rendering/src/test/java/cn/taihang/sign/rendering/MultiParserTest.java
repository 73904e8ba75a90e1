package cn.taihang.sign.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class MultiParserTest {

    private final PanelSpec panel = PanelSpec.of(192, 64, ColourScheme.TRICOLOUR, false);
    private final MultiParser parser = new MultiParser(panel);
    private final MessageRenderer renderer = new MessageRenderer(panel, TestFonts.fonts());

    @Test
    void pagesLinesRunsAndTagsInForce() throws Exception {
        MultiMessage m = parser.parse("[pt25o5][jp2][jl2]晋城[cf1]RED[nl3][fo2]大[np]second [[x]] page[np]");
        assertThat(m.pages()).hasSize(3);
        MultiMessage.Page first = m.pages().get(0);
        assertThat(first.onTenths()).isEqualTo(25);
        assertThat(first.offTenths()).isEqualTo(5);
        assertThat(first.justification()).isEqualTo(Justification.Page.TOP);
        assertThat(first.lines()).hasSize(2);
        MultiMessage.Line line1 = first.lines().get(0);
        assertThat(line1.justification()).isEqualTo(Justification.Line.LEFT);
        assertThat(line1.runs()).extracting(MultiMessage.Run::text).containsExactly("晋城", "RED");
        assertThat(line1.runs().get(0).colour()).isEqualTo(Colour.AMBER);
        assertThat(line1.runs().get(1).colour()).isEqualTo(Colour.RED);
        MultiMessage.Line line2 = first.lines().get(1);
        assertThat(line2.spacingBefore()).isEqualTo(3);
        assertThat(line2.runs().get(0).font()).isEqualTo(2);
        MultiMessage.Page second = m.pages().get(1);
        assertThat(second.onTenths()).as("page times carry over").isEqualTo(25);
        assertThat(second.justification()).as("page justification carries over").isEqualTo(Justification.Page.TOP);
        assertThat(second.lines().get(0).runs().get(0).text()).isEqualTo("second [x] page");
        assertThat(second.lines().get(0).runs().get(0).colour()).as("colour carries over").isEqualTo(Colour.RED);
        assertThat(m.pages().get(2).lines().get(0).runs()).as("a trailing [np] makes a blank page").isEmpty();
    }

    @Test
    void emptyTagsRestoreDefaultsAndTagsAreCaseInsensitive() throws Exception {
        MultiMessage m = parser.parse("[CF1][FO2]a[cf][fo]b[PT][NL][JL]c");
        assertThat(m.pages().get(0).lines().get(0).runs()).extracting(MultiMessage.Run::colour, MultiMessage.Run::font)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Colour.RED, 2), org.assertj.core.groups.Tuple.tuple(Colour.AMBER, 1));
        assertThat(m.pages().get(0).onTenths()).isEqualTo(panel.defaultPageOnTenths());
        assertThat(m.pages().get(0).lines().get(1).justification()).isEqualTo(panel.defaultLine());
    }

    @Test
    void theEmptyStringIsABlankMessage() throws Exception {
        RenderedMessage blank = renderer.render("");
        assertThat(blank.pages()).hasSize(1);
        assertThat(blank.blank()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "[fl]FOG[/fl]           | UNSUPPORTED_TAG       | 0",
        "ok [mv]moving          | UNSUPPORTED_TAG       | 3",
        "[g1]                   | UNSUPPORTED_TAG       | 0",
        "[xyz]                  | UNSUPPORTED_TAG       | 0",
        "[f1]                   | UNSUPPORTED_TAG       | 0",
        "[jl1]x                 | UNSUPPORTED_TAG_VALUE | 0",
        "[jl7]x                 | UNSUPPORTED_TAG_VALUE | 0",
        "[jp5]x                 | UNSUPPORTED_TAG_VALUE | 0",
        "[pt300]x               | UNSUPPORTED_TAG_VALUE | 0",
        "[cf12]x                | UNSUPPORTED_TAG_VALUE | 0",
        "[cf1,2,300]x           | UNSUPPORTED_TAG_VALUE | 0",
        "[fo0]x                 | UNSUPPORTED_TAG_VALUE | 0",
        "[fo1,1a2b]x            | FONT_VERSION_ID       | 0",
        "x[jl3]y                | TAG_CONFLICT          | 1",
        "x[nl]y[jp3]            | TAG_CONFLICT          | 6",
        "unclosed [nl           | OTHER                 | 9",
        "lone ] bracket         | OTHER                 | 5",
        "[jl2 x]                | UNSUPPORTED_TAG       | 0",
    })
    void badMarkupIsRefusedWithTheNtcipError(String multi, MultiError error, int position) {
        assertThatThrownBy(() -> parser.parse(multi)).isInstanceOfSatisfying(MultiSyntaxException.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.position()).isEqualTo(position);
            assertThat(e.getMessage()).startsWith("MULTI " + error.ntcipName()).hasSizeLessThan(120);
        });
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> parser.parse("line one\nline two")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.CHARACTER_NOT_DEFINED));
    }

    @Test
    void oversizedAndNullInputIsRefused() {
        assertThatThrownBy(() -> parser.parse("a".repeat(MultiParser.MAX_LENGTH + 1))).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.OTHER));
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(MultiSyntaxException.class);
        assertThatThrownBy(() -> parser.parse("[" + "n".repeat(100) + "]")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.OTHER));
    }

    @Test
    void textThatDoesNotFitIsRefusedNeverTruncated() {
        assertThatThrownBy(() -> renderer.render("晋城高铁东站至陵川王莽岭旅游专线")).isInstanceOfSatisfying(MultiSyntaxException.class, e -> {
            assertThat(e.error()).isEqualTo(MultiError.TEXT_TOO_BIG);
            assertThat(e.getMessage()).contains("256 px wide", "192 px");
        });
        assertThatThrownBy(() -> renderer.render("1[nl]2[nl]3[nl]4[nl]5")).isInstanceOfSatisfying(MultiSyntaxException.class, e -> {
            assertThat(e.error()).isEqualTo(MultiError.TEXT_TOO_BIG);
            assertThat(e.getMessage()).contains("80 px of height", "64 px");
        });
        assertThatThrownBy(() -> renderer.render("[fo2]ABCDEFGHIJKLM")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.TEXT_TOO_BIG));
    }

    @Test
    void capabilitiesAreCheckedWhenRendering() {
        assertThatThrownBy(() -> renderer.render("[fo9]x")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.FONT_NOT_DEFINED));
        assertThatThrownBy(() -> renderer.render("[cf5]blue")).isInstanceOfSatisfying(MultiSyntaxException.class, e -> {
            assertThat(e.error()).isEqualTo(MultiError.UNSUPPORTED_TAG_VALUE);
            assertThat(e.getMessage()).contains("TRICOLOUR");
        });
        assertThatThrownBy(() -> renderer.render("Ɐ")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.CHARACTER_NOT_DEFINED));
        assertThatThrownBy(() -> renderer.render("1[np]2[np]3[np]4[np]5[np]6[np]7")).isInstanceOfSatisfying(MultiSyntaxException.class,
                e -> assertThat(e.error()).isEqualTo(MultiError.TOO_MANY_PAGES));
    }

    @Test
    void textWidthMeasuresWhatTheRendererDraws() {
        assertThat(renderer.textWidth("王莽岭 08:30", 1)).isEqualTo(3 * 16 + 6 * 8);
        assertThat(renderer.textWidth("王莽岭", 2)).isEqualTo(3 * 32);
        assertThat(renderer.textWidth("Ɐ", 1)).isEqualTo(-1);
        assertThat(renderer.textWidth("x", 7)).isEqualTo(-1);
    }
}
