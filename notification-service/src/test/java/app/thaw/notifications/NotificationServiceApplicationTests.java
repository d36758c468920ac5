package app.thaw.notifications;

import app.thaw.platform.testing.ServiceContractTests;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class NotificationServiceApplicationTests extends ServiceContractTests {

    @Override
    protected String area() {
        return "notifications";
    }

    @Override
    protected String serviceName() {
        return "notification-service";
    }
}
