package cn.taihang.bridge.signs;

import cn.taihang.sign.rendering.ColourScheme;
import cn.taihang.sign.rendering.FontSet;
import cn.taihang.sign.rendering.MessageRenderer;
import cn.taihang.sign.rendering.MultiSyntaxException;
import cn.taihang.sign.rendering.PanelSpec;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Composes a hub sign's pages — dispatch's notice, next departures, car-park spaces, road weather — in Chinese and English, alternating,
 * sized to the panel with the sign's own fonts so the sign never has to refuse it. Names that are too long are
 * shortened here, by the composer, never by the sign. Pure (the fonts are handed in).
 */
final class HubBoardComposer {

    /** A destination or car park on the board. */
    record Named(String zh, String en) {}

    /** One departure line. */
    record DepartureLine(Named destination, Instant at) {}

    /** Free spaces of a car park. */
    record ParkingLine(Named area, int free) {}

    /** An active road-weather alarm. */
    record RoadWarning(Named place, String kind) {}

    /**
     * Dispatch's notice for the hub.
     *
     * @param lines its lines, most important first
     * @param urgent whether it goes before the departures (extra buses) or after everything else (services as scheduled)
     */
    record Notice(List<Named> lines, boolean urgent) {}

    /** Pixels between lines, so that the rows of Chinese characters do not touch. */
    static final int LINE_GAP = 2;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<String, Named> KINDS = Map.of("fog", new Named("大雾", "fog"), "ice", new Named("结冰", "ice"),
            "wind", new Named("大风", "strong wind"));

    private final FontSet fonts;

    HubBoardComposer(FontSet fonts) {
        this.fonts = fonts;
    }

    /**
     * @return the MULTI text of the board, valid for the panel
     * @throws IllegalArgumentException if the panel is too small for even a title line
     */
    String compose(int width, int height, ColourScheme scheme, boolean large, ZoneId zone, Instant now, List<DepartureLine> departures,
                   List<ParkingLine> parking, List<RoadWarning> roads) {
        return compose(width, height, scheme, large, zone, now, departures, parking, roads, null, true);
    }

    /**
     * @param notice dispatch's notice for the hub, or {@code null}: its pages (调度通知 / Service notice) come first if
     *     urgent, last otherwise
     * @param timetable whether there is a timetable: without one the departure pages are left out
     * @return the MULTI text of the board, valid for the panel
     * @throws IllegalArgumentException if the panel is too small for even a title line
     */
    String compose(int width, int height, ColourScheme scheme, boolean large, ZoneId zone, Instant now, List<DepartureLine> departures,
                   List<ParkingLine> parking, List<RoadWarning> roads, Notice notice, boolean timetable) {
        PanelSpec spec = PanelSpec.of(width, height, scheme, large);
        MessageRenderer renderer = new MessageRenderer(spec, fonts);
        Page page = new Page(renderer, spec, scheme != ColourScheme.MONOCHROME_1BIT);
        String clock = HH_MM.format(now.atZone(zone));
        int rows = Math.max(1, (height + LINE_GAP) / (fonts.font(spec.defaultFont()).height() + LINE_GAP));
        List<String> pages = new ArrayList<>();
        List<String> noticePages = new ArrayList<>();
        if (notice != null && !notice.lines().isEmpty()) {
            List<Named> said = notice.lines().subList(0, Math.min(notice.lines().size(), rows - 1));
            noticePages.add(page.build(page.row("调度通知", clock, true), said.stream().map(l -> page.text(l.zh(), false)).toList()));
            noticePages.add(page.build(page.row("Service notice", clock, true), said.stream().map(l -> page.text(l.en(), false)).toList()));
        }
        if (notice != null && notice.urgent()) {
            pages.addAll(noticePages);
        }
        List<DepartureLine> shown = departures.subList(0, Math.min(departures.size(), rows - 1));
        if (timetable) {
            pages.add(page.build(page.row("下一班车", clock, true), shown.isEmpty() ? List.of(page.text("今日班车已结束", false))
                    : shown.stream().map(d -> page.row(d.destination().zh(), HH_MM.format(d.at().atZone(zone)), false)).toList()));
            pages.add(page.build(page.row("Next buses", clock, true), shown.isEmpty() ? List.of(page.text("No more buses today", false))
                    : shown.stream().map(d -> page.row(d.destination().en(), HH_MM.format(d.at().atZone(zone)), false)).toList()));
        }
        List<ParkingLine> parks = parking.subList(0, Math.min(parking.size(), Math.max(0, rows - 2)));
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        parks.forEach(p -> {
            zh.add(page.row(p.area().zh() + "停车", "余" + p.free(), false));
            en.add(page.row(p.area().en() + " P", p.free() + " free", false));
        });
        if (roads.isEmpty()) {
            zh.add(page.text("道路天气 无预警", false));
            en.add(page.text("Road weather: no warnings", false));
        } else {
            RoadWarning r = roads.get(0);
            Named kind = KINDS.getOrDefault(r.kind(), new Named(r.kind(), r.kind()));
            zh.add(page.alarm(r.place().zh() + " " + kind.zh()));
            en.add(page.alarm(r.place().en() + ": " + kind.en()));
        }
        pages.add(page.build(page.text(parks.isEmpty() ? "道路信息" : "停车 · 道路", true), zh));
        pages.add(page.build(page.text(parks.isEmpty() ? "Road info" : "Parking · Roads", true), en));
        if (notice != null && !notice.urgent()) {
            pages.addAll(noticePages);
        }
        String multi = String.join("[np]", pages);
        try {
            renderer.render(multi);
        } catch (MultiSyntaxException e) {
            throw new IllegalArgumentException("a " + width + "x" + height + " panel is too small for a hub board: " + e.getMessage());
        }
        return multi;
    }

    /** Builds lines that fit one panel row. */
    private static final class Page {
        private final MessageRenderer renderer;
        private final PanelSpec spec;
        private final boolean colour;
        private final int font;

        Page(MessageRenderer renderer, PanelSpec spec, boolean colour) {
            this.renderer = renderer;
            this.spec = spec;
            this.colour = colour;
            this.font = spec.defaultFont();
        }

        String build(String title, List<String> lines) {
            String nl = "[nl" + LINE_GAP + "]";
            return "[pt40o0][jp2][jl2]" + title + (lines.isEmpty() ? "" : nl + String.join(nl, lines));
        }

        String text(String text, boolean title) {
            return tint(escape(fit(text, spec.width())), title ? "[cf3]" : "");
        }

        String alarm(String text) {
            return tint(escape(fit(text, spec.width())), "[cf1]");
        }

        /** A name left and a value right, padded with spaces. */
        String row(String name, String value, boolean title) {
            int space = renderer.textWidth(" ", font);
            int valueWidth = renderer.textWidth(value, font);
            String fitted = fit(name, spec.width() - valueWidth - space);
            int gap = Math.max(1, (spec.width() - width(fitted) - valueWidth) / space);
            return tint(escape(fitted) + " ".repeat(gap), title ? "[cf3]" : "") + escape(value);
        }

        private String tint(String text, String tag) {
            return colour && !tag.isEmpty() ? tag + text + "[cf]" : text;
        }

        private int width(String text) {
            int w = renderer.textWidth(text, font);
            return w < 0 ? Integer.MAX_VALUE : w;
        }

        /** Shortens to fit {@code max} pixels: whole words first, then characters with a full stop. */
        private String fit(String text, int max) {
            String t = text.strip();
            while (width(t) > max && t.contains(" ")) {
                t = t.substring(0, t.lastIndexOf(' ')).strip();
            }
            while (width(t) > max && t.length() > 1) {
                t = t.substring(0, t.length() - 2) + ".";
            }
            return width(t) <= max ? t : "";
        }

        private static String escape(String text) {
            return text.replace("[", "[[").replace("]", "]]");
        }
    }
}
