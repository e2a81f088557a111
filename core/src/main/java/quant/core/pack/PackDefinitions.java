package quant.core.pack;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import quant.core.analysis.CustomerFilter;
import quant.core.analysis.InvalidSpecException;
import quant.core.pack.PackDefinition.Section;
import quant.core.pack.PackDefinition.Selection;
import quant.core.report.PaperSize;
import quant.core.report.pack.Logo;

/**
 * Reads report pack definitions — the shipped ones by name, others from JSON files — and checks every
 * part, so that each mistake is one sentence naming where it is and what is allowed: JSON that does not
 * parse (with its line and column), a key that does not exist, a value of the wrong kind, an unknown
 * analysis, period rule, paper or colour, a logo that is missing or not PNG/SVG. Figure, table and
 * chart keys are checked when the pack runs, against the analysis's report. Writes a definition back
 * as JSON for the window's editor.
 */
public final class PackDefinitions {
    /** The definitions that come with the workbench, by name. */
    public static final List<String> SHIPPED = List.of("board", "weekly-operations", "owner-summary");

    static final int DEFAULT_ROWS = 15;
    static final int MAX_ROWS = 500;
    static final int MAX_SECTIONS = 80;
    private static final int MAX_TEXT = 200;
    private static final int MAX_INTRO = 2_000;
    private static final String DEFAULT_ACCENT = "#1f4e79";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final List<String> KEYS = List.of(
            "title",
            "company",
            "logo",
            "accent",
            "paper",
            "orientation",
            "period",
            "filters",
            "cover",
            "contents",
            "definitions",
            "sections");
    private static final List<String> SECTION_KEYS =
            List.of("analysis", "on", "chapter", "title", "intro", "figures", "tables", "charts", "rows");
    private static final List<String> FILTER_KEYS = List.of("channels", "segments", "cities", "firstServiceLines");
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private PackDefinitions() {}

    /**
     * A shipped definition by name, or a definition file.
     *
     * @throws InvalidSpecException when {@code nameOrFile} is neither, or the file has a mistake
     */
    public static PackDefinition load(String nameOrFile) {
        String t = nameOrFile == null ? "" : nameOrFile.strip();
        if (SHIPPED.contains(t.toLowerCase(Locale.ROOT))) {
            return shipped(t.toLowerCase(Locale.ROOT));
        }
        Path file = Path.of(t);
        if (!Files.isRegularFile(file)) {
            throw new InvalidSpecException("There is no report definition \"" + t + "\": name one of "
                    + String.join(", ", SHIPPED) + ", or give the path of a .json definition file.");
        }
        return read(file);
    }

    /** The shipped definition {@code name}. */
    public static PackDefinition shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw new InvalidSpecException(
                    "There is no shipped definition \"" + name + "\"; they are " + String.join(", ", SHIPPED) + ".");
        }
        try (InputStream in = PackDefinitions.class.getResourceAsStream(name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("the shipped definition " + name + " is missing from the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name, name, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads and checks a definition file; its name is the file's without {@code .json}. */
    public static PackDefinition read(Path file) {
        String text;
        try {
            if (Files.size(file) > 1_000_000) {
                throw new InvalidSpecException("The report definition " + file + " is larger than 1 MB; a definition"
                        + " is a short JSON file.");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidSpecException("The report definition " + file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new InvalidSpecException(
                    "The report definition " + file + " could not be read: " + e.getMessage() + ".");
        }
        String name = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), name, folder);
    }

    /**
     * Checks a definition's JSON text.
     *
     * @param source how the sentence names it (the file or the shipped name)
     * @param name the definition's name
     * @param folder the folder a relative logo path is read from; null for none
     */
    public static PackDefinition parse(String json, String source, String name, Path folder) {
        Where w = new Where("The report definition " + source);
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String what = e.getOriginalMessage().lines().findFirst().orElse("").strip();
            // Jackson adds where an open bracket began, naming a "Source" the user never saw
            int aside = what.indexOf(" (for ");
            what = aside > 0 ? what.substring(0, aside) : what;
            throw w.fail("is not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": "
                    + what);
        }
        if (root == null || !root.isObject()) {
            throw w.fail("must be a JSON object ({ … }) with a title and sections");
        }
        keys(w, root, KEYS);
        String title = text(w, root, "title", true, MAX_TEXT);
        String company = text(w, root, "company", false, MAX_TEXT);
        String logo = text(w, root, "logo", false, 1000);
        if (!logo.isEmpty()) {
            Path file = folder == null ? Path.of(logo) : folder.resolve(logo);
            Logo.read(file);
        }
        String accent = text(w, root, "accent", false, 20);
        if (accent.isEmpty()) {
            accent = DEFAULT_ACCENT;
        } else if (!COLOUR.matcher(accent).matches()) {
            throw w.fail("gives the accent colour \"" + accent + "\"; write it as #rrggbb, e.g. #1f4e79");
        }
        String paper = text(w, root, "paper", false, 20);
        if (!paper.isEmpty()) {
            try {
                paper = PaperSize.parse(paper).key();
            } catch (IllegalArgumentException e) {
                throw w.fail("gives the paper \"" + paper + "\"; it must be a4 or letter");
            }
        }
        String orientation = text(w, root, "orientation", false, 20).toLowerCase(Locale.ROOT);
        if (!orientation.isEmpty() && !orientation.equals("portrait") && !orientation.equals("landscape")) {
            throw w.fail("gives the orientation \"" + orientation + "\"; it must be portrait or landscape");
        }
        String period = text(w, root, "period", false, 40);
        period = period.isEmpty() ? "last-month" : period;
        try {
            PeriodRule.parse(period);
        } catch (InvalidSpecException e) {
            throw w.fail("has a wrong period: " + lower(e.getMessage()));
        }
        CustomerFilter filters = filters(w, root.get("filters"));
        boolean cover = flag(w, root, "cover");
        boolean contents = flag(w, root, "contents");
        boolean definitions = flag(w, root, "definitions");
        JsonNode list = root.get("sections");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw w.fail("needs \"sections\": a list of at least one section, each naming an analysis");
        }
        if (list.size() > MAX_SECTIONS) {
            throw w.fail("has " + list.size() + " sections; a pack holds at most " + MAX_SECTIONS);
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            sections.add(section(w, list.get(i), i + 1));
        }
        if (sections.stream().noneMatch(Section::on)) {
            throw w.fail("switches every section off; switch at least one on");
        }
        return new PackDefinition(
                name,
                title,
                company,
                logo,
                folder,
                accent.toLowerCase(Locale.ROOT),
                paper,
                orientation.equals("landscape"),
                period,
                filters,
                cover,
                contents,
                definitions,
                sections);
    }

    private static Section section(Where w, JsonNode node, int n) {
        String where = "section " + n;
        if (!node.isObject()) {
            throw w.fail("has a " + where + " that is not an object ({ \"analysis\": … })");
        }
        JsonNode a = node.get("analysis");
        if (a == null || !a.isTextual() || a.asText().isBlank()) {
            throw w.fail(
                    "has a " + where + " without \"analysis\"; name one of " + String.join(", ", PackAnalyses.ids()));
        }
        String analysis = a.asText().strip();
        if (!PackAnalyses.ids().contains(analysis)) {
            throw w.fail("names the analysis \"" + analysis + "\" in " + where + "; the analyses are "
                    + String.join(", ", PackAnalyses.ids()));
        }
        where += " (" + analysis + ")";
        Where s = new Where(w.prefix + ", " + where + ",");
        keys(s, node, SECTION_KEYS);
        int rows = DEFAULT_ROWS;
        JsonNode r = node.get("rows");
        if (r != null) {
            if (!r.isIntegralNumber() || r.asLong() < 1 || r.asLong() > MAX_ROWS) {
                throw s.fail("gives \"rows\" as " + r + "; it must be a whole number from 1 to " + MAX_ROWS);
            }
            rows = r.asInt();
        }
        return new Section(
                analysis,
                text(s, node, "chapter", false, MAX_TEXT),
                text(s, node, "title", false, MAX_TEXT),
                text(s, node, "intro", false, MAX_INTRO),
                selection(s, node, "figures"),
                selection(s, node, "tables"),
                selection(s, node, "charts"),
                rows,
                flag(s, node, "on"));
    }

    private static Selection selection(Where w, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || (v.isTextual() && v.asText().strip().equalsIgnoreCase("all"))) {
            return Selection.ALL;
        }
        if (v.isTextual() && v.asText().strip().equalsIgnoreCase("none")) {
            return Selection.NONE;
        }
        if (!v.isArray()) {
            throw w.fail("gives \"" + key + "\" as " + v
                    + "; write \"all\", \"none\" or a list of names such as [\"a\", \"b\"]");
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (JsonNode k : v) {
            if (!k.isTextual() || k.asText().isBlank()) {
                throw w.fail("lists " + k + " in \"" + key + "\"; each entry is a name in quotes");
            }
            if (!keys.add(k.asText().strip())) {
                throw w.fail("lists \"" + k.asText().strip() + "\" twice in \"" + key + "\"");
            }
        }
        return Selection.of(List.copyOf(keys));
    }

    private static CustomerFilter filters(Where w, JsonNode node) {
        if (node == null || node.isNull()) {
            return CustomerFilter.ALL;
        }
        if (!node.isObject()) {
            throw w.fail("gives \"filters\" as " + node + "; it is an object such as {\"channels\": [\"Referral\"]}");
        }
        Where f = new Where(w.prefix + ", in \"filters\",");
        keys(f, node, FILTER_KEYS);
        List<Set<String>> sets = new ArrayList<>();
        for (String key : FILTER_KEYS) {
            JsonNode v = node.get(key);
            Set<String> values = new LinkedHashSet<>();
            if (v != null) {
                if (!v.isArray()) {
                    throw f.fail("gives \"" + key + "\" as " + v + "; it is a list of names such as [\"a\", \"b\"]");
                }
                for (JsonNode x : v) {
                    if (!x.isTextual() || x.asText().isBlank()) {
                        throw f.fail("lists " + x + " in \"" + key + "\"; each entry is a name in quotes");
                    }
                    values.add(x.asText().strip());
                }
            }
            sets.add(values);
        }
        return new CustomerFilter(sets.get(0), sets.get(1), sets.get(2), sets.get(3));
    }

    private static void keys(Where w, JsonNode node, List<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw w.fail("has no setting \"" + key + "\"; the settings are " + String.join(", ", allowed));
            }
        }
    }

    private static String text(Where w, JsonNode node, String key, boolean required, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw w.fail("needs \"" + key + "\"");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw w.fail("gives \"" + key + "\" as " + v + "; it must be text in quotes");
        }
        String t = v.asText().strip();
        if (required && t.isEmpty()) {
            throw w.fail("has an empty \"" + key + "\"");
        }
        if (t.length() > max) {
            throw w.fail("has a \"" + key + "\" longer than " + max + " characters");
        }
        return t;
    }

    private static boolean flag(Where w, JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return true;
        }
        if (!v.isBoolean()) {
            throw w.fail("gives \"" + key + "\" as " + v + "; it must be true or false");
        }
        return v.asBoolean();
    }

    private static String lower(String sentence) {
        String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Where a mistake is, as the start of its sentence. */
    private record Where(String prefix) {
        InvalidSpecException fail(String rest) {
            return new InvalidSpecException(prefix + " " + rest + ".");
        }
    }

    /** The definition as JSON, as the editor saves it: only what differs from the defaults is written. */
    public static String toJson(PackDefinition d) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", d.title());
        putIf(root, "company", d.company());
        putIf(root, "logo", d.logo());
        if (!d.accent().equalsIgnoreCase(DEFAULT_ACCENT)) {
            root.put("accent", d.accent());
        }
        putIf(root, "paper", d.paper());
        if (d.landscape()) {
            root.put("orientation", "landscape");
        }
        root.put("period", d.period());
        if (!d.filters().isAll()) {
            ObjectNode f = root.putObject("filters");
            Map<String, Set<String>> sets = Map.of(
                    "channels", d.filters().channels(),
                    "segments", d.filters().segments(),
                    "cities", d.filters().cities(),
                    "firstServiceLines", d.filters().firstServiceLines());
            for (String key : FILTER_KEYS) {
                if (!sets.get(key).isEmpty()) {
                    ArrayNode a = f.putArray(key);
                    sets.get(key).stream().sorted().forEach(a::add);
                }
            }
        }
        for (String[] flag : new String[][] {
            {"cover", String.valueOf(d.cover())},
            {"contents", String.valueOf(d.contents())},
            {"definitions", String.valueOf(d.definitions())}
        }) {
            if (!Boolean.parseBoolean(flag[1])) {
                root.put(flag[0], false);
            }
        }
        ArrayNode sections = root.putArray("sections");
        for (Section s : d.sections()) {
            ObjectNode o = sections.addObject();
            o.put("analysis", s.analysis());
            if (!s.on()) {
                o.put("on", false);
            }
            putIf(o, "chapter", s.chapter());
            putIf(o, "title", s.title());
            putIf(o, "intro", s.intro());
            selection(o, "figures", s.figures());
            selection(o, "tables", s.tables());
            selection(o, "charts", s.charts());
            if (s.rows() != DEFAULT_ROWS) {
                o.put("rows", s.rows());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void putIf(ObjectNode o, String key, String value) {
        if (value != null && !value.isEmpty()) {
            o.put(key, value);
        }
    }

    private static void selection(ObjectNode o, String key, Selection s) {
        if (s.all()) {
            return;
        }
        if (s.keys().isEmpty()) {
            o.put(key, "none");
        } else {
            ArrayNode a = o.putArray(key);
            s.keys().forEach(a::add);
        }
    }
}
