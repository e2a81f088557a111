package quant.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import quant.core.analysis.SnapshotLoader;
import quant.core.job.JobMonitor;
import quant.core.store.Encryption;
import quant.core.store.Passphrases;
import quant.core.store.Store;
import quant.samples.SampleLoader;
import quant.samples.SampleSource;

/**
 * What encryption at rest costs where it is felt: the snapshot load of the same company from a plain
 * database and from its AES-encrypted copy ({@link Encryption}), each opened once and loaded
 * {@code runs} times after a warm-up, alternating, in the same JVM. Reported as the ratio of the
 * encrypted load to the plain one (the plain load is the reference engine here).
 *
 * <p>Arguments: folder for the two databases (built at the scale when missing), scale, runs.
 */
public final class EncryptedLoadBench {
    private EncryptedLoadBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "bench/target/encrypted"));
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path plain = dir.resolve("plain-" + scale + ".mv.db");
        Path encrypted = dir.resolve("encrypted-" + scale + ".mv.db");
        if (!Files.exists(plain)) {
            try (Store store = Store.open(plain)) {
                SampleLoader.load(store, new SampleSource(scale), JobMonitor.NONE);
            }
        }
        if (!Files.exists(encrypted)) {
            Encryption.copy(plain, encrypted, "bench passphrase".toCharArray());
        }
        Passphrases.give(encrypted, "bench passphrase".toCharArray());
        try (Store p = Store.openExisting(plain);
                Store e = Store.openExisting(encrypted)) {
            Timing.Result plainLoad =
                    Timing.measure("plain", runs, () -> null, () -> new SnapshotLoader(p).loadAll(JobMonitor.NONE));
            Timing.Result encryptedLoad =
                    Timing.measure("encrypted", runs, () -> null, () -> new SnapshotLoader(e).loadAll(JobMonitor.NONE));
            System.out.printf(
                    "scale %d (%,d jobs): snapshot load plain %.2f s, encrypted %.2f s, ratio %.2f (median of %d)%n",
                    scale,
                    p.rowCounts().get(quant.core.store.DomainTable.JOB),
                    plainLoad.median().toNanos() / 1e9,
                    encryptedLoad.median().toNanos() / 1e9,
                    encryptedLoad.ratioTo(plainLoad),
                    runs);
        }
    }
}
