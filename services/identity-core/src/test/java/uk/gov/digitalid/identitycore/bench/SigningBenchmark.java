package uk.gov.digitalid.identitycore.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import uk.gov.digitalid.identitycore.keys.PrivateSigningKey;
import uk.gov.digitalid.identitycore.keys.SigningAlgorithm;
import uk.gov.digitalid.identitycore.keys.SigningKeyFiles;

/**
 * Sign and verify throughput of the service's own signers (BouncyCastle under Nimbus JOSE), one
 * thread, over a credential-sized signing input. Run by scripts/bench-identity-core.sh beside
 * {@code openssl speed}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    @Param({"ES256", "EdDSA"})
    public String algorithm;

    private Path directory;
    private PrivateSigningKey key;
    private JWSVerifier verifier;
    private JWSHeader header;
    private byte[] input;
    private Base64URL signature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("bench-keys");
        key = SigningKeyFiles.generate(directory, SigningAlgorithm.valueOf(algorithm));
        verifier = SigningKeyFiles.verifier(key.publicJwk());
        header = new JWSHeader.Builder(key.algorithm().jws()).keyID(key.kid()).build();
        input = "x".repeat(900).getBytes(StandardCharsets.US_ASCII);
        signature = key.signer().sign(header, input);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(directory);
    }

    @Benchmark
    public Base64URL sign() throws JOSEException {
        return key.signer().sign(header, input);
    }

    @Benchmark
    public boolean verify() throws JOSEException {
        return verifier.verify(header, input, signature);
    }
}
