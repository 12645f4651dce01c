package nl.draagvlak.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bars for an inline SVG chart, laid out on the server (no chart library, no script): stacked
 * columns (decisions per verdict per day) or horizontal bars (firings per rule). Each bar carries
 * its own title, so a screen reader and a hover tell its number; the page also has the table.
 */
record BarChart(int width, int height, List<Bar> bars, List<Label> labels, long max) {

    record Bar(double x, double y, double width, double height, String css, String title) {
    }

    record Label(double x, double y, String text, String anchor) {
    }

    private static final int LEFT = 40;
    private static final int BOTTOM = 40;
    private static final int TOP = 10;

    /** One column per day, stacked by series in the order given; {@code counts}: day to series to count. */
    static BarChart columns(List<String> days, List<String> series, Map<String, Map<String, Long>> counts) {
        int width = 760;
        int height = 240;
        long max = 1;
        for (String day : days) {
            long total = counts.getOrDefault(day, Map.of()).values().stream().mapToLong(Long::longValue).sum();
            max = Math.max(max, total);
        }
        double plot = height - BOTTOM - TOP;
        double step = days.isEmpty() ? 0 : (double) (width - LEFT - 10) / days.size();
        double barWidth = Math.max(2, step * 0.7);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        labels.add(new Label(LEFT - 6, TOP + 4, Long.toString(max), "end"));
        labels.add(new Label(LEFT - 6, height - BOTTOM, "0", "end"));
        int every = Math.max(1, days.size() / 8);
        for (int i = 0; i < days.size(); i++) {
            String day = days.get(i);
            double x = LEFT + i * step + (step - barWidth) / 2;
            double y = height - BOTTOM;
            for (int s = 0; s < series.size(); s++) {
                long n = counts.getOrDefault(day, Map.of()).getOrDefault(series.get(s), 0L);
                if (n == 0) {
                    continue;
                }
                double h = plot * n / max;
                y -= h;
                bars.add(new Bar(x, y, barWidth, h, "series-" + s, day + ": " + n + " " + series.get(s)));
            }
            if (i % every == 0) {
                labels.add(new Label(x + barWidth / 2, height - BOTTOM + 16, day.substring(5), "middle"));
            }
        }
        return new BarChart(width, height, bars, labels, max);
    }

    /** One horizontal bar per name, in the order given. */
    static BarChart rows(List<String> names, List<Long> values) {
        int labelWidth = 260;
        int rowHeight = 16;
        int width = 760;
        int height = Math.max(rowHeight * names.size() + 20, 40);
        long max = Math.max(1, values.stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double y = 4 + i * rowHeight;
            long n = values.get(i);
            double w = (width - labelWidth - 60) * (double) n / max;
            bars.add(new Bar(labelWidth, y, Math.max(w, n == 0 ? 0 : 1), rowHeight - 4, n == 0 ? "never" : "series-0",
                    names.get(i) + ": " + n));
            labels.add(new Label(labelWidth - 6, y + rowHeight - 6, names.get(i), "end"));
            labels.add(new Label(labelWidth + w + 4, y + rowHeight - 6, Long.toString(n), "start"));
        }
        return new BarChart(width, height, bars, labels, max);
    }
}
