package quant.core.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;

/** A table of contents for a {@link PdfSheet}, inserted once the pages it lists are written. */
public final class PdfContents {
    private PdfContents() {}

    /**
     * Inserts a table of contents after the first {@code after} pages: {@code heading}, then a line for
     * each mark (headings indented under their chapter) with its page number, each line a link to its
     * page. Page numbers count every page, the contents' own included, as the footers do.
     */
    public static void insert(PdfSheet sheet, String heading, int after, List<PdfSheet.Mark> entries) {
        sheet.finishPage();
        PDDocument doc = sheet.document();
        PdfText text = sheet.text();
        PDRectangle size = sheet.pageSize();
        float width = sheet.width();
        float line = 16;
        float top = sheet.top() - 50;
        int perPage = Math.max(1, (int) ((top - sheet.foot()) / line));
        int pages = (entries.size() + perPage - 1) / perPage;
        List<PDPage> inserted = new ArrayList<>();
        for (int p = 0; p < Math.max(1, pages); p++) {
            PDPage toc = new PDPage(size);
            if (after + p == 0) {
                doc.getPages().insertBefore(toc, doc.getPage(0));
            } else {
                doc.getPages().insertAfter(toc, doc.getPage(after + p - 1));
            }
            inserted.add(toc);
        }
        for (int p = 0; p < inserted.size(); p++) {
            try (PDPageContentStream cs = new PDPageContentStream(doc, inserted.get(p))) {
                float at = sheet.top() - 22;
                if (p == 0) {
                    cs.setNonStrokingColor(sheet.accentColour());
                    text.write(cs, false, 20, PdfSheet.margin(), at, heading, 0);
                    cs.setNonStrokingColor(0f, 0f, 0f);
                }
                at = top;
                for (PdfSheet.Mark m : entries.subList(p * perPage, Math.min(entries.size(), (p + 1) * perPage))) {
                    int number = doc.getPages().indexOf(m.page()) + 1;
                    float indent = m.level() == 0 ? 0 : 16;
                    float fontSize = m.level() == 0 ? 11 : 9.5f;
                    String num = String.valueOf(number);
                    float numWidth = text.measure(fontSize, num);
                    String name = text.fit(m.level() == 0, fontSize, m.title(), width - indent - numWidth - 30);
                    text.write(cs, m.level() == 0, fontSize, PdfSheet.margin() + indent, at, name, 0);
                    text.write(cs, false, fontSize, PdfSheet.margin() + width - numWidth, at, num, 0);
                    float from = PdfSheet.margin() + indent + text.measure(fontSize, name) * 1.04f + 6;
                    float to = PdfSheet.margin() + width - numWidth - 6;
                    cs.setStrokingColor(0.7f, 0.7f, 0.7f);
                    cs.setLineWidth(0.6f);
                    cs.setLineDashPattern(new float[] {1, 2.5f}, 0);
                    cs.moveTo(from, at + 1);
                    cs.lineTo(to, at + 1);
                    cs.stroke();
                    cs.setLineDashPattern(new float[] {}, 0);
                    link(inserted.get(p), m.page(), PdfSheet.margin() + indent, at - 3, width - indent, line);
                    at -= line;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void link(PDPage on, PDPage to, float x, float y0, float w, float h) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(x, y0, w, h));
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        PDPageFitDestination dest = new PDPageFitDestination();
        dest.setPage(to);
        PDActionGoTo go = new PDActionGoTo();
        go.setDestination(dest);
        link.setAction(go);
        on.getAnnotations().add(link);
    }
}
