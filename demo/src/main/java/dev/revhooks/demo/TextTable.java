package dev.revhooks.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain-text table whose columns are padded to their widest cell; the last column is not padded. */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /**
     * Adds a row.
     *
     * @param cells one cell per column; null shows as empty
     * @return this table
     * @throws IllegalArgumentException when the number of cells differs from the number of columns
     */
    TextTable row(String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(cell -> cell == null ? "" : cell).toList());
        return this;
    }

    /**
     * The header line and one line per row, each ending with a line separator.
     *
     * @return the table
     */
    String render() {
        int[] widths = new int[headers.size()];
        for (List<String> line : allLines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> line : allLines()) {
            StringBuilder rendered = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                rendered.append(cell);
                if (i < widths.length - 1) {
                    rendered.append(" ".repeat(widths[i] - cell.length())).append(GAP);
                }
            }
            text.append(rendered.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> all = new ArrayList<>(rows.size() + 1);
        all.add(headers);
        all.addAll(rows);
        return all;
    }
}
