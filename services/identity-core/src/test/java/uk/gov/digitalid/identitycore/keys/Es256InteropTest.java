package uk.gov.digitalid.identitycore.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our BouncyCastle ES256 signatures are ordinary JWS ES256: the JDK's ECDSA (through Nimbus) agrees both ways. */
class Es256InteropTest {

    @TempDir
    Path keys;

    private final JWSHeader header = new JWSHeader(JWSAlgorithm.ES256);
    private final byte[] input = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJjaXRpemVuIn0".getBytes(StandardCharsets.US_ASCII);

    @Test
    void ourSignaturesVerifyWithTheJdkAndTheJdksWithOurs() throws Exception {
        PrivateSigningKey ours = SigningKeyFiles.generate(keys, SigningAlgorithm.ES256);
        Base64URL signature = ours.signer().sign(header, input);
        assertThat(signature.decode()).hasSize(64);
        assertThat(new ECDSAVerifier((ECKey) ours.publicJwk()).verify(header, input, signature)).isTrue();
        assertThat(ours.signer().sign(header, input)).as("RFC 6979: deterministic").isEqualTo(signature);

        ECKey jdkKey = new ECKeyGenerator(Curve.P_256).generate();
        Base64URL jdkSignature = new ECDSASigner(jdkKey).sign(header, input);
        assertThat(SigningKeyFiles.verifier(jdkKey.toPublicJWK()).verify(header, input, jdkSignature)).isTrue();
        byte[] tampered = jdkSignature.decode();
        tampered[10] ^= 1;
        assertThat(SigningKeyFiles.verifier(jdkKey.toPublicJWK()).verify(header, input, Base64URL.encode(tampered))).isFalse();
    }

    @Test
    void readsAKeyWrittenByOpenSslStylePkcs8() throws Exception {
        ECKey jdkKey = new ECKeyGenerator(Curve.P_256).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(jdkKey.toECPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        PrivateSigningKey read = SigningKeyFiles.read(Files.writeString(keys.resolve("mounted.pem"), pem));
        assertThat(read.kid()).isEqualTo(jdkKey.computeThumbprint().toString());
        assertThat(new ECDSAVerifier(jdkKey.toECPublicKey()).verify(header, input, read.signer().sign(header, input))).isTrue();
    }
}
