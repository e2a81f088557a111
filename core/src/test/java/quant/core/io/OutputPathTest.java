package quant.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs that are not regular files are refused before a byte is written; written files follow the umask. */
class OutputPathTest {
    @TempDir
    Path dir;

    private static void refused(Path target, String words) {
        assertThatThrownBy(() -> OutputPath.check(target, "--rejects", List.of()))
                .isInstanceOf(UnsafeOutputException.class)
                .hasMessageStartingWith("--rejects names " + target)
                .hasMessageContaining(words);
    }

    @Test
    void aDeviceIsRefused() {
        assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null on this system");
        refused(Path.of("/dev/null"), "devices and process files");
        refused(Path.of("/dev/full"), "devices and process files");
    }

    @Test
    void theProcessOutputIsRefusedUnderEitherName() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc on this system");
        // with output redirected these lead to the redirected file, which the rename would replace
        refused(Path.of("/dev/stdout"), "devices and process files");
        refused(Path.of("/proc/self/fd/1"), "devices and process files");
    }

    @Test
    void aLinkToADeviceIsRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/null")), "no /dev/null on this system");
        Path link = Files.createSymbolicLink(dir.resolve("rejects.csv"), Path.of("/dev/null"));
        refused(link, "a character device, not a regular file");
    }

    @Test
    void aFifoIsRefused() throws Exception {
        Path fifo = dir.resolve("pipe.csv");
        int made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        } catch (java.io.IOException e) {
            made = -1;
        }
        assumeTrue(made == 0, "mkfifo is not available here");
        refused(fifo, "a named pipe (FIFO), not a regular file");
    }

    @Test
    void aSocketIsRefused() throws Exception {
        Path socket = dir.resolve("s.csv");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            refused(socket, "a socket, not a regular file");
        }
    }

    @Test
    void aRegularFileOrANewNameIsAccepted() throws Exception {
        Path existing = Files.writeString(dir.resolve("old.csv"), "a\n");
        assertThat(OutputPath.check(existing, "--rejects", List.of())).isEqualTo(existing.toRealPath());
        assertThat(OutputPath.check(dir.resolve("new.csv"), "--rejects", List.of()))
                .isEqualTo(dir.toRealPath().resolve("new.csv"));
    }

    @Test
    void theRenameLeavesATargetThatBecameSpecialAlone() throws Exception {
        Path target = dir.resolve("out.csv");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.stream().write("x\n".getBytes(StandardCharsets.UTF_8));
            Files.createDirectory(target); // between the check and the commit
            assertThatThrownBy(f::commit).hasMessageContaining("is no longer a regular file (a folder)");
        }
        assertThat(target).isDirectory();
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(target); // the temporary file went with the failure
        }
    }

    @Test
    void aWrittenFileFollowsTheUmaskLikeAnyNewFile() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path plain = dir.resolve("plain.txt");
        Files.newOutputStream(plain).close(); // the mode every new file of this user gets
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        Path written = dir.resolve("written.csv");
        AtomicFile.write(written, out -> out.write('x'));
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected);
        assertThat(Files.readString(written)).isEqualTo("x");
    }
}
