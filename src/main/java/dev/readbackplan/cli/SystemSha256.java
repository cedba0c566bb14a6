package dev.readbackplan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The system's SHA-256 for the digests a review takes, where the system has it: NSS's, through the
 * JDK's own PKCS#11 provider ({@code SunPKCS11}), registered for this process as the first provider of
 * SHA-256 and of nothing else.
 *
 * <p>Why: the launcher runs the JIT's first tier only (C1), which has no intrinsic for SHA-256, so the
 * JDK's digest hashes about 150 MB/s there: a review of a 114 MB filled plan spent 0.75 s of its reading
 * thread in it. NSS's code uses the processor's SHA instructions where it has them: 0.09 s for the same
 * plan. SHA-256 is one function whoever computes it; {@code SystemSha256Test} holds NSS's digests to
 * the JDK's, and each loading checks one before the provider is registered.
 *
 * <p>What it may load: {@code libsoftokn3} and the libraries NSS needs, from fixed system directories
 * only (never a path the environment or the working directory names), in NSS's no-database mode (no
 * key, no file beside the libraries). Any failure (no NSS, a JDK without the PKCS#11 provider, a check
 * that disagrees) leaves the JDK's digest, as does {@code -Dreadbackplan.systemSha256=false}. Loading
 * takes about 0.1 s, on a thread of its own while the review reads its snapshot; a digest begun before
 * it ends is the JDK's. Plans under {@link #WORTH_IT} bytes keep the JDK's digest: loading costs more than it
 * saves there.
 */
final class SystemSha256 {
    /** The system property that turns it off ({@code false}). */
    static final String PROPERTY = "readbackplan.systemSha256";
    /** Where the system's NSS is looked for, in turn: Debian's and Ubuntu's, then Fedora's and RHEL's. */
    static final List<String> DIRECTORIES = List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib");
    /**
     * The plan size from which loading pays: loading takes about 0.1 s of CPU on another core, the JDK's
     * digest at C1 about 7 ms per MB of the reading thread's (launcher, JDK 25, against not loading: a
     * one-candidate review 1.10 of the time, a 10 MB plan 0.94, a 114 MB one 0.73).
     */
    static final long WORTH_IT = 8L << 20;
    private static final String ALGORITHM = "SHA-256";

    private SystemSha256() {}

    /**
     * Starts loading NSS's SHA-256 on a daemon thread for a review of a plan of {@code planBytes} (-1:
     * unknown, read from standard input), when the plan is large enough for it to pay and the property
     * does not turn it off; returns at once.
     *
     * @return the thread started, or null
     */
    static @Nullable Thread offerFor(long planBytes) {
        if (planBytes < WORTH_IT || "false".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        Thread loading = new Thread(SystemSha256::register, "readback-plan-sha256");
        loading.setDaemon(true);
        loading.start();
        return loading;
    }

    /** Registers NSS's SHA-256 as the first, when it loads and checks out; else changes nothing. */
    static void register() {
        Provider nss = load();
        if (nss != null) {
            Security.insertProviderAt(new OneDigest(nss), 1);
        }
    }

    /** {@return NSS's provider, checked against the JDK's digest, or null: loaded once per process} */
    static @Nullable Provider load() {
        return Loaded.NSS;
    }

    /** Loaded on first use (the JVM's class initialisation makes it once and thread-safe): NSS can be configured once per process. */
    private static final class Loaded {
        static final @Nullable Provider NSS = loadOnce();
    }

    private static @Nullable Provider loadOnce() {
        try {
            String directory = directory();
            Provider pkcs11 = Security.getProvider("SunPKCS11");
            if (directory == null || pkcs11 == null) {
                return null;
            }
            Provider nss = pkcs11.configure("--name=ReadbackPlanNSS\nnssLibraryDirectory=" + directory + "\nnssDbMode=noDb\n");
            return agrees(nss) ? nss : null;
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // No NSS here, or not one the JDK can use: the JDK's digest serves.
            return null;
        }
    }

    /** {@return the first of {@link #DIRECTORIES} that holds NSS's software token, or null} */
    static @Nullable String directory() {
        return DIRECTORIES.stream().filter(d -> Files.isRegularFile(Path.of(d, "libsoftokn3.so"))).findFirst().orElse(null);
    }

    /** Whether {@code provider}'s SHA-256 gives the JDK's on a known text and on a few blocks of bytes. */
    static boolean agrees(Provider provider) throws GeneralSecurityException {
        byte[] blocks = new byte[3 * 64 * 1024 + 7];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = (byte) (i * 31 + (i >>> 8));
        }
        for (byte[] text : List.of("abc".getBytes(StandardCharsets.US_ASCII), blocks)) {
            MessageDigest system = MessageDigest.getInstance(ALGORITHM, provider);
            MessageDigest jdk = MessageDigest.getInstance(ALGORITHM, "SUN");
            // In two updates, as a reading thread feeds it.
            system.update(text, 0, text.length / 2);
            system.update(text, text.length / 2, text.length - text.length / 2);
            if (!Arrays.equals(system.digest(), jdk.digest(text))) {
                return false;
            }
        }
        return true;
    }

    /** A provider of SHA-256 alone, NSS's: no other algorithm's look-up in the process changes. */
    private static final class OneDigest extends Provider {
        private static final long serialVersionUID = 1L;

        OneDigest(Provider nss) {
            super("ReadbackPlanSha256", "1", "SHA-256 from the system's NSS (monitoring-readback-plan's command line)");
            putService(new Service(this, "MessageDigest", ALGORITHM, SystemSha256.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object constructorParameter) throws NoSuchAlgorithmException {
                    return MessageDigest.getInstance(ALGORITHM, nss);
                }
            });
        }
    }
}
