package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The system's SHA-256 the review's command line registers: it gives the JDK's digests (seeded texts
 * of every length around NSS's and the JDK's block sizes, fed in uneven updates), it is registered for
 * SHA-256 alone, and it is not loaded for small plans or when turned off.
 */
class SystemSha256Test {
    private static final String NAME = "ReadbackPlanSha256";

    @AfterEach
    void unregister() {
        Security.removeProvider(NAME);
    }

    /** NSS's provider, where this machine has NSS in one of the directories looked in; the test is skipped elsewhere. */
    private static Provider nss() {
        assumeTrue(SystemSha256.directory() != null && Security.getProvider("SunPKCS11") != null, "no NSS or no PKCS#11 provider on this machine");
        Provider nss = SystemSha256.load();
        assertNotNull(nss, "NSS is installed, yet it did not load or did not agree with the JDK's digest");
        return nss;
    }

    @Test
    void nssGivesTheJdksDigestsForSeededTextsAndUpdates() throws Exception {
        Provider nss = nss();
        Random random = new Random(16);
        int[] lengths = {0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 4095, 4096, 4097, 65_535, 65_536, 65_537, 1 << 20, (1 << 20) + 13};
        for (int length : lengths) {
            for (int round = 0; round < 3; round++) {
                byte[] text = new byte[length];
                random.nextBytes(text);
                MessageDigest system = MessageDigest.getInstance("SHA-256", nss);
                int at = 0;
                while (at < length) {
                    int step = Math.min(length - at, 1 + random.nextInt(70_000));
                    system.update(text, at, step);
                    at += step;
                }
                assertEquals(hex(MessageDigest.getInstance("SHA-256", "SUN").digest(text)), hex(system.digest()), "length " + length + ", round " + round);
            }
        }
    }

    @Test
    void theCheckBeforeRegisteringRefusesADigestThatDisagrees() throws Exception {
        Provider jdk = Security.getProvider("SUN");
        assertTrue(SystemSha256.agrees(jdk), "the JDK's digest agrees with itself");
        // A provider whose "SHA-256" is another function fails the check.
        Provider wrong = new Provider("WrongSha256", "1", "SHA-256 answered by SHA-512/256") {
            private static final long serialVersionUID = 1L;
            {
                putService(new Service(this, "MessageDigest", "SHA-256", "x", java.util.List.of(), java.util.Map.of()) {
                    @Override
                    public Object newInstance(Object parameter) throws NoSuchAlgorithmException {
                        return MessageDigest.getInstance("SHA-512/256", Security.getProvider("SUN"));
                    }
                });
            }
        };
        assertFalse(SystemSha256.agrees(wrong));
    }

    @Test
    void registeredForSha256AloneAndFirst() throws Exception {
        java.util.Set<Thread> before = nonDaemon();
        Security.insertProviderAt(SystemSha256.deferred(java.util.concurrent.CompletableFuture.completedFuture(nss()), null), 1);
        assertEquals(NAME, Security.getProviders()[0].getName());
        assertEquals(NAME, MessageDigest.getInstance("SHA-256").getProvider().getName());
        byte[] text = "the plan reviewed".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(hex(MessageDigest.getInstance("SHA-256", "SUN").digest(text)), hex(MessageDigest.getInstance("SHA-256").digest(text)));
        // No other look-up changes.
        assertNotEquals(NAME, MessageDigest.getInstance("SHA-1").getProvider().getName());
        assertNotEquals(NAME, MessageDigest.getInstance("SHA-512").getProvider().getName());
        assertNotEquals(NAME, new java.security.SecureRandom().getProvider().getName());
        assertThrows(NoSuchAlgorithmException.class, () -> MessageDigest.getInstance("MD5", NAME));
        // NSS's provider starts threads of its own (a session cleaner): none may keep the JVM alive after main returns.
        java.util.Set<Thread> after = nonDaemon();
        after.removeAll(before);
        assertEquals(java.util.Set.of(), after, "threads that keep the JVM alive");
    }

    @Test
    void aDigestFedBeforeTheLoadingEndsWaitsForItAndIsNss() throws Exception {
        Provider nss = nss();
        java.util.concurrent.CompletableFuture<Provider> loaded = new java.util.concurrent.CompletableFuture<>();
        SystemSha256.DeferredDigest digest = new SystemSha256.DeferredDigest(loaded, null);
        MessageDigest[] chosen = new MessageDigest[1];
        Thread feeding = new Thread(() -> chosen[0] = digest.chosen());
        feeding.start();
        // It waits (not a timing: the thread is found waiting, or it has already chosen, which the assertion below refuses).
        while (feeding.getState() != Thread.State.TIMED_WAITING && feeding.isAlive()) {
            Thread.onSpinWait();
        }
        loaded.complete(nss);
        feeding.join(30_000);
        assertFalse(feeding.isAlive());
        assertEquals(nss, chosen[0].getProvider(), "chose before the loading ended");
        byte[] text = "fed before NSS had loaded".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        MessageDigest jca = MessageDigest.getInstance("SHA-256", SystemSha256.deferred(java.util.concurrent.CompletableFuture.completedFuture(nss), null));
        assertEquals(hex(MessageDigest.getInstance("SHA-256", "SUN").digest(text)), hex(jca.digest(text)));
    }

    @Test
    void aLoadingThatFailsOrTheLoadingThreadItselfGetsTheJdks() throws Exception {
        java.util.concurrent.CompletableFuture<Provider> failed = java.util.concurrent.CompletableFuture.completedFuture(null);
        assertEquals("SUN", new SystemSha256.DeferredDigest(failed, null).chosen().getProvider().getName());
        java.util.concurrent.CompletableFuture<Provider> broken = new java.util.concurrent.CompletableFuture<>();
        broken.completeExceptionally(new IllegalStateException("no NSS"));
        assertEquals("SUN", new SystemSha256.DeferredDigest(broken, null).chosen().getProvider().getName());
        // The loading thread never waits for itself, even while its own loading is pending.
        java.util.concurrent.CompletableFuture<Provider> pending = new java.util.concurrent.CompletableFuture<>();
        String[] chosen = new String[1];
        Thread[] self = new Thread[1];
        self[0] = new Thread(() -> chosen[0] = new SystemSha256.DeferredDigest(pending, self[0]).chosen().getProvider().getName());
        self[0].start();
        // Waiting, it would be found in a timed wait (for WAIT_SECONDS) before it ends.
        while (self[0].isAlive()) {
            assertNotEquals(Thread.State.TIMED_WAITING, self[0].getState(), "the loading thread waits for itself");
            Thread.onSpinWait();
        }
        assertEquals("SUN", chosen[0]);
    }

    @Test
    void aDigestClonedHalfWayGoesOnAsTheOriginal() throws Exception {
        Provider provider = SystemSha256.deferred(java.util.concurrent.CompletableFuture.completedFuture(null), null);
        byte[] text = new byte[200_003];
        new Random(3).nextBytes(text);
        MessageDigest digest = MessageDigest.getInstance("SHA-256", provider);
        digest.update(text, 0, 100_000);
        MessageDigest copy = (MessageDigest) digest.clone();
        digest.update(text, 100_000, text.length - 100_000);
        copy.update(text, 100_000, text.length - 100_000);
        String expected = hex(MessageDigest.getInstance("SHA-256", "SUN").digest(text));
        assertEquals(expected, hex(digest.digest()));
        assertEquals(expected, hex(copy.digest()));
        digest.update(text);
        assertEquals(expected, hex(digest.digest()), "reset after digest()");
    }

    private static java.util.Set<Thread> nonDaemon() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && !t.isDaemon()).forEach(threads::add);
        return threads;
    }

    @Test
    void notLoadedForSmallOrUnknownPlansOrWhenTurnedOff() throws Exception {
        assertNull(SystemSha256.offerFor(-1), "a plan from standard input");
        assertNull(SystemSha256.offerFor(SystemSha256.WORTH_IT - 1), "a plan under the size from which it pays");
        String before = System.getProperty(SystemSha256.PROPERTY);
        System.setProperty(SystemSha256.PROPERTY, "false");
        try {
            assertNull(SystemSha256.offerFor(SystemSha256.WORTH_IT), "turned off");
        } finally {
            if (before == null) {
                System.clearProperty(SystemSha256.PROPERTY);
            } else {
                System.setProperty(SystemSha256.PROPERTY, before);
            }
        }
        Thread loading = SystemSha256.offerFor(SystemSha256.WORTH_IT);
        assertNotNull(loading, "a large plan");
        assertTrue(loading.isDaemon(), "a daemon: it never keeps the JVM alive");
        loading.join(30_000);
        assertFalse(loading.isAlive());
        // Registered by the loading thread, first, whether NSS loaded or not (without it, its digests are the JDK's).
        assertEquals(NAME, Security.getProviders()[0].getName());
        byte[] text = "a large plan".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(hex(MessageDigest.getInstance("SHA-256", "SUN").digest(text)), hex(MessageDigest.getInstance("SHA-256").digest(text)));
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
