package quant.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import quant.core.catalog.AnalysisCatalog;

/** The registered analyses and the views that show them. */
class ViewCatalogueTest {
    @Test
    void everyRegisteredAnalysisHasAViewInTheMenus() {
        for (AnalysisCatalog.Entry a : AnalysisCatalog.ENTRIES) {
            assertThat(ViewCatalogue.viewOf(a.id())).as(a.id()).isPresent();
        }
        assertThat(ViewCatalogue.ANALYSIS_VIEWS).hasSameSizeAs(AnalysisCatalog.ENTRIES);
        assertThat(ViewCatalogue.viewOf("nope")).isEmpty();
    }
}
