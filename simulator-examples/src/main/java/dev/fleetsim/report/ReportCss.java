package dev.fleetsim.report;

/** The report page's style sheet, inlined so that the page needs nothing but itself. System fonts only. */
final class ReportCss {

    private ReportCss() {
    }

    static final String CSS = """
            :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f5f7fa; --card: #ffffff; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
              font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; }
            main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 40px; }
            header { margin-bottom: 18px; }
            .eyebrow { margin: 0; text-transform: uppercase; letter-spacing: .08em; font-size: 12px;
              color: var(--muted); font-weight: 600; }
            h1 { margin: 2px 0 4px; font-size: 28px; font-weight: 650; letter-spacing: -.01em; }
            h2 { margin: 0 0 2px; font-size: 17px; font-weight: 650; }
            h3 { margin: 22px 0 8px; font-size: 14px; font-weight: 650; }
            .meta, .sub { margin: 0; color: var(--muted); }
            .sub { margin-bottom: 10px; font-size: 13px; }
            .cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 12px; margin: 16px 0 18px; }
            .card, .chart-card, #bill, .notice { background: var(--card); border: 1px solid var(--line);
              border-radius: 10px; }
            .card { padding: 12px 14px; }
            .card .label { color: var(--muted); font-size: 12px; font-weight: 600; }
            .card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; margin: 2px 0; }
            .card .note { color: var(--muted); font-size: 12px; }
            .chart-card, #bill, .notice { padding: 16px 18px; margin-bottom: 16px; }
            .notice { border-color: #f3d38a; background: #fffaf0; }
            .notice h2 { font-size: 14px; }
            .notice p { margin: 4px 0; color: #6b5a2e; }
            .notice ul { margin: 4px 0 0; padding-left: 20px; }
            svg.chart { display: block; width: 100%; height: auto; }
            svg text { font-family: inherit; font-size: 12px; fill: #4b5563; }
            svg .axis-title { font-size: 12px; fill: #374151; font-weight: 600; }
            svg .message { font-size: 15px; fill: #6b7280; font-style: italic; }
            svg .label { fill: #1f2937; font-weight: 600; }
            svg .note { fill: #374151; font-variant-numeric: tabular-nums; }
            svg .grid { stroke: #e5e7eb; stroke-width: 1; }
            svg .axis { stroke: #9ca3af; stroke-width: 1; }
            svg .track { fill: #f1f5f9; }
            .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 6px 0 0 78px;
              padding: 0; font-size: 13px; }
            .legend li { display: flex; align-items: center; gap: 6px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
            .tables { display: grid; grid-template-columns: repeat(3, 1fr); gap: 18px; align-items: start; }
            table.bill { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
            table.bill caption { text-align: left; font-weight: 650; padding-bottom: 6px; }
            table.bill th, table.bill td { padding: 5px 8px; border-bottom: 1px solid var(--line);
              text-align: left; }
            table.bill thead th { color: var(--muted); font-size: 12px; font-weight: 600; }
            table.bill .num { text-align: right; }
            table.totals { margin-top: 18px; max-width: 360px; }
            table.totals th { font-weight: 650; }
            .muted { color: var(--muted); }
            code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
              font-size: 12.5px; }
            footer { color: var(--muted); font-size: 12px; margin-top: 8px; }
            @media (max-width: 900px) { .cards { grid-template-columns: repeat(2, 1fr); }
              .tables { grid-template-columns: 1fr; } }
            """;
}
