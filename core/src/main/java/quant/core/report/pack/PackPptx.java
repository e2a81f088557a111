package quant.core.report.pack;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.sl.usermodel.PictureData;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFPictureData;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import quant.core.report.ChartFiles;
import quant.core.report.Column;
import quant.core.report.ReportChart;
import quant.core.report.ReportTable;
import quant.core.report.ValueText;

/**
 * A report pack's twin as slides (Apache POI, PowerPoint's 16:9 format, which LibreOffice Impress
 * opens too): a title slide, one slide for the KPI table with each status as a coloured cell and a
 * word, and one slide per chart of the pack, each titled with its section and the as-of date. Charts
 * are pictures drawn at twice their size, so they stay sharp on a projector.
 */
public final class PackPptx {
    private static final int W = 960;
    private static final int H = 540;
    private static final double PAD = 36;
    /** The KPI table's columns, by the KPI report's keys. */
    private static final List<String> KPI_COLUMNS = List.of("kpi", "value", "target", "status", "last-year");

    private PackPptx() {}

    public static void write(Pack pack, OutputStream out) throws IOException {
        try (XMLSlideShow ppt = new XMLSlideShow()) {
            ppt.setPageSize(new Dimension(W, H));
            title(ppt, pack);
            for (Pack.Section s : pack.sections()) {
                if (s.ran() && s.analysis().equals("kpis")) {
                    kpis(ppt, pack, s, s.report().table("kpis"));
                }
            }
            for (Pack.Section s : pack.sections()) {
                if (!s.ran()) {
                    continue;
                }
                for (ReportChart c : s.report().charts()) {
                    chart(ppt, pack, s, c);
                }
            }
            ppt.write(out);
        }
    }

    private static void title(XMLSlideShow ppt, Pack pack) throws IOException {
        PackStyle style = pack.style();
        XSLFSlide slide = ppt.createSlide();
        var band = slide.createAutoShape();
        band.setAnchor(new Rectangle2D.Double(0, 0, W, 14));
        band.setFillColor(style.accent());
        band.setLineColor(style.accent());
        if (style.logo() != null) {
            XSLFPictureData data = ppt.addPicture(style.logo().png(160), PictureData.PictureType.PNG);
            double h = 64;
            double w = Math.min(240, h * style.logo().aspect());
            slide.createPicture(data)
                    .setAnchor(new Rectangle2D.Double(
                            PAD + 12, 50, w, w / style.logo().aspect()));
        }
        double y = 200;
        if (!style.company().isEmpty()) {
            text(slide, style.company(), 20, false, new Color(0x595959), PAD + 12, y, W - 2 * PAD, 34);
            y += 40;
        }
        text(slide, style.title(), 36, true, Color.BLACK, PAD + 12, y, W - 2 * PAD, 56);
        y += 64;
        text(slide, "Period " + pack.period(), 22, false, style.accent(), PAD + 12, y, W - 2 * PAD, 36);
        y += 44;
        text(
                slide,
                "Figures as of " + pack.asOf().describe() + " · customers: " + pack.filters(),
                14,
                false,
                new Color(0x595959),
                PAD + 12,
                y,
                W - 2 * PAD,
                28);
    }

    private static <T> void kpis(XMLSlideShow ppt, Pack pack, Pack.Section s, ReportTable<T> t) {
        XSLFSlide slide = ppt.createSlide();
        heading(slide, pack, s.title());
        XSLFTable table = slide.createTable();
        List<Column<T>> columns = KPI_COLUMNS.stream().map(t::column).toList();
        double[] widths = {300, 140, 140, 120, 140};
        XSLFTableRow head = table.addRow();
        head.setHeight(20);
        for (Column<T> c : columns) {
            cell(head.addCell(), c.title(), true, null, align(c));
        }
        for (T row : t.rows()) {
            XSLFTableRow r = table.addRow();
            r.setHeight(18);
            for (Column<T> c : columns) {
                String v = ValueText.of(c, row);
                Color fill = c.key().equals("status") ? statusColour(v) : null;
                cell(r.addCell(), v, false, fill, align(c));
            }
        }
        for (int i = 0; i < widths.length; i++) {
            table.setColumnWidth(i, widths[i]);
        }
        table.setAnchor(new Rectangle2D.Double(PAD, 92, 840, 18 * (t.rows().size() + 1)));
    }

    /** Names and statuses to the left, numbers to the right. */
    private static TextAlign align(Column<?> c) {
        return c.key().equals("kpi") || c.key().equals("status") ? TextAlign.LEFT : TextAlign.RIGHT;
    }

    private static void cell(XSLFTableCell cell, String value, boolean bold, Color fill, TextAlign align) {
        cell.clearText();
        XSLFTextParagraph p = cell.addNewTextParagraph();
        p.setTextAlign(align);
        XSLFTextRun r = p.addNewTextRun();
        r.setText(value);
        r.setFontSize(bold ? 10.0 : 9.5);
        r.setBold(bold);
        r.setFontColor(fill != null ? Color.WHITE : Color.BLACK);
        cell.setTopInset(1);
        cell.setBottomInset(1);
        if (bold) {
            cell.setFillColor(new Color(0xE8EBEF));
        } else if (fill != null) {
            cell.setFillColor(fill);
        }
        cell.setBorderColor(BorderEdge.bottom, new Color(0xD9D9D9));
        cell.setBorderWidth(BorderEdge.bottom, 0.5);
    }

    /** The colour of a status word, or null for text that is none. */
    static Color statusColour(String word) {
        return switch (word) {
            case "on track" -> new Color(0x2e7d32);
            case "warning" -> new Color(0xb26a00);
            case "critical" -> new Color(0xc62828);
            default -> null;
        };
    }

    private static void chart(XMLSlideShow ppt, Pack pack, Pack.Section s, ReportChart c) throws IOException {
        XSLFSlide slide = ppt.createSlide();
        heading(slide, pack, s.title() + " — " + c.title());
        int w = 880;
        int h = 400;
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        org.jfree.chart.JFreeChart chart = c.chart().get();
        // the slide's heading names it
        chart.setTitle((org.jfree.chart.title.TextTitle) null);
        ChartFiles.png(chart, w, h, 2, png);
        XSLFPictureData data = ppt.addPicture(png.toByteArray(), PictureData.PictureType.PNG);
        slide.createPicture(data).setAnchor(new Rectangle2D.Double((W - w) / 2.0, 110, w, h));
    }

    private static void heading(XSLFSlide slide, Pack pack, String title) {
        text(slide, title, 24, true, Color.BLACK, PAD, 24, W - 2 * PAD, 36);
        text(
                slide,
                pack.style().title() + " · " + pack.period() + " · as of "
                        + pack.asOf().date(),
                12,
                false,
                pack.style().accent(),
                PAD,
                60,
                W - 2 * PAD,
                22);
    }

    private static void text(
            XSLFSlide slide,
            String text,
            double size,
            boolean bold,
            Color colour,
            double x,
            double y,
            double w,
            double h) {
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new Rectangle2D.Double(x, y, w, h));
        box.clearText();
        XSLFTextRun run = box.addNewTextParagraph().addNewTextRun();
        run.setText(text);
        run.setFontSize(size);
        run.setBold(bold);
        run.setFontColor(colour);
    }
}
