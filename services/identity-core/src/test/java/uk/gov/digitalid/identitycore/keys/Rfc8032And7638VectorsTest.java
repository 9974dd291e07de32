package uk.gov.digitalid.identitycore.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Published test vectors, run through the same code path the service uses for its keys. */
class Rfc8032And7638VectorsTest {

    @TempDir
    Path keys;

    /** RFC 8032 section 7.1, tests 1 to 3: secret key, public key, message, signature. */
    @ParameterizedTest(name = "RFC 8032 test {index}")
    @CsvSource({
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60, d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '', "
                + "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb, 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72, "
                + "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7, fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82, "
                + "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
    })
    void ed25519KeyFileSignsAsPublished(String secret, String publicKey, String message, String signature) throws Exception {
        HexFormat hex = HexFormat.of();
        Path file = writePkcs8(hex.parseHex("302e020100300506032b657004220420" + secret));

        PrivateSigningKey key = SigningKeyFiles.read(file);
        JWSHeader header = new JWSHeader(JWSAlgorithm.EdDSA);
        Base64URL produced = key.signer().sign(header, hex.parseHex(message));

        assertThat(key.algorithm()).isEqualTo(SigningAlgorithm.EdDSA);
        assertThat(((OctetKeyPair) key.publicJwk()).getX().decode()).isEqualTo(hex.parseHex(publicKey));
        assertThat(hex.formatHex(produced.decode())).isEqualTo(signature);
        assertThat(SigningKeyFiles.verifier(key.publicJwk()).verify(header, hex.parseHex(message), produced)).isTrue();
        assertThat(key.publicJwk().isPrivate()).isFalse();
    }

    /** RFC 7638 section 3.1: the thumbprint of the example RSA key. */
    @Test
    void rfc7638ExampleThumbprint() throws Exception {
        RSAKey example = RSAKey.parse("""
                {"kty":"RSA","e":"AQAB","alg":"RS256","kid":"2011-04-29","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}""");
        assertThat(example.computeThumbprint().toString()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    /** Our kid is the RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order. */
    @Test
    void generatedKeysAreNamedByTheirThumbprint() throws Exception {
        PrivateSigningKey es256 = SigningKeyFiles.generate(keys, SigningAlgorithm.ES256);
        ECKey ec = (ECKey) es256.publicJwk();
        String members = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + ec.getX() + "\",\"y\":\"" + ec.getY() + "\"}";
        assertThat(es256.kid()).isEqualTo(sha256(members));

        PrivateSigningKey ed25519 = SigningKeyFiles.generate(keys, SigningAlgorithm.EdDSA);
        OctetKeyPair okp = (OctetKeyPair) ed25519.publicJwk();
        assertThat(ed25519.kid()).isEqualTo(sha256("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + okp.getX() + "\"}"));

        assertThat(Files.getPosixFilePermissions(keys.resolve(es256.kid() + ".pem")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(SigningKeyFiles.load(keys)).extracting(PrivateSigningKey::kid).containsExactlyInAnyOrder(es256.kid(), ed25519.kid());
        assertThat(es256.toString()).doesNotContain(Files.readString(keys.resolve(es256.kid() + ".pem")).lines().skip(1).findFirst().orElseThrow());
    }

    private static String sha256(String text) throws Exception {
        return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))).toString();
    }

    private Path writePkcs8(byte[] der) throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n";
        return Files.writeString(keys.resolve("vector.pem"), pem);
    }
}
