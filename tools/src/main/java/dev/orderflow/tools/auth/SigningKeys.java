package dev.orderflow.tools.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * The local run's token signing key pair, in its run directory ({@code <run dir>/keys}): {@code jwt-private.pem}
 * (RSA 2048, PKCS#8 PEM, readable by its owner only), with which the tools sign tokens, and {@code jwt-public.pem}
 * (X.509 SubjectPublicKeyInfo PEM), which the services verify them with ({@code mp.jwt.verify.publickey.location}).
 * Made once, at the first start, and kept: a token stays good across restarts until it expires.
 */
public final class SigningKeys {

    public static final String PRIVATE_KEY = "jwt-private.pem";
    public static final String PUBLIC_KEY = "jwt-public.pem";

    private SigningKeys() {
    }

    /**
     * Makes the key pair in {@code directory} unless it is there; true when it made it. A directory with one of the two
     * files only is refused rather than repaired: the public key the services hold must be the private key's.
     */
    public static boolean ensure(Path directory) {
        Path privateKey = directory.resolve(PRIVATE_KEY);
        Path publicKey = directory.resolve(PUBLIC_KEY);
        boolean hasPrivate = Files.exists(privateKey);
        boolean hasPublic = Files.exists(publicKey);
        if (hasPrivate && hasPublic) {
            return false;
        }
        if (hasPrivate || hasPublic) {
            throw new IllegalStateException(directory + " holds " + (hasPrivate ? PRIVATE_KEY : PUBLIC_KEY)
                    + " without " + (hasPrivate ? PUBLIC_KEY : PRIVATE_KEY)
                    + ": remove it to make a new pair (tokens signed with the old key are then refused)");
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key pair", e);
        }
        try {
            Files.createDirectories(directory);
            // created with owner-only permissions, so the private key is never readable by others, not even briefly
            Files.createFile(privateKey, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardOpenOption.WRITE);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("another process is making the key pair in " + directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key pair to " + directory, e);
        }
        return true;
    }

    public static RSAPrivateKey readPrivate(Path file) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(file, "PRIVATE KEY")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    public static RSAPublicKey readPublic(Path file) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(decode(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(file + " is not an RSA public key in PEM", e);
        }
    }

    /**
     * Where the tools look for the private key by default: {@code keys/jwt-private.pem} of the run directory
     * ({@code ORDERFLOW_RUN_DIR}, else {@code run/} of the working directory), as {@code deploy/local/start.sh} makes it.
     */
    public static Path defaultPrivateKey(Map<String, String> environment) {
        return Path.of(environment.getOrDefault("ORDERFLOW_RUN_DIR", "run"), "keys", PRIVATE_KEY);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(Path file, String type) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException(file + " holds no " + begin + " block");
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
