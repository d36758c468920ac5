package app.thaw.monitor;

import app.thaw.platform.testing.ServiceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

// Keys in the build directory, not under the module's .thaw/ (the embedded default's place).
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "thaw.monitor.protection.keyset-dir=target/test-keys")
@AutoConfigureWebTestClient
class IdentityMonitorApplicationTests extends ServiceContractTests {

    @Override
    protected String area() {
        return "monitor";
    }

    @Override
    protected String serviceName() {
        return "identity-monitor";
    }
}
