package uk.gov.digitalid.identitycore.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param directory where the PKCS#8 PEM private keys are mounted (in a cluster, a Secret fed from Vault)
 * @param algorithm the algorithm of keys generated in the dev and local profiles
 */
@ConfigurationProperties("identity-core.keys")
public record SigningKeyProperties(Path directory, SigningAlgorithm algorithm) {

    public SigningKeyProperties {
        if (directory == null) {
            throw new IllegalArgumentException("identity-core.keys.directory must name the mounted signing key directory");
        }
        algorithm = algorithm == null ? SigningAlgorithm.ES256 : algorithm;
    }
}
