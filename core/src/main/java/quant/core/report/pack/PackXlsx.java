package quant.core.report.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import quant.core.io.SpreadsheetText;
import quant.core.report.KeyFigure;
import quant.core.report.ReportTable;
import quant.core.report.ValueText;
import quant.core.report.XlsxReport;

/**
 * A report pack's twin as one Excel workbook: the KPI sheet first (value, target and last year as
 * numbers), then the key figures of every section with typed values, then one sheet per table of the
 * pack with every row (the PDF prints the first few), and a last sheet saying what the pack covers and
 * which sections could not run. Cells are typed as {@link XlsxReport} types them.
 */
public final class PackXlsx {
    private PackXlsx() {}

    public static void write(Pack pack, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Quant Workbench", "1.0");
        Set<String> names = new HashSet<>();
        if (pack.kpis() != null) {
            XlsxReport.table(wb.newWorksheet(XlsxReport.sheetName("KPIs", names)), pack.kpis(), pack.currency());
        }
        figures(wb.newWorksheet(XlsxReport.sheetName("Key figures", names)), pack);
        for (Pack.Section s : pack.sections()) {
            if (!s.ran()) {
                continue;
            }
            for (ReportTable<?> t : s.report().tables()) {
                if (t.printed()) {
                    XlsxReport.table(
                            wb.newWorksheet(XlsxReport.sheetName(s.title() + " - " + t.title(), names)),
                            t,
                            pack.currency());
                }
            }
        }
        about(wb.newWorksheet(XlsxReport.sheetName("About", names)), pack);
        wb.finish();
    }

    private static void figures(Worksheet ws, Pack pack) throws IOException {
        String[] head = {"Section", "Key figure", "Value", "Unit", "Status", "Detail"};
        for (int c = 0; c < head.length; c++) {
            ws.value(0, c, head[c]);
            ws.style(0, c).bold().fillColor("E8EBEF").set();
        }
        ws.freezePane(0, 1);
        int row = 1;
        for (Pack.Section s : pack.sections()) {
            if (!s.ran()) {
                continue;
            }
            for (KeyFigure f : s.report().figures()) {
                ws.value(row, 0, text(s.title()));
                ws.value(row, 1, text(f.label()));
                XlsxReport.cell(ws, row, 2, f.type(), f.value(), f.digits());
                ws.value(row, 3, text(ValueText.unit(f.type(), f.unit(), pack.currency())));
                if (f.status() != null) {
                    ws.value(row, 4, f.status().words());
                }
                ws.value(row, 5, text(f.detail()));
                row++;
            }
        }
        ws.width(0, 26);
        ws.width(1, 30);
        ws.width(2, 14);
        ws.width(3, 10);
        ws.width(4, 11);
        ws.width(5, 60);
        ws.finish();
    }

    private static void about(Worksheet ws, Pack pack) throws IOException {
        PackStyle style = pack.style();
        int row = 0;
        ws.value(row, 0, text(style.title()));
        ws.style(row, 0).bold().fontSize(14).set();
        row += 2;
        String[][] lines = {
            {"Company", style.company()},
            {"Period", pack.period()},
            {"From", pack.from().toString()},
            {"To", pack.to().toString()},
            {"Figures as of", pack.asOf().describe()},
            {"Customers", pack.filters()},
            {"Currency", pack.currency()}
        };
        for (String[] l : lines) {
            ws.value(row, 0, l[0]);
            ws.value(row, 1, text(l[1]));
            row++;
        }
        row++;
        ws.value(row, 0, "Section");
        ws.value(row, 1, "Outcome");
        ws.style(row, 0).bold().set();
        ws.style(row, 1).bold().set();
        row++;
        for (Pack.Section s : pack.sections()) {
            ws.value(row, 0, text(s.title()));
            ws.value(row, 1, text(s.ran() ? "computed" : s.problem()));
            row++;
        }
        ws.width(0, 28);
        ws.width(1, 80);
        ws.finish();
    }

    private static String text(String s) {
        return SpreadsheetText.neutralise(s);
    }
}
