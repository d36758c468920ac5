package app.thaw.monitor;

import app.thaw.platform.testing.ServiceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
