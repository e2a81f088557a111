package quant.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Where a command may write a file, checked before a byte is written.
 *
 * <p>An output must not resolve — through {@code ..}, symbolic links, hard links or the case of
 * its name — to a file the run reads or holds open: the database and H2's files beside it, the
 * input, a mapping profile. Names are compared ignoring case even on file systems that tell case
 * apart, because the same folder may be shared with one that does not; refusing a harmless name
 * costs the user a rename, writing over the database costs them their data.
 *
 * <p>Nor may an output be anything but a regular file, or a path through the system's device and
 * process folders: a device ({@code /dev/full}), a FIFO, a socket, the terminal, or a name such as
 * {@code /dev/stdout} or {@code /proc/self/fd/1} that leads to whatever the process's output is at
 * the time. The file is written beside its target and renamed over it, which would replace the
 * device or the redirected file rather than write to it.
 */
public final class OutputPath {
    /** The files H2 keeps beside a database {@code NAME.mv.db}. */
    private static final List<String> H2_SUFFIXES = List.of(
            ".mv.db", ".lock.db", ".trace.db", ".mv.db.tempFile", ".newFile", ".tempFile", ".h2.db", ".rebuild.mv.db");

    private OutputPath() {}

    /** A file the run must never write to, with the words that name it for the user. */
    public record Protected(Path path, String role) {
        /** The database and the files H2 keeps beside it. */
        public static List<Protected> database(Path dbFile) {
            Path abs = dbFile.toAbsolutePath().normalize();
            String name = abs.getFileName().toString();
            String base = name.endsWith(".mv.db") ? name.substring(0, name.length() - ".mv.db".length()) : name;
            List<Protected> out = new ArrayList<>();
            for (String suffix : H2_SUFFIXES) {
                out.add(new Protected(abs.resolveSibling(base + suffix), "the database"));
            }
            return out;
        }
    }

    /**
     * Checks that {@code output} can be written: its folder exists, it is not a folder itself, and it
     * is none of {@code protectedFiles}.
     *
     * @param option the option that named it, e.g. {@code --rejects}, for the message
     * @return the output as an absolute path with its folder's links resolved
     * @throws UnsafeOutputException with one sentence when it cannot be written
     */
    public static Path check(Path output, String option, Collection<Protected> protectedFiles) {
        Path abs = output.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new UnsafeOutputException(
                    option + " names " + output + ", but the folder " + parent + " does not exist.");
        }
        if (Files.isDirectory(abs)) {
            throw new UnsafeOutputException(option + " names the folder " + output + "; give a file name in it.");
        }
        refuseSpecial(output, abs, option);
        Path resolved;
        try {
            resolved = parent.toRealPath().resolve(abs.getFileName());
            if (Files.isSymbolicLink(resolved)) {
                resolved = resolved.toRealPath();
            }
        } catch (NoSuchFileException e) {
            // a dangling link: it would create the file it points to; follow it by hand
            resolved = followDangling(abs);
        } catch (IOException e) {
            throw new UnsafeOutputException(
                    option + " names " + output + ", which cannot be checked: " + e.getMessage());
        }
        refuseSpecial(output, resolved, option);
        for (Protected p : protectedFiles) {
            if (same(resolved, p.path())) {
                throw new UnsafeOutputException(option + " names " + output + ", which is " + p.role() + " ("
                        + p.path().getFileName() + "); choose another file, nothing was written.");
            }
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS) && !Files.isWritable(resolved)) {
            throw new UnsafeOutputException(option + " names " + output + ", which cannot be written (no permission).");
        }
        if (!Files.isWritable(resolved.getParent())) {
            throw new UnsafeOutputException(
                    option + " names " + output + ", but the folder " + resolved.getParent() + " cannot be written.");
        }
        return resolved;
    }

    /** The folders whose files are devices and process handles, never documents. */
    private static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/dev"), Path.of("/proc"), Path.of("/sys"));

    /**
     * Refuses {@code path} (as given, or as its links resolve) when it is in a system folder or exists
     * and is not a regular file.
     */
    private static void refuseSpecial(Path output, Path path, String option) {
        for (Path folder : SYSTEM_FOLDERS) {
            if (path.startsWith(folder)) {
                throw new UnsafeOutputException(option + " names " + output + ", which is in the system's " + folder
                        + " folder of devices and process files, not a document; give a file in a folder of yours.");
            }
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new UnsafeOutputException(option + " names " + output + ", which is " + kind(path)
                    + ", not a regular file; give the name of a file to write.");
        }
    }

    /** What a file that is not a regular one is, in words: a device, a FIFO, a socket. */
    public static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            return switch (mode & 0170000) {
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0010000 -> "a named pipe (FIFO)";
                case 0140000 -> "a socket";
                case 0040000 -> "a folder";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    private static Path followDangling(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return link.resolveSibling(target).toAbsolutePath().normalize();
        } catch (IOException | UnsupportedOperationException e) {
            return link;
        }
    }

    private static boolean same(Path resolved, Path protectedPath) {
        Path p = protectedPath.toAbsolutePath().normalize();
        if (Files.exists(p)) {
            try {
                if (Files.exists(resolved) && Files.isSameFile(resolved, p)) {
                    return true;
                }
                p = p.toRealPath();
            } catch (IOException e) {
                // compare by name below
            }
        } else if (p.getParent() != null && Files.isDirectory(p.getParent())) {
            try {
                p = p.getParent().toRealPath().resolve(p.getFileName());
            } catch (IOException e) {
                // compare by name below
            }
        }
        return resolved.toString().toLowerCase(Locale.ROOT).equals(p.toString().toLowerCase(Locale.ROOT));
    }
}
