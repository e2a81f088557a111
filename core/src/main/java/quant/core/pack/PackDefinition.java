package quant.core.pack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import quant.core.analysis.CustomerFilter;

/**
 * A report pack's definition as its JSON file gives it, checked ({@link PackDefinitions#parse}): the
 * identity (title, company, logo, accent colour), the layout (paper, orientation, cover, contents,
 * definitions), the period rule, the customer filter and the ordered sections. The keys and their
 * meaning are in docs/report-packs.md.
 *
 * @param name the definition's name: a shipped one's ({@code board}) or the file's without {@code .json}
 * @param title the pack's title
 * @param company the company's name, or "" for the {@code company.name} setting
 * @param logo the logo file as written, or "" for none
 * @param folder the folder a relative logo path is read from, or null for a shipped definition
 * @param accent the accent colour as #rrggbb
 * @param paper {@code a4}, {@code letter}, or "" for the {@code report.paper} setting
 * @param landscape whether pages are turned sideways
 * @param period the period rule ({@link PeriodRule})
 * @param filters which customers the customer analyses look at
 * @param cover whether the pack opens with a cover page
 * @param contents whether a table of contents follows the cover
 * @param definitions whether the definitions of every figure close the pack
 * @param sections in order
 */
public record PackDefinition(
        String name,
        String title,
        String company,
        String logo,
        Path folder,
        String accent,
        String paper,
        boolean landscape,
        String period,
        CustomerFilter filters,
        boolean cover,
        boolean contents,
        boolean definitions,
        List<Section> sections) {
    public PackDefinition {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        Objects.requireNonNull(filters);
        company = company == null ? "" : company;
        logo = logo == null ? "" : logo;
        paper = paper == null ? "" : paper;
        sections = List.copyOf(sections);
    }

    /** Which of an analysis's figures, tables or charts a section shows: all, none, or these keys in order. */
    public record Selection(boolean all, List<String> keys) {
        public static final Selection ALL = new Selection(true, List.of());
        public static final Selection NONE = new Selection(false, List.of());

        public Selection {
            keys = List.copyOf(keys);
        }

        public static Selection of(List<String> keys) {
            return new Selection(false, keys);
        }
    }

    /**
     * One section.
     *
     * @param analysis the analysis it shows ({@link PackAnalyses})
     * @param chapter the chapter it belongs to (a new chapter starts a page), or ""
     * @param title its heading, or "" for the analysis's title
     * @param intro a paragraph before it, or ""
     * @param figures which key figures it shows
     * @param tables which tables it shows (only those documents print)
     * @param charts which charts it shows
     * @param rows the most rows of each table printed
     * @param on whether the pack includes it (a section switched off stays in the definition)
     */
    public record Section(
            String analysis,
            String chapter,
            String title,
            String intro,
            Selection figures,
            Selection tables,
            Selection charts,
            int rows,
            boolean on) {
        public Section {
            Objects.requireNonNull(analysis);
            chapter = chapter == null ? "" : chapter;
            title = title == null ? "" : title;
            intro = intro == null ? "" : intro;
            Objects.requireNonNull(figures);
            Objects.requireNonNull(tables);
            Objects.requireNonNull(charts);
        }
    }

    /** The sections switched on, in order. */
    public List<Section> included() {
        return sections.stream().filter(Section::on).toList();
    }

    /** The same definition with other sections. */
    public PackDefinition withSections(List<Section> newSections) {
        return new PackDefinition(
                name,
                title,
                company,
                logo,
                folder,
                accent,
                paper,
                landscape,
                period,
                filters,
                cover,
                contents,
                definitions,
                newSections);
    }

    /** The same definition with another period rule (the command line's --period). */
    public PackDefinition withPeriod(String rule) {
        return new PackDefinition(
                name,
                title,
                company,
                logo,
                folder,
                accent,
                paper,
                landscape,
                rule,
                filters,
                cover,
                contents,
                definitions,
                sections);
    }
}
