package quant.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quant.core.analysis.InvalidSpecException;
import quant.core.pack.PackDefinition.Selection;

class PackDefinitionsTest {
    @TempDir
    Path dir;

    static PackDefinition parse(String json) {
        return PackDefinitions.parse(json, "t.json", "t", null);
    }

    static void mistake(String json, String sentence) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage(sentence);
    }

    @Test
    void theShippedDefinitionsReadAndNameKnownAnalyses() {
        for (String name : PackDefinitions.SHIPPED) {
            PackDefinition d = PackDefinitions.load(name);
            assertThat(d.name()).isEqualTo(name);
            assertThat(d.sections()).isNotEmpty();
            assertThat(d.sections())
                    .allSatisfy(s -> assertThat(PackAnalyses.ids()).contains(s.analysis()));
        }
        PackDefinition board = PackDefinitions.shipped("board");
        assertThat(board.period()).isEqualTo("last-month");
        assertThat(board.sections().stream()
                        .map(PackDefinition.Section::chapter)
                        .distinct())
                .containsExactly(
                        "Executive summary",
                        "Finance",
                        "Operations",
                        "Customers",
                        "Sales and marketing",
                        "Market position",
                        "Forecasts");
        PackDefinition owner = PackDefinitions.shipped("owner-summary");
        assertThat(owner.cover()).isFalse();
        assertThat(owner.contents()).isFalse();
        assertThat(owner.definitions()).isFalse();
        assertThat(PackDefinitions.shipped("weekly-operations").period()).isEqualTo("last-week");
    }

    @Test
    void defaultsAndSelections() {
        PackDefinition d = parse("""
                {"title": "T", "sections": [
                  {"analysis": "finance"},
                  {"analysis": "receivables", "figures": "none", "tables": ["aging"], "charts": "all", "rows": 7}
                ]}""");
        assertThat(d.period()).isEqualTo("last-month");
        assertThat(d.accent()).isEqualTo("#1f4e79");
        assertThat(d.paper()).isEmpty();
        assertThat(d.landscape()).isFalse();
        assertThat(d.cover() && d.contents() && d.definitions()).isTrue();
        assertThat(d.filters().isAll()).isTrue();
        PackDefinition.Section s = d.sections().get(1);
        assertThat(s.figures()).isEqualTo(Selection.NONE);
        assertThat(s.tables()).isEqualTo(Selection.of(java.util.List.of("aging")));
        assertThat(s.charts()).isEqualTo(Selection.ALL);
        assertThat(s.rows()).isEqualTo(7);
        assertThat(d.sections().get(0).rows()).isEqualTo(PackDefinitions.DEFAULT_ROWS);
    }

    @Test
    void aDefinitionWrittenBackReadsTheSame() {
        for (String name : PackDefinitions.SHIPPED) {
            PackDefinition d = PackDefinitions.shipped(name);
            assertThat(PackDefinitions.parse(PackDefinitions.toJson(d), name, name, null))
                    .isEqualTo(d);
        }
        PackDefinition custom = parse("""
                {"title": "Referrals", "company": "Acme", "accent": "#AA0000", "paper": "letter",
                 "orientation": "landscape", "period": "quarter:2025-Q3", "cover": false,
                 "filters": {"channels": ["Referral", "Google Ads"], "cities": ["Riverton"]},
                 "sections": [{"analysis": "cohorts", "chapter": "C", "title": "Who stays", "intro": "Read this.",
                               "charts": "none", "rows": 30}]}""");
        assertThat(parse(PackDefinitions.toJson(custom))).isEqualTo(custom);
        assertThat(custom.accent()).isEqualTo("#aa0000");
        assertThat(custom.filters().channels()).containsExactlyInAnyOrder("Referral", "Google Ads");
    }

    @Test
    void eachMistakeIsOneSentence() {
        mistake(
                "{\"title\": \"T\",\n \"sections\": [}",
                "The report definition t.json is not valid JSON at line 2,"
                        + " column 15: Unexpected close marker '}': expected ']'.");
        mistake("[1]", "The report definition t.json must be a JSON object ({ … }) with a title and sections.");
        mistake(
                "{\"title\": \"T\", \"title\": \"U\", \"sections\": []}",
                "The report definition t.json is not valid JSON at line 1, column 23: Duplicate field 'title'.");
        mistake(
                "{\"titel\": \"T\"}",
                "The report definition t.json has no setting \"titel\"; the settings are title,"
                        + " company, logo, accent, paper, orientation, period, filters, cover, contents, definitions,"
                        + " sections.");
        mistake("{\"sections\": []}", "The report definition t.json needs \"title\".");
        mistake("{\"title\": 3}", "The report definition t.json gives \"title\" as 3; it must be text in quotes.");
        mistake(
                "{\"title\": \"T\", \"sections\": []}",
                "The report definition t.json needs \"sections\": a list of"
                        + " at least one section, each naming an analysis.");
        mistake(
                "{\"title\": \"T\", \"accent\": \"blue\", \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json gives the accent colour \"blue\"; write it as #rrggbb, e.g. #1f4e79.");
        mistake(
                "{\"title\": \"T\", \"paper\": \"a5\", \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json gives the paper \"a5\"; it must be a4 or letter.");
        mistake(
                "{\"title\": \"T\", \"orientation\": \"sideways\", \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json gives the orientation \"sideways\"; it must be portrait or landscape.");
        mistake(
                "{\"title\": \"T\", \"period\": \"month:2025-13\", \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json has a wrong period: a month period is written month:YYYY-MM, e.g."
                        + " month:2025-11, not \"month:2025-13\".");
        mistake(
                "{\"title\": \"T\", \"cover\": \"no\", \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json gives \"cover\" as \"no\"; it must be true or false.");
        mistake(
                "{\"title\": \"T\", \"filters\": {\"channel\": [\"x\"]}, \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json, in \"filters\", has no setting \"channel\"; the settings are channels,"
                        + " segments, cities, firstServiceLines.");
        mistake(
                "{\"title\": \"T\", \"filters\": {\"cities\": \"Riverton\"}, \"sections\": [{\"analysis\": \"finance\"}]}",
                "The report definition t.json, in \"filters\", gives \"cities\" as \"Riverton\"; it is a list of names"
                        + " such as [\"a\", \"b\"].");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finances\"}]}",
                "The report definition t.json names the analysis \"finances\" in section 1; the analyses are "
                        + String.join(", ", PackAnalyses.ids()) + ".");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"chapter\": \"x\"}]}",
                "The report definition t.json has a section 1 without \"analysis\"; name one of "
                        + String.join(", ", PackAnalyses.ids()) + ".");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"rows\": 0}]}",
                "The report definition t.json, section 1 (finance), gives \"rows\" as 0; it must be a whole number"
                        + " from 1 to 500.");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"tables\": \"some\"}]}",
                "The report definition t.json, section 1 (finance), gives \"tables\" as \"some\"; write \"all\","
                        + " \"none\" or a list of names such as [\"a\", \"b\"].");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"charts\": [\"a\", \"a\"]}]}",
                "The report definition t.json, section 1 (finance), lists \"a\" twice in \"charts\".");
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"colour\": \"red\"}]}",
                "The report definition t.json, section 1 (finance), has no setting \"colour\"; the settings are"
                        + " analysis, on, chapter, title, intro, figures, tables, charts, rows.");
    }

    @Test
    void sectionsSwitchedOffStayInTheDefinitionButNotInThePack() {
        PackDefinition d = parse("{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"on\": false},"
                + " {\"analysis\": \"kpis\"}]}");
        assertThat(d.sections()).hasSize(2);
        assertThat(d.included()).extracting(PackDefinition.Section::analysis).containsExactly("kpis");
        assertThat(parse(PackDefinitions.toJson(d))).isEqualTo(d);
        mistake(
                "{\"title\": \"T\", \"sections\": [{\"analysis\": \"finance\", \"on\": false}]}",
                "The report definition t.json switches every section off; switch at least one on.");
    }

    @Test
    void aLogoMustBeAReadablePngOrSvgBesideTheDefinition() throws Exception {
        Path file = dir.resolve("pack.json");
        Files.writeString(
                file, "{\"title\": \"T\", \"logo\": \"logo.gif\", \"sections\": [{\"analysis\": \"finance\"}]}");
        assertThatThrownBy(() -> PackDefinitions.read(file))
                .hasMessage("The logo " + dir.resolve("logo.gif") + " is neither a .png nor an .svg file; give one of"
                        + " those.");
        Files.writeString(
                file, "{\"title\": \"T\", \"logo\": \"logo.png\", \"sections\": [{\"analysis\": \"finance\"}]}");
        assertThatThrownBy(() -> PackDefinitions.read(file))
                .hasMessage("The logo file " + dir.resolve("logo.png") + " does not exist; check the path (a relative"
                        + " path is read from the definition's folder).");
        Files.writeString(dir.resolve("logo.png"), "not an image");
        assertThatThrownBy(() -> PackDefinitions.read(file))
                .hasMessage("The logo " + dir.resolve("logo.png") + " could not be read as a PNG image.");
        ImageIO.write(
                new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("logo.png").toFile());
        assertThat(PackDefinitions.read(file).logo()).isEqualTo("logo.png");
        Files.writeString(
                dir.resolve("logo.svg"),
                "<svg xmlns='http://www.w3.org/2000/svg' width='60' height='20'>"
                        + "<rect width='60' height='20' fill='#1f4e79'/></svg>");
        Files.writeString(
                file, "{\"title\": \"T\", \"logo\": \"logo.svg\", \"sections\": [{\"analysis\": \"finance\"}]}");
        assertThat(PackDefinitions.read(file).name()).isEqualTo("pack");
        assertThat(quant.core.report.pack.Logo.read(dir.resolve("logo.svg")).aspect())
                .isEqualTo(3.0);
    }

    @Test
    void aNameThatIsNeitherShippedNorAFileIsOneSentence() {
        assertThatThrownBy(() -> PackDefinitions.load("bored"))
                .hasMessage("There is no report definition \"bored\": name one of board, weekly-operations,"
                        + " owner-summary, or give the path of a .json definition file.");
    }
}
