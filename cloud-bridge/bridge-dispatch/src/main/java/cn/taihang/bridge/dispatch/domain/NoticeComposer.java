package cn.taihang.bridge.dispatch.domain;

import cn.taihang.bridge.dispatch.port.HubNotice;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns dispatch decisions into what a hub's signs say. */
public final class NoticeComposer {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;
    private final int lookaheadMinutes;
    private final int maxLines;

    /**
     * @param zone local time zone
     * @param lookaheadMinutes extra departures within this many minutes are shown
     * @param maxLines most lines a notice holds
     */
    public NoticeComposer(ZoneId zone, int lookaheadMinutes, int maxLines) {
        this.zone = zone;
        this.lookaheadMinutes = lookaheadMinutes;
        this.maxLines = maxLines;
    }

    /**
     * @param hub the hub
     * @param extras the day's extra departures (any line)
     * @param lines lines by id
     * @param places places by id (for destination names)
     * @param now local time now
     * @return the notice: upcoming extra departures from this hub, or "services as scheduled"
     */
    public HubNotice compose(Place hub, List<Departure> extras, Map<String, TourLine> lines, Map<String, Place> places, LocalDateTime now) {
        List<HubNotice.Line> text = new ArrayList<>();
        LocalDateTime until = now.plusMinutes(lookaheadMinutes);
        for (Departure d : extras) {
            TourLine line = lines.get(d.line());
            if (line == null || !line.origin().equals(hub.id()) || d.time().isBefore(now) || d.time().isAfter(until) || text.size() >= maxLines) {
                continue;
            }
            Place to = places.get(line.stops().get(line.stops().size() - 1));
            String zhTo = to == null ? line.zh() : to.zh();
            String enTo = to == null ? line.en() : to.en();
            text.add(new HubNotice.Line("加开 " + line.id().toUpperCase() + " 往" + zhTo + " " + HH_MM.format(d.time()),
                    "Extra bus " + line.id().toUpperCase() + " to " + enTo + " " + HH_MM.format(d.time())));
        }
        int priority = text.isEmpty() ? 200 : 50;
        if (text.isEmpty()) {
            text.add(new HubNotice.Line("旅游班线 按时刻表运行", "Tourist lines run as scheduled"));
        }
        text.add(new HubNotice.Line("一键叫车 请扫码或到服务台", "One-key call: scan the code or ask at the desk"));
        String id = Integer.toHexString((hub.id() + text).hashCode());
        return new HubNotice(hub.id(), id, text, priority, until.atZone(zone).toInstant());
    }
}
