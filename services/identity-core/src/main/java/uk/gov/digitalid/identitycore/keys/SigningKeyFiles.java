package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Reads and (for development only) writes signing keys as PKCS#8 PEM files, one key per
 * {@code *.pem} file in the configured directory, through BouncyCastle.
 */
public final class SigningKeyFiles {

    private SigningKeyFiles() {
    }

    /** Every key in the directory, sorted by file name; an unreadable file fails the whole load. */
    public static List<PrivateSigningKey> load(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<PrivateSigningKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                keys.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list signing keys in " + directory, e);
        }
        return keys;
    }

    /** Reads one PKCS#8 PEM file holding a P-256 or Ed25519 private key. */
    public static PrivateSigningKey read(Path file) {
        PrivateKeyInfo info;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            Object object = pem.readObject();
            if (!(object instanceof PrivateKeyInfo pki)) {
                throw new IllegalArgumentException("Signing key file " + file.getFileName() + " is not an unencrypted PKCS#8 private key");
            }
            info = pki;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read signing key file " + file.getFileName(), e);
        }
        try {
            var algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (EdECObjectIdentifiers.id_Ed25519.equals(algorithm)) {
                return ed25519(info);
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                return p256(info, file);
            }
        } catch (IOException | GeneralSecurityException | JOSEException e) {
            throw new IllegalArgumentException("Signing key file " + file.getFileName() + " holds no usable key", e);
        }
        throw new IllegalArgumentException("Signing key file " + file.getFileName() + " holds neither a P-256 nor an Ed25519 key");
    }

    private static PrivateSigningKey ed25519(PrivateKeyInfo info) throws IOException, JOSEException {
        Ed25519PrivateKeyParameters privateKey = (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(info);
        Ed25519PublicKeyParameters publicKey = privateKey.generatePublicKey();
        OctetKeyPair jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicKey.getEncoded()))
                .keyUse(KeyUse.SIGNATURE).algorithm(SigningAlgorithm.EdDSA.jws())
                .keyIDFromThumbprint().build();
        return new PrivateSigningKey(jwk.getKeyID(), SigningAlgorithm.EdDSA, jwk, new Ed25519JwsSigner(privateKey));
    }

    private static PrivateSigningKey p256(PrivateKeyInfo info, Path file) throws IOException, GeneralSecurityException, JOSEException {
        // "EC" keys (not BouncyCastle's default "ECDSA" naming), as Nimbus expects.
        KeyFactory factory = KeyFactory.getInstance("EC", BouncyCastleProviderSingleton.getInstance());
        ECPrivateKey privateKey = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        if (!Curve.P_256.equals(Curve.forECParameterSpec(privateKey.getParams()))) {
            throw new IllegalArgumentException("Signing key file " + file.getFileName() + " is an EC key, but not on P-256");
        }
        ECPrivateKeyParameters parameters = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(info);
        var domain = parameters.getParameters();
        ECPublicKeyParameters publicParameters = new ECPublicKeyParameters(
                new FixedPointCombMultiplier().multiply(domain.getG(), parameters.getD()).normalize(), domain);
        ECPublicKey publicKey = (ECPublicKey) factory.generatePublic(
                new X509EncodedKeySpec(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters).getEncoded()));
        ECKey jwk = new ECKey.Builder(Curve.P_256, publicKey)
                .keyUse(KeyUse.SIGNATURE).algorithm(SigningAlgorithm.ES256.jws())
                .keyIDFromThumbprint().build();
        return new PrivateSigningKey(jwk.getKeyID(), SigningAlgorithm.ES256, jwk, new Es256JwsSigner(parameters));
    }

    /** A verifier for a published key, checked against the algorithm the key is for. */
    public static JWSVerifier verifier(JWK publicJwk) {
        try {
            if (publicJwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                ECPublicKey publicKey = ec.toECPublicKey(BouncyCastleProviderSingleton.getInstance());
                return new Es256JwsVerifier((ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(publicKey));
            }
            if (publicJwk instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return new Ed25519JwsVerifier(new Ed25519PublicKeyParameters(okp.getX().decode(), 0));
            }
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Unusable public key " + publicJwk.getKeyID(), e);
        }
        throw new IllegalArgumentException("Unsupported key type for " + publicJwk.getKeyID());
    }

    /**
     * Generates a key and writes it as {@code <kid>.pem}, readable by the owner only. For the dev and
     * local profiles: in a cluster keys come from a Secret mounted into the directory.
     */
    public static PrivateSigningKey generate(Path directory, SigningAlgorithm algorithm) {
        try {
            KeyPair pair;
            if (algorithm == SigningAlgorithm.ES256) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastleProviderSingleton.getInstance());
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                pair = generator.generateKeyPair();
            } else {
                pair = KeyPairGenerator.getInstance("Ed25519", BouncyCastleProviderSingleton.getInstance()).generateKeyPair();
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, ".new-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(writer)) {
                pem.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
            }
            PrivateSigningKey key = read(temporary);
            Files.move(temporary, directory.resolve(key.kid() + ".pem"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a new signing key into " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key", e);
        }
    }
}
