package quant.installer;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * JavaFX linked into the runtime as named modules rather than carried as jars on the class path: the
 * configuration JavaFX supports (on the class path it warns at every start that it was loaded from the
 * unnamed module), with its classes compressed in the runtime's module image. The libraries on the
 * class path that use JavaFX internals get exactly those packages exported to them, found by jdeps, and
 * the packages they reach by reflection opened ({@link #OPENS}).
 */
final class JavaFxModules {
    /**
     * Packages that class-path libraries reach by reflection, which jdeps cannot see: ControlsFX calls
     * the protected {@code Parent.getChildren()} (its {@code ImplUtils}, used by notifications).
     */
    static final List<String> OPENS = List.of("javafx.graphics/javafx.scene");

    /**
     * JavaFX's native libraries as jlink sees them inside its modules (at each module's root), left out
     * of the module image: {@link #installNatives} puts them where JavaFX looks first in a linked
     * runtime, instead of JavaFX extracting them to a cache in the user's home and checking them at
     * every start.
     */
    static final String NATIVE_IN_MODULES = "/javafx.*/*.so,/javafx.*/*.dll,/javafx.*/*.dylib";

    /** A jdeps line naming an internal package: {@code from -> com.sun.x   javafx.y (internal)}. */
    private static final Pattern INTERNAL = Pattern.compile("->\\s+(\\S+)\\s+(javafx\\.\\S+)\\s+\\(internal\\)");

    private JavaFxModules() {}

    /**
     * Whether a library jar is one of JavaFX's: its modular, per-platform jars, and the empty jars without
     * a classifier that Maven resolves beside them.
     */
    static boolean isJavaFx(Path jar) {
        return jar.getFileName().toString().startsWith("javafx-");
    }

    /** Whether a JavaFX jar holds a module (the per-platform jars do; the empty ones do not). */
    static boolean isModule(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.getEntry("module-info.class") != null;
        }
    }

    /** The names of the modules in a folder of modular jars. */
    static Set<String> names(Path folder) {
        return ModuleFinder.of(folder).findAll().stream()
                .map(ModuleReference::descriptor)
                .map(d -> d.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The launcher options: JavaFX's packages that the class path's code uses though they are not
     * exported ({@code --add-exports}), those it reflects on ({@code --add-opens}), and native access
     * for JavaFX's own libraries and the class path's.
     */
    static List<String> launcherOptions(Path stage, Path modules) throws IOException {
        // recursively from quant.jar: the library classes the application reaches (a modular library jar
        // named as a target would be analysed as a module, needing its own module path)
        return launcherOptions(Packager.run(
                "jdeps",
                "--ignore-missing-deps",
                "--multi-release",
                String.valueOf(Runtime.version().feature()),
                "-verbose:package",
                "--recursive",
                "--module-path",
                modules.toString(),
                "--class-path",
                Packager.classPath(stage),
                stage.resolve("quant.jar").toString()));
    }

    /** The launcher options from jdeps' package-level report. */
    static List<String> launcherOptions(String jdeps) {
        Set<String> exports = new TreeSet<>();
        Matcher m = INTERNAL.matcher(jdeps);
        while (m.find()) {
            exports.add(m.group(2) + "/" + m.group(1));
        }
        List<String> options = new java.util.ArrayList<>();
        for (String e : exports) {
            options.add("--add-exports=" + e + "=ALL-UNNAMED");
        }
        for (String o : OPENS) {
            options.add("--add-opens=" + o + "=ALL-UNNAMED");
        }
        options.add("--enable-native-access=ALL-UNNAMED,javafx.graphics");
        return options;
    }

    /**
     * Copies the native libraries out of JavaFX's jars into the runtime: {@code lib} on Linux and macOS,
     * {@code bin} on Windows, where JavaFX loads them from in a linked runtime.
     */
    static void installNatives(Path modules, Path runtime) throws IOException {
        boolean windows =
                System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("windows");
        Path target = runtime.resolve(windows ? "bin" : "lib");
        try (var jars = Files.list(modules)) {
            for (Path jar : jars.sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (var e : java.util.Collections.list(zip.entries())) {
                        String name = e.getName();
                        if (!name.contains("/") && name.matches(".+\\.(so|dll|dylib)")) {
                            try (var in = zip.getInputStream(e)) {
                                Files.copy(in, target.resolve(name));
                            }
                        }
                    }
                }
            }
        }
    }

    /** Copies JavaFX's modular jars into a folder of their own. */
    static void collect(List<Path> jars, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Path jar : jars) {
            if (isJavaFx(jar) && isModule(jar)) {
                Files.copy(jar, folder.resolve(jar.getFileName()));
            }
        }
    }
}
