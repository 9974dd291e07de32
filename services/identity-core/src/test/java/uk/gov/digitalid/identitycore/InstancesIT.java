package uk.gov.digitalid.identitycore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.digitalid.identitycore.CredentialFixtures.get;
import static uk.gov.digitalid.identitycore.CredentialFixtures.post;
import static uk.gov.digitalid.identitycore.CredentialFixtures.request;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import uk.gov.digitalid.backing.BackingService;
import uk.gov.digitalid.backing.BackingServices;
import uk.gov.digitalid.backing.LocalFiles;
import uk.gov.digitalid.backing.junit.WithBackingServices;

/** Several instances of identity-core on one database, Redis and Kafka, as in a cluster. */
@WithBackingServices
@ExtendWith(OutputCaptureExtension.class)
class InstancesIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void revocationAndRotationReachEveryInstance(BackingServices services, CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext a = start(services, "local,it", null);
             ConfigurableApplicationContext b = start(services, "local,it", null)) {
            int portA = port(a);
            int portB = port(b);
            Map<?, ?> revoked = issue(portA, "multi-1");
            Map<?, ?> kept = issue(portA, "multi-2");
            assertThat(verify(portB, revoked).get("valid")).isEqualTo(true);

            assertThat(post(portA, "/v1/credentials/" + revoked.get("id") + "/revocation", "", json).status()).isEqualTo(200);
            assertThat(eventually(() -> verify(portB, revoked).get("reasons"), List.of("revoked"))).isEqualTo(List.of("revoked"));

            String oldKid = (String) kept.get("kid");
            var rotation = post(portA, "/v1/admin/signing-keys/rotation", "", json);
            assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
            String newKid = (String) json.readValue(rotation.body(), Map.class).get("kid");
            assertThat(newKid).isNotEqualTo(oldKid);
            assertThat(eventually(() -> issue(portB, "multi-3").get("kid"), newKid)).isEqualTo(newKid);

            for (int port : List.of(portA, portB)) {
                assertThat(verify(port, kept).get("valid")).as("old credential on %d", port).isEqualTo(true);
                assertThat(get(port, "/.well-known/jwks.json").body()).contains(oldKid, newKid);
                assertThat(get(port, "/.well-known/did.json").body()).contains("#" + oldKid, "#" + newKid);
            }
            String generatedKey = Files.readAllLines(Path.of("target/it-signing-keys", newKid + ".pem")).get(1);
            assertThat(output.getAll()).doesNotContain(generatedKey);
        }
    }

    @Test
    void anInstanceWithoutTheNewKeyKeepsSigningUntilItIsMounted(BackingServices services) throws Exception {
        Path mountA = LocalFiles.prepareDirectory(Path.of("target/it-mount-a"), true);
        Path mountB = LocalFiles.prepareDirectory(Path.of("target/it-mount-b"), true);
        String schema = "--spring.flyway.schemas=identity_core_mounts";
        String[] ownSchema = {schema, "--spring.flyway.default-schema=identity_core_mounts", "--spring.datasource.hikari.schema=identity_core_mounts"};
        try (ConfigurableApplicationContext a = start(services, "local,it", mountA, ownSchema)) {
            String first = (String) issue(port(a), "mount-1").get("kid");
            Files.copy(mountA.resolve(first + ".pem"), mountB.resolve(first + ".pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            try (ConfigurableApplicationContext b = start(services, "local,it", mountB, ownSchema)) {
                String second = (String) json.readValue(post(port(a), "/v1/admin/signing-keys/rotation", "", json).body(), Map.class).get("kid");
                Thread.sleep(1000);
                Map<?, ?> stillOld = issue(port(b), "mount-2");
                assertThat(stillOld.get("kid")).as("B has not got the new key yet").isEqualTo(first);
                assertThat(verify(port(a), stillOld).get("valid")).isEqualTo(true);

                Files.copy(mountA.resolve(second + ".pem"), mountB.resolve(second + ".pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                assertThat(eventually(() -> issue(port(b), "mount-3").get("kid"), second)).isEqualTo(second);
            }
        }
    }

    @Test
    void restartKeepsCredentialsAndStatusLists(BackingServices services) {
        Map<?, ?> valid;
        Map<?, ?> revoked;
        try (ConfigurableApplicationContext first = start(services, "local,it", null)) {
            valid = issue(port(first), "restart-1");
            revoked = issue(port(first), "restart-2");
            post(port(first), "/v1/credentials/" + revoked.get("id") + "/revocation", "", json);
        }
        try (ConfigurableApplicationContext second = start(services, "local,it", null)) {
            assertThat(verify(port(second), valid).get("valid")).isEqualTo(true);
            assertThat(verify(port(second), revoked).get("reasons")).isEqualTo(List.of("revoked"));
            String list = ((String) revoked.get("statusListCredential")).replace("http://localhost:3000", "");
            assertThat(get(port(second), list).status()).isEqualTo(200);
        }
    }

    @Test
    void refusesToStartWithoutAKeyOutsideDevAndLocal(BackingServices services) throws Exception {
        Path empty = Files.createDirectories(Path.of("target/it-no-keys"));
        assertThatThrownBy(() -> start(services, "it", empty).close())
                .hasStackTraceContaining("No signing key in");
        try (var files = Files.list(empty)) {
            assertThat(files).as("nothing generated").isEmpty();
        }
    }

    @Test
    void ed25519IsSelectableAndKeyTypeConfusionIsRejected(BackingServices services) throws Exception {
        Path keys = Files.createDirectories(Path.of("target/it-ed25519-keys"));
        try (ConfigurableApplicationContext ed = start(services, "local,it", keys, "--identity-core.keys.algorithm=EdDSA",
                "--spring.flyway.schemas=identity_core_ed", "--spring.flyway.default-schema=identity_core_ed",
                "--spring.datasource.hikari.schema=identity_core_ed")) {
            Map<?, ?> issued = issue(port(ed), "ed-1");
            SignedJWT jwt = SignedJWT.parse((String) issued.get("credential"));
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            assertThat(verify(port(ed), issued).get("valid")).isEqualTo(true);

            // The same claims and signature under an ES256 header naming the Ed25519 key.
            JWSHeader confused = new JWSHeader.Builder(JWSAlgorithm.ES256).type(new JOSEObjectType("vc+jwt"))
                    .keyID(jwt.getHeader().getKeyID()).build();
            String token = confused.toBase64URL() + "." + jwt.getPayload().toBase64URL() + "." + jwt.getSignature();
            var result = post(port(ed), "/v1/credentials/verify", Map.of("credential", token), json);
            assertThat(json.readValue(result.body(), Map.class).get("reasons")).isEqualTo(List.of("algorithm-key-mismatch"));
        }
    }

    private ConfigurableApplicationContext start(BackingServices services, String profiles, Path keys, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=" + profiles, "--server.port=0"));
        args.addAll(List.of(extra));
        services.springProperties(EnumSet.allOf(BackingService.class)).forEach((k, v) -> args.add("--" + k + "=" + v));
        if (keys != null) {
            args.add("--identity-core.keys.directory=" + keys);
        }
        return new SpringApplicationBuilder(IdentityCoreApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private Map<?, ?> issue(int port, String subject) {
        var response = post(port, "/v1/credentials", request(subject), json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return json.readValue(response.body(), Map.class);
    }

    private Map<?, ?> verify(int port, Map<?, ?> issued) {
        var response = post(port, "/v1/credentials/verify", Map.of("credential", issued.get("credential")), json);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json.readValue(response.body(), Map.class);
    }

    /** Polls until the value is the expected one (sync messages reach other instances asynchronously); returns the last value. */
    private static Object eventually(Supplier<Object> value, Object expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Object last = value.get();
        while (!expected.equals(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = value.get();
        }
        return last;
    }
}
