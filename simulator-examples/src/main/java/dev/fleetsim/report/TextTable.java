package dev.fleetsim.report;

import java.util.List;

/** Aligns rows of cells into columns separated by two spaces; the first row is the header. */
public final class TextTable {

    private TextTable() {
    }

    /** @param rightAligned per column, true for numbers */
    public static String render(List<String[]> rows, boolean[] rightAligned) {
        int columns = rightAligned.length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    line.append("  ");
                }
                String cell = row[i];
                String pad = " ".repeat(width[i] - cell.length());
                line.append(rightAligned[i] ? pad + cell : cell + pad);
            }
            s.append(line.toString().stripTrailing()).append('\n');
        }
        return s.toString();
    }
}
