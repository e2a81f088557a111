package quant.app.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import quant.app.SampleViews;
import quant.app.job.FxJobRunner;
import quant.core.customer.CustomerProfile;

/** A customer's page on the sample company: contact, figures, jobs, invoices and payments; photographed. */
@ExtendWith(ApplicationExtension.class)
class CustomerPageUiTest {
    private Stage stage;
    private long id;
    private long jobs;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // the customer with the most jobs, and their count, by SQL written here
        try (Connection c = SampleViews.store().readConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT customer_id, COUNT(*) n FROM job GROUP BY customer_id ORDER BY n DESC, customer_id LIMIT 1")) {
            rs.next();
            id = rs.getLong(1);
            jobs = rs.getLong(2);
        }
        stage.setScene(new Scene(new CustomerPage(new FxJobRunner(), SampleViews.store(), id), 1280, 800));
        stage.show();
    }

    @Test
    void showsWhoTheCustomerIsAndEveryJobInvoiceAndPayment(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#customer-jobs")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#customer-jobs").queryAs(TableView.class).getItems())
                .hasSize((int) jobs);
        assertThat(robot.lookup("#customer-invoices").queryAs(TableView.class).getItems())
                .isNotEmpty();
        assertThat(robot.lookup("#customer-payments").queryAs(TableView.class).getItems())
                .isNotEmpty();
        CustomerProfile p = CustomerProfile.read(SampleViews.store(), id);
        assertThat(robot.lookup("#customer-name").queryAs(Label.class).getText())
                .isEqualTo(p.name());
        assertThat(robot.lookup("#customer-contact").queryAs(Label.class).getText())
                .contains(p.phone());
        // the totals agree with the rows they sum
        double margin = p.jobs().stream()
                .filter(j -> "completed".equals(j.status()))
                .mapToDouble(j -> j.revenue() - j.cost())
                .sum();
        assertThat(p.totals().margin()).isCloseTo(margin, org.assertj.core.data.Offset.offset(0.01));
        SampleViews.save(stage, "customer-page.png");
    }
}
