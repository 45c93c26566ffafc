package dev.rainmaker.cli.bench;

import java.util.ArrayList;
import java.util.List;

/** A two-column Markdown table of figures, in the order they were added, ready to paste into docs/benchmarks.md. */
public final class FigureTable {

    private record Row(String figure, String value) {}

    private final List<Row> rows = new ArrayList<>();

    public FigureTable add(String figure, String value) {
        rows.add(new Row(figure, value));
        return this;
    }

    public String render() {
        int figureWidth = Math.max(
                "figure".length(),
                rows.stream().mapToInt(r -> r.figure().length()).max().orElse(0));
        int valueWidth = Math.max(
                "value".length(),
                rows.stream().mapToInt(r -> r.value().length()).max().orElse(0));
        StringBuilder table = new StringBuilder();
        line(table, "figure", figureWidth, "value", valueWidth);
        table.append("|-")
                .append("-".repeat(figureWidth))
                .append("-|-")
                .append("-".repeat(valueWidth))
                .append("-|\n");
        rows.forEach(row -> line(table, row.figure(), figureWidth, row.value(), valueWidth));
        return table.toString();
    }

    private static void line(StringBuilder table, String figure, int figureWidth, String value, int valueWidth) {
        table.append("| ")
                .append(pad(figure, figureWidth))
                .append(" | ")
                .append(pad(value, valueWidth))
                .append(" |\n");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
