package quant.importers.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import quant.core.importing.ImportException;
import quant.importers.read.ReaderSettings;

/**
 * Reads a mapping profile's JSON strictly, so that every mistake is one sentence naming where it
 * is: not JSON, not an object, an unknown key (with the closest known one — a typo such as
 * {@code dateOrdr} must not be ignored silently), a value of the wrong kind, a value alias that maps
 * to nothing. The known keys are the record components of the profile's types.
 */
final class ProfileJson {
    private static final ObjectMapper STRICT =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProfileJson() {}

    static MappingProfile read(InputStream in, String name) {
        JsonNode root;
        try {
            root = STRICT.readTree(in);
        } catch (JsonProcessingException e) {
            throw settings(name + " is not valid JSON" + where(e.getLocation()) + ".");
        } catch (IOException e) {
            throw new ImportException(
                    ImportException.Kind.UNREADABLE, name + " cannot be read (" + e.getMessage() + ").");
        }
        if (root == null || root.isMissingNode()) {
            throw settings(
                    name + " is empty; a mapping profile is a JSON object such as {\"table\": …, \"columns\": […]}.");
        }
        if (!root.isObject()) {
            throw settings(name + " holds " + kind(root) + "; a mapping profile is a JSON object ({…}).");
        }
        checkKeys(root, keys(MappingProfile.class), name, "");
        JsonNode reader = root.get("reader");
        if (reader != null && !reader.isNull()) {
            if (!reader.isObject()) {
                throw settings(name + ": \"reader\" must be an object ({…}), not " + kind(reader) + ".");
            }
            checkKeys(reader, keys(ReaderSettings.class), name, "reader.");
            JsonNode delimiter = reader.get("delimiter");
            if (delimiter != null
                    && !delimiter.isNull()
                    && (!delimiter.isTextual() || delimiter.asText().length() != 1)) {
                throw settings(name + ": the delimiter must be one character, not " + delimiter + ".");
            }
        }
        JsonNode columns = root.get("columns");
        if (columns != null && !columns.isNull()) {
            if (!columns.isArray()) {
                throw settings(name + ": \"columns\" must be a list ([…]), not " + kind(columns) + ".");
            }
            for (int i = 0; i < columns.size(); i++) {
                JsonNode c = columns.get(i);
                String at = "columns[" + (i + 1) + "]";
                if (!c.isObject()) {
                    throw settings(
                            name + ": " + at + " must be an object ({\"from\": …, \"to\": …}), not " + kind(c) + ".");
                }
                checkKeys(c, keys(ColumnMapping.class), name, at + ".");
                JsonNode values = c.get("values");
                if (values != null && values.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getValue().isNull()) {
                            throw settings(name + ": the value \"" + e.getKey() + "\" in " + at
                                    + ".values maps to nothing (null); give the value it stands for.");
                        }
                    }
                }
            }
        }
        try {
            return STRICT.treeToValue(root, MappingProfile.class);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof ImportException ie) {
                throw new ImportException(ie.kind(), name + ": " + ie.getMessage());
            }
            throw settings(name + ": " + path(e) + " has a value of the wrong kind" + where(e.getLocation()) + ".");
        } catch (JsonProcessingException e) {
            throw settings(name + " cannot be read as a mapping profile" + where(e.getLocation()) + ".");
        }
    }

    private static void checkKeys(JsonNode node, List<String> known, String name, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                String closest = closest(key, known);
                throw settings(name + " has an unknown key \"" + prefix + key + "\""
                        + (closest == null ? "" : " (did you mean \"" + prefix + closest + "\"?)")
                        + "; known keys: " + String.join(", ", known) + ".");
            }
        }
    }

    private static List<String> keys(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /** The known key nearest in edit distance, when it is near enough to be a typo. */
    static String closest(String key, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String kind(JsonNode n) {
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isTextual()) {
            return "text";
        }
        if (n.isBoolean()) {
            return "true or false";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        String p = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + (r.getIndex() + 1) + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return p.isEmpty() ? "a value" : "\"" + p + "\"";
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0
                ? ""
                : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    private static ImportException settings(String message) {
        return new ImportException(ImportException.Kind.SETTINGS, message);
    }
}
