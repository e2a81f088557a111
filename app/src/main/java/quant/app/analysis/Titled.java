package quant.app.analysis;

/** A view whose tab title follows what it shows (a customer's page shows the customer's name once read). */
public interface Titled {
    javafx.beans.value.ObservableValue<String> titleProperty();
}
