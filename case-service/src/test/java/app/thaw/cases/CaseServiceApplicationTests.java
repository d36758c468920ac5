package app.thaw.cases;

import app.thaw.platform.testing.ServiceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CaseServiceApplicationTests extends ServiceContractTests {

    @Override
    protected String area() {
        return "cases";
    }

    @Override
    protected String serviceName() {
        return "case-service";
    }
}
