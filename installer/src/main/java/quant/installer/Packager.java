package quant.installer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the workbench's native packages from the app module's build: a staged folder holding only
 * {@code quant.jar} and its libraries; a runtime trimmed by jlink to the modules jdeps finds (plus the
 * few the libraries reach by reflection), without debug data, man pages or headers; an app image by
 * jpackage with the launcher's JVM options and the icon; and, where {@code dpkg-deb} exists, a
 * {@code .deb} that declares GTK 3, installs a desktop entry and a MIME type so a double-clicked
 * database opens in the workbench. The {@code .msi} (WiX) and {@code .dmg} recipes are the same
 * jpackage call with {@code --type msi|dmg}, run on Windows or macOS.
 *
 * <p>Arguments: the app module's target folder, the output folder, the version, the folder of the
 * Linux package's resources (its desktop entry).
 */
public final class Packager {
    /** Modules the libraries load by reflection or service lookup, which jdeps cannot see. */
    static final Set<String> EXTRA_MODULES = Set.of(
            "jdk.unsupported",
            "jdk.charsets",
            "jdk.localedata",
            "jdk.zipfs",
            "jdk.crypto.cryptoki",
            "jdk.net",
            "java.naming",
            "java.management",
            "jdk.management",
            "java.sql",
            "java.scripting",
            "jdk.jsobject",
            "jdk.xml.dom",
            "java.net.http",
            "jdk.security.auth",
            // the loopback listener of the OAuth connectors' authorisation (com.sun.net.httpserver)
            "jdk.httpserver");

    /**
     * The locales whose formats and names the runtime keeps (dates, numbers and currencies as a user of
     * that language expects): English and the languages of Europe and the Americas the product's users
     * write in. The others would add about 20 MB.
     */
    static final String LOCALES = "en,de,fr,es,it,nl,pt,pl,sv,da,nb,nn,fi,cs,sk,hu,ro,el,tr,ga,is,et,lv,lt,sl,hr";

    /**
     * The JVM options the launcher passes besides JavaFX's module options: the heap, and the JVM's own
     * warnings sent to standard error rather than standard output, where they would corrupt a
     * command's {@code --json}.
     */
    static final List<String> JAVA_OPTIONS = List.of("-Xmx4g", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private Packager() {}

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        String version = args[2].replace("-SNAPSHOT", "");
        Path resources = Path.of(args[3]).toAbsolutePath();
        Path stage = out.resolve("stage");
        delete(out.resolve("stage"));
        delete(out.resolve("runtime"));
        delete(out.resolve("image"));
        Path javafx = out.resolve("javafx");
        delete(javafx);
        Files.createDirectories(stage.resolve("lib"));
        Files.copy(app.resolve("quant.jar"), stage.resolve("quant.jar"));
        List<Path> libs;
        try (Stream<Path> s = Files.list(app.resolve("lib"))) {
            libs = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : libs) {
            if (!JavaFxModules.isJavaFx(jar)) {
                Files.copy(jar, stage.resolve("lib").resolve(jar.getFileName()));
            }
        }
        JavaFxModules.collect(libs, javafx);
        Set<String> modules = new TreeSet<>(modules(stage, javafx));
        modules.addAll(EXTRA_MODULES);
        modules.addAll(JavaFxModules.names(javafx));
        System.out.println("quant-installer: runtime modules " + String.join(",", modules));
        List<String> jlink = new ArrayList<>(List.of(
                "--module-path",
                javafx.toString(),
                "--add-modules",
                String.join(",", modules),
                "--include-locales",
                LOCALES,
                "--no-man-pages",
                "--no-header-files",
                "--compress",
                "zip-9",
                "--output",
                out.resolve("runtime").toString()));
        if (onPath("objcopy")) {
            // the JVM's native symbols are much of its size
            jlink.add("--strip-java-debug-attributes");
            jlink.add("--strip-native-debug-symbols=exclude-debuginfo-files");
        } else {
            jlink.add("--strip-debug");
        }
        jlink.add("--exclude-resources=" + JavaFxModules.NATIVE_IN_MODULES);
        run("jlink", jlink.toArray(String[]::new));
        JavaFxModules.installNatives(javafx, out.resolve("runtime"));
        strip(out.resolve("runtime"));
        Path icon = Icons.forPlatform(out, System.getProperty("os.name"));
        List<String> image = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", "quant",
                "--app-version", version,
                "--vendor", "Quant Workbench",
                "--description", "Analytics for field-service and sales-led businesses",
                "--input", stage.toString(),
                "--main-jar", "quant.jar",
                "--main-class", "quant.app.Launcher",
                "--runtime-image", out.resolve("runtime").toString(),
                "--icon", icon.toString(),
                "--dest", out.resolve("image").toString()));
        List<String> options = new ArrayList<>(JAVA_OPTIONS);
        options.addAll(JavaFxModules.launcherOptions(stage, javafx));
        for (String option : options) {
            image.add("--java-options");
            image.add(option);
        }
        run("jpackage", image.toArray(String[]::new));
        System.out.println("quant-installer: app image " + out.resolve("image").resolve("quant") + ", "
                + megabytes(size(out.resolve("image"))) + " MB");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (onPath("dpkg-deb") && os.contains("linux")) {
            try (Stream<Path> old = Files.list(out)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    Files.delete(p);
                }
            }
            installer(
                    out,
                    version,
                    icon,
                    "deb",
                    "--linux-package-name",
                    "quant-workbench",
                    "--linux-package-deps",
                    "libgtk-3-0",
                    "--linux-shortcut",
                    "--linux-menu-group",
                    "Office",
                    "--linux-app-category",
                    "office",
                    // the desktop entry names the product and passes a double-clicked file on (%f)
                    "--resource-dir",
                    resources.toString());
            try (Stream<Path> debs = Files.list(out)) {
                for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    System.out.println("quant-installer: " + deb + ", " + megabytes(Files.size(deb)) + " MB");
                }
            }
        } else if (os.contains("windows") && (onPath("wix.exe") || onPath("candle.exe"))) {
            // WiX 3 (candle, light) or 4+ (wix): an .msi with a Start menu entry, a shortcut and the
            // association of .mv.db files
            installer(
                    out,
                    version,
                    icon,
                    "msi",
                    "--win-menu",
                    "--win-menu-group",
                    "Quant Workbench",
                    "--win-shortcut",
                    "--win-dir-chooser",
                    "--win-upgrade-uuid",
                    "6f1c2a4e-8a53-4d8e-9a3b-2f4b9d0c7e15");
        } else if (os.contains("mac")) {
            installer(out, version, icon, "dmg", "--mac-package-name", "Quant Workbench");
        } else {
            System.out.println("quant-installer: no dpkg-deb, WiX or macOS here: the app image is built, no installer");
        }
    }

    /** A .deb, .msi or .dmg from the app image: one jpackage call with the platform's own options. */
    private static void installer(Path out, String version, Path icon, String type, String... extra)
            throws IOException {
        Path associations = associations(out, icon);
        List<String> args = new ArrayList<>(List.of(
                "--type",
                type,
                "--app-image",
                out.resolve("image").resolve("quant").toString(),
                "--name",
                "quant",
                "--app-version",
                version,
                "--vendor",
                "Quant Workbench",
                "--description",
                "Analytics for field-service and sales-led businesses",
                "--icon",
                icon.toString(),
                "--file-associations",
                associations.toString(),
                "--dest",
                out.toString()));
        args.addAll(List.of(extra));
        run("jpackage", args.toArray(String[]::new));
    }

    /** The association of database files ({@code *.mv.db}) with the workbench. */
    private static Path associations(Path out, Path icon) throws IOException {
        Path associations = out.resolve("quant-database.properties");
        Files.writeString(
                associations,
                String.join(
                                "\n",
                                "mime-type=application/x-quant-database",
                                "extension=mv.db",
                                "description=Quant Workbench database",
                                "icon=" + icon)
                        + "\n");
        return associations;
    }

    /** The JDK modules the jars use, by jdeps (JavaFX's own are linked beside them). */
    static List<String> modules(Path stage, Path javafx) throws IOException {
        String out = run(
                "jdeps",
                "--ignore-missing-deps",
                "--multi-release",
                String.valueOf(Runtime.version().feature()),
                "--print-module-deps",
                "--module-path",
                javafx.toString(),
                "--class-path",
                classPath(stage),
                stage.resolve("quant.jar").toString());
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        List<String> modules = new ArrayList<>();
        for (String m : last.split(",")) {
            if (m.strip().matches("(java|jdk)\\.[a-z.]+")) {
                modules.add(m.strip());
            }
        }
        if (!modules.contains("java.base")) {
            throw new IllegalStateException("jdeps printed no modules: " + out);
        }
        return modules;
    }

    /**
     * Strips the runtime's native libraries of their symbol tables where {@code strip} exists (jlink's
     * own option removes only debug sections): 5 MB off the JVM, which needs the symbols only to name
     * functions in a crash report.
     */
    private static void strip(Path runtime) throws IOException {
        if (!onPath("strip")) {
            return;
        }
        try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
            for (Path so : s.filter(p -> p.toString().endsWith(".so")).toList()) {
                Process p = new ProcessBuilder("strip", "--strip-unneeded", so.toString())
                        .redirectErrorStream(true)
                        .start();
                String said = new String(p.getInputStream().readAllBytes());
                try {
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("strip failed on " + so + ": " + said);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while stripping " + so, e);
                }
            }
        }
    }

    /**
     * The staged libraries as a class path, jar by jar: the tools run in this JVM, where no launcher
     * expands a {@code lib/*} wildcard.
     */
    static String classPath(Path stage) throws IOException {
        try (Stream<Path> s = Files.list(stage.resolve("lib"))) {
            return String.join(
                    java.io.File.pathSeparator, s.sorted().map(Path::toString).toList());
        }
    }

    static String run(String tool, String... args) {
        ToolProvider t = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is not in this JDK (a JDK 25 has it)"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = t.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed (" + code + "): " + err + out);
        }
        return out.toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        }
    }

    private static long megabytes(long bytes) {
        return Math.round(bytes / 1024.0 / 1024.0);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
