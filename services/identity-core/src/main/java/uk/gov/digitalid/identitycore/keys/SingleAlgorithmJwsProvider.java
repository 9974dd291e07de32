package uk.gov.digitalid.identitycore.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSProvider;
import com.nimbusds.jose.jca.JCAContext;
import java.util.Set;

/** What Nimbus asks of a signer or verifier that serves one algorithm and needs no JCA provider. */
abstract class SingleAlgorithmJwsProvider implements JWSProvider {

    private final JWSAlgorithm algorithm;
    private final JCAContext jcaContext = new JCAContext();

    SingleAlgorithmJwsProvider(JWSAlgorithm algorithm) {
        this.algorithm = algorithm;
    }

    boolean serves(JWSAlgorithm requested) {
        return algorithm.equals(requested);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return jcaContext;
    }
}
