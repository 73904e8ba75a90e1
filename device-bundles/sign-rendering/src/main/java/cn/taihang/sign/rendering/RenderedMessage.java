package cn.taihang.sign.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A message laid out on a panel: one bitmap per page with its timing.
 *
 * @param multi the MULTI string
 * @param pages the pages in display order
 */
public record RenderedMessage(String multi, List<Page> pages) {

    /** Copies. */
    public RenderedMessage {
        Objects.requireNonNull(multi, "multi");
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a rendered message has at least one page");
        }
    }

    /**
     * One page.
     *
     * @param image the pixels
     * @param onTenths display time, tenths of a second (ignored for a one-page message)
     * @param offTenths blank time after it
     */
    public record Page(Bitmap image, int onTenths, int offTenths) {}

    /** @return the pages' images */
    public List<Bitmap> images() {
        List<Bitmap> images = new ArrayList<>(pages.size());
        pages.forEach(p -> images.add(p.image()));
        return images;
    }

    /** @return whether every page is dark */
    public boolean blank() {
        return pages.stream().allMatch(p -> p.image().litPixels() == 0);
    }
}
