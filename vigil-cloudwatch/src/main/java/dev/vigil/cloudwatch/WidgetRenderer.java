package dev.vigil.cloudwatch;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;
import org.jfree.data.time.Millisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.time.TimeTableXYDataset;

/**
 * Draws a {@link MetricWidget}'s series with JFreeChart, headless, to PNG: timeSeries as lines (stacked areas when
 * {@code stacked}), bar and pie from each series' latest value, singleValue (and gauge) as the latest values in
 * large type. Title, left/right y-axes (min, max, label), horizontal annotations (lines and bands), vertical
 * annotations, legend position and the time zone of the time axis are honoured. Thread-safe (stateless).
 */
final class WidgetRenderer {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** AWS's default palette for graph lines. */
    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};
    private static final Color ANNOTATION = new Color(0xd13212);

    /** One drawn series: label, colour (null: the palette's), axis, and points oldest first. */
    record Drawn(String label, Color color, boolean rightAxis, List<Instant> timestamps, List<Double> values) {
        Double latest() {
            return values.isEmpty() ? null : values.get(values.size() - 1);
        }
    }

    private WidgetRenderer() {}

    static byte[] render(MetricWidget w, List<Drawn> series) {
        BufferedImage image;
        switch (w.view()) {
            case "singleValue", "gauge" -> image = singleValue(w, series);
            case "bar" -> image = draw(w, bar(w, series));
            case "pie" -> image = draw(w, pie(w, series));
            default -> image = draw(w, timeSeries(w, series));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage draw(MetricWidget w, JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getLegend() != null) {
            if ("hidden".equals(w.legend())) {
                chart.removeLegend();
            } else {
                chart.getLegend().setPosition("right".equals(w.legend()) ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
            }
        }
        return chart.createBufferedImage(w.width(), w.height(), BufferedImage.TYPE_INT_RGB, null);
    }

    private static Paint color(Drawn d, int i) {
        return d.color() != null ? d.color() : PALETTE[i % PALETTE.length];
    }

    private static JFreeChart timeSeries(MetricWidget w, List<Drawn> series) {
        DateAxis time = new DateAxis();
        time.setTimeZone(TimeZone.getTimeZone(w.zone()));
        time.setRange(new java.util.Date(w.start().toEpochMilli()), new java.util.Date(w.end().toEpochMilli()));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(time);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        boolean anyRight = series.stream().anyMatch(Drawn::rightAxis) || w.horizontal().stream().anyMatch(h -> h.rightAxis());
        for (int axis = 0; axis < (anyRight ? 2 : 1); axis++) {
            boolean right = axis == 1;
            MetricWidget.Axis spec = right ? w.right() : w.left();
            NumberAxis values = new NumberAxis(spec.label());
            values.setAutoRangeIncludesZero(false);
            if (spec.min() != null) values.setLowerBound(spec.min());
            if (spec.max() != null) values.setUpperBound(spec.max());
            if (spec.min() != null || spec.max() != null) values.setAutoRange(false);
            plot.setRangeAxis(axis, values);
            List<Drawn> mine = series.stream().filter(d -> d.rightAxis() == right).toList();
            XYItemRenderer renderer;
            if (w.stacked()) {
                TimeTableXYDataset table = new TimeTableXYDataset(TimeZone.getTimeZone(w.zone()));
                // Stacking needs a value for every series at every time: a missing one counts as 0.
                java.util.TreeSet<Instant> times = new java.util.TreeSet<>();
                mine.forEach(d -> times.addAll(d.timestamps()));
                for (Drawn d : mine) {
                    java.util.Map<Instant, Double> byTime = new java.util.HashMap<>();
                    for (int i = 0; i < d.values().size(); i++) byTime.put(d.timestamps().get(i), d.values().get(i));
                    for (Instant t : times) {
                        table.add(new Millisecond(java.util.Date.from(t)), byTime.getOrDefault(t, 0.0), d.label(), false);
                    }
                }
                plot.setDataset(axis, table);
                renderer = new StackedXYAreaRenderer2();
            } else {
                TimeSeriesCollection collection = new TimeSeriesCollection(TimeZone.getTimeZone(w.zone()));
                for (Drawn d : mine) {
                    TimeSeries ts = new TimeSeries(d.label() + (collection.getSeriesCount() > 0
                            && collection.getSeries(d.label()) != null ? " (" + collection.getSeriesCount() + ")" : ""));
                    for (int i = 0; i < d.values().size(); i++) {
                        ts.addOrUpdate(new Millisecond(java.util.Date.from(d.timestamps().get(i))), d.values().get(i));
                    }
                    collection.addSeries(ts);
                }
                plot.setDataset(axis, collection);
                XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
                for (int i = 0; i < mine.size(); i++) {
                    lines.setSeriesStroke(i, new BasicStroke(2f));
                    // A lone point would be invisible as a line: show the points then.
                    if (mine.get(i).values().size() == 1) lines.setSeriesShapesVisible(i, true);
                }
                renderer = lines;
            }
            for (int i = 0; i < mine.size(); i++) renderer.setSeriesPaint(i, color(mine.get(i), series.indexOf(mine.get(i))));
            plot.setRenderer(axis, renderer);
            plot.mapDatasetToRangeAxis(axis, axis);
        }
        for (MetricWidget.HLine h : w.horizontal()) {
            Color c = h.color() == null ? ANNOTATION : h.color();
            Marker m = h.to() == null ? new ValueMarker(h.value(), c, new BasicStroke(1.5f))
                    : new IntervalMarker(Math.min(h.value(), h.to()), Math.max(h.value(), h.to()),
                            new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            label(m, h.label());
            plot.addRangeMarker(h.rightAxis() && anyRight ? 1 : 0, m, Layer.FOREGROUND);
        }
        // An axis without a fixed min/max also shows its horizontal annotations.
        for (int axis = 0; axis < plot.getRangeAxisCount(); axis++) {
            MetricWidget.Axis spec = axis == 1 ? w.right() : w.left();
            org.jfree.data.Range data = plot.getDataRange(plot.getRangeAxis(axis));
            final int a = axis;
            List<Double> marks = w.horizontal().stream().filter(h -> (h.rightAxis() && anyRight ? 1 : 0) == a)
                    .flatMap(h -> h.to() == null ? java.util.stream.Stream.of(h.value())
                            : java.util.stream.Stream.of(h.value(), h.to())).toList();
            if (marks.isEmpty() || spec.min() != null || spec.max() != null) continue;
            double lo = data == null ? marks.get(0) : data.getLowerBound();
            double hi = data == null ? marks.get(0) : data.getUpperBound();
            for (double m : marks) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
            double margin = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(hi) * 0.05);
            plot.getRangeAxis(axis).setRange(lo - margin, hi + margin);
        }
        for (MetricWidget.VLine v : w.vertical()) {
            ValueMarker m = new ValueMarker(v.at().toEpochMilli(), v.color() == null ? ANNOTATION : v.color(),
                    new BasicStroke(1.5f));
            label(m, v.label());
            if (v.label() != null) {
                m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        return new JFreeChart(w.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static void label(Marker m, String label) {
        if (label == null) return;
        m.setLabel(label);
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    }

    private static JFreeChart bar(MetricWidget w, List<Drawn> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 0; i < series.size(); i++) {
            Drawn d = series.get(i);
            data.addValue(d.latest(), d.label() + (i > 0 && series.subList(0, i).stream()
                    .anyMatch(o -> o.label().equals(d.label())) ? " (" + i + ")" : ""), "");
        }
        JFreeChart chart = ChartFactory.createBarChart(w.title(), null, w.left().label(), data);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) renderer.setSeriesPaint(i, color(series.get(i), i));
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        if (w.left().min() != null) values.setLowerBound(w.left().min());
        if (w.left().max() != null) values.setUpperBound(w.left().max());
        for (MetricWidget.HLine h : w.horizontal()) {
            ValueMarker m = new ValueMarker(h.value(), h.color() == null ? ANNOTATION : h.color(), new BasicStroke(1.5f));
            label(m, h.label());
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        return chart;
    }

    private static JFreeChart pie(MetricWidget w, List<Drawn> series) {
        DefaultPieDataset<String> data = new DefaultPieDataset<>();
        for (Drawn d : series) {
            if (d.latest() != null && d.latest() > 0) data.setValue(d.label(), d.latest());
        }
        JFreeChart chart = ChartFactory.createPieChart(w.title(), data, true, false, false);
        @SuppressWarnings("unchecked")
        PiePlot<String> plot = (PiePlot<String>) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setShadowPaint(null);
        for (int i = 0; i < series.size(); i++) {
            if (data.getIndex(series.get(i).label()) >= 0) plot.setSectionPaint(series.get(i).label(), color(series.get(i), i));
        }
        return chart;
    }

    /** The latest value of each series, large, with its label; the title above. */
    private static BufferedImage singleValue(MetricWidget w, List<Drawn> series) {
        BufferedImage image = new BufferedImage(w.width(), w.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w.width(), w.height());
            int top = 8;
            if (w.title() != null) {
                g.setColor(Color.DARK_GRAY);
                g.setFont(JFreeChart.DEFAULT_TITLE_FONT);
                FontMetrics fm = g.getFontMetrics();
                g.drawString(w.title(), Math.max(4, (w.width() - fm.stringWidth(w.title())) / 2), top + fm.getAscent());
                top += fm.getHeight() + 8;
            }
            int n = Math.max(1, series.size());
            int cellWidth = Math.max(1, w.width() / n);
            int valueSize = Math.max(8, Math.min((w.height() - top) / 3, cellWidth / 5));
            DecimalFormat format = new DecimalFormat("#,##0.###");
            for (int i = 0; i < series.size(); i++) {
                Drawn d = series.get(i);
                int x = i * cellWidth + 8;
                g.setColor((Color) color(d, i));
                g.fillRect(x, top + 4, 10, 10);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(d.label(), x + 14, top + 14);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, valueSize));
                g.setColor(Color.BLACK);
                String text = d.latest() == null ? "--" : format.format(d.latest());
                g.drawString(text, x, top + 24 + g.getFontMetrics().getAscent());
            }
            if (series.isEmpty()) {
                g.setColor(Color.GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
                g.drawString("No data available.", 8, top + 20);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
