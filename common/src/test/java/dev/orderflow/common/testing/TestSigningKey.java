package dev.orderflow.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The key pair the tests' tokens are signed with ({@link Tokens}), made when a test JVM starts (this class is a JUnit
 * launcher session listener of every module whose tests use common's test jar), before any application under test
 * reads its configuration. The services under test verify with its public key: a {@code @QuarkusTest} through the
 * system property {@code mp.jwt.verify.publickey}, a launched application ({@link LaunchedService}) through a PEM file
 * at {@code mp.jwt.verify.publickey.location}, as in production. It lives in system properties, which every class
 * loader of the JVM sees alike; the private key is never written anywhere.
 */
public final class TestSigningKey implements LauncherSessionListener {

    public static final String ISSUER = "orderflow-test";

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    static final String PRIVATE_KEY = "orderflow.test.jwt.private-key";
    static final String PUBLIC_KEY_FILE = "orderflow.test.jwt.public-key-file";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        install();
    }

    /** Makes the key pair, unless this JVM has one. */
    static synchronized void install() {
        if (System.getProperty(PRIVATE_KEY) != null) {
            return;
        }
        KeyPair pair = generate();
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        try {
            Path file = Files.createTempFile("orderflow-test-jwt-public", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            System.setProperty(PUBLIC_KEY_FILE, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PUBLIC_KEY, publicKey);
        System.setProperty(PRIVATE_KEY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
    }

    /** The private key the tests sign with. */
    static PrivateKey privateKey() {
        install();
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(PRIVATE_KEY))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a PEM file, where a launched application reads it. */
    static Path publicKeyFile() {
        install();
        return Path.of(System.getProperty(PUBLIC_KEY_FILE));
    }

    /** A fresh RSA 2048 key pair. */
    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
