package app.thaw.evidence;

import app.thaw.platform.testing.ServiceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EvidenceServiceApplicationTests extends ServiceContractTests {

    @Override
    protected String area() {
        return "evidence";
    }

    @Override
    protected String serviceName() {
        return "evidence-service";
    }
}
