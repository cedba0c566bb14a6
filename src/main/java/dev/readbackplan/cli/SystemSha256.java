package dev.readbackplan.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>What it may load: {@code libsoftokn3} and the libraries NSS needs, from fixed system
 * directories only (never a path the environment or the working directory names), in NSS's
 * no-database mode (no key, no file beside the libraries). Any failure (no NSS, a JDK without the
 * PKCS#11 provider, a check that disagrees) leaves the JDK's digest, as does
 * {@code -Dreadbackplan.systemSha256=false}. Loading takes about 0.1 s, on a thread of its own while the
 * review reads its snapshot. That thread first registers the provider, then loads NSS; each digest
 * chooses NSS's or the JDK's when it is first fed: one fed before the loading ends waits for it (at
 * most {@link #WAIT_SECONDS} s), so that the plan's digest is NSS's however long the loading takes
 * (before, a digest begun before the loading ended was the JDK's: under load, the whole plan's,
 * 0.7 s). Only a digest begun before the registration (the thread's first 30 ms, while the review reads
 * its snapshot) is the JDK's. Plans under {@link #WORTH_IT} bytes keep the JDK's digest: loading
 * costs more than it saves there.
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
    /** How long a digest waits for the loading, at most, before it takes the JDK's: it takes 0.1 s. */
    static final long WAIT_SECONDS = 5;
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
        CompletableFuture<@Nullable Provider> loaded = new CompletableFuture<>();
        Thread loading = new Thread(() -> {
            try {
                // Registering first initialises the JCA (about 30 ms at start-up): on this thread, not the caller's.
                Security.insertProviderAt(deferred(loaded, Thread.currentThread()), 1);
                loaded.complete(load());
            } finally {
                loaded.complete(null); // whatever went wrong: the JDK's digest
            }
        }, "readback-plan-sha256");
        loading.setDaemon(true);
        loading.start();
        return loading;
    }

    /**
     * The provider of SHA-256 alone whose digests are NSS's once {@code loaded} gives it, the JDK's when
     * it gives null, fails or takes over {@link #WAIT_SECONDS} s, and the JDK's on {@code loading}, the
     * thread that loads NSS (which must never wait for itself).
     */
    static Provider deferred(Future<@Nullable Provider> loaded, @Nullable Thread loading) {
        return new OneDigest(loaded, loading);
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

        OneDigest(Future<@Nullable Provider> loaded, @Nullable Thread loading) {
            super("ReadbackPlanSha256", "1", "SHA-256 from the system's NSS (monitoring-readback-plan's command line)");
            putService(new Service(this, "MessageDigest", ALGORITHM, SystemSha256.class.getName(), List.of(), Map.of()) {
                @Override
                public Object newInstance(Object constructorParameter) {
                    return new DeferredDigest(loaded, loading);
                }
            });
        }
    }

    /** SHA-256 computed by NSS's digest or the JDK's, chosen when first fed (see {@link #deferred}). */
    static final class DeferredDigest extends MessageDigestSpi implements Cloneable {
        private final Future<@Nullable Provider> loaded;
        private final @Nullable Thread loading;
        private @Nullable MessageDigest chosen;

        DeferredDigest(Future<@Nullable Provider> loaded, @Nullable Thread loading) {
            this.loaded = loaded;
            this.loading = loading;
        }

        /** {@return the digest that computes this one: chosen on first use, then kept} */
        MessageDigest chosen() {
            if (chosen == null) {
                try {
                    chosen = MessageDigest.getInstance(ALGORITHM, provider());
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException("a provider of SHA-256 without it", e);
                }
            }
            return chosen;
        }

        private Provider provider() {
            if (Thread.currentThread() != loading) {
                try {
                    Provider nss = loaded.get(WAIT_SECONDS, TimeUnit.SECONDS);
                    if (nss != null) {
                        return nss;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // The JDK's digest: the same function.
                }
            }
            return Security.getProvider("SUN");
        }

        @Override
        protected int engineGetDigestLength() {
            return 32;
        }

        @Override
        protected void engineUpdate(byte input) {
            chosen().update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int length) {
            chosen().update(input, offset, length);
        }

        @Override
        protected byte[] engineDigest() {
            return chosen().digest();
        }

        @Override
        protected void engineReset() {
            if (chosen != null) {
                chosen.reset();
            }
        }

        @Override
        public Object clone() throws CloneNotSupportedException {
            DeferredDigest copy = (DeferredDigest) super.clone();
            if (chosen != null) {
                copy.chosen = (MessageDigest) chosen.clone();
            }
            return copy;
        }
    }
}
